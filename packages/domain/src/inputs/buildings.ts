import { z } from 'zod';
import { OWNERSHIP_KINDS } from '../model/buildings.js';
import {
  addIssue,
  checkPeriod,
  countField,
  createPeriodShape,
  type IssueSink,
  idField,
  optionalDateField,
  optionalIdField,
  optionalTextField,
  readDate,
  requiredTextField,
  updateKeys,
  updatePeriodShape,
  viDate,
  WHEN_OBJECT,
} from './fields.js';

const buildingFields = {
  name: requiredTextField,
  address: optionalTextField,
  residentialGroupId: idField,
  complexId: optionalIdField,
  apartmentCount: countField,
  blockCount: countField,
  /** Several owners (the usual case); a single-owner rental building needs no board. */
  multipleOwners: z.boolean(),
  /** Date the first apartments were handed over to buyers. */
  handoverStartedOn: optionalDateField,
  /** Date at which ≥ 50 % of apartments had been handed over (starts the first-conference clock). */
  halfHandedOverOn: optionalDateField,
  /** Date of the first building conference (hội nghị nhà chung cư lần đầu). */
  firstConferenceOn: optionalDateField,
};

/** Half the apartments cannot have been handed over before the first one was. */
function checkBuilding(value: object, ctx: IssueSink): void {
  checkPeriod(value, ctx);
  const started = readDate(value, 'handoverStartedOn');
  const half = readDate(value, 'halfHandedOverOn');
  if (started !== undefined && half !== undefined && half < started) {
    addIssue(ctx, 'INVALID_VALUE', ['halfHandedOverOn'], half, {
      vi: `Ngày bàn giao đủ 50% căn hộ (${viDate(half)}) không thể trước ngày bắt đầu bàn giao (${viDate(started)}).`,
      en: `The date 50 % of apartments were handed over (${half}) cannot be before the handover start date (${started}).`,
    });
  }
}

/**
 * Schema of an apartment building to record (nhà chung cư, in one residential group): trims and
 * normalises text, checks every field, and reports every problem at once through `parseInput`.
 */
export const createApartmentBuildingInput = z.object({ ...buildingFields, ...createPeriodShape }).superRefine(checkBuilding, WHEN_OBJECT);
/**
 * Schema of a change to an apartment building: its `id`, the `version` the client read, and any of its
 * fields, checked as on creation.
 */
export const updateApartmentBuildingInput = z
  .object({ ...buildingFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkBuilding, WHEN_OBJECT);

const complexFields = { name: requiredTextField };

/**
 * Schema of an apartment complex to record (cụm nhà chung cư: buildings managed together): trims and
 * normalises text, checks every field, and reports every problem at once through `parseInput`.
 */
export const createApartmentComplexInput = z.object({ ...complexFields, ...createPeriodShape }).superRefine(checkPeriod, WHEN_OBJECT);
/**
 * Schema of a change to an apartment complex: its `id`, the `version` the client read, and any of its
 * fields, checked as on creation.
 */
export const updateApartmentComplexInput = z
  .object({ ...complexFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkPeriod, WHEN_OBJECT);

const blockFields = { buildingId: idField, name: requiredTextField };

/**
 * Schema of a building block to record (khối of a multi-block building): trims and normalises text,
 * checks every field, and reports every problem at once through `parseInput`.
 */
export const createBuildingBlockInput = z.object(blockFields);
/**
 * Schema of a change to a building block: its `id`, the `version` the client read, and any of its
 * fields, checked as on creation.
 */
export const updateBuildingBlockInput = z.object(blockFields).partial().extend(updateKeys);

const apartmentFields = {
  buildingId: idField,
  blockId: optionalIdField,
  number: requiredTextField,
  handedOverOn: optionalDateField,
};

/**
 * Schema of an apartment to record (căn hộ, in a building (and a block of it)): trims and normalises
 * text, checks every field, and reports every problem at once through `parseInput`.
 */
export const createApartmentInput = z.object(apartmentFields);
/**
 * Schema of a change to an apartment: its `id`, the `version` the client read, and any of its fields,
 * checked as on creation.
 */
export const updateApartmentInput = z.object(apartmentFields).partial().extend(updateKeys);

const ownershipFields = { apartmentId: idField, personId: idField, kind: z.enum(OWNERSHIP_KINDS) };

/**
 * Schema of an ownership to record (who owns or uses an apartment): trims and normalises text, checks
 * every field, and reports every problem at once through `parseInput`.
 */
export const createApartmentOwnershipInput = z.object({ ...ownershipFields, ...createPeriodShape }).superRefine(checkPeriod, WHEN_OBJECT);
/**
 * Schema of a change to an ownership: its `id`, the `version` the client read, and any of its fields,
 * checked as on creation.
 */
export const updateApartmentOwnershipInput = z
  .object({ ...ownershipFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkPeriod, WHEN_OBJECT);

/** An apartment building to record, as `createApartmentBuildingInput` outputs it (normalised). */
export type CreateApartmentBuildingInput = z.output<typeof createApartmentBuildingInput>;
/** A change to an apartment building, as `updateApartmentBuildingInput` outputs it. */
export type UpdateApartmentBuildingInput = z.output<typeof updateApartmentBuildingInput>;
/** An apartment complex to record, as `createApartmentComplexInput` outputs it (normalised). */
export type CreateApartmentComplexInput = z.output<typeof createApartmentComplexInput>;
/** A change to an apartment complex, as `updateApartmentComplexInput` outputs it. */
export type UpdateApartmentComplexInput = z.output<typeof updateApartmentComplexInput>;
/** A building block to record, as `createBuildingBlockInput` outputs it (normalised). */
export type CreateBuildingBlockInput = z.output<typeof createBuildingBlockInput>;
/** A change to a building block, as `updateBuildingBlockInput` outputs it. */
export type UpdateBuildingBlockInput = z.output<typeof updateBuildingBlockInput>;
/** An apartment to record, as `createApartmentInput` outputs it (normalised). */
export type CreateApartmentInput = z.output<typeof createApartmentInput>;
/** A change to an apartment, as `updateApartmentInput` outputs it. */
export type UpdateApartmentInput = z.output<typeof updateApartmentInput>;
/** An ownership to record, as `createApartmentOwnershipInput` outputs it (normalised). */
export type CreateApartmentOwnershipInput = z.output<typeof createApartmentOwnershipInput>;
/** A change to an ownership, as `updateApartmentOwnershipInput` outputs it. */
export type UpdateApartmentOwnershipInput = z.output<typeof updateApartmentOwnershipInput>;
