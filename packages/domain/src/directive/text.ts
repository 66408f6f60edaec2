import type { AdministrativeUnit } from '../model/places.js';
import type { IsoDate } from '../time/dates.js';

/**
 * Small Vietnamese text helpers for findings and reports. Kept local (not src/text) so this folder
 * does not depend on code written in parallel; they only format, they never parse.
 */

/** Vietnamese collation: "Đức Giang" sorts after "Dương", "Ân" after "An". */
const VI_COLLATOR = new Intl.Collator('vi');

export function compareVi(a: string, b: string): number {
  return VI_COLLATOR.compare(a, b);
}

/** Stable order for named records: Vietnamese name order, then id so equal names never tie. */
export function compareNamed(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return compareVi(a.name, b.name) || compareCodeUnits(a.id, b.id);
}

/** Plain code-unit comparison, for ids and codes (no locale). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `2022-12-01` → `01/12/2022`, the way Vietnamese documents write dates. */
export function formatViDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

/** Counts in Vietnamese reports are written with two digits below ten ("08 Ban quản trị"). */
export function padCount(n: number): string {
  return n > 0 && n < 10 ? `0${n}` : String(n);
}

const DEFAULT_KIND_LABEL: Record<AdministrativeUnit['kind'], string> = {
  PROVINCE: 'Thành phố',
  DISTRICT: 'Quận',
  WARD: 'Phường',
  COMMUNE: 'Xã',
  RESIDENTIAL_GROUP: 'Tổ dân phố',
};

/** The kind word of a unit ("Phường", "Quận", "Huyện"), from its own label when it has one. */
export function kindWord(unit: Pick<AdministrativeUnit, 'kind' | 'kindLabel'>): string {
  return unit.kindLabel ?? DEFAULT_KIND_LABEL[unit.kind];
}

/**
 * A unit's name as a sentence names it: "Phường Giang Biên". A name that already starts with its
 * kind word ("Tổ dân phố số 5") is left alone.
 */
export function unitDisplayName(unit: Pick<AdministrativeUnit, 'kind' | 'kindLabel' | 'name'>): string {
  const word = kindWord(unit);
  return unit.name.toLocaleLowerCase('vi').startsWith(word.toLocaleLowerCase('vi')) ? unit.name : `${word} ${unit.name}`;
}

/** Vietnamese text is compared and stored in NFC. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}
