import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue } from '@coso/domain';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { HEAD_ROWS, type RowSource, tableSource } from './engine.js';
import { scanFile, sha256Of } from './file-source.js';
import { readSheets } from './read-file.js';

/**
 * `coso import` reads its file from disk as a stream (file-source.ts) instead of holding its table.
 * Differential: for generated workbooks and CSV files written to disk, the streamed source answers
 * exactly what the whole table read in memory answers (`tableSource` over `readSheets`, the CLI's
 * way before) — the head, the counts after any row, every chunk of every size — and the file's
 * sha256 is the one of its bytes. A run that stops early ends the reading.
 */
const dir = mkdtempSync(join(tmpdir(), 'coso-file-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows of text and numbers, some empty (a gap in the sheet), a few past the head. */
const tables: fc.Arbitrary<CellValue[][]> = fc
  .array(
    fc.oneof(
      { weight: 1, arbitrary: fc.constant([]) },
      {
        weight: 5,
        arbitrary: fc.array(fc.oneof(fc.constantFrom('Nguyễn Văn A', 'Tổ 5', 'x;y', 'ơ"ờ'), fc.integer({ min: 0, max: 99_999 })), {
          minLength: 1,
          maxLength: 4,
        }),
      },
    ),
    {
      minLength: 1,
      maxLength: HEAD_ROWS + 40,
    },
  )
  .map((rows) => rows.map((row): CellValue[] => [...row]));

async function xlsxOf(sheets: Array<{ name: string; rows: CellValue[][] }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name);
    s.rows.forEach((row, i) => {
      if (row.length > 0) ws.getRow(i + 1).values = row as ExcelJS.CellValue[];
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvOf = (rows: CellValue[][]) =>
  `${rows.map((r) => r.map((c) => (c === null ? '' : `"${String(c).replaceAll('"', '""')}"`)).join(';')).join('\n')}\n`;

async function collect(source: RowSource, after: number, size: number) {
  const out: Array<{ index: number; cells: CellValue[] }[]> = [];
  for await (const chunk of source.chunksAfter(after, size)) out.push(chunk);
  return out;
}

/** The streamed source of each sheet answers as the table in memory does. */
async function expectSameAsInMemory(bytes: Buffer, fileName: string, after: number, size: number) {
  const file = join(dir, fileName);
  writeFileSync(file, bytes);
  const scanned = await scanFile({ path: file }, fileName);
  const sheets = await readSheets(bytes, fileName);
  expect(scanned.heads.map((h) => h.name)).toEqual(sheets.map((s) => s.name));
  expect(scanned.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  for (const sheet of sheets) {
    const streamed = scanned.source(sheet.name);
    const whole = tableSource(sheet.rows);
    for (const upTo of [1, HEAD_ROWS, HEAD_ROWS + 25])
      expect(await streamed.head(upTo), `${sheet.name} head ${upTo}`).toEqual(await whole.head(upTo));
    for (const index of [-1, after, HEAD_ROWS + 3]) expect(await streamed.countAfter(index)).toBe(await whole.countAfter(index));
    expect(await collect(streamed, after, size)).toEqual(await collect(whole, after, size));
  }
}

describe('an import file read from disk as a stream (coso import)', () => {
  it('gives what the whole table in memory gives: .xlsx of two sheets, any chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(tables, tables, fc.integer({ min: -1, max: 10 }), fc.integer({ min: 1, max: 12 }), async (a, b, after, size) => {
        const bytes = await xlsxOf([
          { name: 'Danh sách', rows: a },
          { name: 'Hướng dẫn', rows: b },
        ]);
        await expectSameAsInMemory(bytes, 'f.xlsx', after, size);
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('gives what the whole table in memory gives: .csv, longer than a slice read', async () => {
    await fc.assert(
      fc.asyncProperty(
        tables,
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: -1, max: 10 }),
        fc.integer({ min: 1, max: 300 }),
        async (rows, repeat, after, size) => {
          // Repeated past 64 KB, so the file comes from disk in several slices.
          const many = Array.from({ length: repeat }, () => rows).flat();
          const bytes = Buffer.from(`\uFEFF${csvOf(many.map((r) => (r.length ? r : [''])))}`);
          await expectSameAsInMemory(bytes, 'f.csv', after, size);
        },
      ),
      { numRuns: 10 },
    );
  }, 120_000);

  it('stops reading when the run stops asking, and hashes a large file as read', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => [`Người ${i}`, i]);
    const bytes = Buffer.from(csvOf(rows));
    const file = join(dir, 'big.csv');
    writeFileSync(file, bytes);
    expect(await sha256Of({ path: file })).toBe(createHash('sha256').update(bytes).digest('hex'));
    const source = (await scanFile({ path: file }, 'big.csv')).source('big');
    let seen = 0;
    for await (const chunk of source.chunksAfter(-1, 100)) {
      seen += chunk.length;
      if (seen >= 300) break;
    }
    expect(seen).toBe(300);
    // The source reads again from the start for the next run.
    expect((await collect(source, 4_990, 100)).flat().map((r) => r.index)).toEqual([
      4_991, 4_992, 4_993, 4_994, 4_995, 4_996, 4_997, 4_998, 4_999,
    ]);
  }, 120_000);
});
