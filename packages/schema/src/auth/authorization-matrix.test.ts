import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphqlHarness, type HarnessError } from '../testing/graphql-harness.js';
import {
  ACCESS_FIXTURE,
  ANONYMOUS,
  FRONT_NAMES,
  gid,
  SIDES,
  type Side,
  type SideKey,
  uid,
  viewersOf,
} from './test-support/access-fixture.js';
import type { Viewer } from './viewer.js';

/**
 * The authorisation matrix (issue #4): role × own/other territory × read (list, node(id:), nested
 * relation) and write (create, update, end), for units, organisations, people, memberships and
 * buildings. Every cell states its outcome:
 *
 * | role                         | own: read | own: write | other: read | other: write |
 * |------------------------------|-----------|------------|-------------|--------------|
 * | SYSTEM_ADMIN (A / C)         | allow     | allow      | allow       | allow        |
 * | DISTRICT_STAFF (A / C)       | allow     | allow      | deny        | FORBIDDEN    |
 * | WARD_STAFF (A / B)           | allow     | allow      | deny        | FORBIDDEN    |
 * | ANALYST (A / C)              | allow     | FORBIDDEN  | allow       | FORBIDDEN    |
 * | VIEWER (A / C)               | allow     | FORBIDDEN  | allow       | FORBIDDEN    |
 * | anonymous                    | UNAUTHENTICATED everywhere but `login` (and `me`, which is null) |
 *
 * A denied read is: absent from lists (no error), `node(id:)` null with FORBIDDEN, a nested
 * relation either absent from its (filtered) list or null with FORBIDDEN — as each cell asserts.
 * The district account is the demo one, whose district ended on 1/7/2025: its "own" territory is
 * the district's area on its last day.
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
let viewer: (name: string) => Viewer;

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
  viewer = await viewersOf(h.prisma, ['admin', 'quan.longbien', 'phuong.phucloi', 'phuong.longbien', 'phuong.viethung', 'phantich', 'xem']);
});
afterAll(() => h.close());

type Decision = 'allow' | 'deny';
interface Row {
  role: string;
  account: string;
  own: SideKey;
  other: SideKey;
  read: { own: Decision; other: Decision };
  write: { own: Decision; other: Decision };
  /** Where this role creates a residential group on its own side: under which ward, for which period. */
  ownUnit?: UnitPlan;
}
interface UnitPlan {
  parent: string;
  from: string;
  to: string | null;
  end: string;
}

const ROWS: Row[] = [
  {
    role: 'SYSTEM_ADMIN',
    account: 'admin',
    own: 'A',
    other: 'C',
    read: { own: 'allow', other: 'allow' },
    write: { own: 'allow', other: 'allow' },
  },
  {
    role: 'DISTRICT_STAFF',
    account: 'quan.longbien',
    own: 'A',
    other: 'C',
    read: { own: 'allow', other: 'deny' },
    write: { own: 'allow', other: 'deny' },
    // The district ended on 1/7/2025: it writes under the old ward, in the district's time.
    ownUnit: { parent: 'ward-2003-phuc-loi', from: '2024-01-01', to: '2025-01-01', end: '2024-06-01' },
  },
  {
    role: 'WARD_STAFF',
    account: 'phuong.phucloi',
    own: 'A',
    other: 'B',
    read: { own: 'allow', other: 'deny' },
    write: { own: 'allow', other: 'deny' },
  },
  {
    role: 'ANALYST',
    account: 'phantich',
    own: 'A',
    other: 'C',
    read: { own: 'allow', other: 'allow' },
    write: { own: 'deny', other: 'deny' },
  },
  { role: 'VIEWER', account: 'xem', own: 'A', other: 'C', read: { own: 'allow', other: 'allow' }, write: { own: 'deny', other: 'deny' } },
];

type Data = Record<string, unknown>;

/** Reads a path of plain fields ("node.residenceUnit.id"); lists are mapped over. */
function at(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const key of path.split('.')) {
    if (Array.isArray(cur)) cur = cur.flatMap((x) => (x && typeof x === 'object' ? [(x as Data)[key]] : []));
    else cur = cur && typeof cur === 'object' ? (cur as Data)[key] : undefined;
  }
  return cur;
}

function ids(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value.flat(3) : [value]).filter((x): x is string => typeof x === 'string');
}

interface Probe {
  /** GraphQL type of the probed record. */
  type: string;
  target: (s: Side) => string;
  /** A list query that would hold the record; `path` leads to the ids listed. */
  list: (s: Side) => { query: string; variables: Data; path: string };
  /**
   * A nested relation reaching the record from one the viewer may read (side A's records, or a
   * commuter sitting on A's body). A denied cell shows either `absent` (a filtered list) or `null`
   * with FORBIDDEN at `errorPath`.
   */
  nested: (s: Side) => { query: string; variables: Data; path: string; denied: 'absent' | { errorPath: string } };
}

const PROBES: Record<string, Probe> = {
  unit: {
    type: 'AdministrativeUnit',
    target: (s) => s.group,
    list: (s) => ({
      query: 'query($id: ID!) { units(filter: { id: { equals: $id } }) { nodes { id } } }',
      variables: { id: gid('AdministrativeUnit', s.group) },
      path: 'units.nodes.id',
    }),
    nested: (s) => ({
      query: 'query($id: ID!) { node(id: $id) { ... on Person { residenceUnit { id } } } }',
      variables: { id: gid('Person', s.commuter) },
      path: 'node.residenceUnit.id',
      denied: { errorPath: 'node.residenceUnit' },
    }),
  },
  organization: {
    type: 'Organization',
    target: (s) => s.org,
    list: (s) => ({
      query: 'query($id: ID!) { organizations(filter: { id: { equals: $id } }) { nodes { id } } }',
      variables: { id: gid('Organization', s.org) },
      path: 'organizations.nodes.id',
    }),
    nested: (s) => ({
      query: 'query($id: ID!) { node(id: $id) { ... on Person { memberships { organization { id } } } } }',
      variables: { id: gid('Person', s.commuter) },
      path: 'node.memberships.organization.id',
      denied: 'absent',
    }),
  },
  person: {
    type: 'Person',
    target: (s) => s.person,
    list: (s) => ({
      query: 'query($id: ID!) { people(filter: { id: { equals: $id } }) { nodes { id } } }',
      variables: { id: gid('Person', s.person) },
      path: 'people.nodes.id',
    }),
    nested: (s) => ({
      query: 'query($id: ID!) { node(id: $id) { ... on Commendation { recipientPerson { id } } } }',
      variables: { id: gid('Commendation', s.commendation) },
      path: 'node.recipientPerson.id',
      denied: { errorPath: 'node.recipientPerson' },
    }),
  },
  membership: {
    type: 'Membership',
    target: (s) => s.membership,
    list: (s) => ({
      query: 'query($p: ID!) { memberships(filter: { personId: $p }) { nodes { id } } }',
      variables: { p: gid('Person', s.commuter) },
      path: 'memberships.nodes.id',
    }),
    nested: (s) => ({
      query: 'query($id: ID!) { node(id: $id) { ... on Person { memberships { id } } } }',
      variables: { id: gid('Person', s.commuter) },
      path: 'node.memberships.id',
      denied: 'absent',
    }),
  },
  building: {
    type: 'ApartmentBuilding',
    target: (s) => s.building,
    list: (s) => ({
      query: 'query($id: ID!) { buildings(filter: { id: { equals: $id } }) { nodes { id } } }',
      variables: { id: gid('ApartmentBuilding', s.building) },
      path: 'buildings.nodes.id',
    }),
    nested: () => ({
      query: 'query($id: ID!) { node(id: $id) { ... on ApartmentComplex { buildings { id } } } }',
      variables: { id: gid('ApartmentComplex', 'complex-x') },
      path: 'node.buildings.id',
      denied: 'absent',
    }),
  },
};

const onlyForbidden = (errors: HarnessError[], path: string) =>
  expect(errors.map((e) => `${e.code}@${e.path}`)).toEqual([`FORBIDDEN@${path}`]);

describe.each(ROWS)('$role', (row) => {
  for (const sideName of ['own', 'other'] as const) {
    const side = SIDES[row[sideName]];
    const expected = row.read[sideName];
    describe(`${sideName} territory (${side.key}): read ${expected}`, () => {
      for (const [entity, probe] of Object.entries(PROBES)) {
        const target = gid(probe.type, probe.target(side));

        it(`${entity}: list → ${expected === 'allow' ? 'listed' : 'absent'}`, async () => {
          const q = probe.list(side);
          const r = await h.exec(q.query, q.variables, { viewer: viewer(row.account) });
          expect(r.errors).toEqual([]);
          if (expected === 'allow') expect(ids(at(r.data, q.path))).toContain(target);
          else expect(ids(at(r.data, q.path))).not.toContain(target);
        });

        it(`${entity}: node(id:) → ${expected === 'allow' ? 'the record' : 'null, FORBIDDEN'}`, async () => {
          const r = await h.exec<{ node: { id: string } | null }>(
            'query($id: ID!) { node(id: $id) { id } }',
            { id: target },
            { viewer: viewer(row.account) },
          );
          if (expected === 'allow') {
            expect(r.errors).toEqual([]);
            expect(r.data?.node?.id).toBe(target);
          } else {
            expect(r.data?.node).toBeNull();
            onlyForbidden(r.errors, 'node');
          }
        });

        it(`${entity}: nested relation → ${expected === 'allow' ? 'reached' : 'denied'}`, async () => {
          const q = probe.nested(side);
          const r = await h.exec(q.query, q.variables, { viewer: viewer(row.account) });
          const reached = ids(at(r.data, q.path));
          if (expected === 'allow') {
            expect(r.errors).toEqual([]);
            expect(reached).toContain(target);
          } else if (q.denied === 'absent') {
            expect(r.errors).toEqual([]);
            expect(reached).not.toContain(target);
            // The record holding the relation is still there (the list was filtered, not nulled).
            expect(at(r.data, 'node')).not.toBeNull();
          } else {
            expect(reached).toEqual([]);
            onlyForbidden(r.errors, q.denied.errorPath);
          }
        });
      }
    });

    const writes = row.write[sideName];
    describe(`${sideName} territory (${side.key}): write ${writes === 'allow' ? 'allowed' : 'FORBIDDEN'}`, () => {
      for (const entity of Object.keys(WRITES)) {
        for (const op of ['create', 'update', 'end'] as const) {
          it(`${entity}: ${op}`, async () => {
            await writeCell(row, sideName, entity, op);
          });
        }
      }
    });
  }
});

/** What each write cell created, so its update and end act on it (key: role, side, entity). */
const created = new Map<string, string>();

interface WriteSpec {
  noun: string;
  model: string;
  /** The create input on a side (the unit plan says where a residential group goes). */
  create: (s: Side, plan: UnitPlan, row: Row, mine: (entity: string) => string | undefined) => Data;
  /** A correction of the record, and the fixture record updated/ended when nothing was created. */
  update: Data;
  existing: (s: Side) => string;
  end: (plan: UnitPlan) => string;
}

const WRITES: Record<string, WriteSpec> = {
  unit: {
    noun: 'Unit',
    model: 'administrativeUnit',
    create: (_s, plan, row) => ({
      kind: 'RESIDENTIAL_GROUP',
      name: `Tổ dân phố thử (${row.role})`,
      parentId: uid(plan.parent),
      validFrom: plan.from,
      ...(plan.to ? { validTo: plan.to } : {}),
    }),
    update: { kindLabel: 'Tổ dân phố' },
    existing: (s) => s.group,
    end: (plan) => plan.end,
  },
  organization: {
    noun: 'Organization',
    model: 'organization',
    create: (s, _p, row) => ({
      kind: 'MASS_ORGANIZATION_BRANCH',
      massOrganization: 'WOMENS_UNION',
      name: `Chi hội Phụ nữ (${row.role})`,
      validFrom: '2024-01-01',
      unitIds: [uid(s.group)],
    }),
    update: { name: 'Chi hội Phụ nữ (sửa)' },
    existing: (s) => s.org,
    end: () => '2024-06-01',
  },
  person: {
    noun: 'Person',
    model: 'person',
    create: (s, _p, row) => ({ fullName: `Người thử ${row.role}`, sex: 'FEMALE', birthYear: 1991, residenceUnitId: uid(s.group) }),
    update: { fullName: 'Người thử (sửa)' },
    existing: (s) => s.person,
    end: () => '2026-01-01',
  },
  membership: {
    noun: 'Membership',
    model: 'membership',
    // The person this role created on the side (a refused role names the side's own person).
    create: (s, _p, _r, mine) => ({
      personId: mine('person') ?? uid(s.person),
      organizationId: uid(s.org),
      role: 'COMMITTEE_MEMBER',
      validFrom: '2024-01-01',
    }),
    update: { validFrom: '2024-02-01' },
    existing: (s) => s.membership,
    end: () => '2024-06-01',
  },
  building: {
    noun: 'ApartmentBuilding',
    model: 'apartmentBuilding',
    create: (s, _p, row) => ({
      name: `Chung cư thử ${row.role}`,
      residentialGroupId: uid(s.group),
      apartmentCount: 30,
      blockCount: 1,
      multipleOwners: true,
      validFrom: '2024-01-01',
    }),
    update: { apartmentCount: 31 },
    existing: (s) => s.building,
    end: () => '2024-06-01',
  },
};

const DEFAULT_UNIT = (s: Side): UnitPlan => ({ parent: s.ward, from: '2026-01-01', to: null, end: '2026-06-01' });

type Delegate = { count(): Promise<number>; findUniqueOrThrow(a: { where: { id: string } }): Promise<{ version: number }> };
const delegate = (model: string) => (h.prisma as unknown as Record<string, Delegate>)[model] as Delegate;

async function writeCell(row: Row, sideName: 'own' | 'other', entity: string, op: 'create' | 'update' | 'end'): Promise<void> {
  const spec = WRITES[entity];
  if (!spec) throw new Error(`no write spec for ${entity}`);
  const side = SIDES[row[sideName]];
  const plan = sideName === 'own' && row.ownUnit ? row.ownUnit : DEFAULT_UNIT(side);
  const allowed = row.write[sideName] === 'allow';
  const key = `${row.account}:${sideName}:${entity}`;
  const field = `${op}${spec.noun}`;
  const Op = op.charAt(0).toUpperCase() + op.slice(1);
  const mutation = `mutation($input: ${Op}${spec.noun}Input!) { ${field}(input: $input) { __typename
    ... on Mutation${Op}${spec.noun}Success { data { id } }
    ... on ValidationError { violations { code path message { en } } } } }`;
  let input: Data;
  let id: string | undefined;
  if (op === 'create') input = spec.create(side, plan, row, (entity) => created.get(`${row.account}:${sideName}:${entity}`));
  else {
    // An allowed role changes what it created; a refused one tries the side's existing record.
    const mine = created.get(key);
    if (allowed && !mine) throw new Error(`${key}: nothing was created to ${op}`);
    id = allowed && mine ? mine : uid(spec.existing(side));
    const { version } = await delegate(spec.model).findUniqueOrThrow({ where: { id } });
    input = op === 'update' ? { id, version, ...spec.update } : { id, version, on: spec.end(plan) };
  }
  const before = await delegate(spec.model).count();
  const versionBefore = id ? (await delegate(spec.model).findUniqueOrThrow({ where: { id } })).version : null;
  const r = await h.exec<Record<string, { __typename: string; data?: { id: string }; violations?: unknown[] }>>(
    mutation,
    { input },
    { viewer: viewer(row.account) },
  );
  if (allowed) {
    expect(r.errors).toEqual([]);
    const result = r.data?.[field];
    expect(result?.__typename, JSON.stringify(result?.violations)).toBe(`Mutation${Op}${spec.noun}Success`);
    if (op === 'create') created.set(key, decodeGlobalID(result?.data?.id ?? '').id);
    // The change carries its author in the audit trail.
    const entry = await h.prisma.auditEntry.findFirst({ where: { operation: field }, orderBy: { id: 'desc' } });
    expect(entry?.actor).toBe(row.account);
  } else {
    expect(r.data).toBeNull();
    onlyForbidden(r.errors, field);
    expect(await delegate(spec.model).count()).toBe(before);
    if (id) expect((await delegate(spec.model).findUniqueOrThrow({ where: { id } })).version).toBe(versionBefore);
  }
}

describe('anonymous', () => {
  it('reaches nothing but login; me is null', async () => {
    const side = SIDES.A;
    for (const [entity, probe] of Object.entries(PROBES)) {
      const list = probe.list(side);
      const r = await h.exec(list.query, list.variables, { viewer: ANONYMOUS });
      expect(r.data, entity).toBeNull();
      expect(r.errors.map((e) => e.code)).toEqual(['UNAUTHENTICATED']);
      const node = await h.exec(
        'query($id: ID!) { node(id: $id) { id } }',
        { id: gid(probe.type, probe.target(side)) },
        { viewer: ANONYMOUS },
      );
      expect(node.data).toEqual({ node: null });
      expect(node.errors.map((e) => e.code)).toEqual(['UNAUTHENTICATED']);
    }
    for (const query of [
      '{ history(id: "x") { id } }',
      '{ counts(scopeId: "x", measure: BUILDINGS) { count } }',
      '{ directives { nodes { id } } }',
      '{ reorganisations { totalCount } }',
      '{ accounts { totalCount } }',
      '{ auditEntries { totalCount } }',
    ]) {
      const r = await h.exec(query, {}, { viewer: ANONYMOUS });
      expect(
        r.errors.map((e) => e.code),
        query,
      ).toEqual(['UNAUTHENTICATED']);
    }
    const me = await h.exec('{ me { username } }', {}, { viewer: ANONYMOUS });
    expect(me).toEqual({ data: { me: null }, errors: [] });
    // `me` together with anything else: the rest is refused, not `me`.
    const mixed = await h.exec('{ me { username } units { totalCount } }', {}, { viewer: ANONYMOUS });
    expect(mixed.errors.map((e) => `${e.code}@${e.path}`)).toEqual(['UNAUTHENTICATED@units']);
  });

  it('cannot write: every mutation but login is UNAUTHENTICATED', async () => {
    const before = await h.prisma.person.count();
    const r = await h.exec(
      'mutation { createPerson(input: { fullName: "Ai đó", sex: MALE, birthYear: 1990 }) { __typename } }',
      {},
      { viewer: ANONYMOUS },
    );
    expect(r.data).toBeNull();
    expect(r.errors.map((e) => `${e.code}@${e.path}`)).toEqual(['UNAUTHENTICATED@createPerson']);
    expect(await h.prisma.person.count()).toBe(before);
    const logout = await h.exec('mutation { logout }', {}, { viewer: ANONYMOUS });
    expect(logout.errors.map((e) => e.code)).toEqual(['UNAUTHENTICATED']);
    const login = await h.exec<{ login: { __typename: string; code: string } }>(
      'mutation { login(username: "xem", password: "sai-mat-khau-roi") { __typename ... on LoginError { code } } }',
      {},
      { viewer: ANONYMOUS, clientAddress: '10.9.9.9' },
    );
    expect(login).toEqual({ data: { login: { __typename: 'LoginError', code: 'INVALID_CREDENTIALS' } }, errors: [] });
  });
});

/** A mutation's outcome for a viewer: its result typename, or the error codes it was refused with. */
async function outcome(viewerName: string, source: string, variables: Data): Promise<string> {
  const r = await h.exec<Record<string, { __typename: string; violations?: unknown[] }>>(source, variables, { viewer: viewer(viewerName) });
  if (r.errors.length) return r.errors.map((e) => e.code).join(',');
  const result = Object.values(r.data ?? {})[0];
  return result?.__typename === 'ValidationError' ? `ValidationError ${JSON.stringify(result.violations)}` : (result?.__typename ?? 'none');
}

const CREATE_BUILDING = `mutation($input: CreateApartmentBuildingInput!) { createApartmentBuilding(input: $input) { __typename
  ... on ValidationError { violations { code path } } } }`;
const building = (groupKey: string, name: string) => ({
  input: { name, residentialGroupId: uid(groupKey), apartmentCount: 40, blockCount: 1, multipleOwners: true, validFrom: '2024-01-01' },
});
const UPDATE_BUILDING = `mutation($input: UpdateApartmentBuildingInput!) { updateApartmentBuilding(input: $input) { __typename } }`;
async function updateBuilding(viewerName: string, id: string): Promise<string> {
  const { version } = await h.prisma.apartmentBuilding.findUniqueOrThrow({ where: { id } });
  return outcome(viewerName, UPDATE_BUILDING, { input: { id, version, apartmentCount: 41 + version } });
}
async function nodeOutcome(viewerName: string, type: string, key: string): Promise<string> {
  const r = await h.exec<{ node: { id: string } | null }>(
    'query($id: ID!) { node(id: $id) { id } }',
    { id: gid(type, key) },
    { viewer: viewer(viewerName) },
  );
  return r.errors.length ? r.errors.map((e) => e.code).join(',') : r.data?.node ? 'read' : 'null';
}

describe('territory after reorganisations', () => {
  it('the 2025 reorganisation: a group moved into the new Phúc Lợi ward is Phúc Lợi’s staff’s, not the ward it went elsewhere from', async () => {
    // 1/7/2025: Giang Biên's group 2 went to the new Phúc Lợi ward, its group 1 to Việt Hưng.
    expect(await nodeOutcome('phuong.phucloi', 'AdministrativeUnit', 'group-giang-bien-2')).toBe('read');
    expect(await nodeOutcome('phuong.phucloi', 'AdministrativeUnit', 'group-giang-bien-1')).toBe('FORBIDDEN');
    expect(await nodeOutcome('phuong.viethung', 'AdministrativeUnit', 'group-giang-bien-1')).toBe('read');
    expect(await nodeOutcome('phuong.viethung', 'AdministrativeUnit', 'group-giang-bien-2')).toBe('FORBIDDEN');
    expect(await outcome('phuong.phucloi', CREATE_BUILDING, building('group-giang-bien-2', 'Chung cư Giang Biên 2'))).toBe(
      'MutationCreateApartmentBuildingSuccess',
    );
    expect(await outcome('phuong.phucloi', CREATE_BUILDING, building('group-giang-bien-1', 'Chung cư Giang Biên 1'))).toBe('FORBIDDEN');
    expect(await outcome('phuong.viethung', CREATE_BUILDING, building('group-giang-bien-1', 'Chung cư Giang Biên 1'))).toBe(
      'MutationCreateApartmentBuildingSuccess',
    );
    expect(await outcome('phuong.viethung', CREATE_BUILDING, building('group-giang-bien-2', 'Chung cư Giang Biên 2b'))).toBe('FORBIDDEN');
  });

  it('recordReorganisation moves a group between two wards: write and read follow it at once', async () => {
    const moved = await h.prisma.apartmentBuilding.create({
      data: {
        name: 'Chung cư Thạch Bàn',
        nameSearch: 'chung cu thach ban',
        residentialGroupId: uid('group-thach-ban-1'),
        apartmentCount: 60,
        blockCount: 1,
        multipleOwners: true,
        validFrom: new Date('2020-01-01'),
      },
    });
    const listed = async (viewerName: string) =>
      ids(at((await h.exec('{ buildings { nodes { id } } }', {}, { viewer: viewer(viewerName) })).data, 'buildings.nodes.id')).includes(
        encodeGlobalID('ApartmentBuilding', moved.id),
      );
    // Thạch Bàn's group 1 is in the new Long Biên ward since 1/7/2025.
    expect(await updateBuilding('phuong.longbien', moved.id)).toBe('MutationUpdateApartmentBuildingSuccess');
    expect(await updateBuilding('phuong.phucloi', moved.id)).toBe('FORBIDDEN');
    expect([await listed('phuong.longbien'), await listed('phuong.phucloi')]).toEqual([true, false]);

    const r = await outcome(
      'admin',
      `mutation($input: RecordReorganisationInput!) { recordReorganisation(input: $input) { __typename ... on ValidationError { violations { code path } } } }`,
      {
        input: {
          kind: 'TRANSFER_PART',
          effectiveOn: '2026-01-01',
          legalBasis: 'Quyết định thử nghiệm 1/QĐ-UBND',
          moveUnits: [{ unitId: uid('group-thach-ban-1'), toParentId: uid('ward-2025-phuc-loi') }],
        },
      },
    );
    expect(r).toBe('MutationRecordReorganisationSuccess');
    expect(await updateBuilding('phuong.phucloi', moved.id)).toBe('MutationUpdateApartmentBuildingSuccess');
    expect(await updateBuilding('phuong.longbien', moved.id)).toBe('FORBIDDEN');
    expect([await listed('phuong.longbien'), await listed('phuong.phucloi')]).toEqual([false, true]);
    expect(await nodeOutcome('phuong.longbien', 'AdministrativeUnit', 'group-thach-ban-1')).toBe('FORBIDDEN');
    // History is not rewritten: before the move the group sat under Long Biên.
    const parent = await h.run<{ node: { parent: { name: string } } }>(
      'query($id: ID!) { node(id: $id) { ... on AdministrativeUnit { parent(asOf: "2025-12-31") { name } } } }',
      { id: gid('AdministrativeUnit', 'group-thach-ban-1') },
      { viewer: viewer('admin') },
    );
    expect(parent.node.parent.name).toBe('Long Biên');
  });

  it('a district-staff account whose district ended keeps the district’s area as of its last day', async () => {
    // Long Biên district ended on 1/7/2025; its last day is 30/6/2025.
    const v = 'quan.longbien';
    for (const key of [
      'group-phuc-loi-1',
      'group-sai-dong-2',
      'group-ngoc-thuy-2',
      'ward-2003-giang-bien',
      'long-bien-district',
      'hanoi',
    ]) {
      expect(await nodeOutcome(v, 'AdministrativeUnit', key), key).toBe('read');
    }
    // Units that were never its area: the wards formed after it ended, and Hoàn Kiếm.
    for (const key of ['ward-2025-phuc-loi', 'ward-2025-hong-ha', 'ward-hang-bac', 'group-hang-bac-1']) {
      expect(await nodeOutcome(v, 'AdministrativeUnit', key), key).toBe('FORBIDDEN');
    }
    // Sài Đồng's group 2 went to Phúc Đồng on 1/1/2025, then to the new Long Biên ward: still the district's to keep.
    expect(await outcome(v, CREATE_BUILDING, building('group-sai-dong-2', 'Chung cư Sài Đồng'))).toBe(
      'MutationCreateApartmentBuildingSuccess',
    );
    expect(await outcome(v, CREATE_BUILDING, building('group-hang-bac-1', 'Chung cư Hàng Bạc'))).toBe('FORBIDDEN');
    const me = await h.run<{
      me: { scopeUnit: { name: string; validTo: string }; permissions: { territorial: boolean; canWrite: boolean } };
    }>('{ me { scopeUnit { name validTo } permissions { territorial canWrite } } }', {}, { viewer: viewer(v) });
    expect(me.me).toEqual({ scopeUnit: { name: 'Long Biên', validTo: '2025-07-01' }, permissions: { territorial: true, canWrite: true } });
  });
});

describe('guessed ids', () => {
  it('nodes(ids:) answers the ward user’s own records and nothing of another ward’s (null, FORBIDDEN each)', async () => {
    const guesses = [
      gid('Person', SIDES.A.person),
      gid('Person', SIDES.B.person),
      gid('ApartmentBuilding', SIDES.B.building),
      gid('Organization', SIDES.A.org),
    ];
    const r = await h.exec<{ nodes: Array<{ id: string } | null> }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: guesses },
      { viewer: viewer('phuong.phucloi') },
    );
    expect(r.data?.nodes).toEqual([{ id: guesses[0] }, null, null, { id: guesses[3] }]);
    expect(r.errors.map((e) => `${e.code}@${e.path}`).sort()).toEqual(['FORBIDDEN@nodes.1', 'FORBIDDEN@nodes.2']);
    // A well-formed id of a record that does not exist answers the same as one out of reach: nothing.
    const missing = await h.exec(
      'query($id: ID!) { node(id: $id) { id } }',
      { id: gid('Person', 'no-such-person') },
      { viewer: viewer('phuong.phucloi') },
    );
    expect(missing.data).toEqual({ node: null });
  });
});

describe('lists reached through relations are filtered, never nulled', () => {
  it('a body serving places in two wards lists only the ward user’s places', async () => {
    await h.prisma.organizationArea.create({
      data: { organizationId: uid('front-a'), unitId: uid(SIDES.B.group), validFrom: new Date('2024-01-01') },
    });
    const q = 'query($id: ID!) { node(id: $id) { ... on Organization { areas { id } } } }';
    const mine = await h.exec(q, { id: gid('Organization', 'front-a') }, { viewer: viewer('phuong.phucloi') });
    expect(mine.errors).toEqual([]);
    expect(ids(at(mine.data, 'node.areas.id'))).toEqual([gid('AdministrativeUnit', SIDES.A.group)]);
    const all = await h.exec(q, { id: gid('Organization', 'front-a') }, { viewer: viewer('phantich') });
    expect(ids(at(all.data, 'node.areas.id')).sort()).toEqual(
      [gid('AdministrativeUnit', SIDES.A.group), gid('AdministrativeUnit', SIDES.B.group)].sort(),
    );
  });

  it('reorganisations (public) list the units a ward user may read; directives show their issuer and scope', async () => {
    const r = await h.exec<{
      reorganisations: {
        nodes: Array<{ legalBasis: string; originalUnits: Array<{ name: string }>; resultingUnits: Array<{ name: string }> }>;
      };
    }>(
      '{ reorganisations { nodes { legalBasis originalUnits { name } resultingUnits { name } } } }',
      {},
      { viewer: viewer('phuong.phucloi') },
    );
    expect(r.errors).toEqual([]);
    const abolition = r.data?.reorganisations.nodes.find((n) => n.legalBasis === 'Nghị quyết 1656/NQ-UBTVQH15');
    // Of the new wards, only its own; of the old wards, none (they were never its territory).
    expect(abolition?.resultingUnits.map((u) => u.name)).toEqual(['Phúc Lợi']);
    expect(abolition?.originalUnits).toEqual([]);
    for (const name of ['phuong.phucloi', 'phantich', 'xem']) {
      const d = await h.exec('{ directives { nodes { code issuer { name } scopeUnit { name } } } }', {}, { viewer: viewer(name) });
      expect(d, name).toEqual({
        data: { directives: { nodes: [{ code: '05-TT/QU', issuer: { name: 'Thành ủy Hà Nội' }, scopeUnit: { name: 'Hà Nội' } }] } },
        errors: [],
      });
    }
  });

  it('the issuer of a directive lists, to a ward user, only the sub-organisations the ward user may read', async () => {
    // Two bodies under the city committee that issued the directive: one of side A, one of side C.
    await h.prisma.organizationParent.createMany({
      data: [SIDES.A.org, SIDES.C.org].map((org) => ({
        id: uid(`city-party-child-${org}`),
        organizationId: uid(org),
        parentId: uid('city-party'),
        validFrom: new Date('2015-01-01T00:00:00Z'),
      })),
    });
    const q = '{ directives { nodes { issuer { name subOrganizations(asOf: "2026-01-01") { name } } } } }';
    const ward = await h.exec<{ directives: { nodes: Array<{ issuer: { subOrganizations: Array<{ name: string }> } }> } }>(
      q,
      {},
      { viewer: viewer('phuong.phucloi') },
    );
    expect(ward.errors).toEqual([]);
    expect(ward.data?.directives.nodes[0]?.issuer.subOrganizations.map((o) => o.name)).toEqual([FRONT_NAMES.A]);
    const admin = await h.exec<{ directives: { nodes: Array<{ issuer: { subOrganizations: Array<{ name: string }> } }> } }>(
      q,
      {},
      { viewer: viewer('admin') },
    );
    expect(admin.data?.directives.nodes[0]?.issuer.subOrganizations.map((o) => o.name).sort()).toEqual(
      [FRONT_NAMES.A, FRONT_NAMES.C].sort(),
    );
    await h.prisma.organizationParent.deleteMany({ where: { parentId: uid('city-party') } });
  });

  it('counts: a ward user counts within their territory only; analysts count anywhere', async () => {
    const q = 'query($s: ID!) { counts(scopeId: $s, measure: BUILDINGS) { ward { name } count } }';
    const own = await h.exec(q, { s: uid(SIDES.A.ward) }, { viewer: viewer('phuong.phucloi') });
    expect(own.errors).toEqual([]);
    const other = await h.exec(q, { s: uid(SIDES.B.ward) }, { viewer: viewer('phuong.phucloi') });
    expect(other.errors.map((e) => `${e.code}@${e.path}`)).toEqual(['FORBIDDEN@counts']);
    const analyst = await h.exec(q, { s: uid(SIDES.B.ward) }, { viewer: viewer('phantich') });
    expect(analyst.errors).toEqual([]);
    expect(analyst.data).toMatchObject({ counts: [{ ward: { name: 'Long Biên' } }] });
  });
});
