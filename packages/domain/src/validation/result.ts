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

export type Severity = 'error' | 'warning';

/** Path of the offending value inside the input, e.g. `['members', 2, 'role']`. */
export type FieldPath = ReadonlyArray<string | number>;

/** Reference to a stored entity a message is about. */
export interface EntityRef {
  type: EntityType;
  id: string;
}

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

export interface Violation {
  /** Stable, documented rule code of the catalogue (e.g. `BOARD_MIN_MEMBERS`). Clients switch on it. */
  code: RuleCode;
  severity: Severity;
  path: FieldPath;
  message: LocalizedText;
  entity?: EntityRef;
}

export type Result<T> = { ok: true; value: T; warnings: Violation[] } | { ok: false; violations: Violation[] };

export function ok<T>(value: T, warnings: Violation[] = []): Result<T> {
  return { ok: true, value, warnings };
}

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

export function errorsOf(violations: readonly Violation[]): Violation[] {
  return violations.filter((v) => v.severity === 'error');
}

/** Formats a violation for logs and CLIs: `CODE at a.b[2]: vi / en`. */
export function formatViolation(v: Violation): string {
  const path = v.path.length ? ` at ${formatPath(v.path)}` : '';
  return `${v.code}${path}: ${v.message.vi} / ${v.message.en}`;
}

export function formatPath(path: FieldPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
