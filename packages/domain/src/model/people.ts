import type {
  createMembershipInput,
  createPartyMembershipInput,
  createPersonInput,
  createPostInput,
  createResidenceContactInput,
  createResidenceContactReviewInput,
} from '../inputs/people.js';
import type { StoredRecord } from './stored-record.js';

/** A person's sex as the citizen ID encodes it. */
export const SEXES = ['MALE', 'FEMALE'] as const;
/** A sex (see `SEXES`). */
export type Sex = (typeof SEXES)[number];

/** A person (Popolo Person). Citizen ID and phone are sensitive personal data. */
export type Person = StoredRecord<typeof createPersonInput>;

/** Generic roles; their label depends on the kind of body (HEAD of a board is Trưởng ban, of a group Tổ trưởng). */
export const ROLES = ['HEAD', 'DEPUTY_HEAD', 'SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER', 'MEMBER', 'INTERIM_HEAD'] as const;
/** A role a person holds in a body: head, deputy, secretary, member, and the others of `ROLES`. */
export type Role = (typeof ROLES)[number];

/**
 * Seats one person holds at a time in a body: the head (of a board, committee, branch or group's
 * leadership; an interim head sits in the head's seat) and the secretary (of a party cell or
 * committee). Deputies and members may be several. The database holds the same table as an
 * exclusion constraint (a test compares the two).
 */
export const SINGLE_HOLDER_SEATS = { HEAD: 'HEAD', INTERIM_HEAD: 'HEAD', SECRETARY: 'SECRETARY' } as const satisfies Partial<
  Record<Role, string>
>;
/** A seat only one person holds at a time (head, secretary). */
export type SingleHolderSeat = (typeof SINGLE_HOLDER_SEATS)[keyof typeof SINGLE_HOLDER_SEATS];

/** The single-holder seat a role sits in, or null for a role several people may hold at once. */
export function singleHolderSeat(role: Role): SingleHolderSeat | null {
  return (SINGLE_HOLDER_SEATS as Partial<Record<Role, SingleHolderSeat>>)[role] ?? null;
}

/** A position in a body that exists whether or not someone holds it (Popolo Post). */
export type Post = StoredRecord<typeof createPostInput>;

/** A person holding a role in a body for a period (Popolo Membership). */
export type Membership = StoredRecord<typeof createMembershipInput>;

/** A party member's status: official (chính thức) or probationary (dự bị). */
export const PARTY_STATUSES = ['PROBATIONARY', 'OFFICIAL'] as const;
/** A party status (see `PARTY_STATUSES`). */
export type PartyStatus = (typeof PARTY_STATUSES)[number];

/**
 * Party membership over time: status and home cell (chi bộ sinh hoạt). A change of status or cell
 * ends one record and starts the next, so history is kept.
 */
export type PartyMembership = StoredRecord<typeof createPartyMembershipInput>;

/** A Regulation 213 member's category: normal, exempt from activities, or exempt from introduction. */
export const RESIDENCE_CONTACT_CATEGORIES = ['NORMAL', 'EXEMPT_FROM_ACTIVITIES', 'EXEMPT_FROM_INTRODUCTION'] as const;
/** A Regulation 213 category (see `RESIDENCE_CONTACT_CATEGORIES`). */
export type ResidenceContactCategory = (typeof RESIDENCE_CONTACT_CATEGORIES)[number];

/**
 * Regulation 213-QĐ/TW: a party member whose home cell is at the workplace keeps contact with the
 * cell where they live. Category over time; yearly comments by the residence cell.
 */
export type ResidenceContact = StoredRecord<typeof createResidenceContactInput>;

/** A residence cell's yearly comment on a member in residence contact. */
export type ResidenceContactReview = StoredRecord<typeof createResidenceContactReviewInput>;
