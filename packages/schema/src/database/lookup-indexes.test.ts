import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SAMPLE_FIXTURE } from '../auth/test-support/sample-fixtures.js';
import { createTestDatabase, withClient } from '../testing/test-database.js';

/**
 * A lookup by a reference reads that reference's entries, not a whole index (#13 item 7, "writing
 * a district grows with the city"). The planner costs a multi-column GiST index as if any of its
 * columns could be searched, but GiST can only narrow its search by the leading one: a lookup of
 * memberships by `organization_id` through the exclusion index `memberships_no_overlap` (person
 * first) read the whole index once per organization asked — 691,000 buffers and 3.7 s for one
 * district's bodies at 30 districts, in the person_places trigger, and in every board's members read.
 *
 * The class is every single-column foreign key (what the triggers, the loaders and the nested reads
 * look rows up by): for each, on the sample district, analysed, the plans of a lookup by one value
 * and by a list of values may scan the table or use an index, but only an index led by that
 * column. The rule is the oracle; the columns and indexes come from the catalog.
 */

const adminUrl = inject('databaseAdminUrl');
let url = '';
let drop: () => Promise<void> = async () => {};
beforeAll(async () => {
  // The sample district as the run's template of it holds it (written once per run, not per file).
  ({ url, drop } = await createTestDatabase(adminUrl, { fixture: { fixture: SAMPLE_FIXTURE, runId: inject('databaseRunId') } }));
  await withClient(url, (c) => c.query('ANALYZE'));
}, 300_000);
afterAll(() => drop());

interface Reference {
  table: string;
  column: string;
}

interface PlanNode {
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** The index names a plan reads for `table`, at any depth. */
function indexesUsed(node: PlanNode, table: string, into: string[] = []): string[] {
  if (node['Index Name'] && (node['Relation Name'] === table || node['Relation Name'] === undefined)) into.push(node['Index Name']);
  for (const child of node.Plans ?? []) indexesUsed(child, table, into);
  return into;
}

describe('a lookup by a reference uses an index led by that reference', () => {
  it('holds for every single-column foreign key, by one value and by a list', async () => {
    await withClient(url, async (c) => {
      const refs = (
        await c.query<Reference>(
          `SELECT conrelid::regclass::text AS table, a.attname AS column
             FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
            WHERE k.contype = 'f' AND cardinality(k.conkey) = 1 AND k.connamespace = 'public'::regnamespace
            ORDER BY 1, 2`,
        )
      ).rows;
      // The first key column of every index (null: an expression).
      const leading = new Map(
        (
          await c.query<{ index: string; column: string | null }>(
            `SELECT i.indexrelid::regclass::text AS index, a.attname AS column
               FROM pg_index i LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] AND i.indkey[0] <> 0
              WHERE i.indrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)`,
          )
        ).rows.map((r) => [r.index.replace(/^"|"$/g, ''), r.column]),
      );
      // Every foreign key column of a table: what a trigger or a loader reads beside the key.
      const selected = new Map<string, string[]>();
      for (const r of refs) selected.set(r.table, [...(selected.get(r.table) ?? []), r.column]);

      expect(refs.length).toBeGreaterThan(30);
      const wrong: string[] = [];
      let checked = 0;
      for (const { table, column } of refs) {
        const values = (
          await c.query<{ v: string }>(
            `SELECT DISTINCT ${pg.escapeIdentifier(column)}::text AS v FROM ${table} WHERE ${pg.escapeIdentifier(column)} IS NOT NULL ORDER BY 1 LIMIT 20`,
          )
        ).rows.map((r) => r.v);
        if (values.length === 0) continue; // no rows to plan over in the sample
        checked++;
        const col = pg.escapeIdentifier(column);
        const type = (
          await c.query<{ t: string }>(
            `SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2`,
            [table, column],
          )
        ).rows[0]?.t;
        const list = `ARRAY[${values.map((v) => pg.escapeLiteral(v)).join(',')}]::${type}[]`;
        const shapes = [
          `SELECT * FROM ${table} WHERE ${col} = ${pg.escapeLiteral(values[0] as string)}`,
          `SELECT ${(selected.get(table) ?? []).map((s) => pg.escapeIdentifier(s)).join(', ')} FROM ${table} WHERE ${col} = ${pg.escapeLiteral(values[0] as string)}`,
          `SELECT * FROM ${table} WHERE ${col} = ANY (${list})`,
          `SELECT ${(selected.get(table) ?? []).map((s) => pg.escapeIdentifier(s)).join(', ')} FROM ${table} WHERE ${col} = ANY (${list})`,
        ];
        for (const sql of shapes) {
          const plan = (await c.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) ${sql}`)).rows[0]?.[
            'QUERY PLAN'
          ][0]?.Plan;
          for (const index of indexesUsed(plan as PlanNode, table)) {
            if (leading.get(index) !== column)
              wrong.push(`${table}.${column}: ${index} (led by ${leading.get(index) ?? 'an expression'}) for ${sql.slice(0, 60)}…`);
          }
        }
      }
      expect(checked).toBeGreaterThan(20);
      expect(wrong).toEqual([]);
    });
  });
});
