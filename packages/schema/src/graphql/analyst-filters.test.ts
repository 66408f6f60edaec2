import { DISTRICT_ID } from '@coso/sample-data';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SAMPLE_FIXTURE } from '../auth/test-support/sample-fixtures.js';
import { stableUuid } from '../store/stable-id.js';
import { graphqlHarness } from '../testing/graphql-harness.js';

/**
 * The filters and aggregates an analyst needs in one request (issue #17), on the Long Biên 2022
 * sample. Every expectation is counted here in SQL from the tables, not by the resolvers.
 */

const DATE = '2022-12-01';
const DISTRICT = stableUuid(DISTRICT_ID);
const LONG_BIEN = encodeGlobalID('AdministrativeUnit', DISTRICT);

let h: Awaited<ReturnType<typeof graphqlHarness>>;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: SAMPLE_FIXTURE });
});
afterAll(() => h.close());

const ACTIVE = (alias: string) => `${alias}.valid_from <= $1::date AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > $1::date)`;

/** Wards of Long Biên on the date and the groups under each (unit_parents links alive on the date). */
const WARD_OF_GROUP = `
  ward_of_group AS (
    SELECT g.unit_id AS group_id, w.unit_id AS ward_id
      FROM unit_parents w JOIN unit_parents g ON g.parent_id = w.unit_id
     WHERE w.parent_id = $2::uuid AND ${ACTIVE('w')} AND ${ACTIVE('g')})`;

async function sql<T>(query: string): Promise<T[]> {
  return query.includes('$2') ? h.prisma.$queryRawUnsafe<T[]>(query, DATE, DISTRICT) : h.prisma.$queryRawUnsafe<T[]>(query, DATE);
}

function byWard(rows: Array<{ ward: { id: string } | null; count: number }>): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r.ward ? decodeGlobalID(r.ward.id).id : '', r.count]));
}

describe('UnitFilter.withinUnitId', () => {
  it('lists the place and every place below it on the date', async () => {
    const r = await h.run<{ all: { totalCount: number }; groups: { totalCount: number } }>(
      `query Within($id: ID!) {
        all: units(asOf: "${DATE}", filter: { withinUnitId: $id }) { totalCount }
        groups: units(asOf: "${DATE}", filter: { withinUnitId: $id, kind: RESIDENTIAL_GROUP }) { totalCount } }`,
      { id: LONG_BIEN },
    );
    const [wards] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM unit_parents w JOIN administrative_units u ON u.id = w.unit_id WHERE w.parent_id = $2::uuid AND ${ACTIVE('w')} AND ${ACTIVE('u')}`,
    );
    const [groups] = await sql<{ n: number }>(
      `WITH ${WARD_OF_GROUP} SELECT count(*)::int AS n FROM ward_of_group x JOIN administrative_units u ON u.id = x.group_id WHERE ${ACTIVE('u')}`,
    );
    expect(r.groups.totalCount).toBe(groups?.n);
    expect(r.groups.totalCount).toBe(222);
    expect(r.all.totalCount).toBe(1 + (wards?.n ?? 0) + (groups?.n ?? 0));
  });
});

describe('PersonFilter.minPosts', () => {
  it('finds the people holding at least that many posts on the date', async () => {
    const expected = await sql<{ min: number; n: number }>(
      `WITH posts AS (
         SELECT m.person_id, count(*) AS posts FROM memberships m JOIN people p ON p.id = m.person_id
          WHERE ${ACTIVE('m')} AND ${ACTIVE('p')} GROUP BY m.person_id)
       SELECT k.min::int, (SELECT count(*) FROM posts WHERE posts >= k.min)::int AS n FROM (VALUES (1), (2), (3)) AS k(min) ORDER BY 1`,
    );
    for (const { min, n } of expected) {
      const r = await h.run<{ people: { totalCount: number; nodes: Array<{ memberships: unknown[] }> } }>(
        `query Holders($min: Int) { people(asOf: "${DATE}", filter: { minPosts: $min }, first: 200) { totalCount nodes { memberships { id } } } }`,
        { min },
      );
      expect([min, r.people.totalCount]).toEqual([min, n]);
      // The posts listed under each person (the inherited date) agree.
      for (const p of r.people.nodes) expect(p.memberships.length).toBeGreaterThanOrEqual(min);
    }
    expect(expected.find((e) => e.min === 2)?.n).toBeGreaterThan(0);
  });

  it('refuses a count below 1 in both languages, naming the argument', async () => {
    const r = await h.exec(`query Holders { people(filter: { minPosts: 0 }) { totalCount } }`);
    expect(r.errors.map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors[0]?.localizedMessage?.vi).toContain('minPosts');
    expect(r.errors[0]?.localizedMessage?.en).toContain('minPosts');
  });
});

describe('counts of buildings and boards per ward', () => {
  const COUNTS = `query Counts($s: ID!, $m: CountMeasure!) { counts(scopeId: $s, measure: $m, groupBy: [WARD], asOf: "${DATE}") { ward { id } count } }`;
  const BUILDINGS = `WITH ${WARD_OF_GROUP},
    standing AS (
      SELECT b.id, x.ward_id, EXISTS (
        SELECT 1 FROM organizations o WHERE o.kind = 'MANAGEMENT_BOARD' AND ${ACTIVE('o')}
           AND (o.building_id = b.id OR (b.complex_id IS NOT NULL AND o.complex_id = b.complex_id))) AS has_board
        FROM apartment_buildings b JOIN ward_of_group x ON x.group_id = b.residential_group_id WHERE ${ACTIVE('b')})`;

  it('buildings with and without a board, by ward, add up to the buildings standing', async () => {
    const expected = await sql<{ ward_id: string; with_board: number; without_board: number }>(
      `${BUILDINGS} SELECT ward_id::text, count(*) FILTER (WHERE has_board)::int AS with_board, count(*) FILTER (WHERE NOT has_board)::int AS without_board
         FROM standing GROUP BY ward_id`,
    );
    const run = async (m: string) => byWard((await h.run<{ counts: [] }>(COUNTS, { s: LONG_BIEN, m })).counts);
    const withBoard = await run('BUILDINGS_WITH_BOARD');
    const without = await run('BUILDINGS_WITHOUT_BOARD');
    const all = await run('BUILDINGS');
    expect(withBoard).toEqual(Object.fromEntries(expected.filter((e) => e.with_board > 0).map((e) => [e.ward_id, e.with_board])));
    expect(without).toEqual(Object.fromEntries(expected.filter((e) => e.without_board > 0).map((e) => [e.ward_id, e.without_board])));
    for (const [ward, n] of Object.entries(all)) expect((withBoard[ward] ?? 0) + (without[ward] ?? 0)).toBe(n);
    expect(Object.values(withBoard).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('boards are counted in the ward where their building stands (a complex’s board: each of its buildings’ wards)', async () => {
    const expected = await sql<{ ward_id: string; n: number }>(
      `WITH ${WARD_OF_GROUP}
       SELECT x.ward_id::text, count(DISTINCT o.id)::int AS n
         FROM organizations o
         JOIN apartment_buildings b ON (b.id = o.building_id OR (o.complex_id IS NOT NULL AND b.complex_id = o.complex_id)) AND ${ACTIVE('b')}
         JOIN ward_of_group x ON x.group_id = b.residential_group_id
        WHERE o.kind = 'MANAGEMENT_BOARD' AND ${ACTIVE('o')}
        GROUP BY x.ward_id`,
    );
    const r = await h.run<{ counts: [] }>(COUNTS, { s: LONG_BIEN, m: 'BOARDS' });
    expect(byWard(r.counts)).toEqual(Object.fromEntries(expected.map((e) => [e.ward_id, e.n])));
    // Every board alive on the date has a building or complex in some ward of the district (none is left uncounted).
    const [total] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM organizations o WHERE o.kind = 'MANAGEMENT_BOARD' AND ${ACTIVE('o')}`,
    );
    expect(Object.values(byWard(r.counts)).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(total?.n ?? Number.POSITIVE_INFINITY);
  });
});
