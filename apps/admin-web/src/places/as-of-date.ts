import { addDays, type IsoDate, isIsoDate } from '@coso/domain';

/**
 * The date lists open on: today, unless the account's territory has ended (a district or ward
 * abolished by a reorganisation); then its last day, when the account still sees its area.
 */
export function defaultAsOf(today: IsoDate, scopeValidTo: IsoDate | null | undefined): IsoDate {
  return scopeValidTo && scopeValidTo <= today ? addDays(scopeValidTo, -1) : today;
}

/** The `asOf` in an address, or `fallback` when it is missing or not a real date. */
export function asOfFromParam(value: string | null, fallback: IsoDate): IsoDate {
  return value !== null && isIsoDate(value) ? value : fallback;
}
