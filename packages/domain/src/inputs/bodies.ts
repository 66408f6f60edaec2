import { z } from 'zod';
import { MASS_ORGANIZATIONS, ORGANIZATION_KINDS } from '../model/bodies.js';
import {
  addIssue,
  checkNotSelf,
  checkPeriod,
  createPeriodShape,
  type IssueSink,
  idField,
  optionalIdField,
  read,
  readOneOf,
  readString,
  requiredTextField,
  updateKeys,
  updatePeriodShape,
  WHEN_OBJECT,
} from './fields.js';

const organizationFields = {
  kind: z.enum(ORGANIZATION_KINDS),
  name: requiredTextField,
  /** Only for MASS_ORGANIZATION_BRANCH. */
  massOrganization: z.enum(MASS_ORGANIZATIONS).nullish(),
  /** Only for MANAGEMENT_BOARD: the building it manages (single building) … */
  buildingId: optionalIdField,
  /** … or the complex (cụm) it manages. Exactly one of the two is set for a board. */
  complexId: optionalIdField,
};

/**
 * The model's invariants between kind and the kind-specific fields: only a mass-organisation
 * branch names its organisation; only a board names its building or complex, exactly one. On
 * update only what the patch itself contradicts is refused; what is missing is not known here.
 */
function organizationChecks(mode: 'create' | 'update') {
  return (value: object, ctx: IssueSink): void => {
    checkPeriod(value, ctx);
    const kind = readOneOf(value, 'kind', ORGANIZATION_KINDS);
    if (kind === undefined) return;
    const massOrganization = read(value, 'massOrganization');
    const hasMass = massOrganization !== undefined && massOrganization !== null;
    if (kind === 'MASS_ORGANIZATION_BRANCH') {
      if (!hasMass && mode === 'create') {
        addIssue(ctx, 'REQUIRED_FIELD', ['massOrganization'], massOrganization, {
          vi: 'Chi hội đoàn thể phải cho biết thuộc đoàn thể nào (Đoàn thể là bắt buộc).',
          en: 'A mass-organisation branch must say which organisation it belongs to (Mass organisation is required).',
        });
      }
    } else if (hasMass) {
      addIssue(ctx, 'INVALID_VALUE', ['massOrganization'], massOrganization, {
        vi: 'Chỉ chi hội đoàn thể mới có trường Đoàn thể.',
        en: 'Only a mass-organisation branch has a mass organisation.',
      });
    }
    const buildingId = readString(value, 'buildingId');
    const complexId = readString(value, 'complexId');
    if (kind === 'MANAGEMENT_BOARD') {
      if (buildingId !== undefined && complexId !== undefined) {
        addIssue(ctx, 'INVALID_VALUE', ['complexId'], complexId, {
          vi: 'Ban quản trị quản lý một nhà chung cư hoặc một cụm nhà chung cư, không được chọn cả hai.',
          en: 'A management board manages either one building or one complex, not both.',
        });
      } else if (buildingId === undefined && complexId === undefined && mode === 'create') {
        addIssue(ctx, 'REQUIRED_FIELD', ['buildingId'], undefined, {
          vi: 'Ban quản trị phải có nhà chung cư hoặc cụm nhà chung cư mà ban quản lý.',
          en: 'A management board must have the building or the complex it manages.',
        });
      }
    } else {
      for (const [key, v] of [
        ['buildingId', buildingId],
        ['complexId', complexId],
      ] as const) {
        if (v === undefined) continue;
        addIssue(ctx, 'INVALID_VALUE', [key], v, {
          vi: 'Chỉ Ban quản trị nhà chung cư mới gắn với nhà chung cư hoặc cụm nhà chung cư.',
          en: 'Only a management board is tied to a building or a complex.',
        });
      }
    }
  };
}

/**
 * Schema of a body to record (tổ chức: a party cell, a board, a committee, a branch): trims and
 * normalises text, checks every field, and reports every problem at once through `parseInput`.
 */
export const createOrganizationInput = z
  .object({ ...organizationFields, ...createPeriodShape })
  .superRefine(organizationChecks('create'), WHEN_OBJECT);
/**
 * Schema of a change to a body: its `id`, the `version` the client read, and any of its fields,
 * checked as on creation.
 */
export const updateOrganizationInput = z
  .object({ ...organizationFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(organizationChecks('update'), WHEN_OBJECT);

const organizationParentFields = { organizationId: idField, parentId: idField };

function checkOrganizationParent(value: object, ctx: IssueSink): void {
  checkPeriod(value, ctx);
  checkNotSelf(value, ctx, 'organizationId', 'parentId');
}

/**
 * Schema of a body's parent to record (the body above it, for a period): trims and normalises text,
 * checks every field, and reports every problem at once through `parseInput`.
 */
export const createOrganizationParentInput = z
  .object({ ...organizationParentFields, ...createPeriodShape })
  .superRefine(checkOrganizationParent, WHEN_OBJECT);
/**
 * Schema of a change to a body's parent: its `id`, the `version` the client read, and any of its
 * fields, checked as on creation.
 */
export const updateOrganizationParentInput = z
  .object({ ...organizationParentFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkOrganizationParent, WHEN_OBJECT);

const organizationAreaFields = { organizationId: idField, unitId: idField };

/**
 * Schema of a body's area to record (a place a body serves, for a period): trims and normalises text,
 * checks every field, and reports every problem at once through `parseInput`.
 */
export const createOrganizationAreaInput = z
  .object({ ...organizationAreaFields, ...createPeriodShape })
  .superRefine(checkPeriod, WHEN_OBJECT);
/**
 * Schema of a change to a body's area: its `id`, the `version` the client read, and any of its fields,
 * checked as on creation.
 */
export const updateOrganizationAreaInput = z
  .object({ ...organizationAreaFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkPeriod, WHEN_OBJECT);

/** A body to record, as `createOrganizationInput` outputs it (normalised). */
export type CreateOrganizationInput = z.output<typeof createOrganizationInput>;
/** A change to a body, as `updateOrganizationInput` outputs it. */
export type UpdateOrganizationInput = z.output<typeof updateOrganizationInput>;
/** A body's parent to record, as `createOrganizationParentInput` outputs it (normalised). */
export type CreateOrganizationParentInput = z.output<typeof createOrganizationParentInput>;
/** A change to a body's parent, as `updateOrganizationParentInput` outputs it. */
export type UpdateOrganizationParentInput = z.output<typeof updateOrganizationParentInput>;
/** A body's area to record, as `createOrganizationAreaInput` outputs it (normalised). */
export type CreateOrganizationAreaInput = z.output<typeof createOrganizationAreaInput>;
/** A change to a body's area, as `updateOrganizationAreaInput` outputs it. */
export type UpdateOrganizationAreaInput = z.output<typeof updateOrganizationAreaInput>;
