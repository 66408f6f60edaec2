import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCESS_FIXTURE, viewerOf } from '../auth/test-support/access-fixture.js';
import type { Context } from '../graphql/context.js';
import { createRequestContext } from '../graphql/request-context.js';
import { buildSchema } from '../graphql/schema.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { importFile, previewImport, storedOutcome, uploadImport } from './batches.js';

/**
 * An import whose title block names the "Ngày số liệu" line but whose date cannot be read stops at
 * the sheet (#14): one bilingual sheet error naming the cell, no row checked, nothing written — by
 * the wizard's preview of an upload, the dry run and the commit of the CLI alike. A file without
 * the line still resolves its rows as of today. Generated over unreadable values and where the
 * line stands; the expected cell is computed here from where the generator wrote it.
 */
const schema = buildSchema();
const TODAY = '2026-11-25';

let h: Awaited<ReturnType<typeof graphqlHarness>>;
let admin: Context;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
  admin = await createRequestContext({ prisma: h.prisma, viewer: await viewerOf(h.prisma, 'admin'), today: TODAY });
});
afterAll(() => h.close());

async function written() {
  return {
    people: await h.prisma.person.count(),
    audit: await h.prisma.auditEntry.count(),
    keys: await h.prisma.importSourceKey.count(),
    committed: await h.prisma.importBatch.count({ where: { status: 'COMMITTED' } }),
  };
}

// A group that exists today (Phúc Lợi of 2025): a row without a file date resolves it as of today.
const ROW = 'Đỗ Văn Hải,Nam,1980,001080777001,"Tổ dân phố số 1 (Phúc Lợi), Phúc Lợi"';
const file = (title: string[]) => Buffer.from([...title, 'Họ và tên,Giới tính,Năm sinh,Số CCCD,Thường trú', ROW, ''].join('\n'));
const csvCell = (s: string) => (/[",\n]/u.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

describe('an unreadable "Ngày số liệu" stops the import at the sheet (#14)', () => {
  it('one sheet error naming the cell, no rows, nothing written: preview, dry run and commit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('hôm qua', '31/02/2022', '2022-13-01', 'tháng 12/2022', ''),
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        async (value, before, inOneCell) => {
          const lines = [
            ...Array(before).fill('DANH SÁCH NHÂN KHẨU'),
            inOneCell ? csvCell(`Ngày số liệu: ${value}`) : `Ngày số liệu:,${csvCell(value)}`,
          ];
          // The value's own cell, else the label's (after a colon in it, or nothing to its right).
          const cell = `${!inOneCell && value !== '' ? 'B' : 'A'}${before + 1}`;
          const upload = await uploadImport(admin, { kind: 'people', fileName: 'nhan-khau.csv', bytes: file(lines) });
          const uploaded = await written();
          for (const outcome of [
            await storedOutcome(admin, await previewImport(admin, schema, upload.id), upload.id),
            await importFile(admin, schema, { kind: 'people', fileName: 'nhan-khau.csv', bytes: file(lines), dryRun: true }),
            await importFile(admin, schema, { kind: 'people', fileName: 'nhan-khau.csv', bytes: file(lines), dryRun: false }),
          ]) {
            expect(outcome.errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([[null, null, 'IMPORT_AS_OF_UNREADABLE']]);
            expect(outcome.errors[0]?.message.vi).toContain(`ô ${cell}`);
            expect(outcome.errors[0]?.message.en).toContain(`cell ${cell}`);
            expect(outcome.rows).toEqual([]);
            expect(outcome.committed).toBe(false);
          }
          // The upload stores the file (as before); the preview and the imports write nothing.
          expect(await written()).toEqual(uploaded);
        },
      ),
      { numRuns: 8, seed: 1403 },
    );
  });

  it('a file without the line resolves its rows as of today', async () => {
    const outcome = await importFile(admin, schema, {
      kind: 'people',
      fileName: 'nhan-khau.csv',
      bytes: file(['DANH SÁCH NHÂN KHẨU']),
      dryRun: true,
    });
    expect(outcome.errors).toEqual([]);
    expect(outcome.rows.map((r) => r.action)).toEqual(['CREATE']);
  });
});
