import type { FieldErrors, FieldPath } from '../forms/violations';

/** The messages of each field, from several sources (the live checks, the server), once each. */
export interface FormMessages {
  byField: ReadonlyMap<string, readonly string[]>;
  general: readonly string[];
}

export const fieldKey = (name: FieldPath): string => JSON.stringify(name);

export function mergeFieldErrors(...parts: FieldErrors[]): FormMessages {
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const part of parts) {
    for (const { name, errors } of part.fields) {
      const list = byField.get(fieldKey(name)) ?? [];
      for (const e of errors) if (!list.includes(e)) list.push(e);
      byField.set(fieldKey(name), list);
    }
    for (const g of part.general) if (!general.includes(g)) general.push(g);
  }
  return { byField, general };
}

/** Keeps the fields whose first path segment passes `keep` (the fields the user has touched). */
export function onlyFields(errors: FieldErrors, keep: (name: FieldPath) => boolean, withGeneral: boolean): FieldErrors {
  return { fields: errors.fields.filter((f) => keep(f.name)), general: withGeneral ? errors.general : [] };
}

/** The server's messages minus those on fields the user has changed since (top-level keys). */
export function withoutChanged(errors: FieldErrors, changed: readonly string[]): FieldErrors {
  return { fields: errors.fields.filter((f) => !changed.includes(String(f.name[0]))), general: errors.general };
}

export const NO_ERRORS: FieldErrors = { fields: [], general: [] };
