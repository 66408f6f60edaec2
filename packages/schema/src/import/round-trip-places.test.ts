import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../generated/prisma/client.js';
import { activeOnWhere } from '../store/db-dates.js';
import { AS_OF, expectSameFigures, type KindFile, PLACE_FIGURES, type RoundTrip, roundTrip } from './test-support/round-trip.js';

/**
 * #14, done-when 2, the hierarchy's and petitions' figures (the boards' and events' are
 * round-trip-boards.test.ts's; the two run in parallel): groups, buildings, every party cell on
 * the date, the bodies above the cells and the directive's issuer, the directive and the
 * petitions, exported from the sample and imported into an empty database (see test-support/round-trip.ts).
 */
const FILES: readonly KindFile[] = [
  { name: 'residential-groups' },
  { name: 'complexes' },
  { name: 'buildings' },
  { name: 'organizations', options: ({ bodies }) => ({ where: { id: { in: bodies } } }) },
  { name: 'party-cells' },
  { name: 'directives' },
  { name: 'petitions' },
];

let trip: RoundTrip;
beforeAll(async () => {
  trip = await roundTrip(FILES, {
    bodies: () => Prisma.sql`
      SELECT id FROM organizations WHERE kind = 'PARTY_CELL' AND valid_from <= ${AS_OF}::date AND (valid_to IS NULL OR valid_to > ${AS_OF}::date)
      UNION SELECT issuer_id FROM directives`,
  });
}, 900_000);
afterAll(() => trip?.close());

describe('the Long Biên sample exported to the templates and imported into an empty database: places and petitions (#14)', () => {
  it('gives the same figures of groups, apartment groups, their cells and petitions, ward by ward', async () => {
    console.info('round trip (places): rows and ms by kind', JSON.stringify({ imported: trip.imported, took: trip.took }));
    // Every group and every cell on the date came over (counted in the original, by SQL).
    expect(trip.imported['residential-groups']).toBe(
      await trip.original.prisma.administrativeUnit.count({ where: { kind: 'RESIDENTIAL_GROUP', ...activeOnWhere(AS_OF) } }),
    );
    expect(trip.imported['party-cells']).toBe(
      await trip.original.prisma.organization.count({ where: { kind: 'PARTY_CELL', ...activeOnWhere(AS_OF) } }),
    );
    await expectSameFigures(trip, PLACE_FIGURES);
  });
});
