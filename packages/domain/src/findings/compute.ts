import { DirectiveIndexes } from '../directive/indexes.js';
import { dateFormatViolation, scopeOnDate, UNASSIGNED_WARD_ID, unitNotFound } from '../directive/scope.js';
import { compareCodeUnits, compareVi } from '../directive/text.js';
import { brokenReferenceViolations, checkStateIntegrity } from '../model/integrity.js';
import type { DomainState } from '../model/state.js';
import { isIsoDate } from '../time/dates.js';
import { fail, ok, type Result, type Violation } from '../validation/result.js';
import { boardHeadsWithoutFireTraining, boardsWithExpiredTerm, boardsWithoutPoliticalSystemMember } from './board-findings.js';
import { buildingsWithoutBoard } from './building-findings.js';
import { cellsUnderMinOfficialMembers } from './cell-findings.js';
import { FindingsContext } from './context.js';
import { groupsWithoutCell, groupsWithoutCoordinationRegulation } from './group-findings.js';
import { FINDING_CODES, type Finding, type FindingCode, type FindingsQuery } from './types.js';

const CHECKS: Record<FindingCode, (ctx: FindingsContext) => Finding[]> = {
  GROUP_WITHOUT_CELL: groupsWithoutCell,
  BUILDING_WITHOUT_BOARD: buildingsWithoutBoard,
  BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER: boardsWithoutPoliticalSystemMember,
  BOARD_TERM_EXPIRED: boardsWithExpiredTerm,
  BOARD_HEAD_WITHOUT_FIRE_TRAINING: boardHeadsWithoutFireTraining,
  CELL_MIN_OFFICIAL_MEMBERS: cellsUnderMinOfficialMembers,
  GROUP_WITHOUT_COORDINATION_REGULATION: groupsWithoutCoordinationRegulation,
};

/**
 * The directive's gaps in a scope as of a date, one finding per gap. Records are placed in wards
 * as the hierarchy stood on `on`, so after a reorganisation findings group under the new wards.
 * Never throws on bad input: an invalid date, a scope that does not exist on `on`, or a state with
 * references pointing at nothing (`checkStateIntegrity`, each listed) is a failure.
 *
 * @example
 * const r = computeFindings(state, { scopeUnitId: 'long-bien', on: '2022-12-01' });
 * if (r.ok) for (const f of r.value) console.log(f.wardName, f.message.vi);
 */
export function computeFindings(state: DomainState, query: FindingsQuery, indexes?: DirectiveIndexes): Result<Finding[]> {
  const broken = checkStateIntegrity(state);
  if (broken.length > 0) return fail(brokenReferenceViolations(broken));
  const idx = indexes ?? new DirectiveIndexes(state);
  const scope = isIsoDate(query.on) ? scopeOnDate(idx.places, query.scopeUnitId, query.on) : undefined;
  const violations = findingsQueryViolations(query, scope !== undefined);
  if (violations.length > 0 || !scope) return fail(violations);

  const ctx = new FindingsContext(state, idx, scope, query.on, query.ruleData);
  const wantedCodes = query.codes ? new Set<string>(query.codes) : undefined;
  const wantedWards = query.wardIds ? new Set(query.wardIds) : undefined;
  const findings: Finding[] = [];
  for (const code of FINDING_CODES) {
    if (wantedCodes && !wantedCodes.has(code)) continue;
    for (const f of CHECKS[code](ctx)) if (!wantedWards || wantedWards.has(f.wardId)) findings.push(f);
  }
  return ok(findings.sort(compareFindings));
}

/**
 * What is wrong with a findings query, given whether its scope unit exists on its date: a date
 * that is not a real ISO date, or a scope that does not exist then. Any computation of findings
 * refuses the same queries with the same words.
 */
export function findingsQueryViolations(query: FindingsQuery, scopeExistsOnDate: boolean): Violation[] {
  const badDate = dateFormatViolation(query.on, ['on']);
  if (badDate) return [badDate];
  return scopeExistsOnDate ? [] : [unitNotFound(query.scopeUnitId, query.on, ['scopeUnitId'])];
}

/** Ward name (Vietnamese collation; unplaced records last), then code, then entity name, then ids. */
export function compareFindings(a: Finding, b: Finding): number {
  const aUnplaced = a.wardId === UNASSIGNED_WARD_ID ? 1 : 0;
  const bUnplaced = b.wardId === UNASSIGNED_WARD_ID ? 1 : 0;
  return (
    aUnplaced - bUnplaced ||
    compareVi(a.wardName, b.wardName) ||
    compareCodeUnits(a.wardId, b.wardId) ||
    compareCodeUnits(a.code, b.code) ||
    compareVi(a.entityName, b.entityName) ||
    compareCodeUnits(a.entity.id, b.entity.id) ||
    compareCodeUnits(a.message.vi, b.message.vi)
  );
}
