import { accountsMessages } from './messages/accounts';
import { boardsMessages } from './messages/boards';
import { buildingsMessages } from './messages/buildings';
import { coreMessages } from './messages/core';
import { dashboardMessages } from './messages/dashboard';
import { explorerMessages } from './messages/explorer';
import { findingsMessages } from './messages/findings';
import { formsMessages } from './messages/forms';
import { listsMessages } from './messages/lists';
import { organizationsMessages } from './messages/organizations';
import { peopleMessages } from './messages/people';
import { peopleListMessages } from './messages/people-list';
import { recordsMessages } from './messages/records';
import { reorganisationMessages } from './messages/reorganisation';
import { reportMessages } from './messages/report';
import { unitsMessages } from './messages/units';

/**
 * The admin web's own words, Vietnamese first (NFC, with diacritics) and English. Labels of the
 * model's enums (unit kinds, roles in bodies…) come from @coso/domain, not from here.
 * `{name}` in a message is a parameter; both languages use the same ones (a test checks).
 */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Every feature's messages in one dictionary. A feature owns its module under messages/ (keys
 * prefixed with the feature's name); a test checks that no key is defined twice.
 */
export const MESSAGE_MODULES = {
  core: coreMessages,
  units: unitsMessages,
  lists: listsMessages,
  dashboard: dashboardMessages,
  explorer: explorerMessages,
  organizations: organizationsMessages,
  people: peopleMessages,
  peopleList: peopleListMessages,
  buildings: buildingsMessages,
  boards: boardsMessages,
  reorganisation: reorganisationMessages,
  report: reportMessages,
  findings: findingsMessages,
  records: recordsMessages,
  forms: formsMessages,
  accounts: accountsMessages,
} as const;

type Modules = typeof MESSAGE_MODULES;
export type MessageKey = { [M in keyof Modules]: keyof Modules[M]['vi'] & string }[keyof Modules];
export type Dictionary = Record<MessageKey, string>;

function merge(language: Language): Dictionary {
  return Object.assign({}, ...Object.values(MESSAGE_MODULES).map((m) => m[language])) as Dictionary;
}

export const vi: Dictionary = merge('vi');
export const en: Dictionary = merge('en');

export const DICTIONARIES: Record<Language, Dictionary> = { vi, en };

export type MessageParams = Record<string, string | number>;

/** The message `key` in `language`, with `{name}` parameters filled in. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = DICTIONARIES[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The names of the `{name}` parameters a message uses. */
export function messageParams(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * coso's server messages are bilingual, "Tiếng Việt / English": the part for `language` (the
 * whole message when it has no separator).
 */
export function localizedServerMessage(message: string, language: Language): string {
  const at = message.indexOf(' / ');
  if (at < 0) return message;
  return language === 'vi' ? message.slice(0, at) : message.slice(at + 3);
}
