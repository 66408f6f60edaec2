import {
  type CellValue,
  findHeaderRow,
  type ImportColumn,
  type IsoDate,
  isIsoDate,
  parseDateCell,
  searchKey,
  type Violation,
} from '@coso/domain';
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
function dateAfterLabel(text: string): { date: IsoDate | null; written: string } | 'label alone' | undefined {
  const folded = searchKey(text);
  if (!folded.startsWith(AS_OF_LABEL)) return undefined;
  const rest = text.slice(text.indexOf(':') + 1).trim();
  if (text.includes(':') && rest !== '') return { date: parseDateCell(rest), written: rest };
  return 'label alone'; // the date is in a cell to its right
}

/**
 * What a title block says of the file's date: none (no "Ngày số liệu" line above the header row),
 * a date, or a line whose value cannot be read — with its cell (0-based row and column) and text.
 */
export type FileAsOf =
  | { date: IsoDate; unreadable?: undefined }
  | { date: null; unreadable?: { row: number; column: number; written: string } };

const cache = new WeakMap<Table, Map<number | null, FileAsOf>>();

/**
 * The as-of date a file's title block states, read from the rows above its header row (the one
 * chosen, else the one the columns' headers find; none found: no title block): the first cell labelled "Ngày số liệu", its date after a colon
 * or in the next non-blank cell of the row (text `dd/mm/yyyy`, ISO, or an Excel date). Memoised per
 * table: the engine asks once a row.
 */
export function fileAsOf(table: Table, columns: readonly ImportColumn[], chosenHeaderRow?: number | null): FileAsOf {
  const byHeader = cache.get(table) ?? new Map<number | null, FileAsOf>();
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
  const found = headerRow === null ? { date: null } : scan(table, headerRow);
  byHeader.set(key, found);
  return found;
}

/** The file's as-of date; null when it states none (an unreadable one stops the import first: `fileAsOfViolations`). */
export function fileAsOfDate(table: Table, columns: readonly ImportColumn[], chosenHeaderRow?: number | null): IsoDate | null {
  return fileAsOf(table, columns, chosenHeaderRow).date;
}

/**
 * A sheet error when the title block names the "Ngày số liệu" line but its value is no date: the
 * rows would otherwise be resolved as of today, silently — a list exported years ago would name
 * places that have since been merged away, or the wrong ones. The message names the cell.
 */
export function fileAsOfViolations(table: Table, columns: readonly ImportColumn[], chosenHeaderRow?: number | null): Violation[] {
  const bad = fileAsOf(table, columns, chosenHeaderRow).unreadable;
  if (!bad) return [];
  const cell = cellAddress(bad.row, bad.column);
  const vi = bad.written === '' ? 'để trống' : `ghi "${bad.written}", không phải một ngày`;
  const en = bad.written === '' ? 'is empty' : `holds "${bad.written}", which is not a date`;
  return [
    {
      code: 'IMPORT_AS_OF_UNREADABLE',
      severity: 'error',
      path: [cell],
      message: {
        vi: `Dòng "Ngày số liệu" ở ô ${cell} ${vi}: hãy ghi ngày dạng dd/mm/yyyy (ví dụ 01/12/2022), hoặc xóa dòng này để dùng ngày hôm nay.`,
        en: `The "Ngày số liệu" (as-of date) line at cell ${cell} ${en}: write the date as dd/mm/yyyy (e.g. 01/12/2022), or delete the line to use today's date.`,
      },
    },
  ];
}

/** "B3" for row 2, column 1 (0-based): the address a spreadsheet shows. */
function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

function scan(table: Table, headerRow: number): FileAsOf {
  for (const [r, row] of table.slice(0, headerRow).entries()) {
    for (const [i, cell] of row.entries()) {
      if (typeof cell !== 'string') continue;
      const own = dateAfterLabel(cell);
      if (own === undefined) continue;
      if (own !== 'label alone')
        return own.date ? { date: own.date } : { date: null, unreadable: { row: r, column: i, written: own.written } };
      const at = row.findIndex((c: CellValue, j) => j > i && c !== null && String(c).trim() !== '');
      if (at < 0) return { date: null, unreadable: { row: r, column: i, written: '' } };
      const date = parseDateCell(row[at] as CellValue);
      return date ? { date } : { date: null, unreadable: { row: r, column: at, written: String(row[at]).trim() } };
    }
  }
  return { date: null };
}
