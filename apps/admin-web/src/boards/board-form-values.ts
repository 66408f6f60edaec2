import {
  type BoardCompositionPlace,
  type BoardMemberRole,
  type BoardProposalMember,
  checkBoardComposition,
  checkBoardTerm,
  consolidateBoardInput,
  establishBoardInput,
  type IsoDate,
  isIsoDate,
  parseInput,
} from '@coso/domain';
import type { Dayjs } from 'dayjs';
import type { FieldPath, ViolationLike } from '../forms/violations';
import type { ConsolidateBoardInput, EstablishBoardInput } from '../gql/graphql';

/**
 * What the board forms hold and send, and the rules they check as the user types. Pure (no
 * React): the same functions build the mutation input and the live checks, so what the user is
 * told before saving is about exactly what will be sent.
 */

/** One row of a member list: who, in which role (either may still be empty while typing). */
export interface MemberRow {
  personId?: string | null;
  role?: BoardMemberRole | null;
}

export interface EstablishFormValues {
  buildingId?: string | null;
  name?: string | null;
  electedOn?: Dayjs | null;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  decisionNumber?: string | null;
  directiveId?: string | null;
  members?: Array<MemberRow | undefined>;
}

export type CurrentAction = 'keep' | 'replace' | 'end';

/** A member of the board on the date, and what the consolidation does with them. */
export interface CurrentRow {
  membershipId: string;
  action?: CurrentAction;
  byPersonId?: string | null;
  /** The successor's role; empty = the role of the member replaced. */
  role?: BoardMemberRole | null;
}

export interface ConsolidateFormValues {
  on?: Dayjs | null;
  decisionNumber?: string | null;
  note?: string | null;
  directiveId?: string | null;
  current?: Array<CurrentRow | undefined>;
  add?: Array<MemberRow | undefined>;
}

/** A membership of the board as loaded (the fields the checks read). */
export interface LoadedMember {
  id: string;
  role: string;
  personId: string;
  buildingId: string | null;
}

/** The field on the member list as a whole (size, head, deputies): not an input field, shown on the list. */
export const MEMBERS_FIELD: FieldPath = ['members'];

export const isoOf = (date: Dayjs | null | undefined): IsoDate | undefined => (date?.isValid() ? date.format('YYYY-MM-DD') : undefined);

const text = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

// ─── Establish ───

export function establishInput(values: EstablishFormValues): EstablishBoardInput {
  // The planned end is required (a term is 3 years): left out while empty, so the live check says
  // "required" rather than "not a date". An incomplete input is never sent.
  const input = {
    electedOn: isoOf(values.electedOn) ?? '',
    validFrom: isoOf(values.validFrom) ?? '',
    members: (values.members ?? []).map((m) => ({ personId: m?.personId ?? '', role: m?.role ?? ('MEMBER' as const) })),
  } as EstablishBoardInput;
  const validTo = isoOf(values.validTo);
  if (validTo) input.validTo = validTo;
  if (values.buildingId) input.buildingId = values.buildingId;
  const name = text(values.name);
  if (name) input.name = name;
  const decisionNumber = text(values.decisionNumber);
  if (decisionNumber) input.decisionNumber = decisionNumber;
  if (values.directiveId) input.directiveId = values.directiveId;
  return input;
}

/** Where the board will sit, for the composition rules: known once the building is loaded. */
export interface BoardPlaceInfo {
  boardName: string;
  place: BoardCompositionPlace;
}

/**
 * What the domain says about an establishment as typed: the input schema (complete, consistent,
 * nobody listed twice), the composition of the board (size for the building's blocks, one head,
 * deputies) and its first term's length, all as the server will check them on the term's start.
 * `complete` is false when the input itself is incomplete: such a form is not sent.
 */
export function establishViolations(
  values: EstablishFormValues,
  place: BoardPlaceInfo | null,
): { violations: ViolationLike[]; complete: boolean } {
  const input = establishInput(values);
  const parsed = parseInput(establishBoardInput, input);
  const out: ViolationLike[] = parsed.ok ? [] : [...parsed.violations];
  const on = isoOf(values.validFrom);
  if (place && on) {
    const members = (values.members ?? []).flatMap((m): BoardProposalMember[] =>
      m?.personId && m.role ? [{ personId: m.personId, role: m.role }] : [],
    );
    out.push(...checkBoardComposition({ boardName: place.boardName, place: place.place, members }, on));
  }
  const validTo = isoOf(values.validTo);
  // A missing end is the input schema's REQUIRED_FIELD, an end before the start its PERIOD_ORDER.
  if (on && validTo && validTo > on) {
    out.push(...termViolations(place?.boardName ?? '', on, validTo, isoOf(values.electedOn) ?? on));
  }
  return { violations: out, complete: parsed.ok };
}

/** BOARD_TERM_LENGTH, as the server checks the first term when no recognition decision is given. */
function termViolations(boardName: string, validFrom: IsoDate, validTo: IsoDate, electedOn: IsoDate): ViolationLike[] {
  if (!isIsoDate(electedOn)) return [];
  const board = { id: 'new-board', kind: 'MANAGEMENT_BOARD' as const, name: boardName, validFrom, validTo: null };
  const term = { id: 'new-term', boardId: board.id, termNumber: 1, electedOn, validFrom, validTo, recognition: null };
  return checkBoardTerm({ organizations: [board], organizationAreas: [], units: [] }, term);
}

/** Where an establishment's violation goes on the form (null: above the buttons). */
export function establishFieldFor(path: FieldPath): FieldPath | null {
  const [head, index, field] = path;
  switch (head) {
    case 'buildingId':
    case 'complexId':
      return ['buildingId'];
    case 'name':
    case 'electedOn':
    case 'validFrom':
    case 'validTo':
    case 'decisionNumber':
    case 'directiveId':
      return [head];
    case 'members':
      if (typeof index === 'number' && (field === 'personId' || field === 'role')) return ['members', index, field];
      return MEMBERS_FIELD;
    default:
      return null;
  }
}

/** The role a new row starts with: the head first, then a deputy, then members. */
export function nextRole(rows: ReadonlyArray<MemberRow | undefined>): BoardMemberRole {
  if (!rows.some((r) => r?.role === 'HEAD')) return 'HEAD';
  if (!rows.some((r) => r?.role === 'DEPUTY_HEAD')) return 'DEPUTY_HEAD';
  return 'MEMBER';
}

// ─── Consolidate ───

/** The input, and which form row each `replace` and `end` entry came from (to put errors back on it). */
export interface ConsolidatePlan {
  input: ConsolidateBoardInput;
  replaceRows: number[];
  endRows: number[];
}

export function consolidatePlan(boardId: string, version: number, values: ConsolidateFormValues): ConsolidatePlan {
  const replace: NonNullable<ConsolidateBoardInput['replace']> = [];
  const end: string[] = [];
  const replaceRows: number[] = [];
  const endRows: number[] = [];
  (values.current ?? []).forEach((row, i) => {
    if (!row) return;
    if (row.action === 'replace') {
      replace.push({ membershipId: row.membershipId, byPersonId: row.byPersonId ?? '', ...(row.role ? { role: row.role } : {}) });
      replaceRows.push(i);
    } else if (row.action === 'end') {
      end.push(row.membershipId);
      endRows.push(i);
    }
  });
  const input: ConsolidateBoardInput = {
    boardId,
    version,
    on: isoOf(values.on) ?? '',
    replace,
    end,
    add: (values.add ?? []).map((m) => ({ personId: m?.personId ?? '', role: m?.role ?? 'MEMBER' })),
  };
  const decisionNumber = text(values.decisionNumber);
  if (decisionNumber) input.decisionNumber = decisionNumber;
  const note = text(values.note);
  if (note) input.note = note;
  if (values.directiveId) input.directiveId = values.directiveId;
  return { input, replaceRows, endRows };
}

/** The board as it will be: the members who stay, the successors (in the seat's role unless given) and the additions. */
export function resultingMembers(members: readonly LoadedMember[], values: ConsolidateFormValues): BoardProposalMember[] {
  const rows = new Map((values.current ?? []).flatMap((r) => (r ? [[r.membershipId, r] as const] : [])));
  const out: BoardProposalMember[] = [];
  for (const m of members) {
    const row = rows.get(m.id);
    const action = row?.action ?? 'keep';
    if (action === 'keep') out.push({ personId: m.personId, role: m.role as BoardMemberRole, buildingId: m.buildingId });
    else if (action === 'replace' && row?.byPersonId) {
      out.push({ personId: row.byPersonId, role: row.role ?? (m.role as BoardMemberRole), buildingId: m.buildingId });
    }
  }
  for (const m of values.add ?? []) if (m?.personId && m.role) out.push({ personId: m.personId, role: m.role });
  return out;
}

/** The input schema and the resulting board's composition, as the server will check them on the date. */
export function consolidateViolations(
  plan: ConsolidatePlan,
  members: readonly LoadedMember[],
  values: ConsolidateFormValues,
  place: BoardPlaceInfo | null,
): { violations: ViolationLike[]; complete: boolean } {
  const parsed = parseInput(consolidateBoardInput, plan.input);
  const out: ViolationLike[] = parsed.ok ? [] : [...parsed.violations];
  const on = isoOf(values.on);
  if (place && on) {
    out.push(...checkBoardComposition({ boardName: place.boardName, place: place.place, members: resultingMembers(members, values) }, on));
  }
  // "At least one change" is about the whole input: it does not make the form incomplete.
  const complete = parsed.ok || parsed.violations.every((v) => v.path.length === 0);
  return { violations: out, complete };
}

/** Where a consolidation's violation goes on the form: replace/end entries back on their member's row. */
export function consolidateFieldFor(plan: ConsolidatePlan): (path: FieldPath) => FieldPath | null {
  return (path) => {
    const [head, index, field] = path;
    switch (head) {
      case 'on':
      case 'decisionNumber':
      case 'note':
      case 'directiveId':
        return [head];
      case 'replace': {
        const row = typeof index === 'number' ? plan.replaceRows[index] : undefined;
        if (row === undefined) return null;
        if (field === 'byPersonId' || field === 'role') return ['current', row, field];
        return ['current', row, 'action'];
      }
      case 'end': {
        const row = typeof index === 'number' ? plan.endRows[index] : undefined;
        return row === undefined ? null : ['current', row, 'action'];
      }
      case 'add':
        if (typeof index === 'number' && (field === 'personId' || field === 'role')) return ['add', index, field];
        return MEMBERS_FIELD;
      case 'members':
        // Indices of members who stay are not form rows: their messages name them, shown above the buttons.
        return path.length === 1 ? MEMBERS_FIELD : null;
      default:
        return null;
    }
  };
}

/**
 * After a reload (a new version, another date), the members on the date may have changed: keep
 * what the user decided for each member still there, and start the others as "kept".
 */
export function mergeCurrentRows(members: readonly LoadedMember[], previous: ReadonlyArray<CurrentRow | undefined>): CurrentRow[] {
  const byId = new Map(previous.flatMap((r) => (r ? [[r.membershipId, r] as const] : [])));
  return members.map((m) => byId.get(m.id) ?? { membershipId: m.id, action: 'keep' });
}

/** Messages of the input schema name people by their id: say their names instead. */
export function withNames(violations: readonly ViolationLike[], names: ReadonlyMap<string, string>): ViolationLike[] {
  if (names.size === 0) return [...violations];
  return violations.map((v) => {
    let { vi, en } = v.message;
    for (const [id, name] of names) {
      if (!vi.includes(id) && !en.includes(id)) continue;
      vi = vi.replaceAll(`"${id}"`, name);
      en = en.replaceAll(`"${id}"`, name);
    }
    return { ...v, message: { vi, en } };
  });
}
