import { encodeGlobalID } from '@pothos/plugin-relay';
import { type GraphQLField, getNamedType, getNullableType, isListType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { modelFacts } from '../entities/data-model.js';
import { definitionOf, type EntityType } from '../entities/definitions.js';
import { buildSchema } from '../graphql/schema.js';
import { graphqlHarness, type HarnessError } from '../testing/graphql-harness.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { LOCATORS } from './locator.js';
import { ACCESS_FIXTURE, EXTRA_ACCOUNTS, viewersOf } from './test-support/access-fixture.js';
import { seesPartyData, type Viewer } from './viewer.js';

/**
 * Safety net for how territory is computed (#11 leftover, #13 step 0): for every root list of a
 * type that has a place (the lists filtered by territory) and every fixture account, the records
 * the list returns — as of several dates, every page — are exactly the records the read check
 * lets that account open.
 *
 * The oracle is computed independently of the list filters: every record of the type in the
 * database is asked for through `nodes(ids:)` as the account (the object-by-object read check);
 * the date filter comes from the administrator's list on the same date (no territory, party
 * rights: the unfiltered list). The list fields are found in the schema, not named here.
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
let viewer: (name: string) => Viewer;

const ACCOUNTS = [...DEMO_ACCOUNTS.map((a) => a.username), ...EXTRA_ACCOUNTS.map((a) => a.username)];
/** Before, around and after the 2025 reorganisations, and the harness's today. */
const DATES = ['2004-06-01', '2022-12-01', '2025-06-30', '2025-07-01', '2026-11-25'];
const PAGE = 37;

interface ListField {
  name: string;
  type: string;
  dated: boolean;
}

/** Root connections whose items are records with a place: the lists the territory filters. */
function territoryLists(): ListField[] {
  const query = buildSchema().getQueryType();
  if (!query) throw new Error('schema without Query');
  return Object.values(query.getFields()).flatMap((f: GraphQLField<unknown, unknown>) => {
    const connection = getNamedType(f.type);
    if (!isObjectType(connection) || !connection.name.endsWith('Connection')) return [];
    const nodes = connection.getFields().nodes;
    if (!nodes) return [];
    const type = getNamedType(nodes.type).name;
    if (!LOCATORS[type]) return [];
    return [{ name: f.name, type, dated: f.args.some((a) => a.name === 'asOf') }];
  });
}

const LISTS = territoryLists();

interface NestedList {
  parent: string;
  name: string;
  type: string;
  connection: boolean;
  dated: boolean;
}

/** Lists of located records hanging from a record (a unit's children, a body's members…). */
function nestedLists(): NestedList[] {
  const schema = buildSchema();
  return Object.values(schema.getTypeMap()).flatMap((parent) => {
    if (!isObjectType(parent) || !parent.getInterfaces().some((i) => i.name === 'Node') || parent.name === 'Account') return [];
    return Object.values(parent.getFields()).flatMap((f): NestedList[] => {
      const named = getNamedType(f.type);
      const connection = isObjectType(named) && named.name.endsWith('Connection');
      const nodes = connection && isObjectType(named) ? named.getFields().nodes : undefined;
      const item = nodes ? getNamedType(nodes.type).name : isListType(getNullableType(f.type)) ? named.name : null;
      if (!item || !LOCATORS[item]) return [];
      return [{ parent: parent.name, name: f.name, type: item, connection, dated: f.args.some((a) => a.name === 'asOf') }];
    });
  });
}

const NESTED = nestedLists();

/**
 * Nested lists that are not narrowed to the territory today: an item outside it is refused
 * (FORBIDDEN, which nulls the non-null list) instead of left out. Pinned as they are so a change
 * to territory shows here; candidates for a filter of their own.
 */
const NOT_NARROWED = new Set(['AdministrativeUnit.codes', 'AdministrativeUnit.ancestors']);

/** Types whose every record reveals party membership: their lists are refused whole to viewers without party rights. */
const alwaysParty = (type: string): boolean => definitionOf(type as EntityType).party === 'always';

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
  viewer = await viewersOf(h.prisma, ACCOUNTS);
});
afterAll(() => h.close());

/** Every page of a list, as the viewer; fails on any error. */
async function listed(field: ListField, asOf: string | null, as: Viewer): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const dateArg = asOf ? 'asOf: $asOf, ' : '';
    const source = `query($after: String${asOf ? ', $asOf: Date' : ''}) { ${field.name}(${dateArg}first: ${PAGE}, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`;
    type Page = Record<string, { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>;
    const result: { data: Page | null; errors: HarnessError[] } = await h.exec<Page>(
      source,
      { after, ...(asOf ? { asOf } : {}) },
      { viewer: as },
    );
    expect(result.errors, `${field.name} as of ${asOf}`).toEqual([]);
    const page = result.data?.[field.name];
    if (!page) throw new Error(`${field.name}: no data`);
    ids.push(...page.nodes.map((n) => n.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}

/** Every record of a type in the database, as global ids. */
async function everyRecord(type: string): Promise<string[]> {
  const delegate = modelFacts(type).delegate;
  const model = (h.prisma as unknown as Record<string, { findMany(a: object): Promise<Array<{ id: string }>> }>)[delegate];
  if (!model) throw new Error(`no delegate ${delegate}`);
  return (await model.findMany({ select: { id: true } })).map((r) => encodeGlobalID(type, r.id));
}

/**
 * Answers kept for the file's life: the administrator's lists (the unfiltered side of every
 * comparison, the same for every account) and each account's readable set per type (shared by the
 * lists of that type). The fixture is not written to by this file, so they cannot go stale.
 */
const memo = new Map<string, Promise<unknown>>();
function once<T>(key: string, compute: () => Promise<T>): Promise<T> {
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    memo.set(key, value);
  }
  return value;
}

/** The records of a type (global ids) the read check lets the viewer open, asked one by one. */
function readable(type: string, as: Viewer): Promise<Set<string>> {
  return once(`readable ${type} ${as.kind === 'account' ? as.username : as.kind}`, () => readableNow(type, as));
}

async function readableNow(type: string, as: Viewer): Promise<Set<string>> {
  const all = await everyRecord(type);
  const open = new Set<string>();
  for (let i = 0; i < all.length; i += 500) {
    const ids = all.slice(i, i + 500);
    const { data } = await h.exec<{ nodes: Array<{ id: string } | null> }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids },
      { viewer: as },
    );
    for (const n of data?.nodes ?? []) if (n) open.add(n.id);
  }
  return open;
}

describe('every territory-filtered list holds exactly what the read check allows', () => {
  it('finds the lists in the schema (a filter nobody tests would slip through)', () => {
    expect(LISTS.map((l) => l.name).sort()).toEqual(
      expect.arrayContaining(['buildings', 'memberships', 'organizations', 'people', 'units', 'nominations', 'petitions']),
    );
  });

  describe.each(LISTS)('$name', (field) => {
    it.each(ACCOUNTS)('as %s', async (account) => {
      const as = viewer(account);
      const admin = viewer('admin');
      const open = await readable(field.type, as);
      for (const asOf of field.dated ? DATES : [null]) {
        const all = await once(`list ${field.name} ${asOf}`, () => listed(field, asOf, admin));
        const expected = all.filter((id) => open.has(id)).sort();
        const got = await listed(field, asOf, as);
        expect(new Set(got).size, `${field.name} as of ${asOf}: no record twice`).toBe(got.length);
        expect([...got].sort(), `${field.name} as of ${asOf} as ${account}`).toEqual(expected);
      }
    });
  });
});

/** A nested list under each parent (global id → item ids, or the errors met under it), as the viewer. */
async function nestedListed(
  field: NestedList,
  parents: readonly string[],
  asOf: string | null,
  as: Viewer,
): Promise<Map<string, string[] | { refused: string[] }>> {
  const args = [field.dated && asOf ? 'asOf: $asOf' : '', field.connection ? 'first: 200' : ''].filter(Boolean).join(', ');
  const selection = `${field.name}${args ? `(${args})` : ''} { ${field.connection ? 'nodes { id } pageInfo { hasNextPage }' : 'id'} }`;
  // The parent's id is asked through an alias: a refused nested list nulls the parent, and the alias
  // of a second query (without the list) says which parent it was.
  const source = `query($ids: [ID!]!${field.dated && asOf ? ', $asOf: Date' : ''}) { nodes(ids: $ids) { id ... on ${field.parent} { ${selection} } } }`;
  const out = new Map<string, string[] | { refused: string[] }>();
  for (let i = 0; i < parents.length; i += 200) {
    const ids = parents.slice(i, i + 200);
    type Item = { id: string };
    type Got = { nodes: Array<(Record<string, unknown> & { id: string }) | null> };
    const { data, errors } = await h.exec<Got>(source, { ids, ...(field.dated && asOf ? { asOf } : {}) }, { viewer: as });
    for (const e of errors) {
      const index = Number(e.path.split('.')[1]);
      const parent = ids[index];
      if (parent === undefined) throw new Error(`${field.parent}.${field.name}: error outside a parent: ${e.path} ${e.message}`);
      const prev = out.get(parent);
      out.set(parent, { refused: [...(prev && !Array.isArray(prev) ? prev.refused : []), e.code] });
    }
    for (const [index, n] of (data?.nodes ?? []).entries()) {
      const parent = ids[index];
      if (!n || parent === undefined || out.has(parent)) continue;
      const value = n[field.name] as Item[] | { nodes: Item[]; pageInfo: { hasNextPage: boolean } } | null;
      if (value && !Array.isArray(value)) expect(value.pageInfo.hasNextPage, 'fixture lists fit one page').toBe(false);
      const items = value === null ? [] : Array.isArray(value) ? value : value.nodes;
      out.set(parent, items.map((x) => x.id).sort());
    }
  }
  return out;
}

describe('every list of located records under a record holds exactly what the read check allows', () => {
  it('finds the nested lists in the schema', () => {
    expect(NESTED.map((l) => `${l.parent}.${l.name}`)).toEqual(
      expect.arrayContaining([
        'AdministrativeUnit.children',
        'Organization.members',
        'Person.memberships',
        'ReorganisationEvent.originalUnits',
      ]),
    );
    for (const name of NOT_NARROWED) expect(NESTED.map((l) => `${l.parent}.${l.name}`)).toContain(name);
  });

  describe.each(NESTED)('$parent $name', (field) => {
    const name = `${field.parent}.${field.name}`;
    it.each(ACCOUNTS)('as %s', async (account) => {
      const as = viewer(account);
      const admin = viewer('admin');
      const open = await readable(field.type, as);
      // The parents this account may open: their nested lists must hold exactly the readable items.
      const parents = [...(await readable(field.parent, as))].sort();
      const refusedWhole = alwaysParty(field.type) && !seesPartyData(as);
      // The administrator's lists under every parent of the type, once (each account's parents are among them).
      const everyParent = await once(`parents ${field.parent}`, async () => (await everyRecord(field.parent)).sort());
      for (const asOf of field.dated ? DATES : [null]) {
        const all = await once(`nested ${name} ${asOf}`, () => nestedListed(field, everyParent, asOf, admin));
        const got = await nestedListed(field, parents, asOf, as);
        for (const parent of parents) {
          const full = all.get(parent) ?? [];
          if (!Array.isArray(full)) throw new Error(`${name} of ${parent}: refused to the administrator: ${full.refused}`);
          const expected = full.filter((id) => open.has(id));
          const mine = got.get(parent) ?? [];
          const where = `${name} of ${parent} as of ${asOf} as ${account}`;
          if (refusedWhole) {
            // Refused whole (FORBIDDEN) whenever it holds anything; never an item.
            if (full.length > 0) expect(mine, `${where}: a party list is refused whole`).toEqual({ refused: ['FORBIDDEN'] });
            else expect(Array.isArray(mine) ? mine : [], where).toEqual([]);
          } else if (NOT_NARROWED.has(name) && expected.length < full.length) {
            expect(mine, `${where}: an item outside the territory is refused`).toEqual({ refused: ['FORBIDDEN'] });
          } else {
            expect(mine, where).toEqual(expected);
          }
        }
      }
    });
  });
});
