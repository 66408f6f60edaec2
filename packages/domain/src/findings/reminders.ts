import { DirectiveIndexes } from '../directive/indexes.js';
import { dateFormatViolation, scopeOnDate, unitNotFound } from '../directive/scope.js';
import { formatViDate } from '../directive/text.js';
import type { Id } from '../model/places.js';
import type { DomainState } from '../model/state.js';
import type { RuleParameter } from '../rules/rule-data.js';
import { addDays, daysBetween, type IsoDate } from '../time/dates.js';
import { fail, type LocalizedText, ok, type Result } from '../validation/result.js';
import { boardHeadsWithoutFireTraining } from './board-findings.js';
import { compareFindings } from './compute.js';
import { FindingsContext } from './context.js';
import { groupsWithoutCoordinationRegulation } from './group-findings.js';
import type { Finding } from './types.js';

/** How far ahead a board's term end is a reminder (issue #15: "board terms ending within 90 days"). */
export const TERM_REMINDER_DAYS = 90;

/** What is coming: the rule codes a reminder is made of. */
export const REMINDER_CODES = [
  'BOARD_TERM_ENDING_SOON',
  'BOARD_HEAD_WITHOUT_FIRE_TRAINING',
  'GROUP_WITHOUT_COORDINATION_REGULATION',
] as const;
/** One of `REMINDER_CODES`: what a reminder is about. */
export type ReminderCode = (typeof REMINDER_CODES)[number];

/** A reminder: a finding-like item with the day it is about (a term's end), when it has one. */
export interface Reminder extends Omit<Finding, 'code'> {
  code: ReminderCode;
  /** The day the term ends (BOARD_TERM_ENDING_SOON); null for the standing gaps. */
  dueOn: IsoDate | null;
}

/**
 * The wording of the reminders that are not findings, one for every computation of them (the
 * domain's here, the database's in the schema package).
 */
export const REMINDER_MESSAGES = {
  /** A board's running term ends on `endsOn`, `days` days after the day asked, with no next term recorded. */
  BOARD_TERM_ENDING_SOON: (f: { board: string; termNumber: number; endsOn: IsoDate; days: number }): LocalizedText => ({
    vi: `${f.board}: nhiệm kỳ ${f.termNumber} kết thúc ngày ${formatViDate(f.endsOn)} (còn ${f.days} ngày), chưa có nhiệm kỳ mới`,
    en: `${f.board}: term ${f.termNumber} ends on ${f.endsOn} (in ${f.days} days) and no next term is recorded`,
  }),
};

/** What to be reminded of: a place and the day the reminders look ahead from. */
export interface RemindersQuery {
  scopeUnitId: Id;
  on: IsoDate;
  ruleData?: readonly RuleParameter[];
}

/**
 * BOARD_TERM_ENDING_SOON: a board alive on the date, in scope, whose running term ends (validTo,
 * exclusive) after the date and at most TERM_REMINDER_DAYS days later, with no later term recorded.
 */
export function boardsWithTermEndingSoon(ctx: FindingsContext): Reminder[] {
  const out: Reminder[] = [];
  const horizon = addDays(ctx.on, TERM_REMINDER_DAYS);
  for (const { board, groupId } of ctx.boardsInScope()) {
    const { current } = ctx.idx.boards.termStatusOn(board.id, ctx.on);
    if (!current || current.validTo === null || current.validTo <= ctx.on || current.validTo > horizon) continue;
    const end = current.validTo;
    if (ctx.idx.boards.termsOf(board.id).some((t) => t.validFrom > current.validFrom)) continue;
    const days = daysBetween(ctx.on, end);
    const finding = ctx.finding({
      code: 'BOARD_TERM_EXPIRED', // placed like a board's finding; the code is replaced below
      entity: { type: 'Organization', id: board.id },
      entityName: board.name,
      groupId,
      related: [{ type: 'BoardTerm', id: current.id }],
      message: REMINDER_MESSAGES.BOARD_TERM_ENDING_SOON({ board: board.name, termNumber: current.termNumber, endsOn: end, days }),
    });
    out.push({ ...finding, code: 'BOARD_TERM_ENDING_SOON', dueOn: end });
  }
  return out;
}

/**
 * The order of the terms-ending reminders: soonest end first, then as the findings of a board are
 * ordered (ward, group, name). Every computation of the reminders sorts them by it.
 */
export function compareTermReminders(a: Reminder, b: Reminder): number {
  return (
    (a.dueOn ?? '').localeCompare(b.dueOn ?? '') ||
    compareFindings({ ...a, code: 'BOARD_TERM_EXPIRED' }, { ...b, code: 'BOARD_TERM_EXPIRED' })
  );
}

/**
 * The reminders of a scope on a date: terms ending within 90 days (soonest first), then the heads
 * without fire-safety training and the groups without a coordination regulation (the findings of
 * those rules), each in the findings' order (ward, then name).
 */
export function computeReminders(state: DomainState, query: RemindersQuery, indexes?: DirectiveIndexes): Result<Reminder[]> {
  const badDate = dateFormatViolation(query.on, ['on']);
  if (badDate) return fail([badDate]);
  const idx = indexes ?? new DirectiveIndexes(state);
  const scope = scopeOnDate(idx.places, query.scopeUnitId, query.on);
  if (!scope) return fail([unitNotFound(query.scopeUnitId, query.on, ['scopeUnitId'])]);
  const ctx = new FindingsContext(state, idx, scope, query.on, query.ruleData);
  const terms = boardsWithTermEndingSoon(ctx).sort(compareTermReminders);
  const standing = [...boardHeadsWithoutFireTraining(ctx), ...groupsWithoutCoordinationRegulation(ctx)]
    .sort(compareFindings)
    .map((f): Reminder => ({ ...f, code: f.code as ReminderCode, dueOn: null }));
  return ok([...terms, ...standing]);
}
