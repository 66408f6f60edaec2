import { randomUUID } from 'node:crypto';
import {
  applyReorganisation,
  type ChangedRecord,
  type DomainState,
  describeField,
  type FieldPath,
  parseInput,
  type ReorganisationPlan,
  recordReorganisationInput,
  type Violation,
} from '@coso/domain';
import type { ReorganisationEvent } from '../generated/prisma/client.js';
import { activeOnWhere, toDbDate } from '../store/db-dates.js';
import { loadSlice } from '../store/load-slice.js';
import { TABLES, toRow } from '../store/state-tables.js';
import { writeTransaction } from '../store/transaction.js';
import { ValidationError } from '../store/write-errors.js';
import type { UseCaseContext } from './context.js';
import { recordIdOf } from './record-ids.js';

/**
 * Recording a reorganisation (merge, split, rename, transfer of part, dissolution, the 2025
 * abolition of districts): the domain's `applyReorganisation` validates the plan against the
 * state read in the transaction and says exactly which records end and which start; this writes
 * just those (the database audits and versions each row). Nothing valid before the effective date
 * is rewritten, so as-of queries before it answer as before.
 *
 * The input is first parsed with the domain's `recordReorganisationInput` (the schema the admin
 * web checks its form with); any id field takes a global id, a UUID or the `ref` the plan gives a
 * unit or body it creates; anything else is refused at its path.
 */
export async function recordReorganisation(ctx: UseCaseContext, input: unknown): Promise<ReorganisationEvent> {
  // The domain's input rules first: every problem the input alone shows, at its input path.
  const parsed = parseInput(recordReorganisationInput, JSON.parse(JSON.stringify(input)));
  if (!parsed.ok) throw new ValidationError(parsed.violations);
  const v = parsed.value;
  const refs = new Map<string, string>();
  for (const u of v.newUnits) refs.set(u.ref, randomUUID());
  for (const o of v.newOrganizations) refs.set(o.ref, randomUUID());
  // Any id field takes a global id or the ref of a new unit or body; anything else is a violation at its path.
  const badIds: Violation[] = [];
  const resolver = (typename: IdType) => (id: string, path: FieldPath) => {
    const ref = refs.get(id);
    if (ref !== undefined) return ref;
    const found = recordIdOf(id, typename);
    if (found !== undefined) return found;
    badIds.push(badId(id, typename, path));
    return id;
  };
  const unit = resolver('AdministrativeUnit');
  const org = resolver('Organization');
  const membership = resolver('Membership');
  const eventId = randomUUID();
  const plan: ReorganisationPlan = {
    id: eventId,
    kind: v.kind,
    effectiveOn: v.effectiveOn,
    legalBasis: v.legalBasis,
    note: v.note ?? null,
    endUnits: v.endUnitIds.map((id, i) => unit(id, ['endUnitIds', i])),
    newUnits: v.newUnits.map((u, i) => ({
      id: refs.get(u.ref) ?? u.ref,
      kind: u.kind,
      name: u.name,
      ...(u.kindLabel ? { kindLabel: u.kindLabel } : {}),
      code: u.code ?? null,
      parentId: u.parentId ? unit(u.parentId, ['newUnits', i, 'parentId']) : null,
    })),
    moveUnits: v.moveUnits.map((m, i) => ({
      unitId: unit(m.unitId, ['moveUnits', i, 'unitId']),
      toParentId: unit(m.toParentId, ['moveUnits', i, 'toParentId']),
    })),
    endOrganizations: v.endOrganizationIds.map((id, i) => org(id, ['endOrganizationIds', i])),
    newOrganizations: v.newOrganizations.map((o, i) => ({
      id: refs.get(o.ref) ?? o.ref,
      kind: o.kind,
      name: o.name,
      parentId: o.parentId ? org(o.parentId, ['newOrganizations', i, 'parentId']) : null,
      unitIds: o.unitIds.map((id, j) => unit(id, ['newOrganizations', i, 'unitIds', j])),
    })),
    moveOrganizationAreas: v.moveOrganizationAreas.map((m, i) => ({
      organizationId: org(m.organizationId, ['moveOrganizationAreas', i, 'organizationId']),
      fromUnitId: unit(m.fromUnitId, ['moveOrganizationAreas', i, 'fromUnitId']),
      toUnitId: unit(m.toUnitId, ['moveOrganizationAreas', i, 'toUnitId']),
    })),
    moveOrganizations: v.moveOrganizations.map((m, i) => ({
      organizationId: org(m.organizationId, ['moveOrganizations', i, 'organizationId']),
      toParentId: org(m.toParentId, ['moveOrganizations', i, 'toParentId']),
    })),
    moveMemberships: v.moveMemberships.map((m, i) => ({
      membershipId: membership(m.membershipId, ['moveMemberships', i, 'membershipId']),
      toOrganizationId: org(m.toOrganizationId, ['moveMemberships', i, 'toOrganizationId']),
    })),
    movePartyCells: v.movePartyCells.map((m, i) => ({
      fromCellId: org(m.fromCellId, ['movePartyCells', i, 'fromCellId']),
      toCellId: org(m.toCellId, ['movePartyCells', i, 'toCellId']),
    })),
  };
  if (badIds.length > 0) throw new ValidationError(badIds);
  return writeTransaction(ctx.prisma, 'recordReorganisation', ctx.writer, async (tx) => {
    // What a reorganisation can touch, as it stands on the effective date.
    const open = { OR: [{ validTo: null }, { validTo: { gt: toDbDate(plan.effectiveOn) } }] };
    const state: DomainState = await loadSlice(tx, {
      units: true,
      unitCodes: open,
      unitParents: open,
      organizations: open,
      organizationParents: open,
      organizationAreas: open,
      memberships: { ...activeOnWhere(plan.effectiveOn) },
      posts: open,
      partyMemberships: { homeCellId: { in: plan.movePartyCells?.map((m) => m.fromCellId) ?? [] }, ...open },
      residenceContacts: { residenceCellId: { in: plan.movePartyCells?.map((m) => m.fromCellId) ?? [] }, ...open },
      // Buildings cannot move with a plan: those still in a group it ends make it refused.
      buildings: { residentialGroupId: { in: plan.endUnits }, ...open },
      reorganisations: { id: eventId },
    });
    const applied = applyReorganisation(state, plan, { newId: () => randomUUID() });
    if (!applied.ok) throw new ValidationError(applied.violations);
    for (const change of applied.value.ended) await writeEnded(tx, change, plan.effectiveOn);
    for (const change of applied.value.created) await writeCreated(tx, change);
    return tx.reorganisationEvent.findUniqueOrThrow({ where: { id: eventId } });
  });
}

const MODEL = new Map(TABLES);

type IdType = 'AdministrativeUnit' | 'Organization' | 'Membership';
const ID_TYPE_LABELS: Record<IdType, { vi: string; en: string }> = {
  AdministrativeUnit: { vi: 'đơn vị hành chính', en: 'administrative unit' },
  Organization: { vi: 'tổ chức', en: 'body' },
  Membership: { vi: 'chức vụ', en: 'membership' },
};

/** An id that is neither a global id of the expected type nor the ref of something the plan creates. */
function badId(id: string, typename: IdType, path: FieldPath): Violation {
  const field = describeField(path);
  const what = ID_TYPE_LABELS[typename];
  return {
    code: 'INVALID_VALUE',
    severity: 'error',
    path,
    message: {
      vi: `${field.vi}: "${id}" không phải mã ${what.vi} hợp lệ, cũng không phải mã tạm của một đơn vị hay tổ chức mới trong phương án.`,
      en: `${field.en}: "${id}" is neither a valid ${what.en} id nor the reference of a new unit or body of the plan.`,
    },
  };
}

type Delegate = { update(a: object): Promise<unknown>; create(a: object): Promise<unknown> };
function delegate(tx: object, table: keyof DomainState): Delegate {
  return (tx as Record<string, Delegate>)[MODEL.get(table) ?? ''] as Delegate;
}

async function writeEnded(tx: object, change: ChangedRecord, on: string): Promise<void> {
  // The database bumps the version and writes the audit entry (before and after) of the row.
  await delegate(tx, change.table).update({ where: { id: change.record.id }, data: { validTo: toDbDate(on) } });
}

async function writeCreated(tx: object, change: ChangedRecord): Promise<void> {
  if (change.table === 'reorganisations') {
    const e = change.record;
    await (tx as { reorganisationEvent: Delegate }).reorganisationEvent.create({
      data: { id: e.id, kind: e.kind, effectiveOn: toDbDate(e.effectiveOn), legalBasis: e.legalBasis, note: e.note ?? null },
    });
    const links = [
      ...e.originalUnitIds.map((unitId) => ({ eventId: e.id, unitId, role: 'ORIGINAL' })),
      ...e.resultingUnitIds.map((unitId) => ({ eventId: e.id, unitId, role: 'RESULTING' })),
    ];
    if (links.length)
      await (tx as { reorganisationUnit: { createMany(a: object): Promise<unknown> } }).reorganisationUnit.createMany({ data: links });
    return;
  }
  await delegate(tx, change.table).create({ data: toRow(change.table, change.record) });
}
