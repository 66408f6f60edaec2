import { addDays, formatViDate, type IsoDate, isIsoDate, todayInVietnam } from '@coso/domain';

/** Today's date in Hanoi (`YYYY-MM-DD`): the server's default "as of" too. */
export const todayInHanoi = (now?: Date): IsoDate => todayInVietnam(now);

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

/** `2022-12-01` → `01/12/2022`, as Vietnamese documents write dates (the date picker shows the same). */
export const displayDate = formatViDate;
