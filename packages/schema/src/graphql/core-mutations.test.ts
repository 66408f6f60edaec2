import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HISTORY_FIXTURE } from '../auth/test-support/sample-fixtures.js';
import { stableUuid } from '../store/stable-id.js';
import { graphqlHarness } from '../testing/graphql-harness.js';

let h: Awaited<ReturnType<typeof graphqlHarness>>;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: HISTORY_FIXTURE });
});
afterAll(() => h.close());

const GIANG_BIEN = stableUuid('ward-2003-giang-bien');

type Result = {
  __typename: string;
  data?: { id: string; version: number; name?: string };
  violations?: Array<{ code: string; path: string[]; message: { vi: string; en: string } }>;
  actualVersion?: number;
};

const CREATE_UNIT = `mutation($input: CreateUnitInput!) { createUnit(input: $input) {
  __typename
  ... on MutationCreateUnitSuccess { data { id version name code parent { name } } }
  ... on ValidationError { message violations { code path message { vi en } } }
} }`;

describe('unit mutations', () => {
  it('creates a residential group under a ward, with its parent from validFrom', async () => {
    const r = await h.run<{ createUnit: Result & { data: { parent: { name: string } } } }>(CREATE_UNIT, {
      input: { kind: 'RESIDENTIAL_GROUP', name: '  Tổ dân phố số 30 ', parentId: GIANG_BIEN, validFrom: '2024-01-01' },
    });
    expect(r.createUnit.__typename).toBe('MutationCreateUnitSuccess');
    expect(r.createUnit.data?.name).toBe('Tổ dân phố số 30');
    expect(r.createUnit.data.parent.name).toBe('Giang Biên');
  });

  it('refuses bad input listing every violation, in Vietnamese and English, and writes nothing', async () => {
    const before = await h.prisma.administrativeUnit.count();
    const r = await h.run<{ createUnit: Result }>(CREATE_UNIT, {
      input: { kind: 'WARD', name: '', code: '123', validFrom: '2024-01-01', validTo: '2023-01-01' },
    });
    expect(r.createUnit.__typename).toBe('ValidationError');
    const codes = r.createUnit.violations?.map((v) => `${v.code}@${v.path.join('.')}`).sort();
    expect(codes).toEqual(['ADMIN_CODE_FORMAT@code', 'PERIOD_ORDER@validTo', 'REQUIRED_FIELD@name']);
    for (const v of r.createUnit.violations ?? []) {
      expect(v.message.vi).toMatch(/[À-ỹ]/);
      expect(v.message.en.length).toBeGreaterThan(5);
    }
    expect(await h.prisma.administrativeUnit.count()).toBe(before);
  });

  it('refuses a code another unit holds in the same period, and a parent of the wrong level', async () => {
    const taken = await h.run<{ createUnit: Result }>(CREATE_UNIT, {
      input: {
        kind: 'WARD',
        name: 'Phường Mới',
        code: '00121',
        parentId: stableUuid('long-bien-district'),
        validFrom: '2020-01-01',
        validTo: '2024-01-01',
      },
    });
    expect(taken.createUnit.violations?.map((v) => v.code)).toEqual(['ADMIN_CODE_UNIQUE']);
    const wrongLevel = await h.run<{ createUnit: Result }>(CREATE_UNIT, {
      input: { kind: 'RESIDENTIAL_GROUP', name: 'Tổ lạc chỗ', parentId: stableUuid('hanoi'), validFrom: '2020-01-01' },
    });
    expect(wrongLevel.createUnit.violations?.map((v) => `${v.code}@${v.path.join('.')}`)).toEqual(['UNIT_PARENT_KIND@parentId']);
  });

  it('updates with the version read, and refuses a stale version with a typed conflict', async () => {
    const created = await h.run<{ createUnit: Result }>(CREATE_UNIT, {
      input: { kind: 'RESIDENTIAL_GROUP', name: 'Tổ dân phố số 31', parentId: GIANG_BIEN, validFrom: '2024-01-01' },
    });
    const id = created.createUnit.data?.id;
    const update = `mutation($input: UpdateUnitInput!) { updateUnit(input: $input) { __typename
      ... on MutationUpdateUnitSuccess { data { name version } }
      ... on VersionConflictError { message expectedVersion actualVersion } } }`;
    const ok = await h.run<{ updateUnit: Result }>(update, { input: { id, version: 1, name: 'Tổ dân phố số 31A' } });
    expect(ok.updateUnit).toEqual({ __typename: 'MutationUpdateUnitSuccess', data: { name: 'Tổ dân phố số 31A', version: 2 } });
    const stale = await h.run<{ updateUnit: Result & { expectedVersion: number } }>(update, {
      input: { id, version: 1, name: 'Lost update' },
    });
    expect(stale.updateUnit.__typename).toBe('VersionConflictError');
    expect(stale.updateUnit.actualVersion).toBe(2);
    const now = await h.run<{ node: { name: string; version: number } }>(
      `query($id: ID!) { node(id: $id) { ... on AdministrativeUnit { name version } } }`,
      { id },
    );
    expect(now.node).toEqual({ name: 'Tổ dân phố số 31A', version: 2 });
  });

  it('refuses to end a ward that still has groups, pointing to recordReorganisation', async () => {
    const ward = await h.prisma.administrativeUnit.findUniqueOrThrow({ where: { id: GIANG_BIEN } });
    const r = await h.run<{ endUnit: Result }>(
      `mutation($input: EndUnitInput!) { endUnit(input: $input) { __typename ... on ValidationError { violations { code path message { vi en } } } } }`,
      { input: { id: GIANG_BIEN, version: ward.version, on: '2024-06-01' } },
    );
    expect(r.endUnit.__typename).toBe('ValidationError');
    expect(r.endUnit.violations?.[0]?.message.en).toMatch(/recordReorganisation/);
  });
});

describe('membership mutations', () => {
  it('refuses an overlapping second term of the same person in the same post', async () => {
    const person = await h.run<{ createPerson: { __typename: string; data: { id: string } } }>(
      `mutation { createPerson(input: { fullName: "Nguyễn Văn An", sex: MALE, birthYear: 1970, phone: "+84 912 345 678" }) { __typename ... on MutationCreatePersonSuccess { data { id phone } } } }`,
    );
    expect(person.createPerson.__typename).toBe('MutationCreatePersonSuccess');
    const org = await h.run<{ createOrganization: { __typename: string; data: { id: string } } }>(
      `mutation($u: [ID!]) { createOrganization(input: { kind: FRONT_WORK_COMMITTEE, name: "Ban công tác Mặt trận TDP 1", validFrom: "2010-01-01", unitIds: $u }) { __typename ... on MutationCreateOrganizationSuccess { data { id } } } }`,
      { u: [stableUuid('group-giang-bien-1')] },
    );
    expect(org.createOrganization.__typename).toBe('MutationCreateOrganizationSuccess');
    const create = `mutation($input: CreateMembershipInput!) { createMembership(input: $input) { __typename ... on ValidationError { violations { code path } } } }`;
    const base = { personId: person.createPerson.data.id, organizationId: org.createOrganization.data.id, role: 'HEAD' };
    const first = await h.run<{ createMembership: Result }>(create, { input: { ...base, validFrom: '2020-01-01', validTo: '2023-01-01' } });
    expect(first.createMembership.__typename).toBe('MutationCreateMembershipSuccess');
    const overlap = await h.run<{ createMembership: Result }>(create, { input: { ...base, validFrom: '2022-06-01' } });
    expect(overlap.createMembership.violations?.map((v) => v.code)).toContain('MEMBERSHIP_OVERLAP');
    const next = await h.run<{ createMembership: Result }>(create, { input: { ...base, validFrom: '2023-01-01' } });
    expect(next.createMembership.__typename).toBe('MutationCreateMembershipSuccess');
  });
});
