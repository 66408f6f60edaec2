import { type DomainState, type IsoDate, UNIT_KINDS } from '@coso/domain';
import { decodeGlobalID } from '@pothos/plugin-relay';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stableUuid } from '../store/stable-id.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { ACCESS_FIXTURE, accessState, EXTRA_ACCOUNTS, viewersOf } from './test-support/access-fixture.js';
import type { Viewer } from './viewer.js';

/**
 * A territorial officer's units list and people search, for generated (account, as-of date, kind or
 * search), against an oracle written here in TypeScript over the fixture's domain state — no
 * closure table, no person_places, no read check: the administrator's answer (no territory) kept
 * to the records this file's own walk of the parent links puts in the account's territory.
 *
 * The territory, as Access documents it: the scope unit and every unit below it on the territory's
 * day (today; for a scope unit since ended, its last day); a unit since ended counts by where it
 * was on its last day; the units above the scope are readable too (not people there). A person is
 * in it when any of their places is: residence, the places of the bodies they hold posts in or
 * whose party cell they belong to (a body's areas, its building's group, its complex's buildings'
 * groups), the groups of the buildings they own apartments in.
 */

const TODAY: IsoDate = '2026-11-25';
const state: DomainState = accessState();
const DAY_MS = 86_400_000;
const dayBefore = (d: IsoDate): IsoDate => new Date(Date.parse(`${d}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
const covers = (r: { validFrom: IsoDate; validTo: IsoDate | null }, d: IsoDate) =>
  r.validFrom <= d && (r.validTo === null || d < r.validTo);

const unitById = new Map(state.units.map((u) => [u.id, u]));
/** Domain id of a database id (the fixture's ids are stableUuid of its keys). */
const keyOf = new Map<string, string>();
for (const table of Object.values(state)) for (const r of table as Array<{ id: string }>) keyOf.set(stableUuid(r.id), r.id);

/** The units above `unit` on `day`, nearest first, by its parent links of that day. */
function ancestorsOn(unit: string, day: IsoDate): string[] {
  const out: string[] = [];
  let at: string | undefined = unit;
  while (at !== undefined && out.length < 20) {
    const here: string = at;
    at = state.unitParents.find((l) => l.unitId === here && covers(l, day))?.parentId;
    if (at !== undefined) out.push(at);
  }
  return out;
}

/** The day a scope's territory is read as of. */
function territoryDay(scope: string): IsoDate {
  const end = unitById.get(scope)?.validTo ?? null;
  return end !== null && dayBefore(end) < TODAY ? dayBefore(end) : TODAY;
}

/** Is the unit the scope or below it (a unit ended before `on`: on its last day)? */
function inTerritory(unit: string, scope: string, on: IsoDate): boolean {
  if (unit === scope) return true;
  const u = unitById.get(unit);
  if (!u) return false;
  const day = covers(u, on) ? on : u.validTo !== null && u.validTo <= on ? dayBefore(u.validTo) : null;
  return day !== null && ancestorsOn(unit, day).includes(scope);
}

const unitReadable = (unit: string, scope: string, on: IsoDate) => inTerritory(unit, scope, on) || ancestorsOn(scope, on).includes(unit);

/** A body's places: its areas, its building's group, its complex's buildings' groups. */
function bodyUnits(org: string): string[] {
  const o = state.organizations.find((x) => x.id === org);
  const out = state.organizationAreas.filter((a) => a.organizationId === org).map((a) => a.unitId);
  for (const b of state.buildings)
    if ((o?.buildingId && b.id === o.buildingId) || (o?.complexId && b.complexId === o.complexId)) out.push(b.residentialGroupId);
  return out;
}

function personUnits(person: string): string[] {
  const p = state.people.find((x) => x.id === person);
  const out = p?.residenceUnitId ? [p.residenceUnitId] : [];
  for (const m of state.memberships) if (m.personId === person) out.push(...bodyUnits(m.organizationId));
  for (const m of state.partyMemberships) if (m.personId === person) out.push(...bodyUnits(m.homeCellId));
  for (const o of state.ownerships) {
    if (o.personId !== person) continue;
    const building = state.apartments.find((a) => a.id === o.apartmentId)?.buildingId;
    const group = state.buildings.find((b) => b.id === building)?.residentialGroupId;
    if (group) out.push(group);
  }
  return out;
}

let h: Awaited<ReturnType<typeof graphqlHarness>>;
let viewer: (name: string) => Viewer;
const TERRITORIAL = [
  ...DEMO_ACCOUNTS.filter((a) => a.role === 'DISTRICT_STAFF' || a.role === 'WARD_STAFF').map((a) => a.username),
  ...EXTRA_ACCOUNTS.map((a) => a.username),
];

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
  viewer = await viewersOf(h.prisma, ['admin', ...TERRITORIAL]);
}, 300_000);
afterAll(() => h?.close());

/** The domain ids of every node of a list (all pages). */
async function listed(field: 'units' | 'people', args: string, vars: Record<string, unknown>, as: Viewer): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = Record<string, { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>;
    const page: Page = await h.run<Page>(
      `query($asOf: Date!, $after: String, $kind: UnitKind, $s: String) { ${field}(asOf: $asOf, ${args}, first: 50, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
      { ...vars, after },
      { viewer: as },
    );
    const conn = page[field];
    if (!conn) throw new Error(`no ${field}`);
    for (const n of conn.nodes) {
      const key = keyOf.get(decodeGlobalID(n.id).id);
      if (!key) throw new Error(`an id outside the fixture: ${n.id}`);
      out.push(key);
    }
    if (!conn.pageInfo.hasNextPage) return out.sort();
    after = conn.pageInfo.endCursor;
  }
}

/** As-of dates from before the district to after the 2025 reorganisation, days around it weighted. */
const dateArb = fc.oneof(
  fc.constantFrom('2025-06-30', '2025-07-01', '2004-01-01', TODAY),
  fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

describe('a territorial account’s lists equal the administrator’s kept to the territory computed here', () => {
  it('units list, by kind and as-of date', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TERRITORIAL), dateArb, fc.option(fc.constantFrom(...UNIT_KINDS)), async (account, asOf, kind) => {
        const officer = viewer(account);
        if (officer.kind !== 'account' || !officer.scopeUnitId) throw new Error(`${account} is not territorial`);
        const scope = keyOf.get(officer.scopeUnitId) ?? '';
        const on = territoryDay(scope);
        const vars = { asOf, kind };
        const args = 'filter: { kind: $kind }';
        const all = await listed('units', args, vars, viewer('admin'));
        const expected = all.filter((u) => unitReadable(u, scope, on));
        expect(await listed('units', args, vars, officer)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  }, 300_000);

  it('people search, by words of the fixture’s names and as-of date', async () => {
    const words = [...new Set(state.people.flatMap((p) => p.fullName.split(' ')))];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TERRITORIAL), dateArb, fc.constantFrom(...words), async (account, asOf, word) => {
        const officer = viewer(account);
        if (officer.kind !== 'account' || !officer.scopeUnitId) throw new Error(`${account} is not territorial`);
        const scope = keyOf.get(officer.scopeUnitId) ?? '';
        const on = territoryDay(scope);
        const vars = { asOf, s: word };
        const args = 'filter: { name: { search: $s } }';
        const all = await listed('people', args, vars, viewer('admin'));
        const expected = all.filter((p) => personUnits(p).some((u) => inTerritory(u, scope, on)));
        expect(await listed('people', args, vars, officer)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
