import { PlaceHierarchy } from '@coso/domain';
import { longBienHistory } from '@coso/domain/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stableUuid } from '../store/stable-id.js';
import { writeState } from '../store/state-tables.js';
import { graphqlHarness } from '../testing/graphql-harness.js';

let h: Awaited<ReturnType<typeof graphqlHarness>>;
const state = longBienHistory();
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'));
  // A cell and a front committee for every sample group; a building in every first group; one person in two posts.
  for (const g of state.units.filter((u) => u.kind === 'RESIDENTIAL_GROUP')) {
    for (const kind of ['PARTY_CELL', 'FRONT_WORK_COMMITTEE'] as const) {
      state.organizations.push({ id: `${kind}-${g.id}`, kind, name: `${kind} ${g.name}`, validFrom: '2010-01-01', validTo: null });
      state.organizationAreas.push({
        id: `area-${kind}-${g.id}`,
        organizationId: `${kind}-${g.id}`,
        unitId: g.id,
        validFrom: '2010-01-01',
        validTo: null,
      });
    }
    if (g.id.endsWith('-1')) {
      state.buildings.push({
        id: `b-${g.id}`,
        name: `Nhà ${g.name}`,
        residentialGroupId: g.id,
        apartmentCount: 50,
        blockCount: 1,
        multipleOwners: true,
        validFrom: '2015-01-01',
        validTo: null,
      });
    }
  }
  state.people.push({ id: 'p-two-posts', fullName: 'Vũ Thị Hà', sex: 'FEMALE', birthYear: 1968 });
  state.memberships.push(
    {
      id: 'm1',
      personId: 'p-two-posts',
      organizationId: 'PARTY_CELL-group-giang-bien-1',
      role: 'SECRETARY',
      validFrom: '2015-01-01',
      validTo: null,
    },
    {
      id: 'm2',
      personId: 'p-two-posts',
      organizationId: 'FRONT_WORK_COMMITTEE-group-giang-bien-1',
      role: 'HEAD',
      validFrom: '2015-01-01',
      validTo: null,
    },
  );
  await writeState(h.prisma, state);
});
afterAll(() => h.close());

type Row = { ward: { name: string } | null; kind: string | null; count: number };
const COUNTS = `query($scope: ID!, $m: CountMeasure!, $g: [CountDimension!], $d: Date) { counts(scopeId: $scope, measure: $m, groupBy: $g, asOf: $d) { ward { name } kind count } }`;

describe('counts (one SQL statement) agree with the domain hierarchy', () => {
  it.each([
    ['long-bien-district', '2022-12-01'],
    ['long-bien-district', '2025-03-01'],
    ['hanoi', '2025-08-01'],
  ])('residential groups and buildings per ward within %s on %s', async (scopeKey, date) => {
    const places = new PlaceHierarchy(state);
    const expected = new Map<string, number>();
    for (const g of places.descendantsOf(scopeKey, date, 'RESIDENTIAL_GROUP')) {
      const ward = places.enclosingOfKind(g.id, ['WARD'], date)?.name ?? '';
      expected.set(ward, (expected.get(ward) ?? 0) + 1);
    }
    const groups = await h.run<{ counts: Row[] }>(COUNTS, { scope: stableUuid(scopeKey), m: 'RESIDENTIAL_GROUPS', g: ['WARD'], d: date });
    expect(new Map(groups.counts.map((r) => [r.ward?.name ?? '', r.count]))).toEqual(expected);
    const buildings = await h.run<{ counts: Row[] }>(COUNTS, { scope: stableUuid(scopeKey), m: 'BUILDINGS', g: [], d: date });
    const standing = state.buildings.filter((b) => places.isWithin(b.residentialGroupId, scopeKey, date));
    expect(buildings.counts).toEqual([{ ward: null, kind: null, count: standing.length }]);
  });

  it('counts bodies by kind and distinct people, within one ward', async () => {
    const bodies = await h.run<{ counts: Row[] }>(COUNTS, {
      scope: stableUuid('ward-2003-giang-bien'),
      m: 'BODIES',
      g: ['KIND'],
      d: '2022-12-01',
    });
    expect(bodies.counts).toEqual([
      { ward: null, kind: 'FRONT_WORK_COMMITTEE', count: 2 },
      { ward: null, kind: 'PARTY_CELL', count: 2 },
    ]);
    const people = await h.run<{ counts: Row[] }>(COUNTS, {
      scope: stableUuid('long-bien-district'),
      m: 'PEOPLE',
      g: ['WARD'],
      d: '2022-12-01',
    });
    expect(people.counts).toEqual([{ ward: { name: 'Giang Biên' }, kind: null, count: 1 }]);
  });
});
