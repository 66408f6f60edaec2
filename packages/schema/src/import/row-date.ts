import { type CellValue, findHeaderRow, type ImportColumn, type IsoDate, isIsoDate, parseDateCell, searchKey } from '@coso/domain';
import type { Table } from './read-file.js';

/**
 * The date a row's references are resolved on (a place by its name and ward, a group's parent):
 * the row's own `validFrom` when it has one, else the date the file says its data is as of (the
 * "Ngày số liệu: dd/mm/yyyy" line every list export writes in its title block), else today. A file
 * exported as of 2022-12-01 names the places of 2022-12-01; resolving them as of today would refuse
 * every place a reorganisation has since merged away.
 */
export function rowDate(ownDate: unknown, fileDate: IsoDate | null, today: IsoDate): IsoDate {
  if (isIsoDate(ownDate)) return ownDate;
  return fileDate ?? today;
}

/** The label of the as-of line, folded ("Ngày số liệu", "NGAY SO LIEU", "Ngày số liệu (as of)"). */
const AS_OF_LABEL = 'ngay so lieu';

/** The date a title-block cell's text holds after its label: "Ngày số liệu: 01/12/2022" → 2022-12-01. */
function dateAfterLabel(text: string): IsoDate | null | undefined {
  const folded = searchKey(text);
  if (!folded.startsWith(AS_OF_LABEL)) return undefined;
  const rest = text.slice(text.indexOf(':') + 1).trim();
  if (text.includes(':') && rest !== '') return parseDateCell(rest);
  return null; // the label alone: the date is in a cell to its right
}

const cache = new WeakMap<Table, Map<number | null, IsoDate | null>>();

/**
 * The as-of date a file's title block states, read from the rows above its header row (the one
 * chosen, else the one the columns' headers find; none found: no title block): the first cell labelled "Ngày số liệu", its date after a colon
 * or in the next non-blank cell of the row (text `dd/mm/yyyy`, ISO, or an Excel date). Null when
 * the file states none. Memoised per table: the engine asks once a row.
 */
export function fileAsOfDate(table: Table, columns: readonly ImportColumn[], chosenHeaderRow?: number | null): IsoDate | null {
  const byHeader = cache.get(table) ?? new Map<number | null, IsoDate | null>();
  cache.set(table, byHeader);
  const key = chosenHeaderRow ?? null;
  const known = byHeader.get(key);
  if (known !== undefined) return known;
  const headerRow =
    key ??
    findHeaderRow(
      table.map((row) => row.map((c) => (c === null ? '' : String(c).trim()))),
      columns,
    );
  const found = headerRow === null ? null : scan(table, headerRow);
  byHeader.set(key, found);
  return found;
}

function scan(table: Table, headerRow: number): IsoDate | null {
  for (const row of table.slice(0, headerRow)) {
    for (const [i, cell] of row.entries()) {
      if (typeof cell !== 'string') continue;
      const own = dateAfterLabel(cell);
      if (own === undefined) continue;
      if (own !== null) return own;
      const next = row.slice(i + 1).find((c: CellValue) => c !== null && String(c).trim() !== '');
      return next === undefined ? null : parseDateCell(next);
    }
  }
  return null;
}
