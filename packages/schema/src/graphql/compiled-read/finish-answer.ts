import { type PersonalField, personalBirthDate, personalText, personalValidFrom } from '../../auth/personal-data.js';
import { fromDbDate, toDbDate } from '../../store/db-dates.js';
import type { Context } from '../context.js';

/**
 * What a compiled statement leaves to Node, so a rule keeps one implementation:
 * - a person's personal details (`PERSONAL`): the statement hands the stored values over under
 *   `$personal`, and the same functions as the `Person` fields' resolvers (auth/personal-data.ts)
 *   mask them, or log the unmasked read through the request's read log (`Access.logPersonalRead`);
 * - a related record that the viewer may not read (`FALLBACK`): the resolvers answer that with an
 *   error on the field, which a statement's JSON cannot say; the whole root field is then answered
 *   by the resolvers (`CompiledFallback`), before anything is logged.
 */

/** The key under which an object carries its stored personal values and the response keys they fill. */
export const PERSONAL = '$personal';
/** The JSON a statement gives in place of a related record the viewer may not read. */
export const FALLBACK = '$fallback';

/** Personal fields a statement may hand over: GraphQL field = stored column. */
export const PERSONAL_FIELDS = ['citizenId', 'phone', 'birthDate', 'validFrom'] as const satisfies readonly PersonalField[];

/** The statement met a record the viewer may not read: the resolvers answer (and report it). */
export class CompiledFallback extends Error {}

interface Stored {
  id: string;
  citizenId: string | null;
  phone: string | null;
  birthDate: string | null;
  validFrom: string;
  /** [response key, field], in the selection's order. */
  fields: Array<[string, PersonalField]>;
}

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/** Visits every object of the answer, depth first in document order (a loop, not a generator: it runs on every answer). */
function eachObject(value: unknown, visit: (o: Json) => void): void {
  if (Array.isArray(value)) {
    for (const v of value) eachObject(v, visit);
    return;
  }
  if (!isJson(value)) return;
  visit(value);
  for (const key in value) eachObject(value[key], visit);
}

/** `FALLBACK` as a key in PostgreSQL's JSON text; a string value holding it has its quotes escaped, and no response key has a `$`. */
const FALLBACK_KEY = JSON.stringify(FALLBACK);

/**
 * Throws `CompiledFallback` when the resolvers must answer; logs nothing (an operation checks every
 * root first). An answer kept as PostgreSQL's text (`jsonAsText`) is searched for the key itself,
 * without parsing it.
 */
export function checkFallback(data: unknown): void {
  if (typeof data === 'string') {
    if (data.includes(FALLBACK_KEY)) throw new CompiledFallback();
    return;
  }
  eachObject(data, (o) => {
    if (FALLBACK in o) throw new CompiledFallback();
  });
}

/** The personal details masked, or their unmasked read logged — once the answer is known to stand (`checkFallback`). */
export function finishPersonal(ctx: Context, data: unknown): unknown {
  const access = ctx.access;
  eachObject(data, (o) => {
    const stored = o[PERSONAL] as Stored | undefined;
    if (stored === undefined) return;
    delete o[PERSONAL];
    const birthDate = stored.birthDate === null ? null : toDbDate(stored.birthDate);
    for (const [key, field] of stored.fields) {
      if (field === 'citizenId' || field === 'phone') o[key] = personalText(access, stored.id, field, stored[field]);
      else if (field === 'birthDate') {
        const shown = personalBirthDate(access, { id: stored.id, birthDate });
        o[key] = shown === null ? null : fromDbDate(shown);
      } else o[key] = fromDbDate(personalValidFrom(access, { birthDate, validFrom: toDbDate(stored.validFrom) }));
    }
  });
  return data;
}
