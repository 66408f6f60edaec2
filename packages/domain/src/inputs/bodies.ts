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

export const createOrganizationInput = z
  .object({ ...organizationFields, ...createPeriodShape })
  .superRefine(organizationChecks('create'), WHEN_OBJECT);
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

export const createOrganizationParentInput = z
  .object({ ...organizationParentFields, ...createPeriodShape })
  .superRefine(checkOrganizationParent, WHEN_OBJECT);
export const updateOrganizationParentInput = z
  .object({ ...organizationParentFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkOrganizationParent, WHEN_OBJECT);

const organizationAreaFields = { organizationId: idField, unitId: idField };

export const createOrganizationAreaInput = z
  .object({ ...organizationAreaFields, ...createPeriodShape })
  .superRefine(checkPeriod, WHEN_OBJECT);
export const updateOrganizationAreaInput = z
  .object({ ...organizationAreaFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkPeriod, WHEN_OBJECT);

export type CreateOrganizationInput = z.output<typeof createOrganizationInput>;
export type UpdateOrganizationInput = z.output<typeof updateOrganizationInput>;
export type CreateOrganizationParentInput = z.output<typeof createOrganizationParentInput>;
export type UpdateOrganizationParentInput = z.output<typeof updateOrganizationParentInput>;
export type CreateOrganizationAreaInput = z.output<typeof createOrganizationAreaInput>;
export type UpdateOrganizationAreaInput = z.output<typeof updateOrganizationAreaInput>;
