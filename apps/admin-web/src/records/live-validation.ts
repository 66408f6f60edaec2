import { type FieldPath, fieldErrors, type ViolationLike } from '../forms/violations';
import type { Language } from '../i18n/dictionary';

export interface LiveErrors<F extends string> {
  /** For `form.setFields`: every field shown, with its errors (an empty list clears old ones). */
  fields: Array<{ name: F; errors: string[] }>;
  /** Violations about no field of the form (the whole input, id, version). */
  general: string[];
}

/**
 * Validation as the user types: the domain's violations (or the server's) on the form's fields,
 * but only on the fields `shown` says (those the user has touched, or all of them on submit), so
 * an untouched empty field is not reported while the user is still on the first one. A field
 * shown without violations gets an empty list, which clears what it showed before.
 */
export function liveFieldErrors<F extends string>(
  violations: readonly ViolationLike[],
  language: Language,
  formFields: readonly F[],
  shown: (field: F) => boolean,
): LiveErrors<F> {
  const isFormField = (name: unknown): name is F => formFields.some((f) => f === name);
  const { fields, general } = fieldErrors(violations, language, (path: FieldPath) => (isFormField(path[0]) ? [path[0]] : null));
  const byName = new Map(fields.map((f) => [f.name[0], f.errors]));
  return {
    fields: formFields.filter(shown).map((name) => ({ name, errors: byName.get(name) ?? [] })),
    general,
  };
}
