import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCATORS } from '../auth/locator.js';
import { SAMPLE_FIXTURE } from '../auth/test-support/sample-fixtures.js';
import { Prisma } from '../generated/prisma/client.js';
import { graphqlHarness } from '../testing/graphql-harness.js';

/**
 * Where a person is, as data (migration person_places, #13 item 4): the table the people list and
 * the person read check join with the unit closure holds, for every person, exactly the units
 * the Person definition's four paths reach — as the per-record locator computes them in
 * TypeScript from the definition (`entities/places.ts`), the oracle here. Checked on the sample
 * data as seeded, then after every statement of random sequences of writes to each table a path
 * crosses (a person's residence, posts, party cell, apartments; a body's areas, building and
 * complex; a building's group and complex; an apartment's building), each sequence rolled back.
 * Each row also carries its person's folded name (the people search reads a territory's matches
 * there): checked against the people table the same way, with renames among the writes.
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: SAMPLE_FIXTURE });
}, 300_000);
afterAll(() => h?.close());

type Tx = Prisma.TransactionClient;
const locate = LOCATORS.Person;

/**
 * Every person's units as "person unit name" lines: from the table, and from the definition's
 * locator with the person's own folded name (the copy each place row carries).
 */
async function both(tx: Tx): Promise<{ stored: string[]; located: string[] }> {
  const rows = await tx.$queryRaw<
    Array<{ line: string }>
  >`SELECT person_id || ' ' || unit_id || ' ' || person_name_search AS line FROM person_places`;
  const people = await tx.person.findMany({ select: { id: true, nameSearch: true } });
  const names = new Map(people.map((p) => [p.id, p.nameSearch]));
  if (!locate) throw new Error('Person has no locator');
  const found = await locate(
    tx,
    people.map((p) => p.id),
  );
  const located = [...found].flatMap(([id, at]) => [...new Set(at.units)].map((u) => `${id} ${u} ${names.get(id)}`));
  return { stored: rows.map((r) => r.line).sort(), located: located.sort() };
}

/** Row ids of a table (for picking what a generated write touches). */
async function ids(tx: Tx, table: string, column = 'id', where = 'TRUE'): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<Array<{ id: string }>>(`SELECT ${column}::text AS id FROM ${table} WHERE ${where} ORDER BY 1`);
  return rows.map((r) => r.id);
}

describe('person_places equals what the Person definition locates', () => {
  it('on the sample data as seeded (every person)', async () => {
    const { stored, located } = await both(h.prisma);
    expect(stored.length).toBeGreaterThan(2000);
    expect(stored).toEqual(located);
  });

  it('after every statement of random writes to every table a path crosses', async () => {
    const pools = await h.prisma.$transaction(async (tx) => ({
      people: await ids(tx, 'people'),
      names: await ids(tx, 'people', 'name_search'),
      groups: await ids(tx, 'administrative_units', 'id', "kind = 'RESIDENTIAL_GROUP'"),
      units: await ids(tx, 'administrative_units'),
      organizations: await ids(tx, 'organizations'),
      memberships: await ids(tx, 'memberships'),
      partyMemberships: await ids(tx, 'party_memberships'),
      ownerships: await ids(tx, 'apartment_ownerships'),
      areas: await ids(tx, 'organization_areas'),
      buildings: await ids(tx, 'apartment_buildings'),
      complexes: await ids(tx, 'apartment_complexes'),
      apartments: await ids(tx, 'apartments'),
      boards: await ids(tx, 'organizations', 'id', 'building_id IS NOT NULL OR complex_id IS NOT NULL'),
    }));
    const pick = (pool: readonly string[]) => fc.nat({ max: pool.length - 1 }).map((i) => pool[i] as string);
    const nullable = (pool: readonly string[]) => fc.option(pick(pool), { nil: null });
    const write = fc.oneof(
      fc.record({ t: fc.constant('residence'), id: pick(pools.people), to: nullable(pools.groups) }),
      fc.record({ t: fc.constant('rename'), id: pick(pools.people), to: pick(pools.names) }),
      fc.record({ t: fc.constant('membership person'), id: pick(pools.memberships), to: pick(pools.people) }),
      fc.record({ t: fc.constant('membership body'), id: pick(pools.memberships), to: pick(pools.organizations) }),
      fc.record({ t: fc.constant('delete membership'), id: pick(pools.memberships) }),
      fc.record({ t: fc.constant('party cell'), id: pick(pools.partyMemberships), to: pick(pools.organizations) }),
      fc.record({ t: fc.constant('ownership person'), id: pick(pools.ownerships), to: pick(pools.people) }),
      fc.record({ t: fc.constant('ownership apartment'), id: pick(pools.ownerships), to: pick(pools.apartments) }),
      fc.record({ t: fc.constant('area unit'), id: pick(pools.areas), to: pick(pools.units) }),
      fc.record({ t: fc.constant('delete area'), id: pick(pools.areas) }),
      fc.record({ t: fc.constant('board building'), id: pick(pools.boards), to: pick(pools.buildings) }),
      fc.record({ t: fc.constant('board complex'), id: pick(pools.boards), to: pick(pools.complexes) }),
      fc.record({ t: fc.constant('building group'), id: pick(pools.buildings), to: pick(pools.groups) }),
      fc.record({ t: fc.constant('building complex'), id: pick(pools.buildings), to: nullable(pools.complexes) }),
      fc.record({ t: fc.constant('apartment building'), id: pick(pools.apartments), to: pick(pools.buildings) }),
    );
    const sql = (w: { t: string; id: string; to?: string | null }): Prisma.Sql => {
      const to = w.to ?? null;
      switch (w.t) {
        case 'rename':
          return Prisma.sql`UPDATE people SET name_search = ${to} WHERE id = ${w.id}::uuid`;
        case 'residence':
          return Prisma.sql`UPDATE people SET residence_unit_id = ${to}::uuid WHERE id = ${w.id}::uuid`;
        case 'membership person':
          return Prisma.sql`UPDATE memberships SET person_id = ${to}::uuid WHERE id = ${w.id}::uuid`;
        case 'membership body':
          return Prisma.sql`UPDATE memberships SET organization_id = ${to}::uuid, post_id = NULL WHERE id = ${w.id}::uuid`;
        case 'delete membership':
          return Prisma.sql`DELETE FROM memberships WHERE id = ${w.id}::uuid`;
        case 'party cell':
          return Prisma.sql`UPDATE party_memberships SET home_cell_id = ${to}::uuid WHERE id = ${w.id}::uuid`;
        case 'ownership person':
          return Prisma.sql`UPDATE apartment_ownerships SET person_id = ${to}::uuid WHERE id = ${w.id}::uuid`;
        case 'ownership apartment':
          return Prisma.sql`UPDATE apartment_ownerships SET apartment_id = ${to}::uuid WHERE id = ${w.id}::uuid`;
        case 'area unit':
          return Prisma.sql`UPDATE organization_areas SET unit_id = ${to}::uuid WHERE id = ${w.id}::uuid`;
        case 'delete area':
          return Prisma.sql`DELETE FROM organization_areas WHERE id = ${w.id}::uuid`;
        case 'board building':
          return Prisma.sql`UPDATE organizations SET building_id = ${to}::uuid, complex_id = NULL WHERE id = ${w.id}::uuid`;
        case 'board complex':
          return Prisma.sql`UPDATE organizations SET complex_id = ${to}::uuid, building_id = NULL WHERE id = ${w.id}::uuid`;
        case 'building group':
          return Prisma.sql`UPDATE apartment_buildings SET residential_group_id = ${to}::uuid WHERE id = ${w.id}::uuid`;
        case 'building complex':
          return Prisma.sql`UPDATE apartment_buildings SET complex_id = ${to}::uuid WHERE id = ${w.id}::uuid`;
        default:
          return Prisma.sql`UPDATE apartments SET building_id = ${to}::uuid WHERE id = ${w.id}::uuid`;
      }
    };
    class Rollback extends Error {}
    let applied = 0;
    let refused = 0;
    const kinds = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 5 }), async (writes) => {
        const problems: string[] = [];
        await h.prisma
          .$transaction(
            async (tx) => {
              for (const w of writes) {
                await tx.$executeRaw`SAVEPOINT step`;
                try {
                  await tx.$executeRaw(sql(w));
                  await tx.$executeRaw`RELEASE SAVEPOINT step`;
                  applied++;
                  kinds.add(w.t);
                } catch {
                  // A write the constraints refuse changes nothing (and is counted, to show most apply).
                  await tx.$executeRaw`ROLLBACK TO SAVEPOINT step`;
                  refused++;
                }
                const { stored, located } = await both(tx);
                const [has, should] = [new Set(stored), new Set(located)];
                const missing = located.filter((l) => !has.has(l));
                const extra = stored.filter((l) => !should.has(l));
                if (missing.length || extra.length) problems.push(`after ${JSON.stringify(w)}: missing ${missing} extra ${extra}`);
              }
              throw new Rollback();
            },
            { timeout: 120_000 },
          )
          .catch((e: unknown) => {
            if (!(e instanceof Rollback)) throw e;
          });
        expect(problems).toEqual([]);
      }),
      { numRuns: 25 },
    );
    // The property saw writes of most kinds applied, not only refusals.
    expect(applied).toBeGreaterThan(refused);
    expect(kinds.size).toBeGreaterThanOrEqual(11);
    expect(kinds.has('rename'), 'a rename was applied').toBe(true);
  }, 600_000);
});
