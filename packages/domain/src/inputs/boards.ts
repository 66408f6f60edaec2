import { z } from 'zod';
import { BOARD_CHANGE_KINDS } from '../model/boards.js';
import type { Role } from '../model/people.js';
import type { FieldPath } from '../validation/result.js';
import {
  addIssue,
  checkNoDuplicates,
  checkPeriod,
  createPeriodShape,
  dateField,
  idField,
  optionalDateField,
  optionalIdField,
  optionalLongTextField,
  optionalTextField,
  positiveIntField,
  read,
  readString,
  requiredTextField,
  updateKeys,
  updatePeriodShape,
  versionField,
  WHEN_OBJECT,
} from './fields.js';

/** The roles on a management board: trưởng ban, phó ban, ủy viên. */
export const BOARD_MEMBER_ROLES = ['HEAD', 'DEPUTY_HEAD', 'MEMBER'] as const satisfies readonly Role[];
/** A role on a management board: head, deputy head or member. */
export type BoardMemberRole = (typeof BOARD_MEMBER_ROLES)[number];

/**
 * Schema of a board's recognition decision by the People's Committee: number, date, and the issuing
 * body.
 */
export const recognitionDecisionInput = z.object({
  /** When the board filed for recognition (due within 10 days of the election). */
  filedOn: optionalDateField,
  decisionNumber: requiredTextField,
  decidedOn: dateField,
  /** The People's Committee (Organization) that issued it. */
  issuerId: idField,
});

const boardTermFields = {
  boardId: idField,
  termNumber: positiveIntField,
  /** Date of the building conference that elected the board. */
  electedOn: dateField,
  recognition: recognitionDecisionInput.nullish(),
};

/** A term's period always has its planned end (a term is 3 years by law; the database holds it too). */
const termPeriodShape = { ...createPeriodShape, validTo: dateField };

/**
 * Schema of a board term to record (nhiệm kỳ of a management board (3 years), with its recognition
 * decision): trims and normalises text, checks every field, and reports every problem at once through
 * `parseInput`.
 */
export const createBoardTermInput = z.object({ ...boardTermFields, ...termPeriodShape }).superRefine(checkPeriod, WHEN_OBJECT);
/**
 * Schema of a change to a board term: its `id`, the `version` the client read, and any of its fields,
 * checked as on creation.
 */
export const updateBoardTermInput = z
  .object({ ...boardTermFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkPeriod, WHEN_OBJECT);

const boardChangeFields = {
  boardId: idField,
  kind: z.enum(BOARD_CHANGE_KINDS),
  on: dateField,
  decisionNumber: optionalTextField,
  /** The directive this work was done under, when it was. */
  directiveId: optionalIdField,
  note: optionalLongTextField,
};

/**
 * Schema of a board change to record (an establishment or consolidation of a management board, with
 * its decision): trims and normalises text, checks every field, and reports every problem at once
 * through `parseInput`.
 */
export const createBoardChangeInput = z.object(boardChangeFields);
/**
 * Schema of a change to a board change: its `id`, the `version` the client read, and any of its
 * fields, checked as on creation.
 */
export const updateBoardChangeInput = z.object(boardChangeFields).partial().extend(updateKeys);

const boardMemberInput = z.object({
  personId: idField,
  role: z.enum(BOARD_MEMBER_ROLES),
  /** On a complex's board, the building the member represents. */
  buildingId: optionalIdField,
});

function personListedTwice(id: string) {
  return {
    vi: `Người "${id}" có tên hai lần trong danh sách thành viên.`,
    en: `Person "${id}" is listed twice among the members.`,
  };
}

function arrayEntries(value: object, key: string, field: string | null): Array<readonly [FieldPath, unknown]> {
  const list = read(value, key);
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown, i) => {
    if (field === null) return [[key, i], item] as const;
    const v = typeof item === 'object' && item !== null ? read(item, field) : undefined;
    return [[key, i, field], v] as const;
  });
}

/**
 * Establishing a board (thành lập mới): the building conference elected it, for a first term,
 * with its members. Rules of size and composition (≥ 3 members, one head, 1–2 deputies) are the
 * rule engine's: here the input only has to be complete and consistent.
 */
export const establishBoardInput = z
  .object({
    buildingId: optionalIdField,
    complexId: optionalIdField,
    /** The board's name; the server derives one from the building's when left out. */
    name: optionalTextField,
    electedOn: dateField,
    ...termPeriodShape,
    recognition: recognitionDecisionInput.nullish(),
    decisionNumber: optionalTextField,
    directiveId: optionalIdField,
    members: z.array(boardMemberInput).min(1),
  })
  .superRefine((value, ctx) => {
    checkPeriod(value, ctx);
    const buildingId = readString(value, 'buildingId');
    const complexId = readString(value, 'complexId');
    if (buildingId !== undefined && complexId !== undefined) {
      addIssue(ctx, 'INVALID_VALUE', ['complexId'], complexId, {
        vi: 'Ban quản trị được thành lập cho một nhà chung cư hoặc một cụm nhà chung cư, không được chọn cả hai.',
        en: 'A board is established for either one building or one complex, not both.',
      });
    } else if (buildingId === undefined && complexId === undefined) {
      addIssue(ctx, 'REQUIRED_FIELD', ['buildingId'], undefined, {
        vi: 'Cần chọn nhà chung cư hoặc cụm nhà chung cư mà Ban quản trị quản lý.',
        en: 'The building or the complex the board manages is required.',
      });
    }
    checkNoDuplicates(ctx, arrayEntries(value, 'members', 'personId'), personListedTwice);
  }, WHEN_OBJECT);

const replacementInput = z.object({
  membershipId: idField,
  byPersonId: idField,
  /** The successor's role; left out, they take the role of the member they replace. */
  role: z.enum(BOARD_MEMBER_ROLES).nullish(),
});

/**
 * Reviewing and consolidating a board (rà soát, kiện toàn) on a date: members replaced, added and
 * ended in one change, against the board version the client read.
 */
export const consolidateBoardInput = z
  .object({
    boardId: idField,
    version: versionField,
    on: dateField,
    decisionNumber: optionalTextField,
    directiveId: optionalIdField,
    note: optionalLongTextField,
    replace: z.array(replacementInput).default([]),
    add: z.array(boardMemberInput).default([]),
    end: z.array(idField).default([]),
  })
  .superRefine((value, ctx) => {
    const changes = ['replace', 'add', 'end'].map((k) => read(value, k));
    if (changes.every((c) => Array.isArray(c) && c.length === 0)) {
      addIssue(ctx, 'INVALID_VALUE', [], value, {
        vi: 'Kiện toàn Ban quản trị cần ít nhất một thay đổi: thay thế, bổ sung hoặc cho thôi thành viên.',
        en: 'Consolidating a board needs at least one change: a member replaced, added or ended.',
      });
    }
    checkNoDuplicates(ctx, [...arrayEntries(value, 'replace', 'membershipId'), ...arrayEntries(value, 'end', null)], (id) => ({
      vi: `Chức vụ "${id}" được thay thế hoặc cho thôi nhiều lần trong cùng một lần kiện toàn.`,
      en: `Membership "${id}" is replaced or ended more than once in the same consolidation.`,
    }));
    checkNoDuplicates(ctx, [...arrayEntries(value, 'replace', 'byPersonId'), ...arrayEntries(value, 'add', 'personId')], (id) => ({
      vi: `Người "${id}" được đưa vào Ban quản trị nhiều lần trong cùng một lần kiện toàn.`,
      en: `Person "${id}" joins the board more than once in the same consolidation.`,
    }));
  }, WHEN_OBJECT);

/** A board's recognition decision, as `recognitionDecisionInput` outputs it. */
export type RecognitionDecisionInput = z.output<typeof recognitionDecisionInput>;
/** A board term to record, as `createBoardTermInput` outputs it (normalised). */
export type CreateBoardTermInput = z.output<typeof createBoardTermInput>;
/** A change to a board term, as `updateBoardTermInput` outputs it. */
export type UpdateBoardTermInput = z.output<typeof updateBoardTermInput>;
/** A board change to record, as `createBoardChangeInput` outputs it (normalised). */
export type CreateBoardChangeInput = z.output<typeof createBoardChangeInput>;
/** A change to a board change, as `updateBoardChangeInput` outputs it. */
export type UpdateBoardChangeInput = z.output<typeof updateBoardChangeInput>;
/** A board's establishment with its first term and members, as `establishBoardInput` outputs it. */
export type EstablishBoardInput = z.output<typeof establishBoardInput>;
/** A board's review and consolidation, as `consolidateBoardInput` outputs it. */
export type ConsolidateBoardInput = z.output<typeof consolidateBoardInput>;
