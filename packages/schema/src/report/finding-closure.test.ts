import { findingKey } from '@coso/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
// The domain's own generator of stored states (test support: not part of the domain's build).
import { DATES, storedState } from '../../../domain/src/report/test-support/stored-arbitrary.js';
import { writeState } from '../store/state-tables.js';
import { type Writer, writeTransaction } from '../store/transaction.js';
import { ValidationError } from '../store/write-errors.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { sqlFindings } from './sql-findings.js';
import { emptyingStatement } from './test-support/emptying.js';

/**
 * Auto-close computes only the wards a write touched (`touched-wards.ts`). The claim: a ward the
 * write did not touch cannot have a finding fixed by it. Held here against the oracle the claim
 * replaces — the findings of EVERY ward, before and after, one `sqlFindings` per ward (kept in this
 * test only): on generated states with open work on every finding of every ward, a generated write
 * of any kind on any table the findings read (a row deleted, ended on the day, a column — a
 * reference, a date, a count, a flag, a role, a kind — set to another row's value, or a row added as
 * a copy of another with one column from a third) closes exactly the open work whose finding the
 * full recomputation finds gone, each naming the write's transaction; everything else stays open.
 */

/** Every table the findings statement reads (directly or through the closure, person_places, the placement functions). */
const TABLES = [
  'administrative_units',
  'unit_parents',
  'apartment_complexes',
  'apartment_buildings',
  'apartments',
  'organizations',
  'organization_areas',
  'memberships',
  'party_memberships',
  'board_terms',
  'trainings',
  'training_attendances',
  'coordination_regulations',
  'people',
] as const;

/** The tables of the records findings name. */
const ENTITY_TABLES: Record<string, string> = {
  AdministrativeUnit: 'administrative_units',
  ApartmentBuilding: 'apartment_buildings',
  Organization: 'organizations',
  Person: 'people',
};

/** Columns the database keeps itself (never written by a use case). */
const KEPT = new Set(['id', 'version', 'created_at', 'updated_at', 'name_search']);

const write = fc.record({
  table: fc.constantFrom(...TABLES),
  /**
   * On any row of the table; or ('fix-*') on the record of an open finding: ended, deleted, moved
   * (a reference set to another row's), or linked (a row of a table referring to its table copied
   * to refer to it: an area for a group, a board for a building, a member for a board, a term, a
   * regulation, a training attended…).
   */
  kind: fc.constantFrom(
    'delete',
    'end',
    'set',
    'set',
    'add',
    'add',
    'fix-end',
    'fix-delete',
    'fix-move',
    'fix-link',
    'fix-link',
    'fix-link',
  ),
  /** Picks (taken modulo the rows or columns there are). */
  row: fc.nat(),
  other: fc.nat(),
  third: fc.nat(),
  column: fc.nat(),
  /** A reference column (uuid) most often: moves and links are what fix findings. */
  reference: fc.boolean(),
});
type Write = typeof write extends fc.Arbitrary<infer W> ? W : never;

const RUNS = Number(process.env.CLOSURE_RUNS ?? 60);

/** A write the database refused (a rule, a constraint): nothing changed, the case is skipped. */
class Refused extends Error {}

describe('auto-close on the wards a write touched closes what a recomputation of every ward closes', () => {
  let h: Harness;
  let truncate: string;
  const columns = new Map<string, string[]>();
  const references = new Map<string, string[]>();
  /** Per table, the (table, column) pairs that refer to it. */
  const referrers = new Map<string, Array<{ table: string; column: string }>>();
  beforeAll(async () => {
    h = await graphqlHarness(inject('databaseAdminUrl'));
    truncate = await emptyingStatement(h.prisma);
    const cols = await h.prisma.$queryRaw<Array<{ table_name: string; column_name: string; data_type: string }>>`
      SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns
       WHERE table_schema = 'public' AND is_generated = 'NEVER' AND table_name = ANY (${[...TABLES]}::text[])
       ORDER BY table_name, ordinal_position`;
    for (const c of cols) {
      if (KEPT.has(c.column_name)) continue;
      columns.set(c.table_name, [...(columns.get(c.table_name) ?? []), c.column_name]);
      if (c.data_type === 'uuid') references.set(c.table_name, [...(references.get(c.table_name) ?? []), c.column_name]);
    }
    const fks = await h.prisma.$queryRaw<Array<{ table_name: string; column_name: string; ref_table: string }>>`
      SELECT DISTINCT k.table_name::text, k.column_name::text, u.table_name::text AS ref_table
        FROM information_schema.table_constraints c
        JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
        JOIN information_schema.constraint_column_usage u ON u.constraint_name = c.constraint_name AND u.table_schema = c.table_schema
       WHERE c.constraint_type = 'FOREIGN KEY' AND c.table_schema = 'public' AND k.table_name = ANY (${[...TABLES]}::text[])
       ORDER BY 1, 2, 3`;
    for (const f of fks)
      referrers.set(f.ref_table, [...(referrers.get(f.ref_table) ?? []), { table: f.table_name, column: f.column_name }]);
  });
  afterAll(() => h.close());

  /** Every ward's finding keys on the day, one `sqlFindings` per ward (the oracle); wards that do not exist left out. */
  async function everyWard(on: string): Promise<Map<string, Set<string>>> {
    const wards = await h.prisma.administrativeUnit.findMany({ where: { kind: { in: ['WARD', 'COMMUNE'] } }, select: { id: true } });
    const out = new Map<string, Set<string>>();
    for (const { id } of wards) {
      const r = await sqlFindings(h.prisma, { scopeUnitId: id, on });
      if (r.ok) out.set(id, new Set(r.value.map(findingKey)));
    }
    return out;
  }

  /** The write as one statement on the row picked (by ctid: any table, any key). */
  async function statementOf(tx: WriteTx, w: Write, today: string, openKeys: readonly string[]): Promise<string | null> {
    let t: string = w.table;
    let target: string | null = null;
    if (w.kind.startsWith('fix-')) {
      // The finding's record: `CODE|Type:id|…`.
      const [type, id] = (openKeys[w.row % Math.max(openKeys.length, 1)] ?? '').split('|')[1]?.split(':') ?? [];
      const table = type ? ENTITY_TABLES[type] : undefined;
      if (!table || !id) return null;
      if (w.kind === 'fix-link') {
        const links = referrers.get(table) ?? [];
        const link = links[w.column % Math.max(links.length, 1)];
        if (!link || !(await hasIdKey(tx, link.table))) return null;
        const rest = (columns.get(link.table) ?? []).filter((c) => c !== link.column);
        return `INSERT INTO ${link.table} (id, ${link.column}, ${rest.join(', ')})
                  SELECT gen_random_uuid(), '${id}'::uuid, ${rest.join(', ')} FROM ${link.table} ORDER BY ctid OFFSET ${w.other} % GREATEST((SELECT count(*) FROM ${link.table}), 1) LIMIT 1`;
      }
      t = table;
      target = `(SELECT ctid FROM ${t} WHERE id = '${id}'::uuid)`;
    }
    const ctids = await tx.$queryRawUnsafe<Array<{ ctid: string }>>(`SELECT ctid::text FROM ${t} ORDER BY ctid`);
    if (ctids.length === 0) return null;
    const at = (i: number) => `'${ctids[i % ctids.length]?.ctid}'::tid`;
    const here = target ?? at(w.row);
    const cols = columns.get(t) ?? [];
    const refs = references.get(t) ?? [];
    const from = w.reference && refs.length > 0 ? refs : cols;
    const column = from[w.column % from.length] ?? '';
    switch (w.kind) {
      case 'delete':
      case 'fix-delete':
        return `DELETE FROM ${t} WHERE ctid = ${here}`;
      case 'end':
      case 'fix-end':
        return cols.includes('valid_to') ? `UPDATE ${t} SET valid_to = '${today}'::date WHERE ctid = ${here}` : null;
      case 'set':
      case 'fix-move':
        return `UPDATE ${t} SET ${column} = (SELECT ${column} FROM ${t} WHERE ctid = ${at(w.other)}) WHERE ctid = ${here}`;
      case 'fix-link':
        return null;
      case 'add': {
        if (!(await hasIdKey(tx, t))) return null;
        const rest = cols.filter((c) => c !== column);
        const list = ['id', column, ...rest].join(', ');
        return `INSERT INTO ${t} (${list}) SELECT gen_random_uuid(), (SELECT ${column} FROM ${t} WHERE ctid = ${at(w.third)}), ${rest.join(', ')}
                  FROM ${t} WHERE ctid = ${at(w.other)}`;
      }
    }
  }

  async function hasIdKey(tx: WriteTx, table: string): Promise<boolean> {
    const r = await tx.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '${table}' AND column_name = 'id'`,
    );
    return (r[0]?.n ?? 0) > 0;
  }

  it(`every kind of write on every table the findings read, ${RUNS} states`, async () => {
    let applied = 0;
    let closing = 0;
    const kinds = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        storedState,
        fc.constantFrom(...DATES),
        fc.array(write, { minLength: 1, maxLength: 8 }),
        async (state, today, writes) => {
          await h.prisma.$executeRawUnsafe(truncate);
          await writeState(h.prisma, state);
          const before = await everyWard(today);
          // Open work on every finding of every ward (a key is worked on once: under its first ward).
          const seen = new Set<string>();
          let open = [...before].flatMap(([wardId, keys]) =>
            [...keys].filter((k) => !seen.has(k) && seen.add(k)).map((findingKey) => ({ wardId, findingKey })),
          );
          if (open.length === 0) return;
          await h.prisma.findingWork.createMany({
            data: open.map((x) => ({
              ...x,
              code: x.findingKey.split('|')[0] ?? '',
              entityType: 'Organization',
              entityId: x.findingKey,
              entityName: x.findingKey,
              wardName: x.wardId,
              messageVi: x.findingKey,
              messageEn: x.findingKey,
            })),
          });
          /** The transaction each closed item must name, as the full recomputation says. */
          const expected = new Map<string, bigint>();
          const writer: Writer = { actor: 'generated', accountId: null, requestId: null, today };
          for (const [i, w] of writes.entries()) {
            let txid: bigint | null = null;
            try {
              await writeTransaction(h.prisma, 'generatedWrite', writer, async (tx) => {
                const statement = await statementOf(
                  tx,
                  w,
                  today,
                  open.map((x) => x.findingKey),
                );
                if (!statement) throw new Refused('nothing to write');
                try {
                  await tx.$executeRawUnsafe(statement);
                } catch (e) {
                  throw new Refused(`refused: ${String(e)}`);
                }
                const [row] = await tx.$queryRaw<Array<{ txid: bigint }>>`SELECT txid_current()::bigint AS txid`;
                txid = row?.txid ?? null;
              });
            } catch (e) {
              if (e instanceof Refused || e instanceof ValidationError) continue;
              throw e;
            }
            applied++;
            kinds.add(`${w.table}:${w.kind}`);

            const after = await everyWard(today);
            const fixed = open.filter((x) => after.get(x.wardId)?.has(x.findingKey) === false);
            if (fixed.length > 0) closing++;
            for (const x of fixed) if (txid !== null) expected.set(x.findingKey, txid);
            open = open.filter((x) => !fixed.includes(x));

            const closed = await h.prisma.findingWork.findMany({ where: { state: { not: 'OPEN' } }, orderBy: { findingKey: 'asc' } });
            const context = `write ${i} of ${JSON.stringify(writes)} on ${today}`;
            expect(
              closed.map((c) => c.findingKey),
              context,
            ).toEqual([...expected.keys()].sort());
            for (const c of closed) {
              expect(c, context).toMatchObject({ state: 'RESOLVED', closedAutomatically: true, closedByOperation: 'generatedWrite' });
              expect(c.closedByTransactionId, context).toBe(expected.get(c.findingKey));
            }
          }
        },
      ),
      { numRuns: RUNS, ...(process.env.CLOSURE_SEED ? { seed: Number(process.env.CLOSURE_SEED), path: process.env.CLOSURE_PATH } : {}) },
    );
    console.info(`closure: ${applied} writes applied of ${RUNS}, ${closing} fixed findings; ${kinds.size} table × kind`);
    // The property had something in it: writes went through, and some of them fixed findings.
    expect(applied).toBeGreaterThan(RUNS / 4);
    expect(closing).toBeGreaterThan(0);
  }, 900_000);
});

type Harness = Awaited<ReturnType<typeof graphqlHarness>>;
type WriteTx = Parameters<Parameters<typeof writeTransaction>[3]>[0];
