import type { RuleCode } from '../rules/catalog.js';
import type { LocalizedText, Violation } from '../validation/result.js';
import { isBlank } from './cells.js';
import type { ImportColumn } from './columns.js';
import type { CellValue } from './dates.js';
import { findHeaderRow, matchHeaders } from './headers.js';

/**
 * A sheet as the importer sees it: its header row (found below a title block, or chosen), which
 * header each column is read from (matched, or corrected by the user) and the data rows under it,
 * each with its row number as the spreadsheet shows it (1-based). Blank rows are skipped, so the
 * trailing empty rows Excel keeps are no rows.
 */
export interface SheetRow {
  /** The row number in the spreadsheet (1 = its first row). */
  rowNumber: number;
  cells: Record<string, CellValue>;
}

/**
 * A spreadsheet read for import: its header row, headers, the column each field maps to, and its data
 * rows.
 */
export interface PreparedSheet {
  /** Index (0-based) of the header row; null when none names a column. */
  headerRow: number | null;
  headers: string[];
  /** Column key → header index. */
  mapping: Record<string, number>;
  rows: SheetRow[];
  /** Problems of the sheet as a whole (no header row, a required column missing). */
  violations: Violation[];
}

/**
 * What the user chose when reading a sheet: the header row and the column of each field, when not
 * guessed.
 */
export interface SheetChoices {
  headerRow?: number | null;
  mapping?: Readonly<Record<string, number>> | null;
}

function sheetViolation(code: RuleCode, vi: string, en: string, path: Array<string | number> = []): Violation {
  return { code, severity: 'error', path, message: { vi, en } };
}

function text(value: CellValue): string {
  return value === null ? '' : String(value).trim();
}

/**
 * Reads a spreadsheet's rows for import: finds the header row, maps the columns to fields, and reports
 * what is missing.
 */
export function prepareSheet(
  table: ReadonlyArray<readonly CellValue[]>,
  columns: readonly ImportColumn[],
  choices: SheetChoices = {},
): PreparedSheet {
  const asText = table.map((row) => row.map(text));
  const headerRow = choices.headerRow ?? findHeaderRow(asText, columns);
  if (headerRow === null || headerRow < 0 || headerRow >= table.length) {
    return {
      headerRow: null,
      headers: [],
      mapping: {},
      rows: [],
      violations: [
        sheetViolation(
          'IMPORT_NO_HEADER',
          'Không tìm thấy dòng tiêu đề: không ô nào trùng tên cột của mẫu (xem trang "Hướng dẫn" của mẫu).',
          'No header row found: no cell names a column of the template (see the template\'s "Hướng dẫn" sheet).',
        ),
      ],
    };
  }
  const headers = asText[headerRow] ?? [];
  const mapping = choices.mapping ? { ...choices.mapping } : matchHeaders(headers, columns);
  const violations: Violation[] = [];
  for (const column of columns) {
    if (column.required && mapping[column.key] === undefined) {
      violations.push(missingColumn(column.key, column.label));
    }
  }
  const rows: SheetRow[] = [];
  table.forEach((row, index) => {
    if (index <= headerRow) return;
    const read = sheetRow(row, index, mapping);
    if (read) rows.push(read);
  });
  return { headerRow, headers, mapping, rows, violations };
}

/**
 * One row under the header (index 0-based, as in the table) read through the column matching: its
 * cells by column key, or null when every mapped cell is blank (no row). A sheet read a chunk at a
 * time reads each of its rows so.
 */
export function sheetRow(row: readonly CellValue[], index: number, mapping: Readonly<Record<string, number>>): SheetRow | null {
  const cells: Record<string, CellValue> = {};
  for (const [key, at] of Object.entries(mapping)) cells[key] = row[at] ?? null;
  if (Object.values(cells).every(isBlank)) return null;
  return { rowNumber: index + 1, cells };
}

function missingColumn(key: string, label: LocalizedText): Violation {
  return sheetViolation(
    'IMPORT_COLUMN_MISSING',
    `Thiếu cột bắt buộc "${label.vi}": không tiêu đề nào khớp; hãy đổi tên cột hoặc chọn cột tương ứng.`,
    `The required column "${label.en}" is missing: no header matches it; rename the column or choose the matching one.`,
    [key],
  );
}
