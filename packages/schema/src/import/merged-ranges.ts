import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type { CellValue } from '@coso/domain';

/** unzipper, exceljs' own zip reader (the one its streaming WorkbookReader reads with): a zip read as a stream. */
interface ZipEntry extends AsyncIterable<Buffer> {
  path: string;
  type: 'File' | 'Directory';
  autodrain(): { promise(): Promise<void> };
}
const require = createRequire(import.meta.url);
const unzipper = createRequire(require.resolve('exceljs'))('unzipper') as {
  Parse(options: { forceStream: true }): NodeJS.ReadWriteStream & AsyncIterable<ZipEntry>;
};

/** A merged range of a sheet, 0-based and inclusive: rows top..bottom, columns left..right. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const SHEET_FILE = /^xl\/worksheets\/sheet(\d+)\.xml$/u;
// `<mergeCell ref="A1:G1"/>`, with or without a namespace prefix; a one-cell ref merges nothing.
const MERGE_CELL = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/gu;

/**
 * The merged ranges of each worksheet of an .xlsx, by the number N of its `xl/worksheets/sheetN.xml`
 * (as exceljs' streaming reader announces it). The zip is read as a stream (bytes in memory or a
 * file's slices: never held whole), each sheet's XML decompressed as it comes and only its
 * `<mergeCell>` tags kept: the ranges come after the rows, so the rows' reader needs them first.
 */
export async function mergedRanges(file: Uint8Array | AsyncIterable<Uint8Array>): Promise<Map<string, MergedRange[]>> {
  const zip = unzipper.Parse({ forceStream: true });
  const source = Readable.from(file instanceof Uint8Array ? [Buffer.from(file)] : file);
  source.on('error', (error) => zip.emit('error', error));
  source.pipe(zip);
  const found = new Map<string, MergedRange[]>();
  for await (const entry of zip) {
    const sheet = SHEET_FILE.exec(entry.path)?.[1];
    if (sheet === undefined || entry.type !== 'File') {
      await entry.autodrain().promise();
      continue;
    }
    const ranges: MergedRange[] = [];
    let carry = '';
    for await (const bytes of entry) {
      // The tags looked for are ASCII: one byte a character is enough, whatever the text around them.
      const text = carry + bytes.toString('latin1');
      // A tag cut by the chunk's end is scanned with the next chunk.
      const cut = text.lastIndexOf('<');
      const whole = cut >= 0 && !text.includes('>', cut) ? text.slice(0, cut) : text;
      carry = text.slice(whole.length);
      for (const m of whole.matchAll(MERGE_CELL)) ranges.push(rangeOf(m));
    }
    for (const m of carry.matchAll(MERGE_CELL)) ranges.push(rangeOf(m));
    if (ranges.length > 0) found.set(sheet, ranges);
  }
  return found;
}

function rangeOf(m: RegExpMatchArray): MergedRange {
  const [r1, r2] = [Number(m[2]) - 1, Number(m[4]) - 1];
  const [c1, c2] = [columnIndex(m[1] ?? 'A'), columnIndex(m[3] ?? 'A')];
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

/** "A" → 0, "Z" → 25, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Gives each merged range's value — that of its top-left cell, as Excel keeps it — to every cell the
 * range covers, for rows told in order. A row the file leaves out but a range covers (a merged
 * cell over two rows whose second row holds nothing else) is answered too. Only the ranges reached
 * are held: a sheet's rows go by without being kept.
 */
export class MergeFill {
  private readonly pending: MergedRange[];
  private active: Array<{ range: MergedRange; value: CellValue }> = [];
  private next = 0;

  constructor(ranges: readonly MergedRange[]) {
    this.pending = [...ranges].sort((a, b) => a.top - b.top);
  }

  private last = -1;

  /** The rows up to and including this one (those a range covers before it, then it), filled. */
  row(index: number, cells: readonly CellValue[]): Array<[number, CellValue[]]> {
    const out = this.gap(index);
    out.push([index, this.fill(index, [...cells])]);
    return out;
  }

  /** The rows after the last one told that a range still covers. */
  end(): Array<[number, CellValue[]]> {
    return this.gap(Number.POSITIVE_INFINITY);
  }

  /** The rows after the last told and before `limit` that a started range with a value covers. */
  private gap(limit: number): Array<[number, CellValue[]]> {
    const out: Array<[number, CellValue[]]> = [];
    for (let r = this.last + 1; r < limit; r++) {
      this.start(r, []);
      this.active = this.active.filter((a) => a.range.bottom >= r);
      // A range starting in the gap has no value (its top row holds nothing): the rest gives nothing.
      if (!this.active.some((a) => a.value !== null)) break;
      out.push([r, this.fill(r, [])]);
    }
    return out;
  }

  /** Starts the ranges whose top row is `index` (their value: the row's cell at their left). */
  private start(index: number, cells: readonly CellValue[]): void {
    while (this.next < this.pending.length && (this.pending[this.next]?.top ?? Number.POSITIVE_INFINITY) <= index) {
      const range = this.pending[this.next++] as MergedRange;
      // A range whose top row was never told (nothing in it) gives nothing.
      this.active.push({ range, value: range.top === index ? (cells[range.left] ?? null) : null });
    }
  }

  private fill(index: number, cells: CellValue[]): CellValue[] {
    this.start(index, cells);
    this.active = this.active.filter((a) => a.range.bottom >= index);
    for (const { range, value } of this.active) {
      if (range.top > index) continue;
      while (cells.length <= range.right) cells.push(null);
      for (let c = range.left; c <= range.right; c++) cells[c] = value;
    }
    this.last = index;
    return cells;
  }
}
