import type { IsoDate } from '../time/dates.js';
import type { Period } from '../time/period.js';

/** Identifiers are opaque strings chosen by the store (UUIDs in the database, readable keys in fixtures). */
export type Id = string;

/** Kinds of place in the state hierarchy (đơn vị hành chính). */
export const UNIT_KINDS = ['PROVINCE', 'DISTRICT', 'WARD', 'COMMUNE', 'RESIDENTIAL_GROUP'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * A place: Hà Nội, Quận Long Biên, Phường Giang Biên, Tổ dân phố số 5.
 * Its own period is its life (established → dissolved). Names are fixed for a unit's life:
 * a rename is a reorganisation event that ends the unit and starts its successor, as in the
 * W3C Organization Ontology's ChangeEvent, so "what was it called on D" is an as-of query.
 */
export interface AdministrativeUnit extends Period {
  id: Id;
  kind: UnitKind;
  name: string;
  /** Official short name without the kind prefix is `name`; this is e.g. "Phường" / "Quận". */
  kindLabel?: string;
}

/**
 * An administrative code held by a unit for a period. Codes are reused (00118 meant Ngọc Thụy
 * before 1/7/2025 and Bồ Đề after), so a code is unique only together with its period.
 */
export interface UnitCode extends Period {
  id: Id;
  unitId: Id;
  code: string;
}

/** The parent of a unit over time: one parent at a time (a ward moved from district to city in 2025). */
export interface UnitParent extends Period {
  id: Id;
  unitId: Id;
  parentId: Id;
}

/** Units, codes and parent links valid on one date, as resolved by the hierarchy functions. */
export interface UnitOnDate {
  unit: AdministrativeUnit;
  code: string | null;
  parentId: Id | null;
  on: IsoDate;
}
