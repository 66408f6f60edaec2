import type { CellValue } from '@coso/domain';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnIndex } from './merged-ranges.js';
import { readSheets } from './read-file.js';

/**
 * The streamed .xlsx reader (#14 item 7) against a table built by hand: random workbooks — sheets of
 * text, numbers, booleans, dates and blanks, with merged ranges over any rows and columns (also over
 * rows that hold nothing else) — written by exceljs' ordinary writer, read back through
 * `readSheets` (exceljs' streaming reader and our `<mergeCells>` handling). The expected table is
 * made from the generated cells alone: each merged range's top-left value in every cell it covers,
 * trailing blank cells and rows dropped.
 */
interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
/** A generated cell: what exceljs writes (a date is read back as its ISO day). */
type Generated = CellValue | Date;
interface GeneratedSheet {
  name: string;
  grid: Generated[][];
  merges: Range[];
}

const DAY = Date.UTC(1950, 0, 1) / 86_400_000;
const cell: fc.Arbitrary<Generated> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-zăâđêôơưạảấầĐ0-9][A-Za-zăâđêôơưạảấầĐ0-9 ,;]{0,10}[A-Za-z0-9]$/u) },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000_000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40_000 }).map((d) => new Date((DAY + d) * 86_400_000)) },
);

const sheet = (name: string): fc.Arbitrary<GeneratedSheet> =>
  fc
    .tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 7 }))
    .chain(([rows, cols]) =>
      fc.tuple(
        fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
        fc.array(fc.tuple(fc.nat(rows - 1), fc.nat(cols - 1), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 })), {
          maxLength: 5,
        }),
      ),
    )
    .map(([grid, candidates]) => {
      // Ranges that do not overlap (Excel refuses overlapping merges), at least two cells each.
      const merges: Range[] = [];
      for (const [top, left, down, across] of candidates) {
        const r = { top, left, bottom: top + down, right: left + across };
        if (down + across === 0) continue;
        if (merges.some((m) => r.top <= m.bottom && m.top <= r.bottom && r.left <= m.right && m.left <= r.right)) continue;
        merges.push(r);
      }
      return { name, grid, merges };
    });

const workbook = fc
  .uniqueArray(fc.stringMatching(/^[A-Za-zĐđă][A-Za-zĐđă 0-9]{0,12}[A-Za-z0-9]$/u), {
    minLength: 1,
    maxLength: 3,
    comparator: (a, b) => a.toLowerCase() === b.toLowerCase(),
  })
  .chain((names) => fc.tuple(...names.map((n) => sheet(n))));

const letters = (index: number): string => {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

async function write(sheets: readonly GeneratedSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.grid.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      });
    });
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The oracle: the generated cells, each range's top-left value in every cell it covers, trimmed. */
function expected(s: GeneratedSheet): CellValue[][] {
  const height = Math.max(s.grid.length, ...s.merges.map((m) => m.bottom + 1));
  const rows: Array<Array<Generated | undefined>> = Array.from({ length: height }, (_, r) => [...(s.grid[r] ?? [])]);
  for (const m of s.merges) {
    const master = s.grid[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = rows[r] ?? [];
      for (let c = m.left; c <= m.right; c++) row[c] = master;
    }
  }
  const shown = rows.map((row) => Array.from(row, (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null))));
  const blank = (v: CellValue | undefined) => v === null || v === undefined;
  const trimmed = shown.map((row) => {
    const out = [...row];
    while (out.length > 0 && blank(out[out.length - 1])) out.pop();
    return out.map((v) => (v === undefined ? null : v));
  });
  while (trimmed.length > 0 && (trimmed[trimmed.length - 1]?.length ?? 0) === 0) trimmed.pop();
  return trimmed;
}

describe('the streamed .xlsx reader (#14 item 7)', () => {
  it('reads any workbook with merged ranges as the table built by hand from its cells', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(workbook, async (sheets) => {
        const read = await readSheets(await write(sheets), 'sinh.xlsx');
        expect(read.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
        for (const [i, s] of sheets.entries()) expect(read[i]?.rows, s.name).toEqual(expected(s));
      }),
      { numRuns: 100 },
    );
  });

  it('a merged range over rows that hold nothing else gives them its value; one below the last row still counts', async () => {
    const s: GeneratedSheet = {
      name: 'Danh sách',
      grid: [
        ['Tổ 1', null, 'x'],
        [null, null, null],
        [null, null, null],
        [null, null, 'y'],
      ],
      merges: [
        { top: 0, left: 0, bottom: 5, right: 1 },
        { top: 3, left: 2, bottom: 4, right: 2 },
      ],
    };
    expect((await readSheets(await write([s]), 'a.xlsx'))[0]?.rows).toEqual(expected(s));
    expect(expected(s)).toHaveLength(6);
  });

  it('column letters count as Excel does', () => {
    for (const i of [0, 1, 25, 26, 27, 51, 52, 701, 702, 16383]) expect(columnIndex(letters(i))).toBe(i);
  });
});
