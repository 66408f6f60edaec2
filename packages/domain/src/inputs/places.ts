import { z } from 'zod';
import { validateAdminCode } from '../identifiers/admin-code.js';
import { UNIT_KINDS } from '../model/places.js';
import {
  addViolations,
  checkNotSelf,
  checkPeriod,
  createPeriodShape,
  type IssueSink,
  idField,
  optionalAdminCodeField,
  optionalIdField,
  optionalLabelField,
  read,
  readOneOf,
  requiredTextField,
  updateKeys,
  updatePeriodShape,
  WHEN_OBJECT,
} from './fields.js';

/** A code record on its own: the unit's kind is not known here, so any official length passes. */
const adminCodeField = z
  .string()
  .overwrite((s) => s.trim())
  .min(1)
  .superRefine((code, ctx) => {
    if (code !== '') addViolations(ctx, validateAdminCode(code, null, []), code);
  });

const unitFields = {
  kind: z.enum(UNIT_KINDS),
  name: requiredTextField,
  /** Official short name without the kind prefix is `name`; this is e.g. "Phường" / "Quận". */
  kindLabel: optionalLabelField,
};

function checkUnit(value: object, ctx: IssueSink): void {
  checkPeriod(value, ctx);
  const code = read(value, 'code');
  const kind = readOneOf(value, 'kind', UNIT_KINDS);
  // With the kind itself invalid (reported on its own), the code is still checked for any official length.
  if (typeof code === 'string' && code !== '') addViolations(ctx, validateAdminCode(code, kind ?? null, ['code']), code);
}

/**
 * A new place. Its official code and its parent, when given, are recorded for the same period
 * (as a UnitCode and a UnitParent); later changes to either go through their own inputs.
 */
export const createAdministrativeUnitInput = z
  .object({ ...unitFields, ...createPeriodShape, code: optionalAdminCodeField, parentId: optionalIdField })
  .superRefine(checkUnit, WHEN_OBJECT);

/** Corrections only: a rename or a change of level is a reorganisation, not an update. */
export const updateAdministrativeUnitInput = z
  .object({ ...unitFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkPeriod, WHEN_OBJECT);

const unitCodeFields = { unitId: idField, code: adminCodeField };

/**
 * Schema of a unit code to record (an administrative code held by a place for a period): trims and
 * normalises text, checks every field, and reports every problem at once through `parseInput`.
 */
export const createUnitCodeInput = z.object({ ...unitCodeFields, ...createPeriodShape }).superRefine(checkPeriod, WHEN_OBJECT);
/**
 * Schema of a change to a unit code: its `id`, the `version` the client read, and any of its fields,
 * checked as on creation.
 */
export const updateUnitCodeInput = z
  .object({ ...unitCodeFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkPeriod, WHEN_OBJECT);

const unitParentFields = { unitId: idField, parentId: idField };

function checkUnitParent(value: object, ctx: IssueSink): void {
  checkPeriod(value, ctx);
  checkNotSelf(value, ctx, 'unitId', 'parentId');
}

/**
 * Schema of a unit parent to record (the place above a place, for a period): trims and normalises
 * text, checks every field, and reports every problem at once through `parseInput`.
 */
export const createUnitParentInput = z.object({ ...unitParentFields, ...createPeriodShape }).superRefine(checkUnitParent, WHEN_OBJECT);
/**
 * Schema of a change to a unit parent: its `id`, the `version` the client read, and any of its fields,
 * checked as on creation.
 */
export const updateUnitParentInput = z
  .object({ ...unitParentFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkUnitParent, WHEN_OBJECT);

/** A place to record, as `createAdministrativeUnitInput` outputs it (normalised). */
export type CreateAdministrativeUnitInput = z.output<typeof createAdministrativeUnitInput>;
/** A change to a place, as `updateAdministrativeUnitInput` outputs it. */
export type UpdateAdministrativeUnitInput = z.output<typeof updateAdministrativeUnitInput>;
/** A unit code to record, as `createUnitCodeInput` outputs it (normalised). */
export type CreateUnitCodeInput = z.output<typeof createUnitCodeInput>;
/** A change to a unit code, as `updateUnitCodeInput` outputs it. */
export type UpdateUnitCodeInput = z.output<typeof updateUnitCodeInput>;
/** A unit parent to record, as `createUnitParentInput` outputs it (normalised). */
export type CreateUnitParentInput = z.output<typeof createUnitParentInput>;
/** A change to a unit parent, as `updateUnitParentInput` outputs it. */
export type UpdateUnitParentInput = z.output<typeof updateUnitParentInput>;
