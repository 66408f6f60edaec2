/**
 * Typed outcomes. Domain functions never throw on bad input: they return a `Result` whose
 * failure lists *every* violation, each with a stable code, the path of the offending field,
 * and a message in Vietnamese (first) and English.
 */

import type { RuleCode } from '../rules/catalog.js';

/** A message in both languages. Vietnamese is NFC with diacritics. */
export interface LocalizedText {
  vi: string;
  en: string;
}

/** How a violation weighs: an `error` refuses a write; a `warning` never blocks and is reported. */
export type Severity = 'error' | 'warning';

/** Path of the offending value inside the input, e.g. `['members', 2, 'role']`. */
export type FieldPath = ReadonlyArray<string | number>;

/** Reference to a stored entity a message is about. */
export interface EntityRef {
  type: EntityType;
  id: string;
}

/** The kinds of record a violation can be about (GraphQL type names). */
export type EntityType =
  | 'AdministrativeUnit'
  | 'Organization'
  | 'Person'
  | 'Membership'
  | 'PartyMembership'
  | 'ResidenceContact'
  | 'ApartmentBuilding'
  | 'ApartmentComplex'
  | 'BoardTerm'
  | 'BoardChange'
  | 'Nomination'
  | 'Training'
  | 'Petition'
  | 'CoordinationRegulation'
  | 'Directive'
  | 'ImplementationReview'
  | 'Presentation'
  | 'Commendation'
  | 'ReorganisationEvent';

/**
 * One problem found in an input or a state: its catalogued code, severity, the path of the field, the
 * message in Vietnamese and English, and the record concerned. Every violation the package makes has a
 * `RuleCode`; a layer above (a server refusing access) may carry codes of its own as `Violation<string>`.
 */
export interface Violation<Code extends string = RuleCode> {
  /** Stable, documented rule code of the catalogue (e.g. `BOARD_MIN_MEMBERS`). Clients switch on it. */
  code: Code;
  severity: Severity;
  path: FieldPath;
  message: LocalizedText;
  entity?: EntityRef;
}

/**
 * The outcome of a function that may refuse its input: the value with any warnings, or every violation
 * found.
 */
export type Result<T> = { ok: true; value: T; warnings: Violation[] } | { ok: false; violations: Violation[] };

/** A successful `Result` holding `value`, with any warnings. */
export function ok<T>(value: T, warnings: Violation[] = []): Result<T> {
  return { ok: true, value, warnings };
}

/** A failed `Result` listing every violation found. */
export function fail<T = never>(violations: Violation[]): Result<T> {
  return { ok: false, violations };
}

/**
 * Builds a result from the violations found: errors block, warnings ride along with the value.
 */
export function fromViolations<T>(value: T, violations: readonly Violation[]): Result<T> {
  const errors = violations.filter((v) => v.severity === 'error');
  if (errors.length > 0) return fail([...violations]);
  return ok(value, [...violations]);
}

/** The violations that are errors (those that refuse a write), leaving out warnings. */
export function errorsOf(violations: readonly Violation[]): Violation[] {
  return violations.filter((v) => v.severity === 'error');
}

/** Formats a violation for logs and CLIs: `CODE at a.b[2]: vi / en`. */
export function formatViolation(v: Violation): string {
  const path = v.path.length ? ` at ${formatPath(v.path)}` : '';
  return `${v.code}${path}: ${v.message.vi} / ${v.message.en}`;
}

/** A field path as text: `members[2].personId`. */
export function formatPath(path: FieldPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
