import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Access } from '../auth/access.js';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.js';
import { viewerOf } from '../auth/test-support/access-fixture.js';
import { SAMPLE_FIXTURE } from '../auth/test-support/sample-fixtures.js';
import { isTerritorial } from '../auth/viewer.js';
import { modelFacts } from '../entities/data-model.js';
import { ENTITY_LIST, isEntityType } from '../entities/definitions.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { placesImply, relatedReadable } from './territory-filters.js';

/**
 * `relatedReadable` claims that a listed row's own territory makes the record its relation names
 * readable (so a compiled read leaves that condition out, compiled-read/proven.ts). The claim is
 * derived from the definitions (`placesImply`); here it is held to the data: for every pair the
 * definitions say it of (found, not listed), every territorial demo account and several territory
 * days, no row of the list's type that the account reads names a record of the related type it
 * does not — counted by PostgreSQL on the sample (Long Biên, its 2025 reorganisation).
 */

const PAIRS = ENTITY_LIST.flatMap(([list]) =>
  [...modelFacts(list).relations]
    .filter(([relation, r]) => !r.list && isEntityType(r.model) && placesImply(list, relation, r.model))
    .map(([relation, r]) => ({ list, relation, type: r.model as typeof list })),
);
const DAYS = ['2022-12-01', '2025-07-01', '2026-11-25'];

let h: Awaited<ReturnType<typeof graphqlHarness>>;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: SAMPLE_FIXTURE });
});
afterAll(() => h.close());

describe('a listed row’s territory makes the record it names readable, where the definitions say so', () => {
  it('the definitions say it of the members’ people, and not of a body or a post', () => {
    expect(PAIRS.map((p) => `${p.list}.${p.relation}`)).toContain('Membership.person');
    expect(placesImply('Membership', 'organization', 'Organization')).toBe(false);
    expect(placesImply('Post', 'organization', 'Organization')).toBe(false);
    // A building's complex is placed by its buildings, but a building may have none: the condition would keep those out.
    expect(placesImply('ApartmentBuilding', 'complex', 'ApartmentComplex')).toBe(false);
    // A pair the definitions do not imply cannot be asked for.
    const ctx = { access: { readWhere: () => ({ AND: [{ id: 'x' }] }) } } as unknown as Parameters<typeof relatedReadable>[0];
    expect(() => relatedReadable(ctx, 'Membership', 'organization', 'Organization')).toThrow(/places do not include/);
  });

  it.each(PAIRS.map((p) => [`${p.list}.${p.relation}`, p] as const))('%s: none read without their record', async (_name, pair) => {
    const delegate = (model: string) =>
      (h.prisma as unknown as Record<string, { count(args: { where: unknown }): Promise<number> }>)[modelFacts(model).delegate] as {
        count(args: { where: unknown }): Promise<number>;
      };
    let listed = 0;
    for (const account of DEMO_ACCOUNTS) {
      const viewer = await viewerOf(h.prisma, account.username);
      if (!isTerritorial(viewer)) continue;
      for (const day of DAYS) {
        const access = await new Access(h.prisma, viewer, day).load();
        const read = access.readWhere(pair.list);
        listed += await delegate(pair.list).count({ where: read });
        const without = await delegate(pair.list).count({
          where: { AND: [read, { NOT: { [pair.relation]: access.readWhere(pair.type) } }] },
        });
        expect({ account: account.username, day, without }).toEqual({ account: account.username, day, without: 0 });
      }
    }
    // Not true by having nothing to read.
    expect(listed).toBeGreaterThan(0);
  });
});
