/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`).
 *
 * Why strings: they are plain data (JSON, GraphQL `Date`, PostgreSQL `date` all round-trip them),
 * they compare correctly with `<`, and they carry no time zone, so "as of 1 July 2025" means the
 * same day in Hanoi, in a browser in Berlin and on a UTC server.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The dates coso takes: no record of the grassroots system is older than 1900 (the citizen ID's
 * birth years start there too), and PostgreSQL, JavaScript and four-digit years agree on every day
 * in between — year 0 and earlier are where they part (the probe of issue #12 reached the database
 * with 0000-01-01).
 */
export const MIN_DATE: IsoDate = '1900-01-01';
/** The latest date a date field accepts. */
export const MAX_DATE: IsoDate = '9999-12-31';

/** True when `value` is a real calendar date written `YYYY-MM-DD` (2025-02-30 is not), between MIN_DATE and MAX_DATE. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  if (value < MIN_DATE || value > MAX_DATE) return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Adds calendar months, clamping to the month's last day (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = toUtc(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(Math.min(day, daysInMonth(d.getUTCFullYear(), d.getUTCMonth() + 1)));
  return fromUtc(d);
}

/** The same day `years` years after `date` (29 February becomes 28 February in a common year). */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/**
 * Adds working days (Monday–Friday). Public holidays are not counted out: the law's
 * "7 working days" is checked as a warning, and holiday calendars are province data.
 */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  let d = date;
  let left = days;
  while (left > 0) {
    d = addDays(d, 1);
    const weekday = toUtc(d).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return d;
}

/** Age in whole years on `on` of someone born on `birthDate`. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The year of a date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/**
 * The calendar date in Vietnam (UTC+7, no daylight saving) at `now`: the server's default "as of"
 * and the web app's "today" agree, and a report "as of today" does not flip at 17:00 local time.
 */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A `YYYY-MM-DD` standing alone in a text: not part of a longer number, a range of codes or a date-time. */
const DATE_IN_TEXT = /(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-]|T\d)/g;

/**
 * A text shown to a user with every date in it written dd/mm/yyyy, in both languages: the date
 * pickers and the app's own texts write dates that way, and a screen shows one date format (an
 * English message with `2025-07-01` beside a picker with `01/07/2025` was two). The one place a
 * server text's dates get their format: the API's bilingual texts and errors go through it.
 */
export function withDisplayDates(text: string): string {
  // A text about the API's own date format ("use YYYY-MM-DD, from 1900-01-01…") keeps its examples in it.
  if (/YYYY-MM-DD|ISO 8601/.test(text)) return text;
  return text.replace(DATE_IN_TEXT, (date) => formatViDate(date));
}

/** `2022-12-01` → `01/12/2022`, as Vietnamese documents write dates; anything else unchanged. */
export function formatViDate(date: IsoDate): string {
  if (!isIsoDate(date)) return date;
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
