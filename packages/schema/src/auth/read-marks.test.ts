import fc from 'fast-check';
import { type GraphQLField, getNamedType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSchema } from '../graphql/schema.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { LOCATORS } from './locator.js';
import { viewersOf } from './test-support/access-fixture.js';
import { SAMPLE_FIXTURE } from './test-support/sample-fixtures.js';
import type { Viewer } from './viewer.js';

/**
 * Rows a query already filtered by the viewer's territory are not checked again object by object
 * (auth/read-marks.ts, issue #13): a territorial viewer's read takes no more statements than the
 * administrator's (who is never checked) once its own request set-up is taken out, and every record
 * it returns is one the statement read check (`nodes(ids:)`, loaded by id, never pre-filtered) lets
 * it open. On the Long Biên sample (one district), the district officer's answers are the
 * administrator's; so are the analyst's on reads without party bodies.
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
let viewer: (name: string) => Viewer;
const ACCOUNTS = DEMO_ACCOUNTS.map((a) => a.username);
/**
 * Read the sample's district as a whole: the administrator's answer is theirs too — before the
 * district was abolished (2025-07-01), after which the district officer keeps its last day's units.
 */
const SAME_AS_ADMIN = new Set(['quan.longbien', 'phantich']);
const DISTRICT_ENDED = '2025-07-01';
const DATES = ['2022-12-01', '2025-06-30', '2026-11-25'];

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: SAMPLE_FIXTURE });
  viewer = await viewersOf(h.prisma, ACCOUNTS);
});
afterAll(() => h.close());

/** Statements a query takes beyond the same viewer's request set-up (territory, session rules). */
async function statementsOf(source: string, as: string) {
  h.statements.length = 0;
  await h.exec('{ __typename }', {}, { viewer: viewer(as) });
  const setUp = h.statements.length;
  h.statements.length = 0;
  const result = await h.exec(source, {}, { viewer: viewer(as) });
  return { ...result, statements: h.statements.length - setUp };
}

/** Every `{ __typename id }` object of an answer. */
function records(value: unknown, out: Array<{ type: string; id: string }> = []): Array<{ type: string; id: string }> {
  if (Array.isArray(value)) for (const v of value) records(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.__typename === 'string' && typeof o.id === 'string') out.push({ type: o.__typename, id: o.id });
    for (const v of Object.values(o)) records(v, out);
  }
  return out;
}

/** The statement read check: each record asked for by id as the viewer (null = refused). */
async function refusedByReadCheck(found: Array<{ type: string; id: string }>, as: string): Promise<string[]> {
  const ids = [...new Set(found.map((r) => r.id))];
  if (!ids.length) return [];
  const { data } = await h.exec<{ nodes: Array<{ id: string } | null> }>(
    'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    { ids },
    { viewer: viewer(as) },
  );
  return ids.filter((_, i) => !data?.nodes[i]);
}

/** Root lists of located records (found in the schema, not named here). */
function rootLists(): string[] {
  const query = buildSchema().getQueryType();
  if (!query) throw new Error('schema without Query');
  return Object.values(query.getFields()).flatMap((f: GraphQLField<unknown, unknown>) => {
    const connection = getNamedType(f.type);
    if (!isObjectType(connection) || !connection.name.endsWith('Connection')) return [];
    const nodes = connection.getFields().nodes;
    if (!nodes || !LOCATORS[getNamedType(nodes.type).name]) return [];
    if (f.args.some((a) => a.type.toString().endsWith('!'))) return [];
    return [f.name];
  });
}

describe('rows filtered by territory in SQL are not checked again', () => {
  it('every root list of located records: no statement beyond the administrator’s, for every account', async () => {
    const lists = rootLists();
    expect(lists.length).toBeGreaterThan(10);
    const extra: string[] = [];
    for (const list of lists) {
      const source = `{ ${list}(first: 30) { nodes { __typename id } } }`;
      const admin = await statementsOf(source, 'admin');
      expect(admin.errors, list).toEqual([]);
      for (const account of ACCOUNTS) {
        const read = await statementsOf(source, account);
        if (read.errors.length) continue; // refused whole (party lists): nothing listed to check
        if (read.statements > admin.statements) extra.push(`${list} as ${account}: ${read.statements} vs ${admin.statements}`);
        expect(await refusedByReadCheck(records(read.data), account), `${list} as ${account}`).toEqual([]);
      }
    }
    expect(extra).toEqual([]);
  });

  it('places met anywhere (a unit’s parent, ancestors…, the account’s scope) take one statement per request at most: the territory, read when first needed', async () => {
    // Every field of a unit that returns units, found in the schema; the territory read for the
    // request is the read condition's answer (lists-match-read-check.test.ts holds the two equal).
    // It is read only by a request that meets a unit outside a filtered list (not the scope itself):
    // one statement more than the administrator's, however many levels of units.
    const unit = buildSchema().getType('AdministrativeUnit');
    if (!isObjectType(unit)) throw new Error('no AdministrativeUnit');
    const fields = Object.values(unit.getFields()).filter((f) => {
      const named = getNamedType(f.type);
      return named.name === 'AdministrativeUnit' && !f.args.some((a) => a.type.toString().endsWith('!'));
    });
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['parent', 'ancestors', 'formerParents']));
    for (const account of ['quan.longbien', 'phuong.giangbien']) {
      // The administrator has no scope: the officer's own `me` without it is the peer (one statement more: the unit itself).
      const without = await statementsOf('{ me { username } }', account);
      const read = await statementsOf('{ me { username scopeUnit { __typename id name } } }', account);
      expect(read.errors, `${account}: me`).toEqual([]);
      expect(read.statements, `${account}: me`).toBeLessThanOrEqual(without.statements + 1);
    }
    const sources = fields.map(
      (f) => `{ units(asOf: "2022-12-01", first: 40) { nodes { __typename id ${f.name} { __typename id name } } } }`,
    );
    for (const source of sources) {
      const admin = await statementsOf(source, 'admin');
      for (const account of ['quan.longbien', 'phuong.giangbien']) {
        const read = await statementsOf(source, account);
        expect(read.errors, `${account}: ${source}`).toEqual([]);
        expect(read.statements, `${account}: ${source}`).toBeLessThanOrEqual(admin.statements + 1);
      }
    }
  });

  it('the nested read, over generated parts of its selection, dates and accounts', async () => {
    // Levels of the explorer's nested read; a generated selection takes the first `depth` of them.
    const LEVELS = [
      (n: number, inner: string) => `units(filter: { kind: WARD }, first: ${n}) { nodes { __typename id name ${inner} } }`,
      (n: number, inner: string) => `children(kind: RESIDENTIAL_GROUP, first: ${n}) { nodes { __typename id name ${inner} } }`,
      (n: number, inner: string) => `buildings(first: ${n}) { nodes { __typename id name ${inner} } }`,
      (_n: number, inner: string) => `board { __typename id name ${inner} }`,
      (n: number, inner: string) => `members(first: ${n}) { nodes { __typename id role ${inner} } }`,
      (_n: number, _inner: string) => 'person { __typename id fullName }',
    ];
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: LEVELS.length }),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: LEVELS.length, maxLength: LEVELS.length }),
        fc.constantFrom(...DATES),
        fc.constantFrom(...ACCOUNTS.filter((a) => a !== 'admin')),
        async (depth, sizes, asOf, account) => {
          let inner = '';
          for (let i = depth - 1; i >= 0; i--) inner = (LEVELS[i] as (n: number, s: string) => string)(sizes[i] as number, inner);
          const source = `{ ${inner.replace('units(', `units(asOf: "${asOf}", `)} }`;
          const admin = await statementsOf(source, 'admin');
          const read = await statementsOf(source, account);
          expect(read.errors, `${account}: ${source}`).toEqual([]);
          expect(read.statements, `${account}: ${source}`).toBeLessThanOrEqual(admin.statements + 1);
          expect(await refusedByReadCheck(records(read.data), account), `${account}: ${source}`).toEqual([]);
          if (SAME_AS_ADMIN.has(account) && (asOf < DISTRICT_ENDED || account === 'phantich')) {
            expect(read.data, `${account}: ${source}`).toEqual(admin.data);
            compared++;
          }
        },
      ),
      { numRuns: 40, seed: 1312 },
    );
    expect(compared).toBeGreaterThan(5);
  });
});
