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
import { activeOnWhere, toDbDate } from '../store/db-dates.js';
import { loadSlice } from '../store/load-slice.js';
import { type Tx, writeTransaction } from '../store/transaction.js';
import { OrganizationRef } from './bodies.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { updateVersioned } from './entity-mutations.js';
import { Role } from './enums.js';
import { NotFoundError, ValidationError, VersionConflictError, WRITE_ERRORS } from './errors.js';
import { dbId } from './ids.js';
import { oneBoardPerTarget } from './records-mutations-support.js';
import { references } from './references.js';

/**
 * The directive's two board workflows, each one transaction: establishing a board (thành lập
 * mới: the body, its area, its first term, its members and the establishment record) and
 * reviewing and consolidating one (rà soát, kiện toàn: members replaced, added, ended on a date).
 * Both check the size and composition rules on the board as it WILL be, and refuse with every
 * violation (rule code, path, vi/en message) before anything is written.
 */
const BoardMemberInput = builder.inputType('BoardMemberInput', {
  fields: (t) => ({
    personId: t.id({ required: true, extensions: references('Person') }),
    role: t.field({ type: Role, required: true, description: 'HEAD (trưởng ban), DEPUTY_HEAD (phó ban) or MEMBER (ủy viên).' }),
    buildingId: t.id({
      required: false,
      description: 'On a complex’s board: the building the member represents.',
      extensions: references('ApartmentBuilding'),
    }),
  }),
});

const RecognitionInput = builder.inputType('RecognitionDecisionInput', {
  description: 'Quyết định công nhận / The People’s Committee decision recognising the elected board.',
  fields: (t) => ({
    filedOn: t.field({
      type: 'Date',
      required: false,
      description: 'When the board filed for recognition (due within 10 days of the election).',
    }),
    decisionNumber: t.string({ required: true }),
    decidedOn: t.field({ type: 'Date', required: true }),
    issuerId: t.id({
      required: true,
      description: 'The People’s Committee (Organization) that decided.',
      extensions: references('Organization'),
    }),
  }),
});

const EstablishBoardInput = builder.inputType('EstablishBoardInput', {
  fields: (t) => ({
    buildingId: t.id({ required: false, extensions: references('ApartmentBuilding') }),
    complexId: t.id({ required: false, extensions: references('ApartmentComplex') }),
    name: t.string({ required: false, description: 'Default: "Ban quản trị " + the building’s or complex’s name.' }),
    electedOn: t.field({ type: 'Date', required: true, description: 'Date of the building conference that elected the board.' }),
    validFrom: t.field({ type: 'Date', required: true, description: 'Start of the first term.' }),
    validTo: t.field({ type: 'Date', required: true, description: 'Planned end of the first term (at most 3 years).' }),
    recognition: t.field({ type: RecognitionInput, required: false }),
    decisionNumber: t.string({ required: false }),
    directiveId: t.id({
      required: false,
      description: 'The directive this establishment counts for (e.g. 05-TT/QU).',
      extensions: references('Directive'),
    }),
    members: t.field({ type: [BoardMemberInput], required: true }),
  }),
});

const ReplacementInput = builder.inputType('BoardReplacementInput', {
  fields: (t) => ({
    membershipId: t.id({
      required: true,
      description: 'The membership that ends on the date.',
      extensions: references('Membership', { write: true }),
    }),
    byPersonId: t.id({ required: true, description: 'Who takes the seat from the date.', extensions: references('Person') }),
    role: t.field({ type: Role, required: false, description: 'Default: the role of the member replaced.' }),
  }),
});

const ConsolidateBoardInput = builder.inputType('ConsolidateBoardInput', {
  fields: (t) => ({
    boardId: t.id({ required: true, extensions: references('Organization', { write: true }) }),
    version: t.int({ required: true, description: 'The board version you read.' }),
    on: t.field({ type: 'Date', required: true }),
    decisionNumber: t.string({ required: false }),
    directiveId: t.id({ required: false, extensions: references('Directive') }),
    note: t.string({ required: false }),
    replace: t.field({ type: [ReplacementInput], required: false }),
    add: t.field({ type: [BoardMemberInput], required: false }),
    end: t.idList({
      required: false,
      description: 'Memberships that end on the date, without successor.',
      extensions: references('Membership', { write: true }),
    }),
  }),
});

type MemberIn = { personId: string; role: DomainRole; buildingId?: string | null };

function decodeMembers(list: readonly MemberIn[] | null | undefined): MemberIn[] {
  return (list ?? []).map((m) => ({
    personId: dbId(m.personId, 'Person'),
    role: m.role,
    ...(m.buildingId ? { buildingId: dbId(m.buildingId, 'ApartmentBuilding') } : {}),
  }));
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

builder.mutationField('establishBoard', (t) =>
  t.field({
    type: OrganizationRef,
    description:
      'Thành lập Ban quản trị / Establish a management board in one transaction: the body, the places it serves, its first term with the recognition decision, its members and the establishment record. Refused with every violation when the rules fail (e.g. BOARD_MIN_MEMBERS for a board of two).',
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: EstablishBoardInput, required: true }) },
    resolve: async (_root, { input }, ctx: Context) => {
      const decoded = {
        ...input,
        buildingId: input.buildingId ? dbId(input.buildingId, 'ApartmentBuilding') : undefined,
        complexId: input.complexId ? dbId(input.complexId, 'ApartmentComplex') : undefined,
        directiveId: input.directiveId ? dbId(input.directiveId, 'Directive') : undefined,
        recognition: input.recognition ? { ...input.recognition, issuerId: dbId(input.recognition.issuerId, 'Organization') } : undefined,
        members: decodeMembers(input.members),
      };
      const parsed = parseInput(establishBoardInput, JSON.parse(JSON.stringify(decoded)));
      if (!parsed.ok) throw new ValidationError(parsed.violations);
      const v = parsed.value;
      return writeTransaction(ctx.prisma, 'establishBoard', ctx.writer, async (tx) => {
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
      });
    },
  }),
);

builder.mutationField('consolidateBoard', (t) =>
  t.field({
    type: OrganizationRef,
    description:
      'Rà soát, kiện toàn Ban quản trị / Consolidate a board on a date in one transaction: replace, add and end members; the board as it will be must still meet the rules. Carries the board version you read.',
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: ConsolidateBoardInput, required: true }) },
    resolve: async (_root, { input }, ctx: Context) => {
      const boardId = dbId(input.boardId, 'Organization');
      const decoded = {
        ...input,
        boardId,
        directiveId: input.directiveId ? dbId(input.directiveId, 'Directive') : undefined,
        replace: (input.replace ?? []).map((r) => ({
          membershipId: dbId(r.membershipId, 'Membership'),
          byPersonId: dbId(r.byPersonId, 'Person'),
          ...(r.role ? { role: r.role } : {}),
        })),
        add: decodeMembers(input.add),
        end: (input.end ?? []).map((id) => dbId(id, 'Membership')),
      };
      const parsed = parseInput(consolidateBoardInput, JSON.parse(JSON.stringify(decoded)));
      if (!parsed.ok) throw new ValidationError(parsed.violations);
      const v = parsed.value;
      return writeTransaction(ctx.prisma, 'consolidateBoard', ctx.writer, async (tx) => {
        const board = await tx.organization.findUnique({ where: { id: boardId } });
        if (!board || board.kind !== 'MANAGEMENT_BOARD') throw new NotFoundError('Organization', boardId);
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
    },
  }),
);

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
