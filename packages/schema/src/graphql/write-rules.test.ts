import { longBienHistory } from '@coso/domain/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stableUuid } from '../store/stable-id.js';
import { writeState } from '../store/state-tables.js';
import { graphqlHarness } from '../testing/graphql-harness.js';

/**
 * The uniqueness and life rules of the write side, through the API (issue #11's cases): one holder
 * of a head's seat at a time, a membership within its body's life, a citizen ID per person, one
 * parent body at a time — each refused with its own rule code, alone and when requests race.
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
const id = (key: string) => stableUuid(key);

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'));
  const s = longBienHistory();
  s.organizations.push(
    { id: 'front-1', kind: 'FRONT_WORK_COMMITTEE', name: 'Ban công tác Mặt trận TDP số 1', validFrom: '2010-01-01', validTo: null },
    { id: 'veterans-1', kind: 'MASS_ORGANIZATION_BRANCH', name: 'Chi hội Cựu chiến binh TDP số 1', validFrom: '2010-01-01', validTo: null },
    {
      id: 'board-2022',
      kind: 'MANAGEMENT_BOARD',
      name: 'Ban quản trị Chung cư A',
      validFrom: '2022-01-01',
      validTo: null,
      buildingId: 'building-a',
    },
    { id: 'cell-1', kind: 'PARTY_CELL', name: 'Chi bộ TDP số 1', validFrom: '2010-01-01', validTo: null },
    { id: 'cell-2', kind: 'PARTY_CELL', name: 'Chi bộ TDP số 2', validFrom: '2010-01-01', validTo: null },
  );
  s.buildings.push({
    id: 'building-a',
    name: 'Chung cư A',
    residentialGroupId: 'group-giang-bien-1',
    apartmentCount: 100,
    blockCount: 1,
    multipleOwners: true,
    validFrom: '2015-01-01',
    validTo: null,
  });
  s.organizationParents.push({
    id: 'front-under-cell',
    organizationId: 'front-1',
    parentId: 'cell-1',
    validFrom: '2010-01-01',
    validTo: null,
  });
  for (const [i, fullName] of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung'].entries()) {
    s.people.push({
      id: `person-${i}`,
      fullName,
      sex: i % 2 ? 'FEMALE' : 'MALE',
      birthYear: 1970 + i,
      citizenId: i === 0 ? '001070000001' : null,
    });
  }
  await writeState(h.prisma, s);
});
afterAll(() => h.close());

type Outcome = { __typename: string; violations?: Array<{ code: string; path: string[] }> };
const MEMBERSHIP = `mutation($input: CreateMembershipInput!) { result: createMembership(input: $input) { __typename ... on ValidationError { violations { code path } } } }`;
const codes = (r: Outcome) => (r.violations ?? []).map((v) => `${v.code}@${v.path.join('.')}`);
const membership = (input: Record<string, unknown>) => h.run<{ result: Outcome }>(MEMBERSHIP, { input }).then((r) => r.result);

describe('one holder of a head’s seat at a time', () => {
  it.each([
    ['a group’s Front work committee', 'front-1'],
    ['a veterans’ branch', 'veterans-1'],
  ])('%s: a second head in the same period is POST_ONE_HOLDER; the next head from the day the first leaves is accepted', async (_, org) => {
    const first = await membership({
      personId: id('person-0'),
      organizationId: id(org),
      role: 'HEAD',
      validFrom: '2020-01-01',
      validTo: '2024-01-01',
    });
    expect(first.__typename).toBe('MutationCreateMembershipSuccess');
    const second = await membership({ personId: id('person-1'), organizationId: id(org), role: 'HEAD', validFrom: '2023-01-01' });
    expect(codes(second)).toEqual(['POST_ONE_HOLDER@role']);
    const next = await membership({ personId: id('person-1'), organizationId: id(org), role: 'HEAD', validFrom: '2024-01-01' });
    expect(next.__typename).toBe('MutationCreateMembershipSuccess');
  });

  it('two heads asked for at once: one is accepted, the other refused with the same code', async () => {
    const results = await Promise.all(
      ['person-2', 'person-3'].map((p) =>
        membership({ personId: id(p), organizationId: id('cell-2'), role: 'SECRETARY', validFrom: '2021-01-01' }),
      ),
    );
    expect(results.map((r) => r.__typename).sort()).toEqual(['MutationCreateMembershipSuccess', 'ValidationError']);
    expect(codes(results.find((r) => r.__typename === 'ValidationError') as Outcome)).toEqual(['POST_ONE_HOLDER@role']);
  });
});

describe('a membership lies within its body’s life', () => {
  it('a board membership from 2010 for a board that starts in 2022 is refused', async () => {
    const r = await membership({
      personId: id('person-2'),
      organizationId: id('board-2022'),
      role: 'MEMBER',
      validFrom: '2010-11-01',
      validTo: '2010-11-02',
    });
    expect(codes(r)).toEqual(['MEMBERSHIP_WITHIN_BODY@validFrom']);
  });
});

describe('unique records', () => {
  it('a citizen ID that belongs to someone else is CITIZEN_ID_UNIQUE, not a format error', async () => {
    const r = await h.run<{ result: Outcome }>(
      `mutation { result: createPerson(input: { fullName: "Nguyễn Văn An", sex: MALE, birthYear: 1970, citizenId: "001070000001" }) { __typename ... on ValidationError { violations { code path } } } }`,
    );
    expect(codes(r.result)).toEqual(['CITIZEN_ID_UNIQUE@citizenId']);
  });

  it('an overlapping second parent body is ORGANIZATION_ONE_PARENT', async () => {
    const r = await h.run<{ result: Outcome }>(
      `mutation($o: ID!, $p: ID!) { result: createOrganizationParent(input: { organizationId: $o, parentId: $p, validFrom: "2020-01-01" }) { __typename ... on ValidationError { violations { code path } } } }`,
      { o: id('front-1'), p: id('cell-2') },
    );
    expect(codes(r.result)).toEqual(['ORGANIZATION_ONE_PARENT@parentId']);
  });
});
