import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphqlHarness } from '../testing/graphql-harness.js';

/**
 * Name search (#13 item 4): every folded name column has a trigram index, and a search of the
 * shape the people list sends (each word: `name_search LIKE '%word%'`, inside a territory EXISTS
 * on the unit closure) can be answered from it. With sequential scans priced out, the plan must
 * use the index: if it could not serve the query, PostgreSQL would still scan the table.
 */
let h: Awaited<ReturnType<typeof graphqlHarness>>;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'));
});
afterAll(() => h.close());

describe('trigram indexes on folded names', () => {
  it('exist on every table with a name_search column', async () => {
    const rows = await h.prisma.$queryRaw<Array<{ table: string; indexed: boolean }>>`
      SELECT c.table_name AS table,
             EXISTS (SELECT 1 FROM pg_indexes i WHERE i.tablename = c.table_name AND i.indexdef LIKE '%gin (name_search gin_trgm_ops)%') AS indexed
      FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.column_name = 'name_search'`;
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.filter((r) => !r.indexed).map((r) => r.table)).toEqual([]);
  });

  it("serve a territory-scoped people search for 'nguyen van'", async () => {
    const plan = await h.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(`
        EXPLAIN SELECT p.id FROM people p
        WHERE p.name_search LIKE '%nguyen%' AND p.name_search LIKE '%van%'
          AND EXISTS (SELECT 1 FROM unit_closure c WHERE c.descendant_id = p.residence_unit_id
                      AND c.ancestor_id = '00000000-0000-0000-0000-000000000001' AND c.valid_from <= DATE '2022-12-01'
                      AND (c.valid_to IS NULL OR c.valid_to > DATE '2022-12-01'))`);
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/people_name_search_trgm/);
  });
});
