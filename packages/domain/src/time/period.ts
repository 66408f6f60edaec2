import type { IsoDate } from './dates.js';

/**
 * A validity period: `validFrom` inclusive, `validTo` exclusive, `null` = still current.
 * "As of D" means `validFrom <= D < validTo`. Every dated fact in the model carries one.
 */
export interface Period {
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/** True when the half-open period `[validFrom, validTo)` holds on `date`. */
export function isActiveOn(period: Period, date: IsoDate): boolean {
  return period.validFrom <= date && (period.validTo === null || date < period.validTo);
}

/** True when the two half-open periods share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aEndsAfterBStarts = a.validTo === null || b.validFrom < a.validTo;
  const bEndsAfterAStarts = b.validTo === null || a.validFrom < b.validTo;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}

/** True when `period` overlaps the half-open window [from, to). */
export function isActiveDuring(period: Period, from: IsoDate, to: IsoDate | null): boolean {
  return periodsOverlap(period, { validFrom: from, validTo: to });
}

/** The items whose period holds on `date`. */
export function activeOn<T extends Period>(items: readonly T[], date: IsoDate): T[] {
  return items.filter((item) => isActiveOn(item, date));
}

/** A period is well-formed when it does not end before it starts (an empty period is refused). */
export function isWellFormed(period: Period): boolean {
  return period.validTo === null || period.validFrom < period.validTo;
}

/** Ends a period on `date` (exclusive), keeping an earlier end if there already is one. */
export function endPeriod<T extends Period>(item: T, date: IsoDate): T {
  if (item.validTo !== null && item.validTo <= date) return item;
  return { ...item, validTo: date };
}
