import type { AllMessageModules } from './all-messages';
import { coreMessages } from './messages/core';
import { listsMessages } from './messages/lists';

/**
 * The admin web's own words, Vietnamese first (NFC, with diacritics) and English. Labels of the
 * model's enums (unit kinds, roles in bodies…) come from @coso/domain, not from here.
 * `{name}` in a message is a parameter; both languages use the same ones (a test checks).
 */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A feature's messages, as `defineMessages` makes them. */
export interface MessageModule {
  vi: Readonly<Record<string, string>>;
  en: Readonly<Record<string, string>>;
}

/** The keys of a module, or of each module of a union. */
export type KeysOf<M extends MessageModule> = M extends MessageModule ? keyof M['vi'] & string : never;

/** Every key of every module (a type only: nothing is bundled by it). */
export type MessageKey = { [M in keyof AllMessageModules]: KeysOf<AllMessageModules[M]> }[keyof AllMessageModules];

/**
 * The base messages, on the first screen: the app, sign-in, the shell and the menu, the pager and
 * what every list shares. A feature's own messages come with its pages (`useMessages`).
 */
const BASE = [coreMessages, listsMessages] as const;
export type BaseKey = KeysOf<(typeof BASE)[number]>;

function merge(modules: readonly MessageModule[], language: Language): Readonly<Record<string, string>> {
  return Object.assign({}, ...modules.map((m) => m[language]));
}

const BASE_DICTIONARIES: Record<Language, Readonly<Record<string, string>>> = { vi: merge(BASE, 'vi'), en: merge(BASE, 'en') };

export type MessageParams = Record<string, string | number>;

function fill(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** A base message in `language`, with `{name}` parameters filled in. */
export function translate(language: Language, key: BaseKey, params?: MessageParams): string {
  return fill(BASE_DICTIONARIES[language][key] ?? key, params);
}

/**
 * The translate function of some feature modules (and the base messages) in `language`: the
 * compiler accepts only keys of the modules given, so a page cannot use a message it did not bring.
 */
export function translator<const Ms extends readonly MessageModule[]>(
  language: Language,
  modules: Ms,
): (key: BaseKey | KeysOf<Ms[number]>, params?: MessageParams) => string {
  return (key, params) => {
    for (const module of modules) {
      const template = module[language][key];
      if (template !== undefined) return fill(template, params);
    }
    return fill(BASE_DICTIONARIES[language][key] ?? key, params);
  };
}

/** The names of the `{name}` parameters a message uses. */
export function messageParams(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A text the server sends in both languages (`{ vi, en }`), in `language`. */
export function localizedText(text: { vi: string; en: string }, language: Language): string {
  return text[language];
}

/**
 * A GraphQL error's (or an export's JSON error's) message in `language`: coso sends every error with
 * `extensions.localizedMessage: { vi, en }`; a message from elsewhere (a proxy) is shown as it came.
 */
export function serverErrorText(
  error: { message?: string | null; extensions?: Readonly<Record<string, unknown>> | null },
  language: Language,
): string {
  const pair = error.extensions?.localizedMessage as { vi?: unknown; en?: unknown } | undefined;
  const text = pair?.[language];
  return typeof text === 'string' ? text : (error.message ?? '');
}
