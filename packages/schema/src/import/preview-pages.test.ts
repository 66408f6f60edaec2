import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../graphql/context.js';
import { buildSchema } from '../graphql/schema.js';
import { uploadImport } from './batches.js';
import { type ImportHarness, importHarness } from './test-support/import-harness.js';

/**
 * Upload → preview a page at a time → commit over GraphQL on a real database (#14 item 7): an .xlsx
 * of 450 people under a merged title (rows stored as rows while the file is streamed), some of
 * them with a citizen ID Excel made a number. The expectation is made from the file as written here:
 * which sheet rows are people, which are bad — not from what the import answers.
 */
buildSchema();
const TODAY = '2026-11-25';
const N = 450;
/** The people (0-based) whose citizen ID is written as a number (leading zeros lost). */
const BAD = new Set([3, 199, 200, 201, 444]);
/** Sheet rows: 1 the merged title, 2 blank, 3 the headers; person i on row 4 + i. */
const rowOf = (i: number) => 4 + i;

let h: ImportHarness;
let officer: Context;
beforeAll(async () => {
  ({ h, officer } = await importHarness(TODAY));
});
afterAll(() => h?.close());

async function workbook(bad: ReadonlySet<number>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.getCell('A1').value = 'DANH SÁCH NHÂN KHẨU PHƯỜNG PHÚC LỢI';
  ws.mergeCells('A1:F1');
  ws.getRow(3).values = ['Mã nguồn', 'Họ và tên', 'Giới tính', 'Năm sinh', 'Số CCCD', 'Thường trú'];
  for (let i = 0; i < N; i++) {
    const id = `001080${String(300000 + i).padStart(6, '0')}`;
    ws.getRow(rowOf(i)).values = [
      `TRANG-${i}`,
      `Người Trang ${i + 1}`,
      'Nam',
      1980,
      bad.has(i) ? Number(id) : id,
      'Tổ dân phố số 1 (Phúc Lợi), Phúc Lợi',
    ];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Row = { rowNumber: number; action: string | null; cells: Array<{ column: string; value: string }>; errors: Array<{ code: string }> };
type Preview = {
  counts: { rows: number; rowsWithErrors: number; errors: number; create: number; update: number; unchanged: number };
  sheetErrors: unknown[];
  rows: Row[];
};
const ROW = 'rowNumber action cells { column value } errors { rowNumber column code }';
const COUNTS = 'counts { rows rowsWithErrors errors create update unchanged } sheetErrors { code }';

describe('the preview a page at a time over GraphQL (#14 item 7)', () => {
  it('counts the whole sheet, pages its rows and its rows with errors, reads the pages back, and commits', async () => {
    const as = { viewer: officer.viewer, today: TODAY };
    const batch = await uploadImport(officer, { kind: 'people', fileName: 'trang.xlsx', bytes: await workbook(BAD) });
    expect(await h.prisma.importRow.count({ where: { batchId: batch.id } })).toBe(N + 2);

    const first = await h.run<{ importBatch: { preview: Preview } }>(
      `query($id: String!) { importBatch(id: $id) { preview { ${COUNTS} rows(first: 200) { ${ROW} } } } }`,
      { id: batch.id },
      as,
    );
    const p = first.importBatch.preview;
    expect(p.counts).toEqual({ rows: N, rowsWithErrors: BAD.size, errors: BAD.size, create: N - BAD.size, update: 0, unchanged: 0 });
    expect(p.sheetErrors).toEqual([]);

    // Every page of the last run, read back without running it again.
    const page = async (offset: number, withErrors: boolean) =>
      (
        await h.run<{ importBatch: { lastRun: { rows: Row[] } } }>(
          `query($id: String!, $offset: Int!, $withErrors: Boolean!) { importBatch(id: $id) { lastRun {
            rows(offset: $offset, first: 200, withErrors: $withErrors) { ${ROW} } } } }`,
          { id: batch.id, offset, withErrors },
          as,
        )
      ).importBatch.lastRun.rows;
    const all = [...(await page(0, false)), ...(await page(200, false)), ...(await page(400, false))];
    expect(await page(600, false)).toEqual([]);
    expect(all.slice(0, 200)).toEqual(p.rows);
    expect(all.map((r) => r.rowNumber)).toEqual(Array.from({ length: N }, (_, i) => rowOf(i)));
    for (const [i, r] of all.entries()) {
      expect(r.action, `row ${r.rowNumber}`).toBe(BAD.has(i) ? null : 'CREATE');
      expect(r.errors.map((e) => e.code)).toEqual(BAD.has(i) ? ['CITIZEN_ID_FORMAT'] : []);
      expect(r.cells.find((c) => c.column === 'fullName')?.value).toBe(`Người Trang ${i + 1}`);
    }
    const withErrors = await page(0, true);
    expect(withErrors.map((r) => r.rowNumber)).toEqual([...BAD].map(rowOf));
    expect((await page(2, true)).map((r) => r.rowNumber)).toEqual([...BAD].slice(2).map(rowOf));
    const errors = await h.run<{ importBatch: { lastRun: { errors: Array<{ rowNumber: number; column: string; code: string }> } } }>(
      'query($id: String!) { importBatch(id: $id) { lastRun { errors(offset: 1, first: 3) { rowNumber column code } } } }',
      { id: batch.id },
      as,
    );
    expect(errors.importBatch.lastRun.errors).toEqual(
      [...BAD].slice(1, 4).map((i) => ({ rowNumber: rowOf(i), column: 'citizenId', code: 'CITIZEN_ID_FORMAT' })),
    );
    // A page larger than the bound is refused in both languages, not cut silently.
    const tooBig = await h.exec(
      'query($id: String!) { importBatch(id: $id) { lastRun { rows(first: 201) { rowNumber } } } }',
      { id: batch.id },
      as,
    );
    expect(tooBig.errors.length).toBeGreaterThan(0);

    // The refused commit's rows are what the pages show now; the mended file commits, its results paged.
    const refused = await h.run<{ commitImport: { data: { committed: boolean; counts: Preview['counts'] } } }>(
      `mutation($input: CommitImportInput!) { commitImport(input: $input) { ... on MutationCommitImportSuccess { data { committed ${COUNTS} } } } }`,
      { input: { batchId: batch.id } },
      as,
    );
    expect(refused.commitImport.data).toMatchObject({ committed: false, counts: { rowsWithErrors: BAD.size } });
    expect(await h.prisma.person.count({ where: { fullName: { startsWith: 'Người Trang ' } } })).toBe(0);

    const mended = await uploadImport(officer, { kind: 'people', fileName: 'trang-sua.xlsx', bytes: await workbook(new Set()) });
    const done = await h.run<{ commitImport: { data: { committed: boolean; counts: Preview['counts']; batch: { results: Row[] } } } }>(
      `mutation($input: CommitImportInput!) { commitImport(input: $input) { ... on MutationCommitImportSuccess { data { committed ${COUNTS}
        batch { status results(offset: 440, first: 20) { rowNumber action } } } } } }`,
      { input: { batchId: mended.id } },
      as,
    );
    expect(done.commitImport.data.committed).toBe(true);
    expect(done.commitImport.data.counts).toMatchObject({ rows: N, create: N, errors: 0 });
    expect(done.commitImport.data.batch.results).toEqual(
      Array.from({ length: 10 }, (_, k) => ({ rowNumber: rowOf(440 + k), action: 'CREATE' })),
    );
    expect(await h.prisma.person.count({ where: { fullName: { startsWith: 'Người Trang ' } } })).toBe(N);
  });
});
