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

export const createApartmentBuildingInput = z.object({ ...buildingFields, ...createPeriodShape }).superRefine(checkBuilding, WHEN_OBJECT);
export const updateApartmentBuildingInput = z
  .object({ ...buildingFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkBuilding, WHEN_OBJECT);

const complexFields = { name: requiredTextField };

export const createApartmentComplexInput = z.object({ ...complexFields, ...createPeriodShape }).superRefine(checkPeriod, WHEN_OBJECT);
export const updateApartmentComplexInput = z
  .object({ ...complexFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkPeriod, WHEN_OBJECT);

const blockFields = { buildingId: idField, name: requiredTextField };

export const createBuildingBlockInput = z.object(blockFields);
export const updateBuildingBlockInput = z.object(blockFields).partial().extend(updateKeys);

const apartmentFields = {
  buildingId: idField,
  blockId: optionalIdField,
  number: requiredTextField,
  handedOverOn: optionalDateField,
};

export const createApartmentInput = z.object(apartmentFields);
export const updateApartmentInput = z.object(apartmentFields).partial().extend(updateKeys);

const ownershipFields = { apartmentId: idField, personId: idField, kind: z.enum(OWNERSHIP_KINDS) };

export const createApartmentOwnershipInput = z.object({ ...ownershipFields, ...createPeriodShape }).superRefine(checkPeriod, WHEN_OBJECT);
export const updateApartmentOwnershipInput = z
  .object({ ...ownershipFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkPeriod, WHEN_OBJECT);

export type CreateApartmentBuildingInput = z.output<typeof createApartmentBuildingInput>;
export type UpdateApartmentBuildingInput = z.output<typeof updateApartmentBuildingInput>;
export type CreateApartmentComplexInput = z.output<typeof createApartmentComplexInput>;
export type UpdateApartmentComplexInput = z.output<typeof updateApartmentComplexInput>;
export type CreateBuildingBlockInput = z.output<typeof createBuildingBlockInput>;
export type UpdateBuildingBlockInput = z.output<typeof updateBuildingBlockInput>;
export type CreateApartmentInput = z.output<typeof createApartmentInput>;
export type UpdateApartmentInput = z.output<typeof updateApartmentInput>;
export type CreateApartmentOwnershipInput = z.output<typeof createApartmentOwnershipInput>;
export type UpdateApartmentOwnershipInput = z.output<typeof updateApartmentOwnershipInput>;
