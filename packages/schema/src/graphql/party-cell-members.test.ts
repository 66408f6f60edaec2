import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCESS_FIXTURE, gid, PEOPLE, viewersOf } from '../auth/test-support/access-fixture.js';
import type { Viewer } from '../auth/viewer.js';
import { graphqlHarness } from '../testing/graphql-harness.js';

/**
 * A party cell's page lists its party members (the people whose home cell it is), not only its
 * committee posts: for party-organisation roles and administrators; everyone else gets null and a
 * FORBIDDEN error at that field (the page says the list is hidden, never "0").
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
let viewer: (name: string) => Viewer;

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
  viewer = await viewersOf(h.prisma, ['admin', 'quan.longbien', 'phuong.phucloi', 'canbo.phucloi', 'phantich', 'xem']);
});
afterAll(() => h.close());

const QUERY = `query($id: ID!, $asOf: Date!) {
  cell: node(id: $id) { ... on Organization { name partyMembers(asOf: $asOf) { totalCount nodes { status person { fullName } } } } }
}`;
type Answer = {
  cell: { name: string; partyMembers: { totalCount: number; nodes: Array<{ status: string; person: { fullName: string } }> } | null };
};

describe('a party cell’s party members', () => {
  it.each(['admin', 'quan.longbien', 'phuong.phucloi'])('%s (party roles) sees the people whose home cell it is', async (name) => {
    // The fixture: person-a is an official member of cell-a since 19/05/2010 (and its secretary, a post).
    const r = await h.exec<Answer>(QUERY, { id: gid('Organization', 'cell-a'), asOf: '2026-11-25' }, { viewer: viewer(name) });
    expect(r.errors).toEqual([]);
    expect(r.data?.cell.partyMembers).toEqual({
      totalCount: 1,
      nodes: [{ status: 'OFFICIAL', person: { fullName: PEOPLE['person-a']?.fullName } }],
    });
  });

  it('counts the members on the date asked: none before the first admission', async () => {
    const r = await h.exec<Answer>(QUERY, { id: gid('Organization', 'cell-a'), asOf: '2010-05-18' }, { viewer: viewer('admin') });
    expect(r.data?.cell.partyMembers).toEqual({ totalCount: 0, nodes: [] });
  });

  it.each(['canbo.phucloi', 'phantich', 'xem'])(
    '%s (no party role) reads the cell, but its party members are withheld (FORBIDDEN)',
    async (name) => {
      const r = await h.exec<Answer>(QUERY, { id: gid('Organization', 'cell-a'), asOf: '2026-11-25' }, { viewer: viewer(name) });
      expect(r.errors.map((e) => `${e.code}@${e.path}`)).toEqual(['FORBIDDEN@cell.partyMembers']);
      expect(r.data?.cell).toEqual({ name: 'Chi bộ TDP số 1 Phúc Lợi', partyMembers: null });
    },
  );
});
