import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCESS_FIXTURE, gid, PEOPLE, SIDES, uid, viewersOf } from '../auth/test-support/access-fixture.js';
import type { Viewer } from '../auth/viewer.js';
import { graphqlHarness } from '../testing/graphql-harness.js';

/**
 * A building's apartments, reached directly (`ApartmentBuilding.apartments`) rather than through
 * its blocks: a single-block building often records no block at all. The apartments, their owners
 * and the owners' personal data are as protected as through `blocks`.
 *
 * Building A (side A, ward Phúc Lợi): block "Tòa A" holds apartment 102; apartments 101 and 201
 * have no block. 101 is owned by A's person, 201 by B's person (who lives in ward Long Biên).
 * Building B (side B) has apartment 301, owned by B's person.
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
let viewer: (name: string) => Viewer;
const NAMES = ['admin', 'phuong.phucloi', 'phuong.longbien', 'phantich', 'xem'];

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
  viewer = await viewersOf(h.prisma, NAMES);
  const block = await h.prisma.buildingBlock.create({ data: { buildingId: uid(SIDES.A.building), name: 'Tòa A' } });
  const apartment = (building: string, number: string, blockId: string | null = null) =>
    h.prisma.apartment.create({ data: { buildingId: uid(building), number, blockId } });
  const own = (apartmentId: string, person: string) =>
    h.prisma.apartmentOwnership.create({
      data: { apartmentId, personId: uid(person), kind: 'OWNER', validFrom: new Date('2020-01-01') },
    });
  const a201 = await apartment(SIDES.A.building, '201');
  const a101 = await apartment(SIDES.A.building, '101');
  const a102 = await apartment(SIDES.A.building, '102', block.id);
  const b301 = await apartment(SIDES.B.building, '301');
  await own(a101.id, SIDES.A.person);
  await own(a201.id, SIDES.B.person);
  await own(a102.id, SIDES.A.person);
  await own(b301.id, SIDES.B.person);
});
afterAll(() => h.close());

const APARTMENT = '{ number block { name } ownerships { kind person { fullName citizenId phone } } }';
const BUILDING = `query($id: ID!) { node(id: $id) { ... on ApartmentBuilding {
  apartments ${APARTMENT} blocks { name apartments ${APARTMENT} } } } }`;
type Apartment = {
  number: string;
  block: { name: string } | null;
  ownerships: Array<{ kind: string; person: { fullName: string; citizenId: string | null; phone: string | null } }>;
};
type Building = { node: { apartments: Apartment[]; blocks: Array<{ name: string; apartments: Apartment[] }> } | null };

describe('ApartmentBuilding.apartments', () => {
  it('lists every apartment of the building, with a block or without, ordered by number, with their owners', async () => {
    const r = await h.run<Building>(BUILDING, { id: gid('ApartmentBuilding', SIDES.A.building) }, { viewer: viewer('admin') });
    expect(r.node?.apartments.map((a) => [a.number, a.block?.name ?? null, a.ownerships.map((o) => o.person.fullName)])).toEqual([
      ['101', null, [PEOPLE['person-a']?.fullName]],
      ['102', 'Tòa A', [PEOPLE['person-a']?.fullName]],
      ['201', null, [PEOPLE['person-b']?.fullName]],
    ]);
    // Through the blocks only 102 could be reached.
    expect(r.node?.blocks.flatMap((b) => b.apartments.map((a) => a.number))).toEqual(['102']);
    const other = await h.run<Building>(BUILDING, { id: gid('ApartmentBuilding', SIDES.B.building) }, { viewer: viewer('admin') });
    expect(other.node?.apartments.map((a) => a.number)).toEqual(['301']);
  });

  it('a ward user reads their building’s apartments and owners; another ward’s building and its apartments stay out of reach', async () => {
    const own = await h.exec<Building>(BUILDING, { id: gid('ApartmentBuilding', SIDES.A.building) }, { viewer: viewer('phuong.phucloi') });
    expect(own.errors).toEqual([]);
    expect(own.data?.node?.apartments.map((a) => a.number)).toEqual(['101', '102', '201']);
    // Staff who keep the records see owners' citizen IDs (logged), like through the blocks.
    expect(own.data?.node?.apartments[0]?.ownerships[0]?.person.citizenId).toBe(PEOPLE['person-a']?.citizenId);

    const other = await h.exec<Building>(
      BUILDING,
      { id: gid('ApartmentBuilding', SIDES.B.building) },
      { viewer: viewer('phuong.phucloi') },
    );
    expect(other.data).toEqual({ node: null });
    expect(other.errors.map((e) => `${e.code}@${e.path}`)).toEqual(['FORBIDDEN@node']);
    // Through the complex (which spans A, B and C) only A's building, so only A's apartments.
    const complex = await h.exec<{ node: { buildings: Array<{ name: string; apartments: Array<{ number: string }> }> } }>(
      'query($id: ID!) { node(id: $id) { ... on ApartmentComplex { buildings { name apartments { number } } } } }',
      { id: gid('ApartmentComplex', 'complex-x') },
      { viewer: viewer('phuong.phucloi') },
    );
    expect(complex.errors).toEqual([]);
    expect(complex.data?.node.buildings).toEqual([
      { name: 'Chung cư A', apartments: [{ number: '101' }, { number: '102' }, { number: '201' }] },
    ]);
  });

  it.each(NAMES)('%s: each apartment, owner and personal detail reads exactly as through the blocks', async (name) => {
    const before = await h.prisma.personalDataRead.count();
    const r = await h.exec<Building>(BUILDING, { id: gid('ApartmentBuilding', SIDES.A.building) }, { viewer: viewer(name) });
    const logged = (await h.prisma.personalDataRead.count()) - before;
    if (name === 'phuong.longbien') {
      // Building A is another ward's: refused whole, nothing read, nothing logged.
      expect(r.data).toEqual({ node: null });
      expect(r.errors.map((e) => `${e.code}@${e.path}`)).toEqual(['FORBIDDEN@node']);
      expect(logged).toBe(0);
      return;
    }
    expect(r.errors).toEqual([]);
    const direct = r.data?.node?.apartments.filter((a) => a.block !== null);
    const viaBlocks = r.data?.node?.blocks.flatMap((b) => b.apartments);
    expect(direct).toEqual(viaBlocks);
    const masked = name === 'phantich' || name === 'xem';
    for (const a of r.data?.node?.apartments ?? []) {
      for (const o of a.ownerships) {
        if (masked) expect(o.person.citizenId, `${name} ${a.number}`).toMatch(/^\*{9}\d{3}$/);
        else expect(o.person.citizenId, `${name} ${a.number}`).toMatch(/^\d{12}$/);
      }
    }
    // Masked roles log nothing; the others log each unmasked read (citizen ID and phone of 4 ownerships' people).
    expect(logged).toBe(masked ? 0 : 8);
  });
});
