import { expect } from 'vitest';
import type { Organization, OrganizationKind } from '../../model/bodies.js';
import type { ApartmentBuilding } from '../../model/buildings.js';
import type { Membership, Person, Role } from '../../model/people.js';
import type { AdministrativeUnit, Id, UnitKind } from '../../model/places.js';
import { type DomainState, emptyState } from '../../model/state.js';
import type { IsoDate } from '../../time/dates.js';
import type { Violation } from '../../validation/result.js';
import { RULES, type RuleCode } from '../catalog.js';
import type { RuleParameter, RuleParameterKey } from '../rule-data.js';

/** Test fixtures: small builders with sensible defaults, so each table row shows only what matters. */

export function stateWith(parts: Partial<DomainState>): DomainState {
  return { ...emptyState(), ...parts };
}

export function person(id: Id, fullName: string, extra: Partial<Person> = {}): Person {
  return { id, fullName, sex: 'MALE', birthYear: 1970, birthDate: null, residenceUnitId: null, ...extra };
}

export function org(id: Id, kind: OrganizationKind, name: string, extra: Partial<Organization> = {}): Organization {
  return { id, kind, name, validFrom: '2000-01-01', validTo: null, ...extra };
}

export function unit(id: Id, kind: UnitKind, name: string, extra: Partial<AdministrativeUnit> = {}): AdministrativeUnit {
  return { id, kind, name, validFrom: '2000-01-01', validTo: null, ...extra };
}

export function membership(
  id: Id,
  personId: Id,
  organizationId: Id,
  role: Role,
  validFrom: IsoDate = '2022-01-01',
  validTo: IsoDate | null = null,
  extra: Partial<Membership> = {},
): Membership {
  return { id, personId, organizationId, role, validFrom, validTo, ...extra };
}

export function building(id: Id, name: string, extra: Partial<ApartmentBuilding> = {}): ApartmentBuilding {
  return {
    id,
    name,
    residentialGroupId: 'tdp-5',
    apartmentCount: 200,
    blockCount: 1,
    multipleOwners: true,
    validFrom: '2015-01-01',
    validTo: null,
    ...extra,
  };
}

/**
 * A hypothetical change of the law: the open record of `key` ends on `from` and a new one with
 * `value` starts then. Nothing else in the data changes.
 */
export function withRuleChange(
  data: readonly RuleParameter[],
  key: RuleParameterKey,
  value: number | string,
  from: IsoDate,
): RuleParameter[] {
  const ended = data.map((p) => (p.key === key && p.validTo === null ? { ...p, validTo: from } : p));
  return [...ended, { key, value, validFrom: from, validTo: null, source: 'Luật giả định (test)' }];
}

/** `CODE@path.with.dots`: a compact, exact summary of what a check reported. */
export function summary(v: Violation): string {
  return `${v.code}@${v.path.join('.')}`;
}

/** One table row: a named check and exactly what it must report (`[]` = passes). */
export interface Row {
  name: string;
  run: () => Violation[];
  expected: string[];
}

/** Runs a row: exact summaries, and every violation shaped as the house requires. */
export function checkRow(row: Row): Violation[] {
  const found = row.run();
  expect(found.map(summary).sort()).toEqual([...row.expected].sort());
  for (const v of found) expectWellFormed(v);
  return found;
}

/** Catalog severity, an entity, Vietnamese (NFC, with diacritics) and English messages. */
export function expectWellFormed(v: Violation): void {
  expect(v.severity).toBe(RULES[v.code as RuleCode].severity);
  expect(v.entity?.id).toBeTruthy();
  expect(v.message.vi).toBe(v.message.vi.normalize('NFC'));
  expect(v.message.vi).toMatch(/[à-ỹđĐ]/u);
  expect(v.message.en.trim().length).toBeGreaterThan(0);
  expect(v.message.vi).not.toBe(v.message.en);
}

/** Codes that some row of the tables expects to fail with. */
export function failingCodes(rows: readonly Row[]): Set<string> {
  return new Set(rows.flatMap((r) => r.expected.map((s) => s.split('@')[0] ?? '')));
}

/** The codes of `list` that no failing row covers (the coverage tests expect none). */
export function uncovered(list: readonly string[], rows: readonly Row[]): string[] {
  const covered = failingCodes(rows);
  return list.filter((c) => !covered.has(c));
}
