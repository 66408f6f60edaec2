import { PARTY_ORGANIZATION_KINDS } from '@coso/domain';

/** A body's number of members as a page shows it: a number, or hidden from the viewer (never a false 0). */
export type MemberCount = { kind: 'count'; count: number } | { kind: 'hidden' };

/**
 * How many members a body has for this viewer: a party cell counts its party members (the people
 * whose home cell it is, not its committee posts); any other body the people holding a role in it.
 * A party body's members are party data: hidden from roles without party access, whose answer
 * holds an empty list or no party members at all.
 */
export function memberCount(
  body: { kind: string; members: { totalCount: number }; partyMembers?: { totalCount: number } | null },
  seesPartyData: boolean,
): MemberCount {
  if (PARTY_ORGANIZATION_KINDS.some((k) => k === body.kind) && !seesPartyData) return { kind: 'hidden' };
  if (body.kind === 'PARTY_CELL') return body.partyMembers ? { kind: 'count', count: body.partyMembers.totalCount } : { kind: 'hidden' };
  return { kind: 'count', count: body.members.totalCount };
}
