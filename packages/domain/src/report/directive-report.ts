import { DirectiveIndexes } from '../directive/indexes.js';
import { dateFormatViolation, type ScopeOnDate, scopeOnDate, unitNotFound } from '../directive/scope.js';
import { kindWord } from '../directive/text.js';
import type { Directive } from '../model/directive.js';
import { brokenReferenceViolations, checkStateIntegrity } from '../model/integrity.js';
import type { DomainState } from '../model/state.js';
import { RULES } from '../rules/catalog.js';
import { addDays, daysBetween, type IsoDate } from '../time/dates.js';
import { fail, ok, type Result, type Violation } from '../validation/result.js';
import { boardHeadsTrainedFireSafety, boardsConsolidated, boardsEstablished } from './board-figures.js';
import { ReportContext } from './context.js';
import { commendedCollectives, commendedIndividuals, petitionsAfter, petitionsBefore, presentations } from './event-figures.js';
import { assembleFigure, type FigureData, type FigureSpec, periodText } from './figure.js';
import { apartmentGroupCells, apartmentGroupsWithCell, residentialGroups, wardsWithApartmentGroups } from './hierarchy-figures.js';
import {
  nominatedPartyMembers,
  nominatedPoliticalSystemMembers,
  partyMembersOnBoards,
  politicalSystemMembersOnBoards,
  politicalSystemPeopleOnBoards,
  residenceContactMembersIntroduced,
} from './people-figures.js';
import { type DirectiveReport, type DirectiveReportQuery, FIGURE_KEYS, type Figure, type FigureKey } from './types.js';

/** Every figure, by key: the compiler checks that each key of FIGURE_KEYS has exactly one definition. */
export const FIGURE_SPECS: Readonly<Record<FigureKey, FigureSpec>> = {
  residentialGroups,
  wardsWithApartmentGroups,
  apartmentGroupsWithCell,
  apartmentGroupCells,
  boardsEstablished,
  boardsConsolidated,
  politicalSystemPeopleOnBoards,
  partyMembersOnBoards,
  politicalSystemMembersOnBoards,
  residenceContactMembersIntroduced,
  nominatedPartyMembers,
  nominatedPoliticalSystemMembers,
  presentations,
  commendedCollectives,
  commendedIndividuals,
  petitionsBefore,
  petitionsAfter,
  boardHeadsTrainedFireSafety,
};

/**
 * The directive report for a scope and period: every figure with the records behind it and its
 * per-ward breakdown. The period [from, to] is inclusive; `to` is also the as-of date for the
 * hierarchy, memberships and posts. Never throws on bad input: an unknown directive, a scope that
 * does not exist on `to`, or bad dates give a failure listing every problem. A state with references
 * pointing at nothing is refused first, each broken reference listed (`checkStateIntegrity`).
 *
 * @example
 * const r = directiveReport(state, { directiveId: 'tt-05', scopeUnitId: 'long-bien', to: '2022-12-01' });
 * if (r.ok) console.log(figureByKey(r.value, 'boardsEstablished')?.value); // 8
 */
export function directiveReport(state: DomainState, query: DirectiveReportQuery, indexes?: DirectiveIndexes): Result<DirectiveReport> {
  const broken = checkStateIntegrity(state);
  if (broken.length > 0) return fail(brokenReferenceViolations(broken));
  const directive = state.directives.find((d) => d.id === query.directiveId);
  const idx = indexes ?? new DirectiveIndexes(state);
  const scope = dateFormatViolation(query.to, ['to']) ? undefined : scopeOnDate(idx.places, query.scopeUnitId, query.to);
  const violations = reportQueryViolations(query, directive, scope !== undefined);
  if (violations.length > 0 || !directive || !scope) return fail(violations);
  const window = reportWindow(query.from ?? directive.issuedOn, query.to);
  const ctx = new ReportContext(state, idx, directive, scope, window.from, window.to, window.beforeFrom);
  return ok(assembleReport(directive, scope, window, (key) => FIGURE_SPECS[key].compute(ctx)));
}

/**
 * Every problem of a report query, given what the caller found: the directive (undefined: none
 * with that id) and whether the scope exists on `to` (only asked when `to` is a valid date).
 */
export function reportQueryViolations(query: DirectiveReportQuery, directive: Directive | undefined, scopeFound: boolean): Violation[] {
  const violations: Violation[] = [];
  if (!directive) violations.push(directiveNotFound(query.directiveId));
  const from = query.from ?? directive?.issuedOn;
  const badTo = dateFormatViolation(query.to, ['to']);
  if (badTo) violations.push(badTo);
  const badFrom = from === undefined ? undefined : dateFormatViolation(from, ['from']);
  if (badFrom) violations.push(badFrom);
  if (!badTo && !badFrom && from !== undefined && from > query.to) violations.push(reportPeriodOrderViolation(from, query.to));
  if (!badTo && !scopeFound) violations.push(unitNotFound(query.scopeUnitId, query.to, ['scopeUnitId']));
  return violations;
}

/** The report's dates: [from, to] inclusive, and the petitions "before" window [beforeFrom, from). */
export interface ReportWindow {
  from: IsoDate;
  to: IsoDate;
  beforeFrom: IsoDate;
}

/**
 * A report's dates: the period [from, to] and the "before" window of the same length that ends the day
 * before `from`.
 */
export function reportWindow(from: IsoDate, to: IsoDate): ReportWindow {
  // The "before" window has as many days as [from, to] (both ends included) and ends the day before `from`.
  return { from, to, beforeFrom: addDays(from, -(daysBetween(from, to) + 1)) };
}

/**
 * The report from each figure's counted records, whoever counted them (the domain's figure
 * functions, or the database's statements that the differential test holds to them): the one
 * place where records become distinct, sorted, and bucketed by ward.
 */
export function assembleReport(
  directive: Directive,
  scope: ScopeOnDate,
  window: ReportWindow,
  dataOf: (key: FigureKey) => FigureData,
): DirectiveReport {
  const period = periodText(window.from, window.to, window.beforeFrom);
  const figures = FIGURE_KEYS.map((key) => assembleFigure(FIGURE_SPECS[key], scope, period, dataOf(key)));
  return {
    directive,
    scope: { id: scope.unit.id, name: scope.unit.name, kind: scope.unit.kind, kindLabel: kindWord(scope.unit) },
    period: { from: window.from, to: window.to },
    asOf: window.to,
    figures,
    wards: scope.wards.map((w) => ({ id: w.id, name: w.name, kind: w.kind })),
  };
}

/** The figure of a report by key (every report has every key of FIGURE_KEYS). */
export function figureByKey(report: DirectiveReport, key: FigureKey): Figure | undefined {
  return report.figures.find((f) => f.key === key);
}

function directiveNotFound(id: string): Violation {
  return {
    code: RULES.ENTITY_NOT_FOUND.code,
    severity: 'error',
    path: ['directiveId'],
    entity: { type: 'Directive', id },
    message: { vi: `Không tìm thấy văn bản chỉ đạo (thông tri, chỉ thị) "${id}"`, en: `Directive "${id}" does not exist` },
  };
}

/** The refusal of a report period that starts after it ends (also used by the gateway's exports). */
export function reportPeriodOrderViolation(from: string, to: string): Violation {
  return {
    code: RULES.PERIOD_ORDER.code,
    severity: 'error',
    path: ['from'],
    message: {
      vi: `Ngày bắt đầu kỳ báo cáo (${from}) phải không sau ngày kết thúc (${to})`,
      en: `The report period starts (${from}) after it ends (${to})`,
    },
  };
}
