import { compareVietnamese } from '../text/collation.js';

/** Small Vietnamese text helpers for findings and reports; the collation, dates and place names are the text module's. */

/** Vietnamese order with numbers as numbers ("Tổ dân phố số 2" before "số 10"): the one collation. */
export const compareVi = compareVietnamese;

/** Stable order for named records: Vietnamese name order, then id so equal names never tie. */
export function compareNamed(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return compareVi(a.name, b.name) || compareCodeUnits(a.id, b.id);
}

/** Plain code-unit comparison, for ids and codes (no locale). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { formatViDate } from '../time/dates.js';

/** Counts in Vietnamese reports are written with two digits below ten ("08 Ban quản trị"). */
export function padCount(n: number): string {
  return n > 0 && n < 10 ? `0${n}` : String(n);
}

export { kindWord, unitDisplayName } from '../text/unit-name.js';

/** Vietnamese text is compared and stored in NFC. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}
