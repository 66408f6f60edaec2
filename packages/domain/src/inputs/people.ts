import { z } from 'zod';
import { validateCitizenId } from '../identifiers/citizen-id.js';
import { PARTY_STATUSES, RESIDENCE_CONTACT_CATEGORIES, ROLES, SEXES } from '../model/people.js';
import { yearOf } from '../time/dates.js';
import {
  addIssue,
  addViolations,
  checkPeriod,
  citizenIdField,
  createPeriodShape,
  dateField,
  type IssueSink,
  idField,
  optionalDateField,
  optionalIdField,
  phoneField,
  read,
  readDate,
  readOneOf,
  requiredLongTextField,
  requiredTextField,
  updateKeys,
  updatePeriodShape,
  viDate,
  WHEN_OBJECT,
  yearField,
} from './fields.js';

const personFields = {
  fullName: requiredTextField,
  sex: z.enum(SEXES),
  /** Full birth date when known; otherwise only the year is. */
  birthDate: optionalDateField,
  birthYear: yearField,
  /** 12-digit citizen ID (CCCD / số định danh cá nhân). */
  citizenId: citizenIdField,
  /** Mobile number normalised to `0xxxxxxxxx`. */
  phone: phoneField,
  /** The residential group where the person permanently resides (thường trú), if known. */
  residenceUnitId: optionalIdField,
};

/**
 * Checks between a person's fields: the birth date's year is the birth year, and the citizen ID
 * encodes the same birth year and sex. Each fact is compared only when it is itself valid, so a
 * bad value is reported once, by its own field. An update is checked against what it carries;
 * the server re-checks the merged record.
 */
export function checkPersonAgreement(value: object, ctx: IssueSink): void {
  const birthYearValue = read(value, 'birthYear');
  const birthYear = typeof birthYearValue === 'number' && yearField.safeParse(birthYearValue).success ? birthYearValue : undefined;
  const birthDate = readDate(value, 'birthDate');
  if (birthDate !== undefined && birthYear !== undefined && yearOf(birthDate) !== birthYear) {
    addIssue(ctx, 'INVALID_VALUE', ['birthDate'], birthDate, {
      vi: `Ngày sinh ${viDate(birthDate)} không khớp với năm sinh ${birthYear}.`,
      en: `The date of birth ${birthDate} does not agree with the birth year ${birthYear}.`,
    });
  }
  const citizenId = read(value, 'citizenId');
  if (typeof citizenId !== 'string' || citizenId === '') return;
  const sex = readOneOf(value, 'sex', SEXES);
  const mismatches = validateCitizenId(citizenId, { birthYear, sex }, ['citizenId']).filter((v) => v.code === 'CITIZEN_ID_MISMATCH');
  addViolations(ctx, mismatches, citizenId);
}

/**
 * Schema of a person to record (their name, sex, birth year and contact details): trims and normalises
 * text, checks every field, and reports every problem at once through `parseInput`.
 */
export const createPersonInput = z.object(personFields).superRefine(checkPersonAgreement, WHEN_OBJECT);
/**
 * Schema of a change to a person: its `id`, the `version` the client read, and any of its fields,
 * checked as on creation.
 */
export const updatePersonInput = z.object(personFields).partial().extend(updateKeys).superRefine(checkPersonAgreement, WHEN_OBJECT);

const postFields = { organizationId: idField, role: z.enum(ROLES), label: requiredTextField };

/**
 * Schema of a post to record (chức vụ in a body): trims and normalises text, checks every field, and
 * reports every problem at once through `parseInput`.
 */
export const createPostInput = z.object({ ...postFields, ...createPeriodShape }).superRefine(checkPeriod, WHEN_OBJECT);
/**
 * Schema of a change to a post: its `id`, the `version` the client read, and any of its fields,
 * checked as on creation.
 */
export const updatePostInput = z
  .object({ ...postFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkPeriod, WHEN_OBJECT);

const membershipFields = {
  personId: idField,
  organizationId: idField,
  role: z.enum(ROLES),
  postId: optionalIdField,
  /** On a complex's board, the building a deputy or member represents. */
  buildingId: optionalIdField,
};

/**
 * Schema of a membership to record (a person holding a post or a seat in a body for a period): trims
 * and normalises text, checks every field, and reports every problem at once through `parseInput`.
 */
export const createMembershipInput = z.object({ ...membershipFields, ...createPeriodShape }).superRefine(checkPeriod, WHEN_OBJECT);
/**
 * Schema of a change to a membership: its `id`, the `version` the client read, and any of its fields,
 * checked as on creation.
 */
export const updateMembershipInput = z
  .object({ ...membershipFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkPeriod, WHEN_OBJECT);

const partyMembershipFields = {
  personId: idField,
  status: z.enum(PARTY_STATUSES),
  homeCellId: idField,
  /** Date of admission to the party (ngày vào Đảng). */
  admittedOn: optionalDateField,
};

/**
 * Schema of a party membership to record (đảng viên: official or probationary, in a home cell): trims
 * and normalises text, checks every field, and reports every problem at once through `parseInput`.
 */
export const createPartyMembershipInput = z
  .object({ ...partyMembershipFields, ...createPeriodShape })
  .superRefine(checkPeriod, WHEN_OBJECT);
/**
 * Schema of a change to a party membership: its `id`, the `version` the client read, and any of its
 * fields, checked as on creation.
 */
export const updatePartyMembershipInput = z
  .object({ ...partyMembershipFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkPeriod, WHEN_OBJECT);

const residenceContactFields = {
  personId: idField,
  residenceCellId: idField,
  category: z.enum(RESIDENCE_CONTACT_CATEGORIES),
};

/**
 * Schema of a residence contact to record (a party member keeping contact with the cell where they
 * live (Regulation 213)): trims and normalises text, checks every field, and reports every problem at
 * once through `parseInput`.
 */
export const createResidenceContactInput = z
  .object({ ...residenceContactFields, ...createPeriodShape })
  .superRefine(checkPeriod, WHEN_OBJECT);
/**
 * Schema of a change to a residence contact: its `id`, the `version` the client read, and any of its
 * fields, checked as on creation.
 */
export const updateResidenceContactInput = z
  .object({ ...residenceContactFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkPeriod, WHEN_OBJECT);

const residenceContactReviewFields = {
  residenceContactId: idField,
  year: yearField,
  reviewedOn: dateField,
  comment: requiredLongTextField,
};

/**
 * Schema of a residence contact review to record (the yearly comment of the residence cell on such a
 * member): trims and normalises text, checks every field, and reports every problem at once through
 * `parseInput`.
 */
export const createResidenceContactReviewInput = z.object(residenceContactReviewFields);
/**
 * Schema of a change to a residence contact review: its `id`, the `version` the client read, and any
 * of its fields, checked as on creation.
 */
export const updateResidenceContactReviewInput = z.object(residenceContactReviewFields).partial().extend(updateKeys);

/** A person to record, as `createPersonInput` outputs it (normalised). */
export type CreatePersonInput = z.output<typeof createPersonInput>;
/** A change to a person, as `updatePersonInput` outputs it. */
export type UpdatePersonInput = z.output<typeof updatePersonInput>;
/** A post to record, as `createPostInput` outputs it (normalised). */
export type CreatePostInput = z.output<typeof createPostInput>;
/** A change to a post, as `updatePostInput` outputs it. */
export type UpdatePostInput = z.output<typeof updatePostInput>;
/** A membership to record, as `createMembershipInput` outputs it (normalised). */
export type CreateMembershipInput = z.output<typeof createMembershipInput>;
/** A change to a membership, as `updateMembershipInput` outputs it. */
export type UpdateMembershipInput = z.output<typeof updateMembershipInput>;
/** A party membership to record, as `createPartyMembershipInput` outputs it (normalised). */
export type CreatePartyMembershipInput = z.output<typeof createPartyMembershipInput>;
/** A change to a party membership, as `updatePartyMembershipInput` outputs it. */
export type UpdatePartyMembershipInput = z.output<typeof updatePartyMembershipInput>;
/** A residence contact to record, as `createResidenceContactInput` outputs it (normalised). */
export type CreateResidenceContactInput = z.output<typeof createResidenceContactInput>;
/** A change to a residence contact, as `updateResidenceContactInput` outputs it. */
export type UpdateResidenceContactInput = z.output<typeof updateResidenceContactInput>;
/**
 * A residence contact review to record, as `createResidenceContactReviewInput` outputs it
 * (normalised).
 */
export type CreateResidenceContactReviewInput = z.output<typeof createResidenceContactReviewInput>;
/** A change to a residence contact review, as `updateResidenceContactReviewInput` outputs it. */
export type UpdateResidenceContactReviewInput = z.output<typeof updateResidenceContactReviewInput>;
