import type { Language } from '../i18n/dictionary';

/**
 * A broken rule, as the domain (`parseInput`, rule checks) and the server (`ValidationError`)
 * both describe it: a stable code, the path of the input field, a message in both languages.
 * The server sends array indices as strings (["members", "2", "role"]).
 */
export interface ViolationLike {
  code: string;
  path: readonly (string | number)[];
  message: { vi: string; en: string };
}

export type FieldPath = Array<string | number>;

export interface FieldErrors {
  /** For antd's `form.setFields`: the errors of each field a violation names. */
  fields: Array<{ name: FieldPath; errors: string[] }>;
  /** Violations about the whole input or a field the form does not show: shown above the buttons. */
  general: string[];
}

const normalise = (path: readonly (string | number)[]): FieldPath =>
  path.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p));

/**
 * Puts each violation on the form field it names. `fieldFor` maps an input path to the form's
 * own field (forms and inputs mostly share names); it returns null for a path the form does not
 * show, whose message then goes to `general`.
 */
export function fieldErrors(
  violations: readonly ViolationLike[],
  language: Language,
  fieldFor: (path: FieldPath) => FieldPath | null = (path) => (path.length > 0 ? path : null),
): FieldErrors {
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  const general: string[] = [];
  for (const violation of violations) {
    const text = violation.message[language];
    const name = fieldFor(normalise(violation.path));
    if (!name) {
      if (!general.includes(text)) general.push(text);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], general };
}
