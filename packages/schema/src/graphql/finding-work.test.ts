import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCESS_FIXTURE, uid, viewerOf } from '../auth/test-support/access-fixture.js';
import type { AccountViewer } from '../auth/viewer.js';
import { graphqlHarness } from '../testing/graphql-harness.js';

/**
 * Findings as work (issue #15) on hand-made states: a building put in a Phúc Lợi group makes the
 * gaps (no board, no cell); work on them is assigned, resolved, accepted; fixing the data closes
 * the work in the very transaction that fixed it; the date passing closes it with no change.
 * Expected values are what the hand-made records imply, and the audit trail's own rows.
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
let admin: AccountViewer;
let wardOfficer: AccountViewer;
let otherWard: AccountViewer;
const TODAY = '2026-11-25';
const WARD = encodeGlobalID('AdministrativeUnit', uid('ward-2025-phuc-loi'));
const GROUP_1 = encodeGlobalID('AdministrativeUnit', uid('group-phuc-loi-1'));

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
  admin = await viewerOf(h.prisma, 'admin');
  wardOfficer = await viewerOf(h.prisma, 'phuong.phucloi');
  otherWard = await viewerOf(h.prisma, 'phuong.longbien');
});
afterAll(() => h.close());

type Data = Record<string, unknown>;
interface Row {
  key: string;
  code: string;
  entityName: string;
  wardId: string | null;
  state: string;
  overdue: boolean;
  current: boolean;
  closedAutomatically: boolean;
  dueOn: string | null;
  assigneeName: string | null;
  resolution: string | null;
  resolvedBy: string | null;
  work: { id: string; version: number; closedByTransactionId: string | null; closedByOperation: string | null } | null;
}

const FIELDS = `key code entityName wardId state overdue current closedAutomatically dueOn assigneeName resolution resolvedBy
  work { id version closedByTransactionId closedByOperation }`;

async function findings(filter: Data = {}, today = TODAY, viewer: AccountViewer = admin): Promise<Row[]> {
  const r = await h.run<{ findings: { nodes: Row[] } }>(
    `query($s: ID!, $states: [FindingWorkState!], $overdue: Boolean, $u: ID) {
      findings(scopeId: $s, states: $states, overdue: $overdue, assigneeUnitId: $u, first: 200) { nodes { ${FIELDS} } } }`,
    { s: WARD, ...filter },
    { viewer, today },
  );
  return r.findings.nodes;
}

/** A mutation's typename and, on success, its data; on refusal its violations (codes, paths, messages). */
async function mutate(field: string, inputType: string, input: Data, viewer: AccountViewer = admin, today = TODAY) {
  const success = `Mutation${field.charAt(0).toUpperCase()}${field.slice(1)}Success`;
  const r = await h.exec<
    Record<
      string,
      {
        __typename: string;
        data?: { id: string };
        violations?: Array<{ code: string; path: string[]; message: { vi: string; en: string } }>;
      }
    >
  >(
    `mutation($input: ${inputType}!) { ${field}(input: $input) { __typename
      ... on ${success} { data { id } }
      ... on ValidationError { violations { code path message { vi en } } } } }`,
    { input },
    { viewer, today },
  );
  return { errors: r.errors, result: r.data?.[field] };
}

async function write(field: string, inputType: string, input: Data, today = TODAY): Promise<string> {
  const { errors, result } = await mutate(field, inputType, input, admin, today);
  expect(errors).toEqual([]);
  expect(result?.__typename, JSON.stringify(result?.violations)).toBe(`Mutation${field.charAt(0).toUpperCase()}${field.slice(1)}Success`);
  return result?.data?.id ?? '';
}

async function person(fullName: string): Promise<string> {
  return write('createPerson', 'CreatePersonInput', { fullName, sex: 'FEMALE', birthYear: 1975, residenceUnitId: GROUP_1 });
}

/** A building of 480 apartments with several owners in group 1 of Phúc Lợi: it needs a board. */
async function building(name: string, validTo?: string): Promise<string> {
  return write('createApartmentBuilding', 'CreateApartmentBuildingInput', {
    name,
    residentialGroupId: GROUP_1,
    apartmentCount: 480,
    blockCount: 1,
    multipleOwners: true,
    validFrom: '2019-01-01',
    ...(validTo ? { validTo } : {}),
  });
}

const noBoard = (rows: Row[], name: string) => rows.find((r) => r.code === 'BUILDING_WITHOUT_BOARD' && r.entityName === name);

async function workCount(): Promise<number> {
  return h.prisma.findingWork.count();
}

describe('a finding as work', () => {
  it('is open and unassigned at first, with a key of its rule and record', async () => {
    const id = decodeGlobalID(await building('Chung cư Hoa Sen')).id;
    const f = noBoard(await findings(), 'Chung cư Hoa Sen');
    expect(f).toMatchObject({
      key: `BUILDING_WITHOUT_BOARD|ApartmentBuilding:${id}`,
      state: 'OPEN',
      overdue: false,
      current: true,
      closedAutomatically: false,
      dueOn: null,
      assigneeName: null,
      work: null,
    });
  });

  it('is assigned to the ward unit with a due date; overdue once the date passes, and filtered so', async () => {
    const f = noBoard(await findings(), 'Chung cư Hoa Sen');
    await write('assignFinding', 'AssignFindingInput', { wardId: WARD, key: f?.key, assigneeUnitId: WARD, dueOn: '2026-11-30' });
    const now = noBoard(await findings(), 'Chung cư Hoa Sen');
    expect(now).toMatchObject({ state: 'OPEN', dueOn: '2026-11-30', assigneeName: 'Phúc Lợi', overdue: false });
    expect(now?.work?.version).toBe(1);
    // 2026-11-30 is the last day; from 2026-12-01 it is overdue.
    expect(noBoard(await findings({}, '2026-11-30'), 'Chung cư Hoa Sen')?.overdue).toBe(false);
    expect(noBoard(await findings({}, '2026-12-01'), 'Chung cư Hoa Sen')?.overdue).toBe(true);
    expect((await findings({ overdue: true }, '2026-12-01')).map((r) => r.entityName)).toEqual(['Chung cư Hoa Sen']);
    expect(await findings({ overdue: true })).toEqual([]);
    expect((await findings({ u: WARD })).map((r) => r.entityName)).toEqual(['Chung cư Hoa Sen']);
  });

  it('closes itself in the write that fixes the data, naming that write’s transaction', async () => {
    const f = noBoard(await findings(), 'Chung cư Hoa Sen');
    const buildingId = f?.key.split(':')[1];
    // An unrelated write leaves it open.
    await person('Người không liên quan');
    expect(noBoard(await findings(), 'Chung cư Hoa Sen')?.state).toBe('OPEN');
    const members = [await person('Lê Thị Một'), await person('Lê Thị Hai'), await person('Lê Thị Ba')];
    const board = await write('establishBoard', 'EstablishBoardInput', {
      buildingId: encodeGlobalID('ApartmentBuilding', buildingId ?? ''),
      electedOn: '2026-10-20',
      validFrom: '2026-11-01',
      validTo: '2029-11-01',
      members: [
        { personId: members[0], role: 'HEAD' },
        { personId: members[1], role: 'DEPUTY_HEAD' },
        { personId: members[2], role: 'MEMBER' },
      ],
    });
    // The finding is gone from the open list, and listed as resolved by itself.
    expect(noBoard(await findings(), 'Chung cư Hoa Sen')).toBeUndefined();
    const closed = noBoard(await findings({ states: ['RESOLVED'] }), 'Chung cư Hoa Sen');
    expect(closed).toMatchObject({ state: 'RESOLVED', current: false, closedAutomatically: true, resolvedBy: 'admin' });
    expect(closed?.work?.closedByOperation).toBe('establishBoard');
    // The transaction named is the one whose audit entries wrote the board (the oracle: the audit trail).
    const entries = await h.prisma.auditEntry.findMany({ where: { transactionId: BigInt(closed?.work?.closedByTransactionId ?? '0') } });
    expect(entries.map((e) => e.entityId)).toContain(decodeGlobalID(board).id);
    expect(new Set(entries.map((e) => e.operation))).toEqual(new Set(['establishBoard']));
    // The closure itself is audited in that transaction.
    expect(entries.some((e) => e.entityType === 'FindingWork' && e.entityId === decodeGlobalID(closed?.work?.id ?? '').id)).toBe(true);
  });

  it('closes with the date when a recorded end comes, with no change named', async () => {
    await building('Nhà tạm Cầu Gỗ', '2026-11-28');
    const f = noBoard(await findings(), 'Nhà tạm Cầu Gỗ');
    await write('assignFinding', 'AssignFindingInput', { wardId: WARD, key: f?.key, assigneeUnitId: WARD });
    // On 2026-11-28 the building is gone: the read already says resolved by itself, with no transaction.
    const read = noBoard(await findings({ states: ['RESOLVED'] }, '2026-11-28'), 'Nhà tạm Cầu Gỗ');
    expect(read).toMatchObject({ state: 'RESOLVED', closedAutomatically: true, current: false });
    expect(read?.work?.closedByTransactionId).toBeNull();
    // The next write records it, still naming no change (the write did not fix it).
    await write(
      'createPerson',
      'CreatePersonInput',
      { fullName: 'Người ghi ngày 28', sex: 'MALE', birthYear: 1980, residenceUnitId: GROUP_1 },
      '2026-11-28',
    );
    const stored = await h.prisma.findingWork.findUniqueOrThrow({ where: { findingKey: f?.key ?? '' } });
    expect(stored).toMatchObject({ state: 'RESOLVED', closedAutomatically: true, closedByTransactionId: null, closedByOperation: null });
  });

  it('is resolved by an officer (who, when, how) or accepted with a reason; a closed state is filtered', async () => {
    const cell = (await findings()).find((r) => r.code === 'BOARD_HEAD_WITHOUT_FIRE_TRAINING' && r.entityName === 'Lê Thị Một');
    expect(cell?.state).toBe('OPEN');
    await write('acceptFinding', 'CloseFindingInput', {
      wardId: WARD,
      key: cell?.key,
      text: 'Trưởng ban đã học PCCC ở nơi làm việc.',
    });
    const accepted = (await findings()).find((r) => r.key === cell?.key);
    expect(accepted).toMatchObject({
      state: 'ACCEPTED',
      resolution: 'Trưởng ban đã học PCCC ở nơi làm việc.',
      resolvedBy: 'admin',
      current: true,
    });
    expect((await findings({ states: ['ACCEPTED'] })).map((r) => r.key)).toEqual([cell?.key]);
    expect((await findings({ states: ['OPEN'] })).map((r) => r.key)).not.toContain(cell?.key);
    // Resolved by the ward officer instead (their own ward), from version 1: the same record, its next version.
    const { result } = await mutate(
      'resolveFinding',
      'CloseFindingInput',
      { wardId: WARD, key: cell?.key, text: 'Đã dự lớp tập huấn PCCC của phường.', version: 1 },
      wardOfficer,
    );
    expect(result?.__typename).toBe('MutationResolveFindingSuccess');
    expect((await findings()).find((r) => r.key === cell?.key)).toMatchObject({
      state: 'RESOLVED',
      resolvedBy: expect.stringContaining('phuong.phucloi'),
    });
  });
});

describe('refusals change nothing', () => {
  it('another ward’s officer may not work on this ward’s findings', async () => {
    const f = (await findings()).find((r) => r.code === 'BOARD_HEAD_WITHOUT_FIRE_TRAINING' && r.entityName === 'Lê Thị Một');
    const before = await workCount();
    const { errors } = await mutate('assignFinding', 'AssignFindingInput', { wardId: WARD, key: f?.key, assigneeUnitId: WARD }, otherWard);
    expect(errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect(await workCount()).toBe(before);
  });

  it('every reason at once, in Vietnamese and English: no assignee, a past due date, a key the data does not show', async () => {
    const before = await workCount();
    const { result } = await mutate('assignFinding', 'AssignFindingInput', {
      wardId: WARD,
      key: 'GROUP_WITHOUT_CELL|AdministrativeUnit:nowhere',
      dueOn: '2026-01-01',
    });
    expect(result?.__typename).toBe('ValidationError');
    expect(result?.violations?.map((v) => `${v.code}@${v.path.join('.')}`)).toEqual([
      'REQUIRED_FIELD@assigneeUnitId',
      'INVALID_VALUE@dueOn',
      'ENTITY_NOT_FOUND@key',
    ]);
    for (const v of result?.violations ?? []) {
      expect(v.message.vi.length).toBeGreaterThan(0);
      expect(v.message.en.length).toBeGreaterThan(0);
      expect(v.message.vi).not.toBe(v.message.en);
    }
    const empty = await mutate('resolveFinding', 'CloseFindingInput', { wardId: WARD, key: 'x', text: '   ' });
    expect(empty.result?.violations?.map((v) => `${v.code}@${v.path.join('.')}`)).toEqual(['REQUIRED_FIELD@text', 'ENTITY_NOT_FOUND@key']);
    expect(await workCount()).toBe(before);
  });

  it('a stale version is a conflict', async () => {
    const cell = (await findings()).find((r) => r.code === 'BOARD_HEAD_WITHOUT_FIRE_TRAINING' && r.entityName === 'Lê Thị Một');
    const { result } = await mutate('assignFinding', 'AssignFindingInput', {
      wardId: WARD,
      key: cell?.key,
      assigneeUnitId: WARD,
      version: 1,
    });
    expect(result?.__typename).toBe('VersionConflictError');
  });
});

describe('findingReminders and findingWorkSummary', () => {
  it('reminds of a board term ending within 90 days', async () => {
    const r = await h.run<{ findingReminders: Array<{ code: string; entityName: string; dueOn: string | null }> }>(
      `query($s: ID!) { findingReminders(scopeId: $s, asOf: "2029-08-10") { code entityName dueOn } }`,
      { s: WARD },
      { viewer: admin },
    );
    // The Hoa Sen board's term ends 2029-11-01: 83 days after 2029-08-10.
    expect(r.findingReminders.filter((x) => x.code === 'BOARD_TERM_ENDING_SOON').map((x) => x.dueOn)).toEqual(['2029-11-01']);
  });

  it('counts open, overdue and closed per ward', async () => {
    const r = await h.run<{
      findingWorkSummary: Array<{ wardName: string; open: number; overdue: number; resolved: number; accepted: number }>;
    }>(`query($s: ID!) { findingWorkSummary(scopeId: $s) { wardName open overdue resolved accepted } }`, { s: WARD }, { viewer: admin });
    const open = (await findings({ states: ['OPEN'] })).length;
    const resolved = (await findings({ states: ['RESOLVED'] })).length;
    // Hoa Sen closed by its board, its head's training resolved by the officer. Cầu Gỗ stands again on
    // this date (its end is 2026-11-28): its earlier closure is of another occurrence, so it is open.
    expect(resolved).toBe(2);
    expect(open).toBeGreaterThan(0);
    expect(r.findingWorkSummary).toEqual([{ wardName: 'Phúc Lợi', open, overdue: 0, resolved: 2, accepted: 0 }]);
  });
});
