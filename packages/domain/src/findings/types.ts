import type { Id } from '../model/places.js';
import type { RuleCode } from '../rules/catalog.js';
import type { RuleParameter } from '../rules/rule-data.js';
import type { IsoDate } from '../time/dates.js';
import type { EntityRef, LocalizedText } from '../validation/result.js';

/** The gaps of the directive (docs/domain.md §4), in the order they are checked. Codes are in the rule catalog. */
export const FINDING_CODES = [
  'GROUP_WITHOUT_CELL',
  'BUILDING_WITHOUT_BOARD',
  'BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER',
  'BOARD_TERM_EXPIRED',
  'BOARD_HEAD_WITHOUT_FIRE_TRAINING',
  'CELL_MIN_OFFICIAL_MEMBERS',
  'GROUP_WITHOUT_COORDINATION_REGULATION',
] as const satisfies readonly RuleCode[];
/** The code of a finding, one of the directive's gaps (`FINDING_CODES`). */
export type FindingCode = (typeof FINDING_CODES)[number];

/** One gap: where the directive is not met yet, named so a ward officer can act on it. */
export interface Finding {
  code: FindingCode;
  severity: 'warning';
  /** The record the gap is about (the group, building, board, head or cell). */
  entity: EntityRef;
  entityName: string;
  /** The ward the record lies in on the date of the query (the hierarchy as it stood then). */
  wardId: Id;
  wardName: string;
  residentialGroupId?: Id;
  /** Other records the gap involves (the board a head leads, the board's last term). */
  related?: EntityRef[];
  /** Vietnamese first (NFC), naming the entity. */
  message: LocalizedText;
}

/**
 * What findings are asked for: the scope unit, the as-of date, and optionally some codes, some wards
 * and other rule data.
 */
export interface FindingsQuery {
  /** A unit: a district, a ward, or the city once districts are gone. */
  scopeUnitId: Id;
  /** The date the findings are as of. */
  on: IsoDate;
  /** Dated rule data; defaults to the law as cited in docs/domain.md. */
  ruleData?: readonly RuleParameter[];
  /** Only these codes (any text: a code that is not a finding's yields nothing). */
  codes?: readonly string[];
  /** Only findings in these wards (as of `on`). */
  wardIds?: readonly Id[];
}
