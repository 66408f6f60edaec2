import { searchKey } from '@coso/domain';
import { PrismaPg } from '@prisma/adapter-pg';
import fc from 'fast-check';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.js';
import { accessState, EXTRA_ACCOUNTS, loadAccessFixture, viewersOf } from '../auth/test-support/access-fixture.js';
import type { Viewer } from '../auth/viewer.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { COMPILED_MARK } from './compiled-read/nested-read.js';
import { createRequestContext } from './request-context.js';
import { buildSchema } from './schema.js';

/**
 * People search that scales (#13 item 4). A territorial viewer's people list is narrowed by one
 * join of person_places with the unit closure (entities/places.ts), not an OR of four EXISTS per
 * candidate person. Two things are checked:
 * - for generated searches (words drawn from the fixture's names, whole and cut, any case,
 *   diacritics or not), every account, and dates around the reorganisations, the search answers
 *   exactly the people the administrator's same search finds that the read check (`nodes(ids:)`)
 *   lets the account open;
 * - the statement the API sends (captured with its parameters and EXPLAINed) has no per-row
 *   SubPlan: the territory is a join through person_places; with no territory (administrator),
 *   the name's trigram index serves the search.
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
let viewer: (name: string) => Viewer;
const ACCOUNTS = [...DEMO_ACCOUNTS.map((a) => a.username), ...EXTRA_ACCOUNTS.map((a) => a.username)];
const DATES = ['2022-12-01', '2025-06-30', '2025-07-01', '2026-11-25'];

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'));
  await loadAccessFixture(h.prisma);
  viewer = await viewersOf(h.prisma, ACCOUNTS);
}, 300_000);
afterAll(() => h?.close());

/** Every person a search finds (all pages), as global ids. */
async function found(search: string, asOf: string, as: Viewer): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = { people: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const page: Page = await h.run<Page>(
      'query($s: String!, $asOf: Date!, $after: String) { people(asOf: $asOf, filter: { name: { search: $s } }, first: 50, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }',
      { s: search, asOf, after },
      { viewer: as },
    );
    ids.push(...page.people.nodes.map((n) => n.id));
    if (!page.people.pageInfo.hasNextPage) return ids.sort();
    after = page.people.pageInfo.endCursor;
  }
}

/** The ids among these the viewer may open (the read check, object by object). */
async function opens(ids: readonly string[], as: Viewer): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { data } = await h.exec<{ nodes: Array<{ id: string } | null> }>(
    'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    { ids },
    { viewer: as },
  );
  return new Set((data?.nodes ?? []).flatMap((n) => (n ? [n.id] : [])));
}

const names = accessState().people.map((p) => p.fullName);
const stripMarks = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** A search a user might type: one or two words of a fixture name, maybe cut, any case, diacritics or not. */
const searchArb = fc
  .record({
    name: fc.constantFrom(...names),
    first: fc.nat(),
    count: fc.integer({ min: 1, max: 2 }),
    cut: fc.boolean(),
    marks: fc.boolean(),
    upper: fc.boolean(),
  })
  .map(({ name, first, count, cut, marks, upper }) => {
    const words = name.split(' ');
    const start = first % words.length;
    let text = words.slice(start, start + count).join(' ');
    if (cut && text.length > 3) text = text.slice(0, Math.ceil(text.length / 2));
    if (!marks) text = stripMarks(text);
    return upper ? text.toUpperCase() : text;
  });

describe('the people search holds exactly what the read check allows', () => {
  it('for generated searches, every account and dates around the reorganisations', async () => {
    const searches = fc.sample(searchArb, { numRuns: 12, seed: 13 });
    expect(new Set(searches.map((s) => searchKey(s))).size).toBeGreaterThan(6);
    let nonEmpty = 0;
    for (const search of searches) {
      for (const asOf of DATES) {
        const all = await found(search, asOf, viewer('admin'));
        for (const account of ACCOUNTS) {
          const as = viewer(account);
          const open = await opens(all, as);
          const expected = all.filter((id) => open.has(id)).sort();
          if (expected.length) nonEmpty++;
          expect(await found(search, asOf, as), `"${search}" on ${asOf} as ${account}`).toEqual(expected);
        }
      }
    }
    // Not a vacuous pass: territorial accounts found people by these searches.
    expect(nonEmpty).toBeGreaterThan(searches.length);
  }, 600_000);
});

describe('the statement the people search sends', () => {
  /** EXPLAIN of the people page statement a search sends as this viewer, with its own parameters. */
  async function plan(as: Viewer): Promise<string> {
    const sent: Array<{ query: string; params: string }> = [];
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: h.url }), log: [{ emit: 'event', level: 'query' }] });
    client.$on('query', (e) => sent.push({ query: e.query, params: e.params }));
    try {
      const contextValue = await createRequestContext({ prisma: client, viewer: as, today: '2026-11-25' });
      const result = await execute({
        schema: buildSchema(),
        document: parse(
          '{ people(asOf: "2022-12-01", filter: { name: { search: "nguyen van" } }, first: 20) { totalCount nodes { id } } }',
        ),
        contextValue,
      });
      expect(result.errors).toBeUndefined();
      // The compiled read's one statement (compiled-read/nested-read.ts): page and count.
      const page = sent.find((s) => s.query.startsWith(COMPILED_MARK) && s.query.includes('FROM "people"'));
      if (!page) throw new Error('no people page statement');
      const params = JSON.parse(page.params) as unknown[];
      return await client.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
        const rows = await tx.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN ${page.query}`, ...params);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    } finally {
      await client.$disconnect();
    }
  }

  it('as a district officer: the territory is a join of the closure with person_places (no unit table), no per-person SubPlan', async () => {
    const text = await plan(viewer('quan.longbien'));
    expect(text).toMatch(/person_places/);
    expect(text).toMatch(/unit_closure/);
    // The closure's descendants are the place rows' units: the unit table is never read for the territory.
    expect(text).not.toMatch(/administrative_units/);
    expect(text).not.toMatch(/SubPlan/);
  });

  it('as a ward officer, the same', async () => {
    const text = await plan(viewer('phuong.giangbien'));
    expect(text).toMatch(/person_places/);
    expect(text).not.toMatch(/SubPlan/);
  });

  it('as the administrator (no territory): the trigram index serves the name', async () => {
    expect(await plan(viewer('admin'))).toMatch(/people_name_search_trgm/);
  });
});
