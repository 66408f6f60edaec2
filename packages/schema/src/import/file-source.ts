import { createHash } from 'node:crypto';
import type { CellValue } from '@coso/domain';
import { HEAD_ROWS, type RowSource } from './engine.js';
import { type FileInput, readFileRows, type Sheet, slicesOf, type Table } from './read-file.js';

/**
 * A file as an import run reads it without holding it (`coso import`, as the upload's stored rows
 * do for the gateway): read as a stream, pass by pass — once to keep each sheet's first rows (a
 * sheet is chosen by its header row) and count its rows, then again for the chosen sheet's rows,
 * handed over a chunk at a time as the run asks for the next (the reading waits meanwhile). Nothing
 * here holds more than a chunk of rows and each sheet's first HEAD_ROWS; its sha256 is one more
 * pass over the file's slices (never the whole file in memory).
 */
export interface ScannedFile {
  sha256: string;
  /** Every sheet, in the workbook's order, with its first HEAD_ROWS rows only. */
  heads: Sheet[];
  /** A sheet's rows for a run. */
  source(sheet: string): RowSource;
}

interface SheetScan {
  head: Table;
  /** Rows holding a cell. */
  rows: number;
  /** The index of its last row holding a cell (-1: none). */
  last: number;
}

export async function scanFile(input: FileInput, fileName: string): Promise<ScannedFile> {
  const scans = new Map<string, SheetScan>();
  const names = await readFileRows(input, fileName, (sheet, index, cells) => {
    const scan = scans.get(sheet) ?? { head: [], rows: 0, last: -1 };
    scans.set(sheet, scan);
    if (index < HEAD_ROWS) {
      while (scan.head.length < index) scan.head.push([]);
      scan.head[index] = cells;
    }
    scan.rows += 1;
    scan.last = index;
  });
  const scanOf = (sheet: string): SheetScan => scans.get(sheet) ?? { head: [], rows: 0, last: -1 };
  return {
    sha256: await sha256Of(input),
    heads: names.map((name) => ({ name, rows: scanOf(name).head })),
    source: (sheet) => fileSource(input, fileName, sheet, scanOf(sheet)),
  };
}

/** The file's sha256, from its slices as they are read. */
export async function sha256Of(input: FileInput): Promise<string> {
  const hash = createHash('sha256');
  for await (const slice of slicesOf(input)) hash.update(slice);
  return hash.digest('hex');
}

function fileSource(input: FileInput, fileName: string, sheet: string, scan: SheetScan): RowSource {
  /** One more pass over the file, each of the sheet's rows told to `onRow`. */
  const pass = (onRow: (index: number, cells: CellValue[]) => void | Promise<void>) =>
    readFileRows(input, fileName, (name, index, cells) => (name === sheet ? onRow(index, cells) : undefined));
  return {
    // As a table's slice: the rows before `upTo`, an empty row for one holding no cell, up to the last.
    head: async (upTo) => {
      const head: Table = scan.head.slice(0, upTo);
      if (upTo > HEAD_ROWS)
        await pass((index, cells) => {
          if (index < HEAD_ROWS || index >= upTo) return;
          while (head.length < index) head.push([]);
          head[index] = cells;
        });
      while (head.length < Math.min(upTo, scan.last + 1)) head.push([]);
      return head;
    },
    countAfter: async (index) => {
      if (index < HEAD_ROWS) return scan.rows - scan.head.slice(0, index + 1).filter((r) => r.length > 0).length;
      let n = 0;
      await pass((i) => {
        if (i > index) n += 1;
      });
      return n;
    },
    chunksAfter: (index, size) => chunksOf(pass, index, size),
  };
}

class Stopped extends Error {}

/**
 * The rows after `index`, `size` at a time, as the reader hands them over: the reader waits for each
 * chunk to be taken before reading on (one chunk ahead at most), and stops when the run stops asking.
 */
async function* chunksOf(
  pass: (onRow: (index: number, cells: CellValue[]) => void | Promise<void>) => Promise<unknown>,
  after: number,
  size: number,
): AsyncGenerator<Array<{ index: number; cells: CellValue[] }>> {
  const ready: Array<Array<{ index: number; cells: CellValue[] }>> = [];
  let current: Array<{ index: number; cells: CellValue[] }> = [];
  let wake: (() => void) | null = null;
  let resume: (() => void) | null = null;
  let stopped = false;
  let ended = false;
  let failure: { error: unknown } | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const reading = pass(async (index, cells) => {
    if (stopped) throw new Stopped();
    if (index <= after) return;
    current.push({ index, cells });
    if (current.length < size) return;
    ready.push(current);
    current = [];
    signal();
    await new Promise<void>((r) => {
      resume = r;
    });
    if (stopped) throw new Stopped();
  }).then(
    () => {
      if (current.length > 0) ready.push(current);
      ended = true;
      signal();
    },
    (error: unknown) => {
      if (!(error instanceof Stopped)) failure = { error };
      ended = true;
      signal();
    },
  );
  try {
    for (;;) {
      const chunk = ready.shift();
      if (chunk) {
        yield chunk;
        continue;
      }
      if (failure) throw (failure as { error: unknown }).error;
      if (ended) return;
      const waiting = new Promise<void>((r) => {
        wake = r;
      });
      const r = resume as (() => void) | null;
      resume = null;
      r?.();
      await waiting;
    }
  } finally {
    stopped = true;
    const r = resume as (() => void) | null;
    resume = null;
    r?.();
    await reading;
  }
}
