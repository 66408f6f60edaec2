import { randomUUID } from 'node:crypto';
import {
  checkMembership,
  checkUnitParent,
  createAdministrativeUnitInput,
  createMembershipInput,
  createOrganizationInput,
  createPersonInput,
  findCodeConflicts,
  type Membership,
  UNIT_KINDS,
  updateAdministrativeUnitInput,
  updateMembershipInput,
  updateOrganizationInput,
  updatePersonInput,
  type Violation,
} from '@coso/domain';
import { CITIZEN_ID_RECORDED } from '../store/constraint-rules.js';
import { activeOnWhere, toDbDate } from '../store/db-dates.js';
import { loadSlice } from '../store/load-slice.js';
import type { Tx } from '../store/transaction.js';
import { OrganizationRef } from './bodies.js';
import type { Context } from './context.js';
import { type DomainRecord, registerEntityMutations } from './entity-mutations.js';
import { MassOrganization, OrganizationKind, Role, Sex, UnitKind } from './enums.js';
import { MembershipRef, PersonRef } from './people.js';
import { AdministrativeUnitRef } from './places.js';
import { oneBoardPerTarget } from './records-mutations-support.js';

const period = {
  validFrom: { type: 'Date' as const, required: true, description: 'Ngày bắt đầu (tính cả ngày này) / First day it holds.' },
  validTo: { type: 'Date' as const, description: 'Ngày kết thúc (không tính) / First day it no longer holds; empty = current.' },
};

/** Ends, from `on`, every still-open record of `model` matching `where` (a cascade of an end). */
async function endOpen(tx: Tx, model: string, where: object, on: string) {
  const delegate = (tx as unknown as Record<string, { updateMany(a: object): Promise<unknown> }>)[model];
  if (!delegate) throw new Error(`endOpen: no model ${model}`);
  await delegate.updateMany({ where: { ...where, ...activeOnWhere(on) }, data: { validTo: toDbDate(on) } });
}

registerEntityMutations({
  noun: 'Unit',
  typename: 'AdministrativeUnit',
  ref: AdministrativeUnitRef,
  fields: {
    kind: { type: UnitKind, required: true },
    name: { type: 'String', required: true },
    kindLabel: { type: 'String', description: 'e.g. "Phường", "Quận".' },
    ...period,
  },
  createOnly: {
    code: { type: 'String', description: 'Mã đơn vị hành chính / Official code (2, 3 or 5 digits); residential groups have none.' },
    parentId: { type: 'ID', idOf: 'AdministrativeUnit', description: 'Đơn vị cấp trên / Parent unit from validFrom.' },
  },
  createSchema: createAdministrativeUnitInput,
  updateSchema: updateAdministrativeUnitInput,
  endable: true,
  check: async (tx, rec, op) => {
    const out: Violation[] = await oneBoardPerTarget(tx, rec);
    if (op !== 'create') return out;
    const validFrom = String(rec.validFrom);
    const validTo = (rec.validTo as string | null | undefined) ?? null;
    if (typeof rec.parentId === 'string') {
      const slice = await loadSlice(tx, { units: { id: rec.parentId }, unitParents: { unitId: rec.id } });
      // The create schema has checked the kind; `find` gives it its type.
      const kind = UNIT_KINDS.find((k) => k === rec.kind);
      if (kind) slice.units.push({ id: rec.id, kind, name: String(rec.name), validFrom, validTo });
      out.push(
        ...checkUnitParent(slice, { id: randomUUID(), unitId: rec.id, parentId: rec.parentId, validFrom, validTo }).map((v) => ({
          ...v,
          path: ['parentId'],
        })),
      );
    }
    if (typeof rec.code === 'string') {
      const slice = await loadSlice(tx, { unitCodes: { code: rec.code } });
      out.push(...findCodeConflicts(slice.unitCodes, { unitId: rec.id, code: rec.code, validFrom, validTo }, ['code']));
    }
    return out;
  },
  afterCreate: async (tx, rec) => {
    const period_ = { validFrom: toDbDate(String(rec.validFrom)), validTo: rec.validTo ? toDbDate(String(rec.validTo)) : null };
    if (typeof rec.code === 'string') {
      const id = randomUUID();
      await tx.unitCode.create({ data: { id, unitId: rec.id, code: rec.code, ...period_ } });
    }
    if (typeof rec.parentId === 'string') {
      const id = randomUUID();
      await tx.unitParent.create({ data: { id, unitId: rec.id, parentId: rec.parentId, ...period_ } });
    }
  },
  checkEnd: async (tx, rec, on) => {
    const children = await tx.unitParent.count({ where: { parentId: rec.id, ...activeOnWhere(on), unit: activeOnWhere(on) } });
    const bodies = await tx.organizationArea.count({ where: { unitId: rec.id, ...activeOnWhere(on), organization: activeOnWhere(on) } });
    if (!children && !bodies) return [];
    return [
      {
        code: 'REORGANISATION_INVALID',
        severity: 'error',
        path: ['on'],
        message: {
          vi: `Đơn vị "${String(rec.name)}" còn ${children} đơn vị trực thuộc và ${bodies} tổ chức phụ trách vào ngày ${on}; hãy ghi nhận việc sắp xếp (recordReorganisation) để chuyển chúng đi.`,
          en: `Unit "${String(rec.name)}" still has ${children} child unit(s) and ${bodies} body/bodies serving it on ${on}; record a reorganisation (recordReorganisation) to move them.`,
        },
      },
    ];
  },
  onEnd: async (tx, rec, on) => {
    await endOpen(tx, 'unitCode', { unitId: rec.id }, on);
    await endOpen(tx, 'unitParent', { unitId: rec.id }, on);
  },
});

registerEntityMutations({
  noun: 'Organization',
  typename: 'Organization',
  ref: OrganizationRef,
  fields: {
    kind: { type: OrganizationKind, required: true },
    name: { type: 'String', required: true },
    massOrganization: { type: MassOrganization, description: 'For a mass-organisation branch only.' },
    buildingId: { type: 'ID', idOf: 'ApartmentBuilding', description: 'For a management board of one building.' },
    complexId: { type: 'ID', idOf: 'ApartmentComplex', description: 'For a management board of a complex.' },
    ...period,
  },
  createOnly: {
    parentId: { type: 'ID', idOf: 'Organization', description: 'Tổ chức cấp trên / The body this one belongs to.' },
    unitIds: { type: 'ID', list: true, idOf: 'AdministrativeUnit', description: 'Địa bàn phụ trách / Places it serves.' },
  },
  createSchema: createOrganizationInput,
  updateSchema: updateOrganizationInput,
  endable: true,
  check: async (tx, rec, op) => {
    if (op !== 'create') return [];
    const out: Violation[] = [];
    const on = String(rec.validFrom);
    if (typeof rec.parentId === 'string' && !(await tx.organization.count({ where: { id: rec.parentId, ...activeOnWhere(on) } }))) {
      out.push(notFound(['parentId'], 'Tổ chức cấp trên', 'Parent body', rec.parentId, on));
    }
    for (const [i, unitId] of ((rec.unitIds as string[] | undefined) ?? []).entries()) {
      if (!(await tx.administrativeUnit.count({ where: { id: unitId, ...activeOnWhere(on) } })))
        out.push(notFound(['unitIds', i], 'Địa bàn', 'Place', unitId, on));
    }
    return out;
  },
  afterCreate: async (tx, rec) => {
    const period_ = { validFrom: toDbDate(String(rec.validFrom)), validTo: rec.validTo ? toDbDate(String(rec.validTo)) : null };
    if (typeof rec.parentId === 'string') {
      const id = randomUUID();
      await tx.organizationParent.create({ data: { id, organizationId: rec.id, parentId: rec.parentId, ...period_ } });
    }
    for (const unitId of (rec.unitIds as string[] | undefined) ?? []) {
      const id = randomUUID();
      await tx.organizationArea.create({ data: { id, organizationId: rec.id, unitId, ...period_ } });
    }
  },
  // A dissolved body's posts, memberships, areas and parent link end with it (history kept).
  onEnd: async (tx, rec, on) => {
    await endOpen(tx, 'membership', { organizationId: rec.id }, on);
    await endOpen(tx, 'organizationArea', { organizationId: rec.id }, on);
    await endOpen(tx, 'organizationParent', { organizationId: rec.id }, on);
    await endOpen(tx, 'post', { organizationId: rec.id }, on);
  },
});

registerEntityMutations({
  noun: 'Person',
  typename: 'Person',
  ref: PersonRef,
  fields: {
    fullName: { type: 'String', required: true },
    sex: { type: Sex, required: true },
    birthYear: { type: 'Int', required: true },
    birthDate: { type: 'Date' },
    citizenId: { type: 'String', description: '12 chữ số; phải khớp năm sinh và giới tính / 12 digits agreeing with birth year and sex.' },
    phone: { type: 'String', description: '0… hoặc +84…; được chuẩn hóa / 0… or +84…, normalised.' },
    residenceUnitId: { type: 'ID', idOf: 'AdministrativeUnit' },
  },
  createSchema: createPersonInput,
  updateSchema: updatePersonInput,
  endable: true,
  checkMany: (tx, recs, _op, ctx) => citizenIdsTaken(tx, recs, ctx),
  // Moving away or death ends the person's current posts; the record and its history stay.
  onEnd: async (tx, rec, on) => {
    await endOpen(tx, 'membership', { personId: rec.id }, on);
  },
});

registerEntityMutations({
  noun: 'Membership',
  typename: 'Membership',
  ref: MembershipRef,
  fields: {
    personId: { type: 'ID', required: true, idOf: 'Person' },
    organizationId: { type: 'ID', required: true, idOf: 'Organization' },
    role: { type: Role, required: true },
    postId: { type: 'ID', idOf: 'Post' },
    buildingId: { type: 'ID', idOf: 'ApartmentBuilding' },
    ...period,
  },
  createSchema: createMembershipInput,
  updateSchema: updateMembershipInput,
  endable: true,
  checkMany: (tx, recs) => checkMembershipsInTx(tx, recs),
});

/**
 * Loads once what `checkMembership` needs about these people and bodies (their memberships, the
 * bodies' posts and areas), and runs it on each membership in order; one that passes joins the
 * state the next ones are judged against, as if it were stored.
 */
export async function checkMembershipsInTx(tx: Tx, recs: readonly DomainRecord[]): Promise<Violation[][]> {
  if (recs.length === 0) return [];
  const personIds = [...new Set(recs.map((r) => String(r.personId)))];
  const organizationIds = [...new Set(recs.map((r) => String(r.organizationId)))];
  const slice = await loadSlice(tx, {
    people: { id: { in: personIds } },
    organizations: { id: { in: organizationIds } },
    memberships: { OR: [{ personId: { in: personIds } }, { organizationId: { in: organizationIds } }] },
    posts: { organizationId: { in: organizationIds } },
    organizationAreas: { organizationId: { in: organizationIds } },
  });
  const unitIds = slice.organizationAreas.map((a) => a.unitId);
  const units = await loadSlice(tx, { units: { id: { in: unitIds } } });
  slice.units = units.units;
  return recs.map((rec) => {
    const candidate = {
      ...rec,
      validTo: rec.validTo ?? null,
      postId: rec.postId ?? null,
      buildingId: rec.buildingId ?? null,
    } as Membership;
    const found = checkMembership(slice, candidate);
    if (!found.some((v) => v.severity === 'error')) slice.memberships = [...slice.memberships.filter((m) => m.id !== rec.id), candidate];
    return found;
  });
}

/**
 * A citizen ID already recorded for another person: refused with the one neutral answer
 * (CITIZEN_ID_RECORDED: not whose, not where), and the attempt logged as a personal-data read of
 * that person ('citizenIdExists': this account learned the ID is on record), so probing IDs shows
 * in the same log as reading them. The database's unique index stays the guarantee under races.
 */
async function citizenIdsTaken(tx: Tx, recs: readonly DomainRecord[], ctx: Context): Promise<Violation[][]> {
  const idOf = (rec: DomainRecord) => (typeof rec.citizenId === 'string' && rec.citizenId ? rec.citizenId : null);
  const given = [...new Set(recs.flatMap((r) => idOf(r) ?? []))];
  // Who holds each ID, in one read; a person that passes holds its ID for the ones after it.
  const holders = new Map<string, string>();
  const stored = given.length
    ? await tx.person.findMany({ where: { citizenId: { in: given } }, select: { id: true, citizenId: true } })
    : [];
  for (const p of stored) if (p.citizenId) holders.set(p.id, p.citizenId);
  return recs.map((rec) => {
    const citizenId = idOf(rec);
    if (citizenId === null) return [];
    const holder = [...holders].find(([id, held]) => held === citizenId && id !== rec.id)?.[0];
    if (holder === undefined) {
      holders.set(String(rec.id), citizenId);
      return [];
    }
    ctx.access.logPersonalRead(holder, 'citizenIdExists');
    return [{ code: 'CITIZEN_ID_UNIQUE', severity: 'error', path: ['citizenId'], message: CITIZEN_ID_RECORDED }];
  });
}

function notFound(path: Array<string | number>, vi: string, en: string, id: string, on: string): Violation {
  return {
    code: 'ENTITY_NOT_FOUND',
    severity: 'error',
    path,
    message: { vi: `${vi} "${id}" không tồn tại vào ngày ${on}.`, en: `${en} "${id}" does not exist on ${on}.` },
  };
}
