import { searchKey } from '../text/fold.js';
import type { LocalizedText } from '../validation/result.js';

/**
 * Header matching for imported sheets: a header names a column whatever its case, diacritics,
 * spacing and punctuation ("Số CCCD", "so cccd", "SỐ  CCCD:" are one header), by the column's
 * Vietnamese or English label or one of its aliases ("CCCD").
 */
export function headerKey(s: string): string {
  return searchKey(s).replace(/[^a-z0-9]/gu, '');
}

/** A column a spreadsheet header may name: its key, its label, and other spellings it is known by. */
export interface HeaderColumn {
  key: string;
  label: LocalizedText;
  aliases?: readonly string[];
}

/** The names a column answers to, as header keys. */
export function columnNames(column: HeaderColumn): string[] {
  return [column.label.vi, column.label.en, ...(column.aliases ?? [])].map(headerKey).filter((k) => k !== '');
}

/**
 * Which header (by index) each column's values are under: a header names at most one column and a
 * column takes the first header naming it. Columns no header names are left out.
 */
export function matchHeaders(headers: readonly string[], columns: readonly HeaderColumn[]): Record<string, number> {
  const owner = new Map<string, string>();
  for (const column of columns) for (const name of columnNames(column)) if (!owner.has(name)) owner.set(name, column.key);
  const out: Record<string, number> = {};
  headers.forEach((header, index) => {
    const key = owner.get(headerKey(header));
    if (key !== undefined && out[key] === undefined) out[key] = index;
  });
  return out;
}

/**
 * The header row of a sheet: among its first `scan` rows, the first one naming the most columns
 * (a title block and blank rows above it name none). Null when no row names any.
 */
export function findHeaderRow(rows: ReadonlyArray<readonly string[]>, columns: readonly HeaderColumn[], scan = 30): number | null {
  let best: number | null = null;
  let bestCount = 0;
  rows.slice(0, scan).forEach((row, index) => {
    const count = Object.keys(matchHeaders(row, columns)).length;
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  });
  return best;
}
