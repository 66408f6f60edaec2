import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SAMPLE_FIXTURE } from '../../auth/test-support/sample-fixtures.js';
import { poolOf } from '../../database/prisma-client.js';
import { MODEL_NAMES, modelFacts } from '../../entities/data-model.js';
import { placeRowsOf } from '../../entities/places.js';
import { graphqlHarness } from '../../testing/graphql-harness.js';
import { Aliases, columnOf, Params, relationJoin, tableOf, useDataModelOf, whereSql } from './where-sql.js';

/**
 * whereSql against Prisma's own reading of the same condition, on the sample data: the rows a
 * generated condition selects, by id. The conditions are drawn over every path of the shape the
 * compiled reads write specially — a list relation's rows whose condition names a to-one relation's
 * id in a list keyed by that id (a person's place rows in the territory's closure: joined inside the
 * `EXISTS`), and that to-one condition on its own (the id `IN` the list) — found in the data model,
 * not listed: a path added to the schema is drawn too. Each side condition is a conjunction of
 * equalities drawn from the rows the table holds, and the day ranges the closure is read with.
 */
let h: Awaited<ReturnType<typeof graphqlHarness>>;
type Row = Record<string, unknown>;
const samples = new Map<string, Row[]>();

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: SAMPLE_FIXTURE });
  useDataModelOf(h.prisma);
});
afterAll(() => h.close());

/** A to-one relation (`toOne`, keyed by this row's column) and a list of its model keyed by the id (`list`). */
interface KeyedPath {
  model: string;
  toOne: string;
  target: string;
  list: string;
  listModel: string;
}

/** Whether `relation` of `model` is keyed by `model`'s id on the related rows (false when it has no single key). */
function keyedById(model: string, relation: string): boolean {
  try {
    return relationJoin(model, 'x', relation, 'y').near === 'x."id"';
  } catch {
    return false;
  }
}

/** Every (model, to-one relation, list keyed by the related row's id) of the data model. */
function keyedPaths(): KeyedPath[] {
  const paths: KeyedPath[] = [];
  for (const model of MODEL_NAMES) {
    for (const [toOne, rel] of modelFacts(model).relations) {
      if (rel.list || rel.from.length !== 1) continue;
      for (const [list, listRel] of modelFacts(rel.model).relations) {
        if (!listRel.list) continue;
        if (!keyedById(rel.model, list)) continue;
        paths.push({ model, toOne, target: rel.model, list, listModel: listRel.model });
      }
    }
  }
  return paths;
}

/** The list relations of every model whose rows have a keyed path: `{ [list]: { some: { <path> } } }`. */
function listPaths(): Array<{ owner: string; list: string; path: KeyedPath }> {
  const byModel = new Map<string, KeyedPath[]>();
  for (const p of keyedPaths()) byModel.set(p.model, [...(byModel.get(p.model) ?? []), p]);
  const found: Array<{ owner: string; list: string; path: KeyedPath }> = [];
  for (const owner of MODEL_NAMES) {
    for (const [list, rel] of modelFacts(owner).relations) {
      if (!rel.list) continue;
      // Keyed by the owner's id: the EXISTS the compiled read writes.
      if (!keyedById(owner, list)) continue;
      for (const path of byModel.get(rel.model) ?? []) found.push({ owner, list, path });
    }
  }
  return found;
}

/** Prisma's own `findMany` of a model, by its delegate's name. */
function findMany(model: string, args: object): Promise<Row[]> {
  const delegate = (h.prisma as unknown as Record<string, { findMany(a: object): Promise<Row[]> }>)[modelFacts(model).delegate];
  if (!delegate) throw new Error(`no delegate for ${model}`);
  return delegate.findMany(args);
}

async function rowsOf(model: string): Promise<Row[]> {
  let rows = samples.get(model);
  if (!rows) {
    rows = await findMany(model, { take: 200 });
    samples.set(model, rows);
  }
  return rows;
}

const DAYS = ['2019-06-30', '2022-12-01', '2025-06-30', '2025-07-01', '2026-11-25'].map((d) => new Date(`${d}T00:00:00Z`));

/** A condition on `model`'s own columns: equalities taken from one of its rows, and its dates covering a day. */
function ownCondition(model: string, rows: Row[]): fc.Arbitrary<Row> {
  const facts = modelFacts(model);
  const keys = [...facts.ids].filter((f) => facts.columns.has(f));
  const covering = facts.dates.has('validFrom') && facts.dates.has('validTo') && facts.columns.get('validTo')?.required === false;
  if (rows.length === 0) return fc.constant({});
  return fc
    .record({
      row: fc.constantFrom(...rows),
      keys: fc.subarray(keys, { maxLength: 2 }),
      day: fc.option(fc.constantFrom(...DAYS), { nil: undefined }),
    })
    .map(({ row, keys: chosen, day }) => {
      const where: Row = {};
      for (const k of chosen) if (row[k] !== null && row[k] !== undefined) where[k] = row[k];
      if (covering && day) Object.assign(where, { validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gt: day } }] });
      return where;
    });
}

/** The SQL condition whereSql writes for `where` (its text only). */
function sqlOf(model: string, where: Row): string {
  const scope = { params: new Params(), aliases: new Aliases() };
  return whereSql(model, scope.aliases.next(), where, scope);
}

async function sqlIds(model: string, where: Row): Promise<string[]> {
  const scope = { params: new Params(), aliases: new Aliases() };
  const alias = scope.aliases.next();
  const condition = whereSql(model, alias, where, scope);
  const pool = poolOf(h.prisma)?.pool as pg.Pool;
  const result = await pool.query<{ id: string }>(
    `SELECT ${alias}."id"::text AS id FROM ${tableOf(model)} ${alias} WHERE ${condition}`,
    scope.params.values,
  );
  return result.rows.map((r) => r.id).sort();
}

async function prismaIds(model: string, where: Row): Promise<string[]> {
  const rows = (await findMany(model, { where, select: { id: true } })) as Array<{ id: string }>;
  return rows.map((r) => r.id).sort();
}

describe('whereSql reads a keyed path as Prisma does, on every such path of the data model', () => {
  it('finds the paths (the person’s place rows in the closure among them)', () => {
    console.log(`${listPaths().length} list paths, ${keyedPaths().length} keyed paths`);
    const names = listPaths().map((p) => `${p.owner}.${p.list}.${p.path.toOne}.${p.path.list}`);
    expect(names).toContain('Person.places.unit.closureAncestors');
  });

  it('a list’s rows named by a to-one id in a keyed list (joined inside the EXISTS), with other conditions beside it', async () => {
    for (const { owner, list, path } of listPaths()) {
      const [listRows, middleRows] = await Promise.all([rowsOf(path.listModel), rowsOf(path.model)]);
      await fc.assert(
        fc.asyncProperty(ownCondition(path.listModel, listRows), ownCondition(path.model, middleRows), async (far, beside) => {
          const where = { [list]: { some: { ...beside, [path.toOne]: { [path.list]: { some: far } } } } };
          expect(await sqlIds(owner, where), JSON.stringify(where)).toEqual(await prismaIds(owner, where));
        }),
        { numRuns: 4 },
      );
    }
  });

  it('a to-one id in a keyed list on its own (the id IN the list)', async () => {
    // The rows are compared by id: a model keyed otherwise (a link table) is met as a list's rows above.
    for (const path of keyedPaths().filter((p) => modelFacts(p.model).scalars.includes('id'))) {
      const listRows = await rowsOf(path.listModel);
      await fc.assert(
        fc.asyncProperty(ownCondition(path.listModel, listRows), async (far) => {
          const where = { [path.toOne]: { [path.list]: { some: far } } };
          expect(await sqlIds(path.model, where), JSON.stringify(where)).toEqual(await prismaIds(path.model, where));
        }),
        { numRuns: 3 },
      );
    }
  });

  it('a condition on a column the place rows carry, beside a `some` of them, anywhere in the conjunction, under OR or NOT', async () => {
    const carrying = MODEL_NAMES.flatMap((model) => {
      const rows = placeRowsOf(model);
      return rows ? Object.entries(rows.carries).map(([column, copy]) => ({ model, relation: rows.relation, column, copy })) : [];
    });
    expect(carrying.map((c) => `${c.model}.${c.column}`)).toContain('Person.nameSearch');
    for (const { model, relation, column, copy } of carrying) {
      const placeModel = modelFacts(model).relations.get(relation)?.model as string;
      const copied = columnOf(placeModel, copy);
      const placeRows = await rowsOf(placeModel);
      // The records of those place rows, so a drawn condition on the column often meets a drawn place row's record.
      const [back] = [...modelFacts(placeModel).relations]
        .filter(([, r]) => r.model === model && !r.list)
        .map(([, r]) => r.from[0] as string);
      const rows = await findMany(model, {
        where: { id: { in: placeRows.map((r) => r[back as string]) } },
      });
      const paths = listPaths().filter((p) => p.owner === model && p.list === relation);
      const farRows = new Map(await Promise.all(paths.map(async (p) => [p, await rowsOf(p.path.listModel)] as const)));
      const value = (row: Row) => String(row[column] ?? '');
      // A condition on the column as the filters write them: part of a row's value (the search's
      // `contains`), its start or end, in any case, the whole value, not another's, or one of two values.
      const condition = (row: Row, other: Row, from: number, length: number, op: string): Row => {
        const whole = value(row);
        const start = whole.length ? from % whole.length : 0;
        const part = whole.slice(start, start + length);
        switch (op) {
          case 'equals':
            return { [column]: whole };
          case 'not':
            return { [column]: { not: value(other) } };
          case 'in':
            return { [column]: { in: [whole, value(other)] } };
          case 'insensitive':
            return { [column]: { contains: part.toUpperCase(), mode: 'insensitive' } };
          case 'startsWith':
            return { [column]: { startsWith: whole.slice(0, length) } };
          case 'endsWith':
            return { [column]: { endsWith: whole.slice(-length) } };
          default:
            return { [column]: { contains: part } };
        }
      };
      // One or two such conditions, all drawn from one record's value (so that record meets them).
      const texts = fc
        .record({
          row: fc.constantFrom(...rows),
          other: fc.constantFrom(...rows),
          parts: fc.array(
            fc.record({
              from: fc.nat(),
              length: fc.integer({ min: 1, max: 6 }),
              op: fc.constantFrom('contains', 'startsWith', 'endsWith', 'insensitive', 'equals', 'not', 'in'),
            }),
            { minLength: 1, maxLength: 2 },
          ),
        })
        .map(({ row, other, parts }) => parts.map((p) => condition(row, other, p.from, p.length, p.op)));
      const onePlace = fc.oneof(
        // Any place row: then the carried condition is all the `some` asks.
        fc.constant({}),
        ownCondition(placeModel, placeRows),
        ...paths.map((p) =>
          ownCondition(p.path.listModel, farRows.get(p) ?? []).map((far) => ({ [p.path.toOne]: { [p.path.list]: { some: far } } })),
        ),
      );
      // The place rows' own condition, and sometimes an `AND` of its own beside it (the carried conditions join that list).
      const placeCondition = fc.tuple(onePlace, onePlace, fc.boolean()).map(([a, b, both]): Row => (both ? { ...a, AND: [b] } : a));
      let compared = 0;
      let found = 0;
      await fc.assert(
        fc.asyncProperty(
          texts,
          placeCondition,
          fc.constantFrom('beside', 'in AND', 'in a nested AND', 'under OR', 'under NOT'),
          async (texts, place, where) => {
            const some = { [relation]: { some: place } };
            const condition: Row =
              where === 'beside'
                ? { ...texts[0], AND: [...texts.slice(1), some] }
                : where === 'in AND'
                  ? { AND: [...texts, some] }
                  : where === 'in a nested AND'
                    ? { AND: [{ AND: texts }, { AND: [some] }] }
                    : where === 'under OR'
                      ? // A disjunct no row meets: carried as a conjunct, it would leave no row.
                        { AND: [{ OR: [...texts, { [column]: 'no row has this value' }] }, some] }
                      : // Carried as it stands, a negated condition would keep the rows it leaves out.
                        { AND: [{ NOT: texts }, some] };
            const expected = await prismaIds(model, condition);
            expect(await sqlIds(model, condition), JSON.stringify(condition)).toEqual(expected);
            // Conjuncts reach the place rows (the point of carrying them); what is under OR or NOT does not.
            const carried = sqlOf(model, condition).includes(copied);
            expect(carried, JSON.stringify(condition)).toBe(where !== 'under OR' && where !== 'under NOT');
            compared += 1;
            if (expected.length > 0) found += 1;
          },
        ),
        { numRuns: 80 },
      );
      // Many comparisons found rows: equal empty answers alone would prove nothing.
      console.log(`${model}.${column}: ${found} of ${compared} conditions met by some row`);
      expect(found).toBeGreaterThan(compared / 8);
    }
  });
});
