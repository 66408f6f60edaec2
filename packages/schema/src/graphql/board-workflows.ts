import type { Role as DomainRole } from '@coso/domain';
import { consolidateBoard, establishBoard } from '../use-cases/boards.js';
import { OrganizationRef } from './bodies.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { Role } from './enums.js';
import { WRITE_ERRORS } from './errors.js';
import { dbId } from './ids.js';
import { references } from './references.js';

/**
 * The API of the directive's two board workflows (the work itself: use-cases/boards.ts), each one transaction: establishing a board (thành lập
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
      return establishBoard(ctx, decoded);
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
      return consolidateBoard(ctx, decoded);
    },
  }),
);
