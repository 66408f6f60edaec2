import type { IsoDate } from '../time/dates.js';
import type { Period } from '../time/period.js';
import type { Id } from './places.js';

/**
 * An apartment building (nhà chung cư), located in one residential group. Counts are recorded
 * attributes because a register often knows "312 apartments, 2 blocks" before it lists each one.
 */
export interface ApartmentBuilding extends Period {
  id: Id;
  name: string;
  address?: string | null;
  residentialGroupId: Id;
  complexId?: Id | null;
  apartmentCount: number;
  blockCount: number;
  /** Several owners (the usual case); a single-owner rental building needs no board. */
  multipleOwners: boolean;
  /** Date the first apartments were handed over to buyers. */
  handoverStartedOn?: IsoDate | null;
  /** Date at which ≥ 50 % of apartments had been handed over (starts the first-conference clock). */
  halfHandedOverOn?: IsoDate | null;
  /** Date of the first building conference (hội nghị nhà chung cư lần đầu). */
  firstConferenceOn?: IsoDate | null;
}

/** Several buildings managed together (cụm nhà chung cư). */
export interface ApartmentComplex extends Period {
  id: Id;
  name: string;
}

export interface BuildingBlock {
  id: Id;
  buildingId: Id;
  name: string;
}

export interface Apartment {
  id: Id;
  buildingId: Id;
  blockId?: Id | null;
  number: string;
  handedOverOn?: IsoDate | null;
}

export const OWNERSHIP_KINDS = ['OWNER', 'AUTHORISED_USER'] as const;
export type OwnershipKind = (typeof OWNERSHIP_KINDS)[number];

/** Who owns (or is the authorised user of) an apartment, over time. */
export interface ApartmentOwnership extends Period {
  id: Id;
  apartmentId: Id;
  personId: Id;
  kind: OwnershipKind;
}
