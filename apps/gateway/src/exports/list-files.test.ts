import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Cell } from './list-cells.js';
import { csvSink, xlsxSink } from './list-files.js';

/**
 * Formula injection (OWASP "CSV injection"): whatever text a record holds, a list export never
 * hands a spreadsheet a formula. Strings are generated with a bias towards the characters that
 * start one (= + - @, tab, CR) and towards CSV's own specials (quote, comma, line breaks).
 */
const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.tuple(fc.constantFrom(...DANGEROUS), fc.string({ maxLength: 30 })).map(([start, rest]) => start + rest),
  fc.constantFrom('=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1:A2)', '=cmd|" /C calc"!A0', '\t=1', '\r=1', ' a', '"a,b"\n'),
);
const rows = fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 });

async function written(sink: (out: PassThrough) => { row(cells: readonly Cell[]): void; end(): Promise<void> }, values: string[][]) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  const s = sink(out);
  for (const row of values) s.row(row);
  await s.end();
  await done;
  return Buffer.concat(chunks);
}

describe('a list export’s cells are never formulas', () => {
  it('CSV: text starting with = + - @, tab or CR gets a leading apostrophe, all else is kept exactly; UTF-8 with BOM', async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (values) => {
        const file = await written(csvSink, values);
        expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        const parsed = parse(file.toString('utf8'), { bom: true, relax_column_count: true }) as string[][];
        expect(parsed).toHaveLength(values.length);
        for (const [r, row] of values.entries())
          for (const [c, value] of row.entries()) {
            const cell = parsed[r]?.[c] ?? '';
            if (DANGEROUS.includes(value.charAt(0))) expect(cell).toBe(`'${value}`);
            else expect(cell).toBe(value);
            expect(DANGEROUS).not.toContain(cell.charAt(0));
          }
      }),
      { numRuns: 150 },
    );
  });

  it('xlsx: every text is a text cell holding exactly that text, and the sheet has no formula element', async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (values) => {
        const file = await written((out) => xlsxSink(out, 'Danh sách'), values);
        const zip = await JSZip.loadAsync(file);
        const sheetXml = await zip.file('xl/worksheets/sheet1.xml')?.async('string');
        expect(sheetXml).toBeDefined();
        expect(sheetXml).not.toMatch(/<f[\s>]/);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(file as unknown as ArrayBuffer);
        const sheet = workbook.worksheets[0];
        for (const [r, row] of values.entries())
          for (const [c, value] of row.entries()) {
            const cell = sheet?.getRow(r + 1).getCell(c + 1);
            if (value === '') {
              expect(cell?.value ?? '').toBe('');
              continue;
            }
            expect(cell?.type).toBe(ExcelJS.ValueType.String);
            // XML reads every CR or CR LF as LF (XML 1.0 §2.11); in a text cell it is a line break, never a formula.
            expect(cell?.value).toBe(value.replace(/\r\n?/g, '\n'));
          }
      }),
      { numRuns: 60 },
    );
  });
});
