import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../generated/prisma/client.js';
import {
  AS_OF,
  BOARD_AND_EVENT_FIGURES,
  expectSameFigures,
  type KindFile,
  PEOPLE_REACHED,
  type Reach,
  type RoundTrip,
  roundTrip,
} from './test-support/round-trip.js';

/**
 * #14, done-when 2, the boards' and events' figures (the hierarchy's and petitions' are
 * round-trip-places.test.ts's; the two run in parallel). Of the sample's 2,508 people only those
 * the report's records reach are exported — the members of the boards standing on the date, the
 * nominees, the commended people and presenters — with the history of their posts and party
 * memberships (every row begun by the date, ended ones too) and their training attendances; of
 * the bodies, those these records name and the bodies above them. Who else lives in the district,
 * and the bodies nobody here belongs to, count in none of these figures: the figures stay exact
 * (the assertion below) at about a third of the rows.
 */
const ofPeople = ({ people }: Reach) => ({ where: { personId: { in: people } }, history: true });
const ofBodies = ({ bodies }: Reach) => ({ where: { id: { in: bodies } } });

const FILES: readonly KindFile[] = [
  { name: 'residential-groups' },
  { name: 'complexes' },
  { name: 'buildings' },
  { name: 'organizations', options: ofBodies },
  { name: 'party-cells', options: ofBodies },
  { name: 'directives' },
  { name: 'board-changes' },
  { name: 'people', options: ({ people }) => ({ where: { id: { in: people } } }) },
  { name: 'memberships', options: ofPeople },
  { name: 'party-memberships', options: ofPeople },
  { name: 'reviews' },
  { name: 'presentations' },
  { name: 'commendations' },
  { name: 'nominations' },
  { name: 'trainings' },
  { name: 'training-attendances', options: ({ people }) => ({ where: { personId: { in: people } } }) },
];

/** The bodies the exported records name: the people's posts and party cells, the boards on the date, the events' bodies. */
const bodiesNamed = (people: string[]) => Prisma.sql`
  SELECT organization_id AS id FROM memberships WHERE person_id = ANY (${people}::uuid[]) AND valid_from <= ${AS_OF}::date
  UNION SELECT home_cell_id FROM party_memberships WHERE person_id = ANY (${people}::uuid[]) AND valid_from <= ${AS_OF}::date
  UNION SELECT id FROM organizations
         WHERE kind = 'MANAGEMENT_BOARD' AND valid_from <= ${AS_OF}::date AND (valid_to IS NULL OR valid_to > ${AS_OF}::date)
  UNION SELECT issuer_id FROM directives
  UNION SELECT organizer_id FROM implementation_reviews
  UNION SELECT presenter_organization_id FROM presentations
  UNION SELECT recipient_organization_id FROM commendations
  UNION SELECT nominating_organization_id FROM nominations
  UNION SELECT board_id FROM nominations
  UNION SELECT organizer_id FROM trainings`;

let trip: RoundTrip;
beforeAll(async () => {
  trip = await roundTrip(FILES, { people: PEOPLE_REACHED, bodies: bodiesNamed });
}, 900_000);
afterAll(() => trip?.close());

describe('the Long Biên sample exported to the templates and imported into an empty database: boards and events (#14)', () => {
  it('gives the same figures of boards, their members, nominations, conferences, commendations and training, ward by ward', async () => {
    console.info('round trip (boards): rows and ms by kind', JSON.stringify({ imported: trip.imported, took: trip.took }));
    // Every person reached and every board standing on the date came over (counted in the original, by SQL).
    expect(trip.imported.people).toBe(trip.reach.people.length);
    const boards = await trip.original.prisma.organization.count({
      where: {
        kind: 'MANAGEMENT_BOARD',
        validFrom: { lte: new Date(AS_OF) },
        OR: [{ validTo: null }, { validTo: { gt: new Date(AS_OF) } }],
      },
    });
    expect(await trip.empty.prisma.organization.count({ where: { kind: 'MANAGEMENT_BOARD' } })).toBe(boards);
    await expectSameFigures(trip, BOARD_AND_EVENT_FIGURES);
  });
});
