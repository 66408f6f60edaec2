import type { CellValue } from '@coso/domain';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/**
 * A spreadsheet file as a table of cells: `.xlsx` through exceljs, `.csv` through csv-parse (UTF-8,
 * with or without a BOM, `;` or `,` between fields). Cells keep what the file holds — numbers stay
 * numbers (so a citizen ID Excel made a number is seen as one), dates become ISO days — and a
 * merged range gives its value to every cell it covers. Trailing empty rows and cells are dropped.
 */
export type Table = CellValue[][];

export class UnreadableFile extends Error {
  constructor(readonly localized: { vi: string; en: string }) {
    super(localized.en);
  }
}

export function fileFormat(fileName: string): 'xlsx' | 'csv' | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

/** One sheet of a workbook (a CSV file is one sheet, named after the file). */
export interface Sheet {
  name: string;
  rows: Table;
}

/**
 * Told each row holding a cell as it is read: its sheet, its index (0-based; the spreadsheet's row
 * number minus one) and its cells, trailing blanks dropped. Rows come in order within a sheet, and a
 * sheet's rows before the next sheet's. Awaited: a slow consumer (a database write) slows the reading.
 */
export type RowSink = (sheet: string, index: number, cells: CellValue[]) => void | Promise<void>;

/**
 * Reads the file a row at a time — `.csv` through csv-parse's stream, so nothing here holds more
 * than a row of it (the bytes aside); `.xlsx` through exceljs' `load` (see `readXlsx`) — handing each
 * row to `onRow`. Answers the sheets' names in the workbook's order. The one reader of files:
 * `readSheets` collects what it hands over.
 */
export async function readFileRows(bytes: Uint8Array, fileName: string, onRow: RowSink): Promise<string[]> {
  const format = fileFormat(fileName);
  if (format === null) {
    throw new UnreadableFile({
      vi: `Tệp "${fileName}" không phải .xlsx hay .csv; hãy lưu bảng tính dưới một trong hai dạng đó.`,
      en: `The file "${fileName}" is neither .xlsx nor .csv; save the spreadsheet as one of them.`,
    });
  }
  // A failure of the consumer (the database) is its own, not the file's: thrown on as it is.
  let consumerError: { error: unknown } | null = null;
  const sink = async (sheet: string, index: number, cells: CellValue[]) => {
    const kept = trimRow(cells);
    if (kept.length === 0) return;
    try {
      await onRow(sheet, index, kept);
    } catch (error) {
      consumerError = { error };
      throw error;
    }
  };
  try {
    if (format === 'xlsx') return await readXlsx(bytes, sink);
    const name = fileName.replace(/\.csv$/iu, '');
    await readCsv(bytes, (index, cells) => sink(name, index, cells));
    return [name];
  } catch (error) {
    if (consumerError !== null) throw (consumerError as { error: unknown }).error;
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile({
      vi: `Không đọc được tệp "${fileName}" (${format}): tệp hỏng hoặc không đúng định dạng.`,
      en: `Could not read the file "${fileName}" (${format}): it is damaged or not in that format.`,
    });
  }
}

/** Every sheet of the file, in the workbook's order, each with its cells as read (a row with no cell: []). */
export async function readSheets(bytes: Uint8Array, fileName: string): Promise<Sheet[]> {
  const tables = new Map<string, Table>();
  const names = await readFileRows(bytes, fileName, (sheet, index, cells) => {
    const table = tables.get(sheet) ?? [];
    tables.set(sheet, table);
    while (table.length < index) table.push([]);
    table[index] = cells;
  });
  return names.map((name) => ({ name, rows: tables.get(name) ?? [] }));
}

/** The first sheet holding data (a template's explanation sheet comes after its data sheet). */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  const sheets = await readSheets(bytes, fileName);
  return (sheets.find((s) => s.rows.length > 0) ?? sheets[0])?.rows ?? [];
}

const blank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A row without its trailing blank cells ([] for a row with none). */
function trimRow(row: readonly CellValue[]): CellValue[] {
  let end = row.length;
  while (end > 0 && blank(row[end - 1])) end--;
  return row.slice(0, end);
}

/**
 * The separator of a CSV: `;` (Vietnamese Excel's) or `,`. Each candidate is counted outside
 * quotes on the first lines; the one whose count is the same on the most lines wins (a `;` file's
 * unquoted addresses hold commas, but not the same number on every line), the larger count on a tie.
 */
export function delimiterOf(text: string): ';' | ',' {
  const lines = text.split(/\r?\n/u, 50).filter((l) => l.trim() !== '');
  const score = (d: string): [number, number] => {
    const counts = lines.map((line) => {
      let n = 0;
      let quoted = false;
      for (const c of line) {
        if (c === '"') quoted = !quoted;
        else if (c === d && !quoted) n++;
      }
      return n;
    });
    const freq = new Map<number, number>();
    for (const n of counts) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    let best: [number, number] = [0, 0];
    for (const [n, f] of freq) if (f > best[0] || (f === best[0] && n > best[1])) best = [f, n];
    return best;
  };
  const [semi, comma] = [score(';'), score(',')];
  return comma[0] > semi[0] || (comma[0] === semi[0] && comma[1] > semi[1]) ? ',' : ';';
}

/** How much of a CSV is decoded and handed to the parser at a time. */
const CSV_SLICE = 64 * 1024;

/**
 * A CSV read through csv-parse's stream: the bytes are decoded a slice at a time and each record
 * becomes a table row as it is parsed, so the file is never held whole as one string nor as a second
 * array of records. The separator is chosen on the first slice (its first 50 lines).
 */
async function readCsv(bytes: Uint8Array, onRow: (index: number, cells: CellValue[]) => Promise<void>): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const first = decoder.decode(bytes.subarray(0, CSV_SLICE), { stream: true });
  const parser = parse({
    bom: true,
    delimiter: delimiterOf(first.replace(/^\uFEFF/u, '')),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  let index = 0;
  const reading = (async () => {
    for await (const record of parser as AsyncIterable<string[]>) {
      await onRow(
        index++,
        record.map((cell) => (cell === '' ? null : cell)),
      );
    }
  })();
  try {
    parser.write(first);
    for (let at = CSV_SLICE; at < bytes.length && !parser.destroyed; at += CSV_SLICE) {
      const text = decoder.decode(bytes.subarray(at, at + CSV_SLICE), { stream: true });
      // Wait for the parser to take the slice before decoding the next (backpressure), or for it to fail.
      if (!parser.write(text)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            parser.off('drain', done);
            parser.off('close', done);
            resolve();
          };
          parser.on('drain', done);
          parser.on('close', done);
        });
      }
    }
    if (!parser.destroyed) parser.end(decoder.decode());
  } catch (error) {
    parser.destroy(error as Error);
  }
  await reading;
}

/** How a sheet's rows are told: the reader's own sink, each row with its index in the sheet. */
type XlsxSink = (sheet: string, index: number, cells: CellValue[]) => Promise<void>;

/**
 * An .xlsx through exceljs' `load` (the workbook whole in memory while it is read; the rows are then
 * handed over one at a time, and nothing after the upload holds the file). Not exceljs' streaming
 * WorkbookReader: in exceljs 4.4.0 it decodes each inflated chunk of a sheet's XML on its own
 * (`lib/utils/parse-sax.js`), so a Vietnamese letter split between two chunks came out as "Ngư��i"
 * — in about one read in six of a 400-row export under load, which a re-import then took for an
 * update. `load` decodes each part whole. A merged cell gives its range's (top-left) value.
 */
async function readXlsx(bytes: Uint8Array, onRow: XlsxSink): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  for (const sheet of workbook.worksheets) {
    const rows: Array<[number, CellValue[]]> = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.getCell(c);
        cells.push(cellValue(cell.isMerged ? cell.master.value : cell.value));
      }
      rows.push([rowNumber - 1, cells]);
    });
    for (const [index, cells] of rows) await onRow(sheet.name, index, cells);
  }
  return workbook.worksheets.map((sheet) => sheet.name);
}

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}
