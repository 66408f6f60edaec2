import { ORGANIZATION_KIND_LABELS } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { memberCount } from './member-count';

/** The party bodies, by hand (DOMAIN.md: the Party's committees and cells). */
const PARTY = new Set(['CITY_PARTY_COMMITTEE', 'DISTRICT_PARTY_COMMITTEE', 'WARD_PARTY_COMMITTEE', 'PARTY_CELL']);

describe('memberCount', () => {
  it('for every kind of body and both kinds of viewer: hidden for party bodies without party access, else the right count', () => {
    for (const kind of Object.keys(ORGANIZATION_KIND_LABELS)) {
      for (const seesPartyData of [false, true]) {
        // 2 posts held, 7 party members: which one is counted shows.
        const shown = memberCount(
          { kind, members: { totalCount: 2 }, partyMembers: seesPartyData ? { totalCount: 7 } : null },
          seesPartyData,
        );
        const expected = PARTY.has(kind) && !seesPartyData ? { kind: 'hidden' } : { kind: 'count', count: kind === 'PARTY_CELL' ? 7 : 2 };
        expect(shown, `${kind}, party access ${seesPartyData}`).toEqual(expected);
      }
    }
  });

  it('says hidden, not 0, for a party cell whose party members did not come', () => {
    expect(memberCount({ kind: 'PARTY_CELL', members: { totalCount: 0 } }, true)).toEqual({ kind: 'hidden' });
  });
});
