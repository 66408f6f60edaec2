import type {
  createApartmentBuildingInput,
  createApartmentComplexInput,
  createApartmentInput,
  createApartmentOwnershipInput,
  createBuildingBlockInput,
} from '../inputs/buildings.js';
import type { StoredRecord } from './stored-record.js';

/**
 * An apartment building (nhà chung cư), located in one residential group. Counts are recorded
 * attributes because a register often knows "312 apartments, 2 blocks" before it lists each one.
 */
export type ApartmentBuilding = StoredRecord<typeof createApartmentBuildingInput>;

/** Several buildings managed together (cụm nhà chung cư). */
export type ApartmentComplex = StoredRecord<typeof createApartmentComplexInput>;

/** A block (tòa, khối) of a building. */
export type BuildingBlock = StoredRecord<typeof createBuildingBlockInput>;

/** An apartment (căn hộ) of a building, in one of its blocks when the building has several. */
export type Apartment = StoredRecord<typeof createApartmentInput>;

/** How a person holds an apartment: owner or authorised user. */
export const OWNERSHIP_KINDS = ['OWNER', 'AUTHORISED_USER'] as const;
/** A kind of ownership (see `OWNERSHIP_KINDS`). */
export type OwnershipKind = (typeof OWNERSHIP_KINDS)[number];

/** Who owns (or is the authorised user of) an apartment, over time. */
export type ApartmentOwnership = StoredRecord<typeof createApartmentOwnershipInput>;
