import type { IsoDate } from '../time/dates.js';
import type { Period } from '../time/period.js';
import type { Id } from './places.js';

export const SEXES = ['MALE', 'FEMALE'] as const;
export type Sex = (typeof SEXES)[number];

/** A person (Popolo Person). Citizen ID and phone are sensitive personal data. */
export interface Person {
  id: Id;
  fullName: string;
  sex: Sex;
  /** Full birth date when known; otherwise only the year is. */
  birthDate?: IsoDate | null;
  birthYear: number;
  /** 12-digit citizen ID (CCCD / số định danh cá nhân). */
  citizenId?: string | null;
  /** Mobile number normalised to `0xxxxxxxxx`. */
  phone?: string | null;
  /** The residential group where the person permanently resides (thường trú), if known. */
  residenceUnitId?: Id | null;
}

/** Generic roles; their label depends on the kind of body (HEAD of a board is Trưởng ban, of a group Tổ trưởng). */
export const ROLES = ['HEAD', 'DEPUTY_HEAD', 'SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER', 'MEMBER', 'INTERIM_HEAD'] as const;
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
export type SingleHolderSeat = (typeof SINGLE_HOLDER_SEATS)[keyof typeof SINGLE_HOLDER_SEATS];

/** The single-holder seat a role sits in, or null for a role several people may hold at once. */
export function singleHolderSeat(role: Role): SingleHolderSeat | null {
  return (SINGLE_HOLDER_SEATS as Partial<Record<Role, SingleHolderSeat>>)[role] ?? null;
}

/** A position in a body that exists whether or not someone holds it (Popolo Post). */
export interface Post extends Period {
  id: Id;
  organizationId: Id;
  role: Role;
  label: string;
}

/** A person holding a role in a body for a period (Popolo Membership). */
export interface Membership extends Period {
  id: Id;
  personId: Id;
  organizationId: Id;
  role: Role;
  postId?: Id | null;
  /** On a complex's board, the building a deputy or member represents. */
  buildingId?: Id | null;
}

export const PARTY_STATUSES = ['PROBATIONARY', 'OFFICIAL'] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];

/**
 * Party membership over time: status and home cell (chi bộ sinh hoạt). A change of status or cell
 * ends one record and starts the next, so history is kept.
 */
export interface PartyMembership extends Period {
  id: Id;
  personId: Id;
  status: PartyStatus;
  homeCellId: Id;
  /** Date of admission to the party (ngày vào Đảng). */
  admittedOn?: IsoDate | null;
}

export const RESIDENCE_CONTACT_CATEGORIES = ['NORMAL', 'EXEMPT_FROM_ACTIVITIES', 'EXEMPT_FROM_INTRODUCTION'] as const;
export type ResidenceContactCategory = (typeof RESIDENCE_CONTACT_CATEGORIES)[number];

/**
 * Regulation 213-QĐ/TW: a party member whose home cell is at the workplace keeps contact with the
 * cell where they live. Category over time; yearly comments by the residence cell.
 */
export interface ResidenceContact extends Period {
  id: Id;
  personId: Id;
  residenceCellId: Id;
  category: ResidenceContactCategory;
}

export interface ResidenceContactReview {
  id: Id;
  residenceContactId: Id;
  year: number;
  reviewedOn: IsoDate;
  comment: string;
}
