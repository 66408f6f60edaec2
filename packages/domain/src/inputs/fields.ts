import { z } from 'zod';
import { compactCitizenId, parseCitizenId, validateCitizenId } from '../identifiers/citizen-id.js';
import { normaliseMobile, validateMobile } from '../identifiers/phone.js';
import type { RuleCode } from '../rules/catalog.js';
import { normaliseName } from '../text/normalize.js';
import { formatViDate, type IsoDate, isIsoDate } from '../time/dates.js';
import type { FieldPath, LocalizedText, Violation } from '../validation/result.js';
import { fieldLabel } from './field-labels.js';

/**
 * Field schemas shared by every entity's input, and the way our own checks report: as zod
 * `custom` issues whose `params` carry our rule code (and, where the check knows better than a
 * generic sentence, the message), which `parseInput` turns back into violations.
 */
export interface InputIssueParams {
  /** A code of the rule catalogue. */
  code: RuleCode;
  message?: LocalizedText;
}

/** The part of zod's refinement context our checks use. */
export type IssueSink = Pick<z.core.$RefinementCtx, 'addIssue'>;

/** Reports a violation found by one of our checks, at `path` relative to the value checked. */
export function addIssue(ctx: IssueSink, code: InputIssueParams['code'], path: FieldPath, input: unknown, message?: LocalizedText): void {
  const params: InputIssueParams = message ? { code, message } : { code };
  ctx.addIssue({ code: 'custom', message: message?.vi ?? code, path: [...path], input, params });
}

/** Reports violations of the identifier checks, which already carry code, path and message. */
export function addViolations(ctx: IssueSink, violations: readonly Violation[], input: unknown): void {
  for (const v of violations) addIssue(ctx, v.code, v.path, input, v.message);
}

/**
 * Object-level checks run even when some fields failed, so one submission lists every problem;
 * they read fields defensively for that reason. They are skipped only when the input is not an
 * object at all (its one violation then says so).
 */
export const WHEN_OBJECT = {
  when: (payload: z.core.ParsePayload): boolean => isPlainObject(payload.value),
};

/** What zod's object parsing outputs; anything else (a Map, an array, a Date) was refused as a whole. */
function isPlainObject(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Reads a field of an object that may hold anything (see WHEN_OBJECT). */
export function read(value: object, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}

export function readDate(value: object, key: string): IsoDate | undefined {
  const v = read(value, key);
  return isIsoDate(v) ? v : undefined;
}

export function readString(value: object, key: string): string | undefined {
  const v = read(value, key);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function readOneOf<T extends string>(value: object, key: string, values: readonly T[]): T | undefined {
  const v = read(value, key);
  return values.find((x) => x === v);
}

// ——— field schemas ———

/** A reference to a stored record: any non-empty string (ids are opaque), trimmed. */
export const idField = z
  .string()
  .overwrite((s) => s.trim())
  .min(1);

/** An optional reference: missing, null or blank all mean "none" (blank → null). */
export const optionalIdField = z
  .string()
  .transform((s) => blankToNull(s.trim()))
  .nullish();

/**
 * The one text rule of every input (issue #12): text is normalised (`normaliseName`: NFC,
 * invisible characters removed, whitespace collapsed, trimmed) and then counted in characters.
 * Names, labels, codes, numbers and addresses hold at most NAME_MAX_LENGTH; titles, subjects,
 * legal bases, notes and comments at most LONG_TEXT_MAX_LENGTH.
 */
export const NAME_MAX_LENGTH = 200;
/**
 * The most characters a long text (title, subject, legal basis, note) may hold, counted after
 * normalisation.
 */
export const LONG_TEXT_MAX_LENGTH = 2_000;

/**
 * Normalised text of at most `max` characters, counted as JavaScript and PostgreSQL's varchar do
 * for Vietnamese (every letter, precomposed in NFC, is one UTF-16 unit; an emoji counts two).
 * zod's own `too_big` issue becomes "Tên … phải nhiều nhất là 200 ký tự" with the field's label.
 */
function boundedText(max: number) {
  return z.string().overwrite(normaliseName).max(max);
}

/** A name or other required short text: normalised, not empty, at most NAME_MAX_LENGTH characters. */
export const requiredTextField = boundedText(NAME_MAX_LENGTH).min(1);

/** Required free text (a title, a legal basis): normalised, not empty, at most LONG_TEXT_MAX_LENGTH characters. */
export const requiredLongTextField = boundedText(LONG_TEXT_MAX_LENGTH).min(1);

/** Optional short text, normalised like names; blank → null (a form's cleared field). */
export const optionalTextField = boundedText(NAME_MAX_LENGTH)
  .transform((s) => blankToNull(s))
  .nullish();

/** Optional free text (a note): at most LONG_TEXT_MAX_LENGTH characters; blank → null. */
export const optionalLongTextField = boundedText(LONG_TEXT_MAX_LENGTH)
  .transform((s) => blankToNull(s))
  .nullish();

/**
 * Optional text for a model field that is `string | undefined` without null (a unit's kind
 * label): blank → left out.
 */
export const optionalLabelField = boundedText(NAME_MAX_LENGTH)
  .transform((s) => s || undefined)
  .optional();

/** An administrative code as typed: trimmed, blank → null; its shape is checked against the unit's kind. */
export const optionalAdminCodeField = z
  .string()
  .transform((s) => {
    const t = s.trim();
    return t === '' ? null : t;
  })
  .nullish();

/**
 * A real calendar date `YYYY-MM-DD`; anything else present is DATE_FORMAT. `abort: false`
 * because z.custom aborts by default, which would silence the object-level checks.
 */
export const dateField = z.custom<IsoDate>((v) => isIsoDate(v), {
  abort: false,
  params: { code: 'DATE_FORMAT' } satisfies InputIssueParams,
});

/** An optional date `YYYY-MM-DD` between `MIN_DATE` and `MAX_DATE`: missing, null or blank mean none. */
export const optionalDateField = dateField.nullish();

/** Counts of things (apartments, blocks): whole numbers ≥ 0. */
export const countField = z.number().int().min(0);

/** Ordinal numbers (term 1, 2, …). */
export const positiveIntField = z.number().int().min(1);

/** A year of birth or of review. The citizen ID encodes years 1900–2399, so nothing outside is real. */
export const yearField = z.number().int().min(1900).max(2399);

/** The version the client read, for optimistic concurrency: the update is refused if it changed since. */
export const versionField = z.number().int().min(0);

/** Mobile number in any common writing, normalised to `0xxxxxxxxx`; blank → null. */
export const phoneField = z
  .string()
  .transform((s, ctx) => {
    if (normaliseName(s) === '') return null;
    const normalised = normaliseMobile(s);
    if (normalised === null) {
      addViolations(ctx, validateMobile(s, []), s);
      return z.NEVER;
    }
    return normalised;
  })
  .nullish();

/**
 * Citizen ID, spaces removed; blank → null. Only the format is checked here: agreement with the
 * birth year and sex needs the rest of the person (see `citizenIdAgreement`).
 */
export const citizenIdField = z
  .string()
  .transform((s, ctx) => {
    const compact = compactCitizenId(s);
    if (compact === '') return null;
    if (parseCitizenId(compact) === null) {
      addViolations(ctx, validateCitizenId(compact, {}, []), s);
      return z.NEVER;
    }
    return compact;
  })
  .nullish();

function blankToNull(s: string): string | null {
  return s === '' ? null : s;
}

// ——— periods ———

/** A period on create: `validTo` may be left out, meaning still current (null). */
export const createPeriodShape = {
  validFrom: dateField,
  validTo: optionalDateField.transform((v) => v ?? null),
};

/** A period in an update shape: left out means unchanged, null means "no end". */
export const updatePeriodShape = {
  validFrom: dateField,
  validTo: optionalDateField,
};

/** The fields every update carries besides the changes. */
export const updateKeys = { id: idField, version: versionField };

/**
 * PERIOD_ORDER at `toKey` when both dates are real and the end is not after the start (periods
 * are half-open, so an end equal to the start would be empty).
 */
export function checkDateOrder(value: object, ctx: IssueSink, fromKey = 'validFrom', toKey = 'validTo'): void {
  const from = readDate(value, fromKey);
  const to = readDate(value, toKey);
  if (from === undefined || to === undefined || from < to) return;
  const fromLabel = fieldLabel(fromKey);
  const toLabel = fieldLabel(toKey);
  addIssue(ctx, 'PERIOD_ORDER', [toKey], to, {
    vi: `${toLabel.vi} (${viDate(to)}) phải sau ${lowerFirst(fromLabel.vi)} (${viDate(from)}).`,
    en: `${toLabel.en} (${to}) must be after the ${lowerFirst(fromLabel.en)} (${from}).`,
  });
}

/** The period check alone, for entities that need no other. */
export function checkPeriod(value: object, ctx: IssueSink): void {
  checkDateOrder(value, ctx);
}

/** INVALID_VALUE at `key` when a record is given as its own parent. */
export function checkNotSelf(value: object, ctx: IssueSink, selfKey: string, otherKey: string): void {
  const self = readString(value, selfKey);
  const other = readString(value, otherKey);
  if (self === undefined || self.trim() !== other?.trim()) return;
  const a = fieldLabel(otherKey);
  const b = fieldLabel(selfKey);
  addIssue(ctx, 'INVALID_VALUE', [otherKey], other, {
    vi: `${a.vi} không được trùng với ${lowerFirst(b.vi)}.`,
    en: `${a.en} must not be the same as the ${lowerFirst(b.en)}.`,
  });
}

/** Reports later occurrences of a value already seen in a list, at each duplicate's path. */
export function checkNoDuplicates(
  ctx: IssueSink,
  entries: ReadonlyArray<readonly [FieldPath, unknown]>,
  message: (value: string) => LocalizedText,
): void {
  const seen = new Set<string>();
  for (const [path, v] of entries) {
    if (typeof v !== 'string' || v.trim() === '') continue;
    const key = v.trim();
    if (seen.has(key)) addIssue(ctx, 'INVALID_VALUE', path, v, message(key));
    seen.add(key);
  }
}

/** A date as Vietnamese writes it: 01/07/2025 (the domain's one format). */
export const viDate = formatViDate;

/** Lower-cases a label's first letter mid-sentence, unless it starts an acronym (UBND, PCCC). */
export function lowerFirst(s: string): string {
  const [first = '', second = ''] = [...s];
  if (second !== '' && second === second.toUpperCase() && second !== second.toLowerCase()) return s;
  return first.toLowerCase() + s.slice(first.length);
}
