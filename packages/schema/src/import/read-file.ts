import type { EventEmitter } from 'node:events';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { CellValue } from '@coso/domain';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { type MergedRange, MergeFill, mergedRanges } from './merged-ranges.js';
import { utf8WorkbookReader } from './utf8-workbook-reader.js';

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
 * A file to read: its bytes in memory (an upload's body), or a file on disk (`coso import`), read a
 * chunk at a time and never held whole.
 */
export type FileInput = Uint8Array | { path: string };

/** How much of a file is read (and decoded, for a CSV) at a time. */
const SLICE = 64 * 1024;

/** The file's bytes, a slice at a time. */
export async function* slicesOf(input: FileInput): AsyncGenerator<Uint8Array> {
  if (input instanceof Uint8Array) {
    for (let at = 0; at < input.length; at += SLICE) yield input.subarray(at, at + SLICE);
    return;
  }
  yield* createReadStream(input.path, { highWaterMark: SLICE }) as AsyncIterable<Buffer>;
}

/**
 * Reads the file a row at a time — `.xlsx` through exceljs' streaming WorkbookReader, `.csv` through
 * csv-parse's stream — handing each row to `onRow`, so nothing here holds more than a row of it (the
 * bytes aside). Answers the sheets' names in the workbook's order. The one reader of files:
 * `readSheets` collects what it hands over.
 */
export async function readFileRows(input: FileInput, fileName: string, onRow: RowSink): Promise<string[]> {
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
    if (format === 'xlsx') return await readXlsx(input, sink);
    const name = fileName.replace(/\.csv$/iu, '');
    await readCsv(slicesOf(input), (index, cells) => sink(name, index, cells));
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
export async function readSheets(input: FileInput, fileName: string): Promise<Sheet[]> {
  const tables = new Map<string, Table>();
  const names = await readFileRows(input, fileName, (sheet, index, cells) => {
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

/**
 * A CSV read through csv-parse's stream: the bytes are decoded a slice at a time and each record
 * becomes a table row as it is parsed, so the file is never held whole as one string nor as a second
 * array of records. The separator is chosen on the first slice (its first 50 lines).
 */
async function readCsv(slices: AsyncGenerator<Uint8Array>, onRow: (index: number, cells: CellValue[]) => Promise<void>): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // The first slice (a file read from disk may come in shorter pieces: gathered up to a slice).
  const head: Uint8Array[] = [];
  let headLength = 0;
  let next = await slices.next();
  while (!next.done && headLength < SLICE) {
    head.push(next.value);
    headLength += next.value.length;
    if (headLength < SLICE) next = await slices.next();
  }
  const first = decoder.decode(Buffer.concat(head), { stream: true });
  const rest = async function* () {
    if (headLength >= SLICE) yield* slices;
  };
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
  // Its failure (the consumer's, or the parser's) is awaited below, once the writing stops: not an unhandled rejection meanwhile.
  reading.catch(() => undefined);
  try {
    parser.write(first);
    for await (const slice of rest()) {
      if (parser.destroyed) break;
      const text = decoder.decode(slice, { stream: true });
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
 * An .xlsx through exceljs' streaming reader, a row at a time. That reader skips `<mergeCells>`
 * (and it comes after the rows in the sheet's XML), so the ranges are found first
 * (`mergedRanges`, a scan of each sheet's XML) and `MergeFill` gives each range's value to every
 * cell it covers as the rows go by.
 */
async function readXlsx(input: FileInput, onRow: XlsxSink): Promise<string[]> {
  const merges = await mergedRanges(slicesOf(input));
  // exceljs' streaming reader now and then (about one read in 300 of a file written by exceljs, whose
  // xl/workbook.xml is the zip's last entry) fails before its first sheet: "Cannot read properties of
  // undefined (reading 'sheets')". Nothing has been handed over then, so reading again is safe.
  for (let attempt = 1; ; attempt++) {
    let handed = false;
    try {
      return await readXlsxOnce(slicesOf(input), merges, async (sheet, index, cells) => {
        handed = true;
        await onRow(sheet, index, cells);
      });
    } catch (error) {
      if (handed || attempt >= 3) throw error;
    }
  }
}

async function readXlsxOnce(slices: AsyncIterable<Uint8Array>, merges: Map<string, MergedRange[]>, onRow: XlsxSink): Promise<string[]> {
  // exceljs' reader with UTF-8 decoded across chunks (utf8-workbook-reader.ts).
  const WorkbookReader = utf8WorkbookReader();
  const reader = new WorkbookReader(Readable.from(slices), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date from a number (a cell's number format).
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  } as Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>);
  // The worksheet entry (`xl/worksheets/sheet<N>.xml`) is announced just before its reader.
  let sheetFile = '';
  (reader as unknown as EventEmitter).on('entry', (entry: { type?: string; id?: string }) => {
    if (entry.type === 'worksheet') sheetFile = String(entry.id);
  });
  const names: string[] = [];
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${sheetFile}`;
    names.push(name);
    const fill = new MergeFill(merges.get(sheetFile) ?? []);
    for await (const row of worksheet) {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        while (cells.length < col - 1) cells.push(null);
        cells[col - 1] = cellValue(cell.value);
      });
      for (const [index, filled] of fill.row(row.number - 1, cells)) await onRow(name, index, filled);
    }
    for (const [index, filled] of fill.end()) await onRow(name, index, filled);
  }
  // The zip's order of sheets is the order they were made; the workbook's is the one the user sees.
  const order = ((reader as unknown as { model?: { sheets?: Array<{ name?: string }> } }).model?.sheets ?? []).map((s) => s.name);
  const at = (n: string) => {
    const i = order.indexOf(n);
    return i < 0 ? order.length : i;
  };
  return names
    .map((n, i) => ({ n, i }))
    .sort((a, b) => at(a.n) - at(b.n) || a.i - b.i)
    .map((x) => x.n);
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
