import { type AdministrativeUnit, addDays, type IsoDate, PlaceHierarchy, type UnitParent } from '@coso/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Prisma } from '../generated/prisma/client.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { toDbDate } from './db-dates.js';
import { stableUuid } from './stable-id.js';

/**
 * The territory closure (migration unit_closure) against the domain: for generated unit trees with
 * reorganisations (links end-dated and re-pointed to another parent, units that start and end),
 * written as rows of `administrative_units` and `unit_parents`, the trigger-kept closure's
 * "descendants of u as of d" and "ancestors of u as of d" equal PlaceHierarchy's `descendantsOf`
 * and `ancestorsOf` (the domain's own walk of the same rows) for every unit alive on d and every d;
 * and a territory read through the closure (after-end rows included) equals the rule the access
 * layer applied in TypeScript before the closure existed (PlaceHierarchy as the oracle). The trigger
 * refreshes only the rows a statement can change (migration unit_closure_incremental): after every
 * statement of a generated sequence of small writes the closure equals the whole rebuild
 * (`coso_rebuild_unit_closure()`, the first migration's function, run in a savepoint and undone).
 * Each case runs in a transaction that is rolled back.
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'));
});
afterAll(() => h.close());

const DATES: IsoDate[] = ['2000-01-01', '2005-01-01', '2010-01-01', '2015-01-01', '2020-01-01', '2025-07-01'];
/** Days asked: each boundary, the day before it and a day between. */
const ASKED: IsoDate[] = [
  '1999-12-31',
  '2000-01-01',
  '2004-12-31',
  '2005-01-01',
  '2012-06-01',
  '2019-12-31',
  '2020-01-01',
  '2025-06-30',
  '2025-07-01',
  '2030-01-01',
];

interface Generated {
  units: AdministrativeUnit[];
  parents: UnitParent[];
}

/** A forest: unit i links only to units before it (no cycles), one parent at a time, re-pointed at breakpoints. */
const forest = fc
  .integer({ min: 2, max: 9 })
  .chain((n) =>
    fc.tuple(
      fc.array(
        fc.record({
          from: fc.integer({ min: 0, max: DATES.length - 2 }),
          span: fc.option(fc.integer({ min: 1, max: DATES.length - 1 }), { nil: null }),
        }),
        { minLength: n, maxLength: n },
      ),
      fc.array(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: DATES.length - 1 }), parent: fc.option(fc.nat(), { nil: null }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        { minLength: n, maxLength: n },
      ),
    ),
  )
  .map(([lives, links]): Generated => {
    const id = (i: number) => `u${i}`;
    const units = lives.map((l, i): AdministrativeUnit => {
      const to = l.span === null ? null : (DATES[Math.min(l.from + l.span, DATES.length - 1)] ?? null);
      const from = DATES[l.from] as IsoDate;
      return { id: id(i), kind: 'WARD', name: `Đơn vị ${i}`, validFrom: from, validTo: to !== null && to > from ? to : null };
    });
    const parents: UnitParent[] = [];
    for (const [i, segments] of links.entries()) {
      if (i === 0) continue;
      // Breakpoints in time order, one parent (or none) per segment: a reorganisation re-points the unit.
      const cuts = [...new Set(segments.map((s) => s.at))].sort((a, b) => a - b);
      cuts.forEach((at, k) => {
        const parent = segments.find((s) => s.at === at)?.parent;
        if (parent === null || parent === undefined) return;
        const next = cuts[k + 1];
        parents.push({
          id: `p${i}-${k}`,
          unitId: id(i),
          parentId: id(parent % i),
          validFrom: DATES[at] as IsoDate,
          validTo: next === undefined ? null : (DATES[next] as IsoDate),
        });
      });
    }
    return { units, parents };
  });

/** A period as indices into DATES: from, and an end after it or none. */
const period = fc
  .tuple(fc.integer({ min: 0, max: DATES.length - 2 }), fc.option(fc.integer({ min: 1, max: DATES.length - 1 }), { nil: null }))
  .map(([from, span]) => ({ from, to: span === null ? null : Math.min(from + span, DATES.length - 1) }));
const few = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: 1, maxLength: 3 });

/**
 * One small write of a sequence (indices are taken modulo the units and links there are then): links
 * inserted, re-pointed, re-dated, ended or deleted, several rows per statement, to any unit (cycles and
 * a unit's second parent at once included: the database refuses the latter), units re-dated, renamed,
 * inserted or deleted.
 */
const write = fc.oneof(
  fc.record({
    kind: fc.constant('insertLinks' as const),
    links: few(fc.tuple(fc.nat(), fc.nat(), period).map(([unit, parent, p]) => ({ unit, parent, ...p }))),
  }),
  fc.record({
    kind: fc.constant('updateLinks' as const),
    changes: few(
      fc.record({
        link: fc.nat(),
        parent: fc.option(fc.nat(), { nil: null }),
        from: fc.option(fc.integer({ min: 0, max: DATES.length - 2 }), { nil: null }),
        to: fc.oneof(fc.constant('keep' as const), fc.constant(null), fc.integer({ min: 1, max: DATES.length - 1 })),
      }),
    ),
  }),
  fc.record({ kind: fc.constant('deleteLinks' as const), links: few(fc.nat()) }),
  fc.record({ kind: fc.constant('unitPeriods' as const), changes: few(fc.tuple(fc.nat(), period).map(([unit, p]) => ({ unit, ...p }))) }),
  fc.record({ kind: fc.constant('renameUnit' as const), unit: fc.nat() }),
  period.map((p) => ({ kind: 'insertUnit' as const, ...p })),
  fc.record({ kind: fc.constant('deleteUnit' as const), unit: fc.nat() }),
);

const alive = (u: AdministrativeUnit, d: IsoDate) => u.validFrom <= d && (u.validTo === null || d < u.validTo);

class Rollback extends Error {}

describe('the unit closure equals the domain hierarchy', () => {
  it('for generated trees with reorganisations: descendants, ancestors and territory of every living unit on every day', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(forest, async (g) => {
        run++;
        const db = (key: string) => stableUuid(`closure-${run}-${key}`);
        const places = new PlaceHierarchy({ units: g.units, unitParents: g.parents, unitCodes: [] });
        const problems: string[] = [];
        await h.prisma
          .$transaction(async (tx) => {
            await tx.administrativeUnit.createMany({
              data: g.units.map((u) => ({
                id: db(u.id),
                kind: u.kind,
                name: u.name,
                nameSearch: u.name,
                validFrom: toDbDate(u.validFrom),
                validTo: u.validTo ? toDbDate(u.validTo) : null,
              })),
            });
            // Written link by link, as reorganisations write them: the trigger runs after each.
            for (const p of g.parents) {
              await tx.unitParent.create({
                data: {
                  id: db(p.id),
                  unitId: db(p.unitId),
                  parentId: db(p.parentId),
                  validFrom: toDbDate(p.validFrom),
                  validTo: p.validTo ? toDbDate(p.validTo) : null,
                },
              });
            }
            const back = new Map(g.units.map((u) => [db(u.id), u.id]));
            for (const d of ASKED) {
              const rows = await tx.$queryRaw<Array<{ a: string; x: string }>>`
                SELECT ancestor_id::text AS a, descendant_id::text AS x FROM unit_closure
                WHERE NOT after_end AND ancestor_id <> descendant_id AND valid_from <= ${d}::date AND (valid_to IS NULL OR ${d}::date < valid_to)
                  AND ancestor_id = ANY(${g.units.map((u) => db(u.id))}::uuid[])`;
              for (const u of g.units.filter((x) => alive(x, d))) {
                const below = rows.filter((r) => back.get(r.a) === u.id).map((r) => back.get(r.x));
                const above = rows.filter((r) => back.get(r.x) === u.id).map((r) => back.get(r.a));
                const expectedBelow = places.descendantsOf(u.id, d).map((x) => x.id);
                const expectedAbove = places.ancestorsOf(u.id, d).map((x) => x.id);
                if (JSON.stringify([...below].sort()) !== JSON.stringify([...expectedBelow].sort()))
                  problems.push(`below ${u.id} on ${d}: ${below.sort()} ≠ ${expectedBelow.sort()}`);
                if (JSON.stringify([...above].sort()) !== JSON.stringify([...expectedAbove].sort()))
                  problems.push(`above ${u.id} on ${d}: ${above.sort()} ≠ ${expectedAbove.sort()}`);
              }
            }
            // A territorial viewer's own units on d (access rule, after-end rows included): the unit, what
            // lies below it on d, and units ended by d that lay below it on their last day.
            const territory = await tx.$queryRaw<Array<{ a: string; x: string; d: string }>>`
              SELECT c.ancestor_id::text AS a, c.descendant_id::text AS x, d::text AS d
              FROM unit_closure c, unnest(${ASKED}::date[]) AS d
              WHERE c.valid_from <= d AND (c.valid_to IS NULL OR d < c.valid_to)
                AND c.ancestor_id = ANY(${g.units.map((u) => db(u.id))}::uuid[])`;
            for (const d of ASKED) {
              for (const u of g.units) {
                const got = new Set([
                  u.id,
                  ...territory.filter((r) => r.d === d && back.get(r.a) === u.id).map((r) => back.get(r.x) as string),
                ]);
                const expected = new Set([u.id, ...places.descendantsOf(u.id, d).map((x) => x.id)]);
                for (const x of g.units) {
                  if (x.validTo !== null && x.validTo <= d && places.isWithin(x.id, u.id, addDays(x.validTo, -1))) expected.add(x.id);
                }
                if (!alive(u, d)) continue; // a territory is read on a day its scope exists (its last day, once ended)
                if (JSON.stringify([...got].sort()) !== JSON.stringify([...expected].sort()))
                  problems.push(`territory of ${u.id} on ${d}: ${[...got].sort()} ≠ ${[...expected].sort()}`);
              }
            }
            throw new Rollback();
          })
          .catch((e: unknown) => {
            if (!(e instanceof Rollback)) throw e;
          });
        expect(problems).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('after every statement of a random sequence of small writes equals a rebuild from scratch', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(forest, fc.array(write, { minLength: 1, maxLength: 8 }), async (g, writes) => {
        run++;
        const db = (key: string) => stableUuid(`closure-steps-${run}-${key}`);
        const date = (i: number | null) => (i === null ? null : (DATES[i] as IsoDate));
        const problems: string[] = [];
        await h.prisma
          .$transaction(async (tx) => {
            const units = g.units.map((u) => db(u.id));
            /** Our units' closure rows, in a fixed order. */
            const closure = () => tx.$queryRaw<Array<{ row: string }>>`
              SELECT concat_ws(' ', ancestor_id, descendant_id, valid_from, coalesce(valid_to::text, '∞'), after_end) AS row
              FROM unit_closure WHERE descendant_id = ANY(${units}::uuid[]) ORDER BY 1`;
            /** The oracle: the whole closure rebuilt from scratch (the first migration's function), then undone. */
            const rebuilt = async () => {
              await tx.$executeRaw`SAVEPOINT oracle`;
              await tx.$executeRaw`SELECT coso_rebuild_unit_closure()`;
              const rows = await closure();
              await tx.$executeRaw`ROLLBACK TO SAVEPOINT oracle`;
              return rows;
            };
            /** One statement; one the constraints refuse (two parents at once…) changes nothing and is skipped. */
            const statement = async (label: string, sql: Prisma.Sql) => {
              await tx.$executeRaw`SAVEPOINT step`;
              try {
                await tx.$executeRaw(sql);
                await tx.$executeRaw`RELEASE SAVEPOINT step`;
              } catch {
                await tx.$executeRaw`ROLLBACK TO SAVEPOINT step`;
              }
              const [got, expected] = [await closure(), await rebuilt()];
              if (JSON.stringify(got) !== JSON.stringify(expected))
                problems.push(`after ${label}: ${JSON.stringify(got.map((r) => r.row))} ≠ ${JSON.stringify(expected.map((r) => r.row))}`);
            };
            await tx.administrativeUnit.createMany({
              data: g.units.map((u) => ({
                id: db(u.id),
                kind: u.kind,
                name: u.name,
                nameSearch: u.name,
                validFrom: toDbDate(u.validFrom),
                validTo: u.validTo ? toDbDate(u.validTo) : null,
              })),
            });
            // The forest's links in one statement of several rows.
            await statement(
              'the initial links',
              Prisma.sql`INSERT INTO unit_parents (id, unit_id, parent_id, valid_from, valid_to)
                SELECT * FROM unnest(${g.parents.map((p) => db(p.id))}::uuid[], ${g.parents.map((p) => db(p.unitId))}::uuid[],
                  ${g.parents.map((p) => db(p.parentId))}::uuid[], ${g.parents.map((p) => p.validFrom)}::date[], ${g.parents.map((p) => p.validTo)}::date[])`,
            );
            let added = 0;
            for (const [step, w] of writes.entries()) {
              const links = (
                await tx.$queryRaw<
                  Array<{ id: string }>
                >`SELECT id::text FROM unit_parents WHERE unit_id = ANY(${units}::uuid[]) ORDER BY id`
              ).map((r) => r.id);
              const unit = (i: number) => units[i % units.length] as string;
              const link = (i: number) => links[i % links.length] as string;
              const label = `step ${step} ${JSON.stringify(w)}`;
              switch (w.kind) {
                case 'insertLinks':
                  await statement(
                    label,
                    Prisma.sql`INSERT INTO unit_parents (id, unit_id, parent_id, valid_from, valid_to)
                      SELECT gen_random_uuid(), * FROM unnest(${w.links.map((l) => unit(l.unit))}::uuid[], ${w.links.map((l) => unit(l.parent))}::uuid[],
                        ${w.links.map((l) => date(l.from))}::date[], ${w.links.map((l) => date(l.to))}::date[])`,
                  );
                  break;
                case 'updateLinks':
                  if (links.length === 0) break;
                  // Re-point, re-date or end several links at once; null keeps the column as it is.
                  await statement(
                    label,
                    Prisma.sql`UPDATE unit_parents p SET parent_id = coalesce(c.parent_id, p.parent_id),
                        valid_from = coalesce(c.valid_from, p.valid_from), valid_to = CASE WHEN c.keep_to THEN p.valid_to ELSE c.valid_to END
                      FROM unnest(${w.changes.map((c) => link(c.link))}::uuid[], ${w.changes.map((c) => (c.parent === null ? null : unit(c.parent)))}::uuid[],
                        ${w.changes.map((c) => date(c.from))}::date[], ${w.changes.map((c) => c.to === 'keep')}::boolean[],
                        ${w.changes.map((c) => (c.to === 'keep' ? null : date(c.to)))}::date[]) AS c(id, parent_id, valid_from, keep_to, valid_to)
                      WHERE p.id = c.id`,
                  );
                  break;
                case 'deleteLinks':
                  if (links.length === 0) break;
                  await statement(label, Prisma.sql`DELETE FROM unit_parents WHERE id = ANY(${w.links.map(link)}::uuid[])`);
                  break;
                case 'unitPeriods':
                  await statement(
                    label,
                    Prisma.sql`UPDATE administrative_units u SET valid_from = c.valid_from, valid_to = c.valid_to
                      FROM unnest(${w.changes.map((c) => unit(c.unit))}::uuid[], ${w.changes.map((c) => date(c.from))}::date[],
                        ${w.changes.map((c) => date(c.to))}::date[]) AS c(id, valid_from, valid_to)
                      WHERE u.id = c.id`,
                  );
                  break;
                case 'renameUnit':
                  await statement(
                    label,
                    Prisma.sql`UPDATE administrative_units SET name = name || ' mới' WHERE id = ${unit(w.unit)}::uuid`,
                  );
                  break;
                case 'insertUnit': {
                  const id = db(`added-${added++}`);
                  units.push(id);
                  await statement(
                    label,
                    Prisma.sql`INSERT INTO administrative_units (id, kind, name, name_search, valid_from, valid_to)
                      VALUES (${id}::uuid, 'WARD', 'Đơn vị mới', 'don vi moi', ${date(w.from)}::date, ${date(w.to)}::date)`,
                  );
                  break;
                }
                case 'deleteUnit':
                  // Its links first (they refer to it), then the unit: two statements, each checked.
                  await statement(
                    `${label} (links)`,
                    Prisma.sql`DELETE FROM unit_parents WHERE unit_id = ${unit(w.unit)}::uuid OR parent_id = ${unit(w.unit)}::uuid`,
                  );
                  await statement(label, Prisma.sql`DELETE FROM administrative_units WHERE id = ${unit(w.unit)}::uuid`);
                  break;
              }
            }
            throw new Rollback();
          })
          .catch((e: unknown) => {
            if (!(e instanceof Rollback)) throw e;
          });
        expect(problems).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('is rebuilt in the transaction that writes a link, whoever writes it (here: plain SQL, as psql would)', async () => {
    const [root, child] = [stableUuid('closure-sql-root'), stableUuid('closure-sql-child')];
    await h.prisma.$executeRaw`INSERT INTO administrative_units (id, kind, name, name_search, valid_from) VALUES
      (${root}::uuid, 'DISTRICT', 'Quận thử', 'quan thu', '2020-01-01'), (${child}::uuid, 'WARD', 'Phường thử', 'phuong thu', '2020-01-01')`;
    await h.prisma.$executeRaw`INSERT INTO unit_parents (id, unit_id, parent_id, valid_from) VALUES
      (${stableUuid('closure-sql-link')}::uuid, ${child}::uuid, ${root}::uuid, '2021-01-01')`;
    const rows = await h.prisma.$queryRaw<Array<{ from: string; to: string | null }>>`
      SELECT valid_from::text AS from, valid_to::text AS to FROM unit_closure WHERE ancestor_id = ${root}::uuid AND descendant_id = ${child}::uuid AND NOT after_end`;
    expect(rows).toEqual([{ from: '2021-01-01', to: null }]);
    await h.prisma.$executeRaw`UPDATE unit_parents SET valid_to = '2023-01-01' WHERE unit_id = ${child}::uuid`;
    const ended = await h.prisma.$queryRaw<Array<{ from: string; to: string | null }>>`
      SELECT valid_from::text AS from, valid_to::text AS to FROM unit_closure WHERE ancestor_id = ${root}::uuid AND descendant_id = ${child}::uuid AND NOT after_end`;
    expect(ended).toEqual([{ from: '2021-01-01', to: '2023-01-01' }]);
  });
});
