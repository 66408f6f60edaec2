import type { createAdministrativeUnitInput, createUnitCodeInput, createUnitParentInput } from '../inputs/places.js';
import type { IsoDate } from '../time/dates.js';
import type { StoredRecord } from './stored-record.js';

/** Identifiers are opaque strings chosen by the store (UUIDs in the database, readable keys in fixtures). */
export type Id = string;

/** Kinds of place in the state hierarchy (đơn vị hành chính). */
export const UNIT_KINDS = ['PROVINCE', 'DISTRICT', 'WARD', 'COMMUNE', 'RESIDENTIAL_GROUP'] as const;
/** A kind of place (see `UNIT_KINDS`). */
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * A place: Hà Nội, Quận Long Biên, Phường Giang Biên, Tổ dân phố số 5.
 * Its own period is its life (established → dissolved). Names are fixed for a unit's life:
 * a rename is a reorganisation event that ends the unit and starts its successor, as in the
 * W3C Organization Ontology's ChangeEvent, so "what was it called on D" is an as-of query.
 * Its first code and parent come with its create input but are records of their own.
 */
export type AdministrativeUnit = StoredRecord<typeof createAdministrativeUnitInput, 'code' | 'parentId'>;

/**
 * An administrative code held by a unit for a period. Codes are reused (00118 meant Ngọc Thụy
 * before 1/7/2025 and Bồ Đề after), so a code is unique only together with its period.
 */
export type UnitCode = StoredRecord<typeof createUnitCodeInput>;

/** The parent of a unit over time: one parent at a time (a ward moved from district to city in 2025). */
export type UnitParent = StoredRecord<typeof createUnitParentInput>;

/** Units, codes and parent links valid on one date, as resolved by the hierarchy functions. */
export interface UnitOnDate {
  unit: AdministrativeUnit;
  code: string | null;
  parentId: Id | null;
  on: IsoDate;
}
