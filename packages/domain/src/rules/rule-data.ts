import type { IsoDate } from '../time/dates.js';
import { isActiveOn, type Period } from '../time/period.js';

/**
 * Numeric (and level) limits of the rules, as dated data. When the law changes, add a record that
 * starts on the new law's effective date and end the old one: no code changes, and checks of a
 * past date still use the law of that date.
 */
export interface RuleParameter extends Period {
  key: RuleParameterKey;
  value: number | string;
  source: string;
}

/** The name of a dated rule parameter (a limit the law sets, e.g. `board.minMembers.singleBlock`). */
export type RuleParameterKey =
  | 'board.requiredFromApartments'
  | 'board.minMembers.singleBlock'
  | 'board.minMembers.perBlock'
  | 'board.minMembers.complex'
  | 'board.heads'
  | 'board.minDeputies'
  | 'board.maxDeputies'
  | 'board.termYears'
  | 'board.recognitionFilingDays'
  | 'board.recognitionDecisionWorkingDays'
  | 'board.recognitionLevel'
  | 'board.firstConferenceMonths'
  | 'board.firstConferenceHandoverPercent'
  | 'cell.minOfficialMembers'
  | 'cell.committeeThreshold'
  | 'cell.grassrootsCommitteeThreshold'
  | 'cell.maxCommitteeMembers'
  | 'group.headMinAge'
  | 'group.headTermMonths'
  | 'group.interimHeadMaxMonths'
  | 'residenceContact.reviewEveryYears';

const HOUSING_2014 = 'Luật Nhà ở 2014; Thông tư 02/2016/TT-BXD';
const HOUSING_2023 = 'Luật Nhà ở 2023 điều 146; Thông tư 05/2024/TT-BXD';
const LOCAL_GOV_2025 = 'Luật Tổ chức chính quyền địa phương 2025; Nghị quyết 1656/NQ-UBTVQH15';

function p(key: RuleParameterKey, value: number | string, validFrom: IsoDate, validTo: IsoDate | null, source: string): RuleParameter {
  return { key, value, validFrom, validTo, source };
}

/** The rule data in force, from the sources docs/domain.md cites. */
export const DEFAULT_RULE_DATA: readonly RuleParameter[] = [
  p('board.requiredFromApartments', 20, '2016-02-15', '2024-08-01', HOUSING_2014),
  p('board.requiredFromApartments', 20, '2024-08-01', null, HOUSING_2023),
  p('board.minMembers.singleBlock', 3, '2016-02-15', '2024-08-01', HOUSING_2014),
  p('board.minMembers.singleBlock', 3, '2024-08-01', null, HOUSING_2023),
  p('board.minMembers.perBlock', 1, '2016-02-15', '2024-08-01', HOUSING_2014),
  p('board.minMembers.perBlock', 1, '2024-08-01', null, HOUSING_2023),
  p('board.minMembers.complex', 6, '2016-02-15', '2024-08-01', HOUSING_2014),
  p('board.minMembers.complex', 6, '2024-08-01', null, HOUSING_2023),
  p('board.heads', 1, '2016-02-15', null, HOUSING_2014),
  p('board.minDeputies', 1, '2016-02-15', null, HOUSING_2014),
  p('board.maxDeputies', 2, '2016-02-15', null, HOUSING_2014),
  p('board.termYears', 3, '2016-02-15', null, HOUSING_2014),
  p('board.recognitionFilingDays', 10, '2016-02-15', null, HOUSING_2014),
  p('board.recognitionDecisionWorkingDays', 7, '2016-02-15', null, HOUSING_2014),
  p('board.recognitionLevel', 'DISTRICT', '2016-02-15', '2025-07-01', HOUSING_2014),
  p('board.recognitionLevel', 'WARD', '2025-07-01', null, LOCAL_GOV_2025),
  p('board.firstConferenceMonths', 12, '2016-02-15', null, HOUSING_2014),
  p('board.firstConferenceHandoverPercent', 50, '2016-02-15', null, HOUSING_2014),
  p('cell.minOfficialMembers', 3, '2011-01-19', null, 'Điều lệ Đảng (2011), điều 21'),
  p('cell.committeeThreshold', 9, '2011-01-19', null, 'Điều lệ Đảng (2011), điều 24'),
  p('cell.grassrootsCommitteeThreshold', 30, '2011-01-19', null, 'Điều lệ Đảng (2011), điều 21'),
  p('cell.maxCommitteeMembers', 7, '2011-01-19', null, 'Điều lệ Đảng; Quy định 24-QĐ/TW'),
  p('group.headMinAge', 21, '2012-08-31', null, 'Thông tư 04/2012/TT-BNV'),
  p('group.headTermMonths', 30, '2012-08-31', null, 'Thông tư 04/2012/TT-BNV (Hà Nội: 2,5 năm)'),
  p('group.interimHeadMaxMonths', 6, '2012-08-31', null, 'Thông tư 04/2012/TT-BNV'),
  p('residenceContact.reviewEveryYears', 1, '2020-01-02', null, 'Quy định 213-QĐ/TW'),
];

/** Thrown only for a programming error: asking for a key the rule data does not define on that date. */
export class MissingRuleParameterError extends Error {
  constructor(key: RuleParameterKey, on: IsoDate) {
    super(`No rule parameter "${key}" is in force on ${on}`);
    this.name = 'MissingRuleParameterError';
  }
}

/**
 * The parameter in force on `on`. For a date before the first record of a key, the earliest
 * record applies (our data starts with the oldest law we cite; older facts are checked by it).
 */
export function ruleParameter(key: RuleParameterKey, on: IsoDate, data: readonly RuleParameter[] = DEFAULT_RULE_DATA): number | string {
  const ofKey = data.filter((x) => x.key === key);
  const found = ofKey.find((x) => isActiveOn(x, on)) ?? [...ofKey].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))[0];
  if (!found) throw new MissingRuleParameterError(key, on);
  return found.value;
}

/**
 * The number a rule parameter holds on `on` (throws when the parameter is not a number: a mistake in
 * rule data).
 */
export function numericRuleParameter(key: RuleParameterKey, on: IsoDate, data: readonly RuleParameter[] = DEFAULT_RULE_DATA): number {
  const v = ruleParameter(key, on, data);
  if (typeof v !== 'number') throw new TypeError(`Rule parameter "${key}" is not numeric`);
  return v;
}
