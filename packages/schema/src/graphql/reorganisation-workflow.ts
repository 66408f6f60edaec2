import { recordReorganisation } from '../use-cases/reorganisation.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { OrganizationKind, ReorganisationKind, UnitKind } from './enums.js';
import { WRITE_ERRORS } from './errors.js';
import { planRefName, references } from './references.js';
import { ReorganisationEventRef } from './reorganisations.js';

/**
 * The API of recording a reorganisation (the work itself: use-cases/reorganisation.ts) (merge, split, rename, transfer of part, dissolution, the 2025
 * abolition of districts): the domain's `applyReorganisation` validates the plan against the
 * state read in the transaction and says exactly which records end and which start; this writes
 * just those. Nothing valid before the effective date is rewritten, so as-of queries before it
 * answer as before.
 *
 * New units and bodies are named in the plan by a `ref` of the client's choosing; any id field
 * takes an existing global id or such a ref.
 *
 * The input is first parsed with the domain's `recordReorganisationInput` (the schema the admin
 * web checks its form with), so what the input alone shows is wrong is refused at the input's
 * paths (`newUnits.0.code`, `moveUnits.2.toParentId`) before anything is read; what needs the
 * data is refused by `applyReorganisation` at the plan's paths (`endUnits.1`, `moveUnits`).
 */
// Any id of the plan may also be the plan's own name (ref) of a unit or body it creates.
const unitRef = references('AdministrativeUnit', { planRef: true });
const organizationRef = references('Organization', { planRef: true });
const changedUnit = references('AdministrativeUnit', { planRef: true, write: true });
const changedOrganization = references('Organization', { planRef: true, write: true });

const NewUnitInput = builder.inputType('ReorganisationNewUnitInput', {
  fields: (t) => ({
    ref: t.string({
      required: true,
      description: 'A name for this new unit within the plan (e.g. "bo-de-2025").',
      extensions: planRefName(),
    }),
    kind: t.field({ type: UnitKind, required: true }),
    name: t.string({ required: true }),
    kindLabel: t.string({ required: false }),
    code: t.string({ required: false }),
    parentId: t.id({ required: false, description: 'An existing unit id or the ref of a new unit.', extensions: unitRef }),
  }),
});

const NewOrganizationInput = builder.inputType('ReorganisationNewOrganizationInput', {
  fields: (t) => ({
    ref: t.string({ required: true, extensions: planRefName() }),
    kind: t.field({ type: OrganizationKind, required: true }),
    name: t.string({ required: true }),
    parentId: t.id({ required: false, extensions: organizationRef }),
    unitIds: t.idList({ required: true, extensions: unitRef }),
  }),
});

const MoveUnitInput = builder.inputType('ReorganisationMoveUnitInput', {
  fields: (t) => ({
    unitId: t.id({ required: true, extensions: changedUnit }),
    toParentId: t.id({ required: true, extensions: unitRef }),
  }),
});
const MoveAreaInput = builder.inputType('ReorganisationMoveAreaInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true, extensions: changedOrganization }),
    fromUnitId: t.id({ required: true, extensions: unitRef }),
    toUnitId: t.id({ required: true, extensions: unitRef }),
  }),
});
const MoveOrganizationInput = builder.inputType('ReorganisationMoveOrganizationInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true, extensions: changedOrganization }),
    toParentId: t.id({ required: true, extensions: organizationRef }),
  }),
});
const MoveMembershipInput = builder.inputType('ReorganisationMoveMembershipInput', {
  fields: (t) => ({
    membershipId: t.id({ required: true, extensions: references('Membership', { write: true }) }),
    toOrganizationId: t.id({ required: true, extensions: organizationRef }),
  }),
});
const MovePartyCellInput = builder.inputType('ReorganisationMovePartyCellInput', {
  fields: (t) => ({
    fromCellId: t.id({ required: true, extensions: changedOrganization }),
    toCellId: t.id({ required: true, extensions: organizationRef }),
  }),
});

const RecordReorganisationInput = builder.inputType('RecordReorganisationInput', {
  fields: (t) => ({
    kind: t.field({ type: ReorganisationKind, required: true }),
    effectiveOn: t.field({ type: 'Date', required: true }),
    legalBasis: t.string({ required: true, description: 'e.g. "Nghị quyết 1656/NQ-UBTVQH15".' }),
    note: t.string({ required: false }),
    endUnitIds: t.idList({ required: false, extensions: changedUnit }),
    newUnits: t.field({ type: [NewUnitInput], required: false }),
    moveUnits: t.field({ type: [MoveUnitInput], required: false }),
    endOrganizationIds: t.idList({ required: false, extensions: changedOrganization }),
    newOrganizations: t.field({ type: [NewOrganizationInput], required: false }),
    moveOrganizationAreas: t.field({ type: [MoveAreaInput], required: false }),
    moveOrganizations: t.field({ type: [MoveOrganizationInput], required: false }),
    moveMemberships: t.field({ type: [MoveMembershipInput], required: false }),
    movePartyCells: t.field({ type: [MovePartyCellInput], required: false }),
  }),
});

builder.mutationField('recordReorganisation', (t) =>
  t.field({
    type: ReorganisationEventRef,
    description:
      'Ghi nhận sắp xếp đơn vị hành chính / Record a reorganisation: ends the old units (and bodies), starts the new ones, moves children, bodies and memberships as specified, in one transaction. Refused with every reason when the plan would lose or orphan anything.',
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RecordReorganisationInput, required: true }) },
    resolve: async (_root, { input }, ctx: Context) => {
      return recordReorganisation(ctx, input);
    },
  }),
);
