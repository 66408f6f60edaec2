import { encodeGlobalID } from '@pothos/plugin-relay';
import { type GraphQLObjectType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCESS_FIXTURE, gid, SIDES, viewersOf } from '../auth/test-support/access-fixture.js';
import type { Viewer } from '../auth/viewer.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { buildSchema } from './schema.js';

/**
 * Ids from the outside: `node(id:)`, `nodes(ids:)` and the id arguments of queries and mutations.
 * A well-formed id of a record that does not exist is no error (Relay: `null`); an id that does
 * not decode is a typed BAD_USER_INPUT error in Vietnamese and English, never the library's or the
 * database's message, and never the whole input echoed back.
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
let viewer: (name: string) => Viewer;

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
  viewer = await viewersOf(h.prisma, ['admin', 'phuong.phucloi', 'phantich']);
});
afterAll(() => h.close());

/** Every type `node(id:)` can answer with. */
function nodeTypes(): string[] {
  const schema = buildSchema();
  return Object.values(schema.getTypeMap())
    .filter((t): t is GraphQLObjectType => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'))
    .map((t) => t.name)
    .sort();
}

/** A UUID no fixture record has. */
const MISSING = '7d9f3a52-0c4e-4b8e-9a51-3f0e2b6c1d00';
const NODE = 'query($id: ID!) { node(id: $id) { id } }';
const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }';
const base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('a well-formed id of a record that does not exist', () => {
  it('node(id:) is null with no error, for every node type and every kind of viewer', async () => {
    const types = nodeTypes();
    expect(types.length).toBeGreaterThan(30);
    for (const name of ['admin', 'phuong.phucloi', 'phantich']) {
      for (const type of types) {
        const r = await h.exec(NODE, { id: encodeGlobalID(type, MISSING) }, { viewer: viewer(name) });
        expect(r, `${name}: ${type}`).toEqual({ data: { node: null }, errors: [] });
      }
    }
  });

  it('nodes(ids:) has null in its place, beside the records that exist, with no error', async () => {
    const types = nodeTypes();
    const r = await h.exec<{ nodes: Array<{ id: string } | null> }>(
      NODES,
      { ids: [gid('Person', SIDES.A.person), ...types.map((t) => encodeGlobalID(t, MISSING))] },
      { viewer: viewer('admin') },
    );
    expect(r.errors).toEqual([]);
    expect(r.data?.nodes).toEqual([{ id: gid('Person', SIDES.A.person) }, ...types.map(() => null)]);
  });

  it('a record out of the viewer’s territory is still refused (null, FORBIDDEN); a missing one beside it is just null', async () => {
    const ids = [gid('Person', SIDES.A.person), encodeGlobalID('Person', MISSING), gid('Person', SIDES.B.person)];
    const r = await h.exec<{ nodes: Array<{ id: string } | null> }>(NODES, { ids }, { viewer: viewer('phuong.phucloi') });
    expect(r.data?.nodes).toEqual([{ id: ids[0] }, null, null]);
    expect(r.errors.map((e) => `${e.code}@${e.path}`)).toEqual(['FORBIDDEN@nodes.2']);
    const other = await h.exec(NODE, { id: gid('ApartmentBuilding', SIDES.B.building) }, { viewer: viewer('phuong.phucloi') });
    expect(other.data).toEqual({ node: null });
    expect(other.errors.map((e) => `${e.code}@${e.path}`)).toEqual(['FORBIDDEN@node']);
  });

  it('nested fields under a missing record are not evaluated (no error from the fields either)', async () => {
    const r = await h.exec(
      'query($id: ID!) { node(id: $id) { ... on ApartmentBuilding { name blocks { name } board { name } } } }',
      { id: encodeGlobalID('ApartmentBuilding', MISSING) },
      { viewer: viewer('admin') },
    );
    expect(r).toEqual({ data: { node: null }, errors: [] });
  });
});

/** The errors of a refused id: one BAD_USER_INPUT, bilingual, short. */
function expectBadId(r: { data: unknown; errors: Array<{ code: string; path: string; message: string }> }, path: string) {
  expect(r.errors.map((e) => `${e.code}@${e.path}`)).toEqual([`BAD_USER_INPUT@${path}`]);
  const message = r.errors[0]?.message ?? '';
  expect(message).toMatch(/^Mã bản ghi không hợp lệ: .* \/ Invalid record ID: /);
  expect(message).not.toMatch(/Invalid global ID|prisma|invocation|input syntax/i);
  expect(message.length).toBeLessThan(400);
  return message;
}

describe('an id that does not decode', () => {
  const cases: Array<[string, string]> = [
    ['not base64 of "Type:id"', 'khong-co'],
    ['base64 of no "Type:id"', base64('just-some-text')],
    ['an unknown type', base64(`Spaceship:${MISSING}`)],
    ['a type that is not a node', base64(`Violation:${MISSING}`)],
    ['a known type with an id that is no UUID', base64('Person:42')],
    ['an empty id', ''],
  ];

  it.each(cases)('node(id:) with %s: BAD_USER_INPUT in Vietnamese and English, null', async (_what, id) => {
    const r = await h.exec(NODE, { id }, { viewer: viewer('admin') });
    expect(r.data).toEqual({ node: null });
    expectBadId(r, 'node');
  });

  it('nodes(ids:) with one bad id among good ones: BAD_USER_INPUT naming the bad one', async () => {
    const r = await h.exec(NODES, { ids: [gid('Person', SIDES.A.person), 'khong-co'] }, { viewer: viewer('admin') });
    expect(r.data).toBeNull();
    expect(expectBadId(r, 'nodes')).toContain('"khong-co"');
  });

  it('a long id is cut short in the message, not echoed whole', async () => {
    const long = `${'x'.repeat(5000)}TAIL`;
    for (const [query, variables, path] of [
      [NODE, { id: long }, 'node'],
      ['query($id: ID!) { buildings(filter: { id: { equals: $id } }) { nodes { id } } }', { id: long }, 'buildings'],
    ] as const) {
      const r = await h.exec(query, variables, { viewer: viewer('admin') });
      const message = expectBadId(r, path);
      expect(message).not.toContain('TAIL');
      expect(message).toContain('…');
    }
  });

  it('id arguments of queries and mutations give the same typed error, and a refused write changes nothing', async () => {
    const list = await h.exec('{ buildings(filter: { withinUnitId: "khong-co" }) { nodes { id } } }', {}, { viewer: viewer('admin') });
    expect(expectBadId(list, 'buildings')).toContain('AdministrativeUnit');
    // Another type's global id where a unit is expected.
    const wrongType = await h.exec(
      'query($id: ID!) { buildings(filter: { withinUnitId: $id }) { nodes { id } } }',
      { id: gid('Person', SIDES.A.person) },
      { viewer: viewer('admin') },
    );
    expectBadId(wrongType, 'buildings');
    const before = await h.prisma.apartmentBuilding.count();
    const write = await h.exec(
      `mutation { createApartmentBuilding(input: { name: "X", residentialGroupId: "khong-co", apartmentCount: 1, blockCount: 1,
        multipleOwners: false, validFrom: "2024-01-01" }) { __typename } }`,
      {},
      { viewer: viewer('admin') },
    );
    expect(write.errors.map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
    expect(write.errors[0]?.message).toMatch(/^Mã bản ghi không hợp lệ: .* \/ Invalid record ID: /);
    expect(await h.prisma.apartmentBuilding.count()).toBe(before);
  });

  it('history(id:): an id that does not decode is BAD_USER_INPUT, never handed to the database', async () => {
    const HISTORY = 'query($id: ID!) { history(id: $id) { operation } }';
    for (const name of ['admin', 'phuong.phucloi']) {
      for (const id of ['khong-co', base64('Person:42')]) {
        const r = await h.exec(HISTORY, { id }, { viewer: viewer(name) });
        expect(r.data, `${name} ${id}`).toBeNull();
        expectBadId(r, 'history');
      }
    }
  });
});
