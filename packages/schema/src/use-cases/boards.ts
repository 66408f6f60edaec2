import { randomUUID } from 'node:crypto';
import {
  type BoardProposalMember,
  checkBoardMembers,
  checkBoardTerm,
  consolidateBoardInput,
  type Role as DomainRole,
  establishBoardInput,
  establishmentDate,
  parseInput,
  searchKey,
  type Violation,
} from '@coso/domain';
import type { Organization } from '../generated/prisma/client.js';
import { activeOnWhere, toDbDate } from '../store/db-dates.js';
import { loadSlice } from '../store/load-slice.js';
import { type Tx, writeTransaction } from '../store/transaction.js';
import { updateVersioned } from '../store/versioned.js';
import { NotFoundError, ValidationError, VersionConflictError } from '../store/write-errors.js';
import { oneBoardPerTarget } from './board-checks.js';
import type { UseCaseContext } from './context.js';

/**
 * The directive's two board workflows, each one transaction: establishing a board (thành lập
 * mới: the body, its area, its first term, its members and the establishment record) and
 * reviewing and consolidating one (rà soát, kiện toàn: members replaced, added, ended on a date).
 * Both check the size and composition rules on the board as it WILL be, and refuse with every
 * violation (rule code, path, vi/en message) before anything is written. Inputs carry database ids
 * (callers decode theirs); the domain's input schema is applied here, so every caller gets it.
 */
type MemberIn = { personId: string; role: DomainRole; buildingId?: string | null };

/** Establishes a board; the input as the domain's `establishBoardInput` reads it, with database ids. */
export async function establishBoard(ctx: UseCaseContext, decoded: unknown): Promise<Organization> {
  const v = parseEstablish(decoded);
  return writeTransaction(ctx.prisma, 'establishBoard', ctx.writer, (tx) => establishParsedIn(tx, v));
}

/** The same workflow inside a transaction the caller holds (bulk import establishes many boards in one). */
export async function establishBoardIn(tx: Tx, decoded: unknown): Promise<Organization> {
  return establishParsedIn(tx, parseEstablish(decoded));
}

function parseEstablish(decoded: unknown) {
  const parsed = parseInput(establishBoardInput, JSON.parse(JSON.stringify(decoded)));
  if (!parsed.ok) throw new ValidationError(parsed.violations);
  return parsed.value;
}

async function establishParsedIn(tx: Tx, v: ReturnType<typeof parseEstablish>): Promise<Organization> {
  const slice = await boardState(
    tx,
    v,
    v.members.map((m) => m.personId),
  );
  const target = v.buildingId ? slice.buildings[0] : slice.complexes[0];
  if (!target) throw new NotFoundError(v.buildingId ? 'ApartmentBuilding' : 'ApartmentComplex', String(v.buildingId ?? v.complexId));
  const name = v.name ?? `Ban quản trị ${target.name}`;
  const boardId = randomUUID();
  const violations = checkBoardMembers(
    slice,
    {
      board: { id: boardId, name, buildingId: v.buildingId ?? null, complexId: v.complexId ?? null },
      members: v.members as BoardProposalMember[],
    },
    v.validFrom,
  );
  // The board's body is open-ended from its first term (its terms come and go; the body stays).
  violations.push(
    ...(await oneBoardPerTarget(tx, {
      id: boardId,
      name,
      kind: 'MANAGEMENT_BOARD',
      buildingId: v.buildingId ?? null,
      complexId: v.complexId ?? null,
      validFrom: v.validFrom,
      validTo: null,
    })),
  );
  const term = {
    id: randomUUID(),
    boardId,
    termNumber: 1,
    electedOn: v.electedOn,
    validFrom: v.validFrom,
    validTo: v.validTo,
    recognition: v.recognition ?? null,
  };
  if (v.recognition) {
    const issuer = await loadSlice(tx, {
      organizations: { id: v.recognition.issuerId },
      organizationAreas: { organizationId: v.recognition.issuerId },
    });
    const units = await loadSlice(tx, { units: { id: { in: issuer.organizationAreas.map((a) => a.unitId) } } });
    violations.push(
      ...checkBoardTerm({ ...issuer, units: units.units }, term).map((x) => ({
        ...x,
        path: ['recognition', ...x.path.filter((p) => p !== 'recognition')],
      })),
    );
  } else {
    violations.push(...checkBoardTerm({ organizations: [], organizationAreas: [], units: [] }, term));
  }
  refuse(violations);

  const groupIds = [...new Set(slice.buildings.map((b) => b.residentialGroupId))];
  const period = { validFrom: toDbDate(v.validFrom), validTo: null };
  await tx.organization.create({
    data: {
      id: boardId,
      kind: 'MANAGEMENT_BOARD',
      name,
      nameSearch: searchKey(name),
      buildingId: v.buildingId ?? null,
      complexId: v.complexId ?? null,
      ...period,
    },
  });
  for (const unitId of groupIds)
    await tx.organizationArea.create({ data: { id: randomUUID(), organizationId: boardId, unitId, ...period } });
  for (const m of v.members) {
    const id = randomUUID();
    await tx.membership.create({
      data: { id, personId: m.personId, organizationId: boardId, role: m.role, buildingId: m.buildingId ?? null, ...period },
    });
  }
  await tx.boardTerm.create({
    data: {
      id: term.id,
      boardId,
      termNumber: 1,
      electedOn: toDbDate(v.electedOn),
      validFrom: toDbDate(v.validFrom),
      validTo: toDbDate(v.validTo),
      recognitionFiledOn: v.recognition?.filedOn ? toDbDate(v.recognition.filedOn) : null,
      recognitionDecisionNumber: v.recognition?.decisionNumber ?? null,
      recognitionDecidedOn: v.recognition ? toDbDate(v.recognition.decidedOn) : null,
      recognitionIssuerId: v.recognition?.issuerId ?? null,
    },
  });
  const changeId = randomUUID();
  await tx.boardChange.create({
    data: {
      id: changeId,
      boardId,
      kind: 'ESTABLISHMENT',
      on: toDbDate(establishmentDate(term)),
      decisionNumber: v.decisionNumber ?? v.recognition?.decisionNumber ?? null,
      directiveId: v.directiveId ?? null,
    },
  });
  return tx.organization.findUniqueOrThrow({ where: { id: boardId } });
}

/** Consolidates a board on a date; the input as `consolidateBoardInput` reads it, with database ids. */
export async function consolidateBoard(ctx: UseCaseContext, decoded: { boardId: string } & object): Promise<Organization> {
  const boardId = decoded.boardId;
  const parsed = parseInput(consolidateBoardInput, JSON.parse(JSON.stringify(decoded)));
  if (!parsed.ok) throw new ValidationError(parsed.violations);
  const v = parsed.value;
  return writeTransaction(ctx.prisma, 'consolidateBoard', ctx.writer, async (tx) => {
    const board = await tx.organization.findUnique({ where: { id: boardId } });
    if (board?.kind !== 'MANAGEMENT_BOARD') throw new NotFoundError('Organization', boardId);
    if (board.version !== v.version) throw new VersionConflictError('Organization', boardId, v.version, board.version);
    const current = await tx.membership.findMany({ where: { organizationId: boardId, ...activeOnWhere(v.on) } });
    const byId = new Map(current.map((m) => [m.id, m]));
    const violations: Violation[] = [];
    const leaving = new Set<string>();
    v.replace.forEach((r, i) => {
      if (!byId.has(r.membershipId)) violations.push(notOnBoard(['replace', i, 'membershipId'], r.membershipId, board.name, v.on));
      leaving.add(r.membershipId);
    });
    v.end.forEach((id, i) => {
      if (!byId.has(id)) violations.push(notOnBoard(['end', i], id, board.name, v.on));
      leaving.add(id);
    });
    const staying = current
      .filter((m) => !leaving.has(m.id))
      .map((m) => ({ personId: m.personId, role: m.role, buildingId: m.buildingId }));
    const joining: MemberIn[] = [
      ...v.replace.map((r) => ({
        personId: r.byPersonId,
        role: r.role ?? byId.get(r.membershipId)?.role ?? 'MEMBER',
        buildingId: byId.get(r.membershipId)?.buildingId ?? null,
      })),
      ...v.add,
    ];
    const members = [...staying, ...joining];
    const slice = await boardState(
      tx,
      board,
      members.map((m) => m.personId),
    );
    violations.push(
      ...checkBoardMembers(
        slice,
        {
          board: { id: boardId, name: board.name, buildingId: board.buildingId, complexId: board.complexId },
          members: members as BoardProposalMember[],
        },
        v.on,
      ).map((x) =>
        // Paths of the rule engine index the resulting member list; point counts at the whole change.
        x.path[0] === 'members' && x.path.length > 1 ? { ...x, path: memberPath(x.path, staying.length, v.replace.length) } : x,
      ),
    );
    refuse(violations);

    const on = toDbDate(v.on);
    for (const id of leaving) {
      await tx.membership.update({ where: { id }, data: { validTo: on } });
    }
    for (const m of joining) {
      const id = randomUUID();
      await tx.membership.create({
        data: {
          id,
          personId: m.personId,
          organizationId: boardId,
          role: m.role,
          buildingId: m.buildingId ?? null,
          validFrom: on,
          validTo: null,
        },
      });
    }
    const changeId = randomUUID();
    await tx.boardChange.create({
      data: {
        id: changeId,
        boardId,
        kind: 'CONSOLIDATION',
        on,
        decisionNumber: v.decisionNumber ?? null,
        directiveId: v.directiveId ?? null,
        note: v.note ?? null,
      },
    });
    // A consolidation is a new version of the board (its history shows each one; members and record above).
    await updateVersioned(tx, 'organization', 'Organization', boardId, v.version, { updatedAt: new Date() });
    return tx.organization.findUniqueOrThrow({ where: { id: boardId } });
  });
}

function refuse(violations: Violation[]): void {
  const errors = violations.filter((v) => v.severity === 'error');
  if (errors.length) throw new ValidationError(errors);
}

/** What the composition rules need: the building(s), apartments, owners and the people named. */
async function boardState(tx: Tx, target: { buildingId?: string | null; complexId?: string | null }, personIds: string[]) {
  const buildingWhere = target.buildingId ? { id: target.buildingId } : { complexId: target.complexId ?? '' };
  const slice = await loadSlice(tx, {
    buildings: buildingWhere,
    complexes: target.complexId ? { id: target.complexId } : { id: '00000000-0000-0000-0000-000000000000' },
    apartments: { building: buildingWhere },
    ownerships: { apartment: { building: buildingWhere } },
    people: { id: { in: personIds } },
  });
  return slice;
}

/** Maps an index into "staying + replacements + additions" back to the input field that added it. */
function memberPath(path: ReadonlyArray<string | number>, staying: number, replaced: number): Array<string | number> {
  const i = Number(path[1]);
  const rest = path.slice(2);
  if (i < staying) return ['members', i, ...rest];
  if (i < staying + replaced) return ['replace', i - staying, ...rest.map((p) => (p === 'personId' ? 'byPersonId' : p))];
  return ['add', i - staying - replaced, ...rest];
}

function notOnBoard(path: Array<string | number>, membershipId: string, board: string, on: string): Violation {
  return {
    code: 'ENTITY_NOT_FOUND',
    severity: 'error',
    path,
    message: {
      vi: `Chức vụ "${membershipId}" không phải thành viên đương nhiệm của "${board}" vào ngày ${on}.`,
      en: `Membership "${membershipId}" is not a current member of "${board}" on ${on}.`,
    },
  };
}
