import { longBienHistory } from '@coso/domain/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stableUuid } from '../store/stable-id.js';
import { writeState } from '../store/state-tables.js';
import { graphqlHarness } from '../testing/graphql-harness.js';

let h: Awaited<ReturnType<typeof graphqlHarness>>;
const people: string[] = [];
let buildingId = '';
let parallelBuildingId = '';
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'));
  const state = longBienHistory();
  state.buildings.push({
    id: 'building-rice-city',
    name: 'Chung cư Rice City',
    residentialGroupId: 'group-thach-ban-1',
    apartmentCount: 480,
    blockCount: 1,
    multipleOwners: true,
    validFrom: '2019-01-01',
    validTo: null,
  });
  state.buildings.push({
    id: 'building-parallel',
    name: 'Chung cư Thạch Bàn',
    residentialGroupId: 'group-thach-ban-1',
    apartmentCount: 200,
    blockCount: 1,
    multipleOwners: true,
    validFrom: '2019-01-01',
    validTo: null,
  });
  for (const [i, name] of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'].entries()) {
    state.people.push({ id: `person-${i}`, fullName: name, sex: i % 2 ? 'FEMALE' : 'MALE', birthYear: 1970 + i });
    people.push(stableUuid(`person-${i}`));
  }
  await writeState(h.prisma, state);
  buildingId = stableUuid('building-rice-city');
  parallelBuildingId = stableUuid('building-parallel');
});
afterAll(() => h.close());

const ESTABLISH = `mutation($input: EstablishBoardInput!) { establishBoard(input: $input) { __typename
  ... on MutationEstablishBoardSuccess { data { id name version members(asOf: "2022-06-01") { totalCount nodes { id role person { fullName } } } } }
  ... on ValidationError { violations { code path message { vi en } } } } }`;

type Board = {
  id: string;
  name: string;
  version: number;
  members: { totalCount: number; nodes: Array<{ id: string; role: string; person: { fullName: string } }> };
};

describe('establish and consolidate a management board', () => {
  it('refuses a board of two members, saying why in Vietnamese and English, and writes nothing', async () => {
    const before = await h.prisma.organization.count();
    const r = await h.run<{
      establishBoard: { __typename: string; violations: Array<{ code: string; path: string[]; message: { vi: string; en: string } }> };
    }>(ESTABLISH, {
      input: {
        buildingId,
        electedOn: '2022-05-20',
        validFrom: '2022-06-01',
        validTo: '2025-06-01',
        members: [
          { personId: people[0], role: 'HEAD' },
          { personId: people[1], role: 'DEPUTY_HEAD' },
        ],
      },
    });
    expect(r.establishBoard.__typename).toBe('ValidationError');
    expect(r.establishBoard.violations).toEqual([
      expect.objectContaining({
        code: 'BOARD_MIN_MEMBERS',
        path: ['members'],
        message: expect.objectContaining({ vi: expect.stringContaining('cần ít nhất 3') }),
      }),
    ]);
    expect(await h.prisma.organization.count()).toBe(before);
  });

  it('establishes a board with three members, its term and the establishment record, in one go', async () => {
    const r = await h.run<{ establishBoard: { __typename: string; data: Board } }>(ESTABLISH, {
      input: {
        buildingId,
        electedOn: '2022-05-20',
        validFrom: '2022-06-01',
        validTo: '2025-06-01',
        members: [
          { personId: people[0], role: 'HEAD' },
          { personId: people[1], role: 'DEPUTY_HEAD' },
          { personId: people[2], role: 'MEMBER' },
        ],
      },
    });
    expect(r.establishBoard.__typename).toBe('MutationEstablishBoardSuccess');
    expect(r.establishBoard.data.name).toBe('Ban quản trị Chung cư Rice City');
    expect(r.establishBoard.data.members.totalCount).toBe(3);
    const changes = await h.prisma.boardChange.findMany();
    // No recognition recorded yet: established on its election day (domain establishmentDate).
    expect(changes.map((c) => [c.kind, c.on.toISOString().slice(0, 10)])).toEqual([['ESTABLISHMENT', '2022-05-20']]);
    const again = await h.run<{ establishBoard: { __typename: string; violations: Array<{ code: string }> } }>(ESTABLISH, {
      input: {
        buildingId,
        electedOn: '2023-05-20',
        validFrom: '2023-06-01',
        validTo: '2026-06-01',
        members: [
          { personId: people[3], role: 'HEAD' },
          { personId: people[4], role: 'DEPUTY_HEAD' },
          { personId: people[2], role: 'MEMBER' },
        ],
      },
    });
    expect(again.establishBoard.violations.map((v) => v.code)).toContain('BOARD_ONE_PER_BUILDING');
  });

  it('consolidates: replaces the head and adds a member from a date, keeping the history', async () => {
    const board = await h.prisma.organization.findFirstOrThrow({ where: { kind: 'MANAGEMENT_BOARD' } });
    const head = await h.prisma.membership.findFirstOrThrow({ where: { organizationId: board.id, role: 'HEAD' } });
    const consolidate = `mutation($input: ConsolidateBoardInput!) { consolidateBoard(input: $input) { __typename
      ... on MutationConsolidateBoardSuccess { data { version members(asOf: "2023-01-01") { nodes { role person { fullName } } } } }
      ... on VersionConflictError { actualVersion }
      ... on ValidationError { violations { code path } } } }`;
    const input = {
      boardId: board.id,
      version: board.version,
      on: '2023-01-01',
      replace: [{ membershipId: head.id, byPersonId: people[3] }],
      add: [{ personId: people[4], role: 'MEMBER' }],
    };
    const r = await h.run<{
      consolidateBoard: {
        __typename: string;
        data: { version: number; members: { nodes: Array<{ role: string; person: { fullName: string } }> } };
      };
    }>(consolidate, { input });
    expect(r.consolidateBoard.__typename).toBe('MutationConsolidateBoardSuccess');
    expect(r.consolidateBoard.data.members.nodes.map((n) => `${n.role}:${n.person.fullName}`).sort()).toEqual([
      'DEPUTY_HEAD:Trần Thị Bình',
      'HEAD:Phạm Thị Dung',
      'MEMBER:Hoàng Văn Em',
      'MEMBER:Lê Văn Cường',
    ]);
    // The board as of the day before is unchanged: history is end-dated, not rewritten.
    const before = await h.run<{ node: { members: { nodes: Array<{ role: string; person: { fullName: string } }> } } }>(
      `query($id: ID!) { node(id: $id) { ... on Organization { members(asOf: "2022-12-31") { nodes { role person { fullName } } } } } }`,
      { id: encodeGlobalID('Organization', board.id) },
    );
    expect(before.node.members.nodes.find((n) => n.role === 'HEAD')?.person.fullName).toBe('Nguyễn Văn An');
    const stale = await h.run<{ consolidateBoard: { __typename: string; actualVersion: number } }>(consolidate, {
      input: { ...input, on: '2023-02-01' },
    });
    expect(stale.consolidateBoard).toEqual({ __typename: 'VersionConflictError', actualVersion: board.version + 1 });
    expect((await h.prisma.boardChange.findMany({ orderBy: { on: 'asc' } })).map((c) => c.kind)).toEqual([
      'ESTABLISHMENT',
      'CONSOLIDATION',
    ]);
  });

  it('refuses a consolidation that would leave the board without a head', async () => {
    const board = await h.prisma.organization.findFirstOrThrow({ where: { kind: 'MANAGEMENT_BOARD' } });
    const head = await h.prisma.membership.findFirstOrThrow({ where: { organizationId: board.id, role: 'HEAD', validTo: null } });
    const r = await h.run<{ consolidateBoard: { __typename: string; violations: Array<{ code: string }> } }>(
      `mutation($input: ConsolidateBoardInput!) { consolidateBoard(input: $input) { __typename ... on ValidationError { violations { code } } } }`,
      { input: { boardId: board.id, version: board.version, on: '2024-01-01', end: [head.id] } },
    );
    expect(r.consolidateBoard.violations.map((v) => v.code)).toContain('BOARD_ONE_HEAD');
  });

  it('six establishments of one building at once make one board: the database holds the rule the check reads', async () => {
    const input = {
      buildingId: parallelBuildingId,
      electedOn: '2022-05-20',
      validFrom: '2022-06-01',
      validTo: '2025-06-01',
      members: [
        { personId: people[0], role: 'HEAD' },
        { personId: people[1], role: 'DEPUTY_HEAD' },
        { personId: people[2], role: 'MEMBER' },
      ],
    };
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        h.run<{ establishBoard: { __typename: string; violations?: Array<{ code: string; path: string[] }> } }>(ESTABLISH, { input }),
      ),
    );
    const made = results.filter((r) => r.establishBoard.__typename === 'MutationEstablishBoardSuccess');
    expect(made).toHaveLength(1);
    for (const r of results.filter((x) => x !== made[0])) {
      expect(r.establishBoard.violations?.map((v) => `${v.code}@${v.path.join('.')}`)).toEqual(['BOARD_ONE_PER_BUILDING@buildingId']);
    }
    expect(await h.prisma.organization.count({ where: { kind: 'MANAGEMENT_BOARD', buildingId: parallelBuildingId } })).toBe(1);
  });
});
