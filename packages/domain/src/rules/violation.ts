import type { Id } from '../model/places.js';
import { formatViDate, type IsoDate, isIsoDate } from '../time/dates.js';
import type { EntityRef, EntityType, FieldPath, Violation } from '../validation/result.js';
import { RULES, type RuleCode } from './catalog.js';
import type { RuleParameter } from './rule-data.js';

/** The dated rule data a check reads its limits from (defaults to `DEFAULT_RULE_DATA`). */
export type RuleData = readonly RuleParameter[];

/**
 * Builds a violation of a catalogued rule. The severity always comes from the catalog, so a rule
 * cannot be an error in one check and a warning in another. Vietnamese is stored NFC.
 */
export function ruleViolation(code: RuleCode, path: FieldPath, entity: EntityRef | undefined, vi: string, en: string): Violation {
  const v: Violation = { code, severity: RULES[code].severity, path, message: { vi: vi.normalize('NFC'), en } };
  if (entity) v.entity = entity;
  return v;
}

/** A reference to a record: its type and id, for a violation's `entity`. */
export function entityRef(type: EntityType, id: Id): EntityRef {
  return { type, id };
}

/** A date as Vietnamese messages write it: 01/07/2025. */
export const viDate = formatViDate;

/** "1 member", "3 members": English messages only (Vietnamese does not inflect). */
export function enCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * DATE_FORMAT for each given date that is set but not a real `YYYY-MM-DD` date. Checks run this
 * before any date arithmetic, because the calendar helpers throw on an impossible date.
 */
export function dateFormatViolations(
  dates: ReadonlyArray<readonly [FieldPath, IsoDate | null | undefined]>,
  entity: EntityRef,
): Violation[] {
  const out: Violation[] = [];
  for (const [path, value] of dates) {
    if (value === null || value === undefined || isIsoDate(value)) continue;
    out.push(
      ruleViolation(
        'DATE_FORMAT',
        path,
        entity,
        `Ngày "${value}" không hợp lệ; cần một ngày có thật dạng YYYY-MM-DD.`,
        `The date "${value}" is not valid; a real date written YYYY-MM-DD is needed.`,
      ),
    );
  }
  return out;
}

/** ENTITY_NOT_FOUND for a reference to a record the state does not hold. */
export function notFound(path: FieldPath, entity: EntityRef, viKind: string, enKind: string): Violation {
  return ruleViolation('ENTITY_NOT_FOUND', path, entity, `Không tìm thấy ${viKind} "${entity.id}".`, `No ${enKind} "${entity.id}" exists.`);
}

/** PERIOD_ORDER: an end that is not after the start (periods are half-open, so an empty one is refused too). */
export function periodOrderViolation(path: FieldPath, entity: EntityRef, validFrom: IsoDate, validTo: IsoDate): Violation {
  return ruleViolation(
    'PERIOD_ORDER',
    path,
    entity,
    `Ngày kết thúc ${viDate(validTo)} phải sau ngày bắt đầu ${viDate(validFrom)}.`,
    `The end date ${validTo} must be after the start date ${validFrom}.`,
  );
}
