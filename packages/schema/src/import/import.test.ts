import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uid, viewerOf } from '../auth/test-support/access-fixture.js';
import { modelFacts } from '../entities/data-model.js';
import type { Context } from '../graphql/context.js';
import { createRequestContext } from '../graphql/request-context.js';
import { buildSchema } from '../graphql/schema.js';
import type { UseCaseContext } from '../use-cases/context.js';
import { commitImport, importFile, previewImport, storedOutcome, uploadImport } from './batches.js';
import { fixedFields } from './fixed-fields.js';
import { columnsOfKind, IMPORT_KINDS, type ImportKind, specOf } from './kinds.js';
import { importTemplate } from './template.js';
import { type ImportHarness, importHarness } from './test-support/import-harness.js';

/**
 * The import against a real database, on the access fixture (the Long Biên history and its three
 * sides) as the ward officer of Phúc Lợi. The 30-row people file is hand-written
 * (test-fixtures/people-30.csv: a title block, `;`, a BOM, trailing blank rows) with two known
 * errors — row 7's citizen ID lost its leading zeros (sheet row 11), row 20 lives in a group of
 * the Long Biên ward, outside the officer's territory (sheet row 24); people-30-fixed.csv is the
 * same file with both mended.
 */
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./test-fixtures/${name}`, import.meta.url)));
const schema = buildSchema();
const TODAY = '2026-11-25';

let h: ImportHarness;
let officer: Context;
beforeAll(async () => {
  ({ h, officer } = await importHarness(TODAY));
});
afterAll(() => h?.close());

async function counts() {
  return {
    people: await h.prisma.person.count(),
    audit: await h.prisma.auditEntry.count(),
    keys: await h.prisma.importSourceKey.count(),
    committed: await h.prisma.importBatch.count({ where: { status: 'COMMITTED' } }),
  };
}

/** A stored batch's preview or commit with every row and error read back (the tests' small files). */
const wholePreview = async (ctx: UseCaseContext, id: string) => storedOutcome(ctx, await previewImport(ctx, schema, id), id);
const wholeCommit = async (ctx: UseCaseContext, id: string) => storedOutcome(ctx, await commitImport(ctx, schema, id), id);

describe('importing people (#14 items 2–4)', () => {
  it('the dry run of the 30-row file reports exactly its two errors, on their cells, and writes nothing', async () => {
    const before = await counts();
    const batch = await uploadImport(officer, { kind: 'people', fileName: 'people-30.csv', bytes: fixture('people-30.csv') });
    const preview = await wholePreview(officer, batch.id);
    expect(preview.headerRow).toBe(3);
    expect(preview.rows).toHaveLength(30);
    expect(preview.errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
      [11, 'citizenId', 'CITIZEN_ID_FORMAT'],
      [24, 'residenceUnitId', 'FORBIDDEN'],
    ]);
    expect(preview.errors[0]?.message.vi).toContain('chỉ có 10 chữ số');
    expect(preview.rows.filter((r) => r.action === 'CREATE')).toHaveLength(28);
    expect(preview.committed).toBe(false);
    // A commit of the same file is refused whole: the 28 good rows are not written either.
    const commit = await wholeCommit(officer, batch.id);
    expect(commit.committed).toBe(false);
    expect(commit.errors).toHaveLength(2);
    expect(await counts()).toEqual(before);
  });

  it('fixed, it commits all 30 in one transaction, an audit entry per person; imported again, nothing duplicates', async () => {
    const before = await counts();
    const batch = await uploadImport(officer, { kind: 'people', fileName: 'people-30-fixed.csv', bytes: fixture('people-30-fixed.csv') });
    const done = await wholeCommit(officer, batch.id);
    expect(done.errors).toEqual([]);
    expect(done.committed).toBe(true);
    expect(done.rows.map((r) => r.action)).toEqual(Array(30).fill('CREATE'));
    const stored = await h.prisma.importBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(stored).toMatchObject({ status: 'COMMITTED', rowCount: 30, fileName: 'people-30-fixed.csv', actor: 'phuong.phucloi' });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/u);
    const entries = await h.prisma.auditEntry.findMany({ where: { transactionId: stored.transactionId } });
    expect(entries.filter((e) => e.entityType === 'Person')).toHaveLength(30);
    expect(new Set(entries.map((e) => e.operation))).toEqual(new Set(['commitImport']));
    const created = await h.prisma.person.findMany({
      where: { id: { in: done.rows.map((r) => r.recordId ?? '') } },
      orderBy: { citizenId: 'asc' },
    });
    expect(created).toHaveLength(30);
    expect(created.find((p) => p.citizenId === '001078500007')).toMatchObject({
      fullName: 'Đặng Văn Hùng',
      phone: '0907123007',
      residenceUnitId: uid('group-phuc-loi-1'),
    });
    expect(created.find((p) => p.citizenId === '001192500020')).toMatchObject({ residenceUnitId: uid('group-phuc-loi-2') });
    expect(await counts()).toEqual({
      ...before,
      people: before.people + 30,
      audit: before.audit + entries.length,
      keys: before.keys + 30,
      committed: before.committed + 1,
    });

    const again = await uploadImport(officer, { kind: 'people', fileName: 'people-30-fixed.csv', bytes: fixture('people-30-fixed.csv') });
    const second = await wholeCommit(officer, again.id);
    expect(second.committed).toBe(true);
    expect(second.rows.map((r) => r.action)).toEqual(Array(30).fill('UNCHANGED'));
    expect(second.rows.map((r) => r.recordId)).toEqual(done.rows.map((r) => r.recordId));
    const after = await counts();
    expect(after.people).toBe(before.people + 30);
    expect(
      await h.prisma.auditEntry.count({
        where: { transactionId: (await h.prisma.importBatch.findUniqueOrThrow({ where: { id: again.id } })).transactionId },
      }),
    ).toBe(0);
  });

  it('a row whose source key was imported before updates its record, and only the changed field', async () => {
    const text = fixture('people-30-fixed.csv').toString('utf8').replace('0905 123 005', '0985 000 005');
    const batch = await uploadImport(officer, { kind: 'people', fileName: 'people-30-phone.csv', bytes: Buffer.from(text) });
    const done = await wholeCommit(officer, batch.id);
    expect(done.rows.filter((r) => r.action === 'UPDATE').map((r) => r.rowNumber)).toEqual([9]);
    const person = await h.prisma.person.findFirstOrThrow({ where: { citizenId: '001074500005' } });
    expect(person).toMatchObject({ phone: '0985000005', version: 2 });
  });

  it('a commit runs once: committing the same batch again is refused', async () => {
    const batch = await uploadImport(officer, { kind: 'people', fileName: 'people-30-fixed.csv', bytes: fixture('people-30-fixed.csv') });
    await commitImport(officer, schema, batch.id);
    await expect(commitImport(officer, schema, batch.id)).rejects.toMatchObject({ violations: [{ code: 'IMPORT_ALREADY_COMMITTED' }] });
  });
});

describe('references by what people write (#14 item 3)', () => {
  it('a later file names a residential group by the source key an earlier file gave it, by name and ward, or by name alone', async () => {
    const groups = ['Mã nguồn,Tên tổ dân phố,"Phường, xã",Ngày bắt đầu', 'TDP-31,Tổ dân phố số 31 (Phúc Lợi),Phúc Lợi,01/07/2025', ''].join(
      '\n',
    );
    const g = await importFile(officer, schema, {
      kind: 'residential-groups',
      fileName: 'to-dan-pho.csv',
      bytes: Buffer.from(groups),
      dryRun: false,
    });
    expect(g.errors).toEqual([]);
    const groupId = g.rows[0]?.recordId;
    expect(await h.prisma.unitParent.findFirst({ where: { unitId: groupId ?? '' } })).toMatchObject({
      parentId: uid('ward-2025-phuc-loi'),
    });
    const buildings = [
      'Tên nhà chung cư;Tổ dân phố;Số căn hộ;Số khối nhà;Nhiều chủ sở hữu;Ngày bắt đầu',
      'Chung cư 31A;TDP-31;100;1;Có;01/08/2025',
      'Chung cư 31B;Tổ dân phố số 31 (Phúc Lợi), phường Phúc Lợi;80;1;có;2025-08-01',
      'Chung cư 31C;tổ dân phố số 31 (phuc loi);60;1;Không;45870',
    ].join('\n');
    const b = await importFile(officer, schema, {
      kind: 'buildings',
      fileName: 'chung-cu.csv',
      bytes: Buffer.from(buildings),
      dryRun: true,
    });
    expect(b.errors).toEqual([]);
    expect(b.rows.map((r) => r.action)).toEqual(['CREATE', 'CREATE', 'CREATE']);
  });

  it('a place that exists only at another date, or under another name, is not found on its cell', async () => {
    // The old ward Phúc Lợi ended on 1/7/2025; a group dated before it was founded names nothing.
    const groups = [
      'Tên tổ dân phố,Phường,Ngày bắt đầu',
      'Tổ dân phố số 40,Không Có Phường,01/07/2025',
      'Tổ dân phố số 41,Phúc Lợi,01/01/1990',
      '',
    ].join('\n');
    const g = await importFile(officer, schema, {
      kind: 'residential-groups',
      fileName: 'x.csv',
      bytes: Buffer.from(groups),
      dryRun: true,
    });
    expect(g.errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
      [2, 'parentId', 'ENTITY_NOT_FOUND'],
      [3, 'parentId', 'ENTITY_NOT_FOUND'],
    ]);
  });
});

describe('a row without its own date resolves its references as of the file’s date (#14)', () => {
  // Giang Biên's groups were in the ward Giang Biên until 1/7/2025 (then Việt Hưng and Phúc Lợi), so
  // "Tổ dân phố số 1 (Giang Biên), Giang Biên" names a group on 1/12/2022 and nothing today.
  const peopleFile = (title: string[]) =>
    Buffer.from(
      [
        ...title,
        'Họ và tên,Giới tính,Năm sinh,Số CCCD,Thường trú',
        'Đỗ Văn Hải,Nam,1980,001080777001,"Tổ dân phố số 1 (Giang Biên), Giang Biên"',
        '',
      ].join('\n'),
    );
  const asAdmin = async () => createRequestContext({ prisma: h.prisma, viewer: await viewerOf(h.prisma, 'admin'), today: TODAY });

  it('the title block’s "Ngày số liệu" is the date of a people row: the group of 2022 is found; without it, not found today', async () => {
    const admin = await asAdmin();
    const dated = await importFile(admin, schema, {
      kind: 'people',
      fileName: 'nhan-khau-2022.csv',
      bytes: peopleFile(['DANH SÁCH NHÂN KHẨU', 'Ngày số liệu: 01/12/2022', 'Phạm vi: Quận Long Biên', '']),
      dryRun: true,
    });
    expect(dated.errors).toEqual([]);
    expect(dated.rows.map((r) => r.action)).toEqual(['CREATE']);
    const undated = await importFile(admin, schema, {
      kind: 'people',
      fileName: 'nhan-khau.csv',
      bytes: peopleFile(['DANH SÁCH NHÂN KHẨU', '']),
      dryRun: true,
    });
    expect(undated.errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([[4, 'residenceUnitId', 'ENTITY_NOT_FOUND']]);
    expect(undated.errors[0]?.message.vi).toContain(`vào ngày ${TODAY}`);
  });

  it('a row’s own date wins over the file’s: a group dated 2025 in a file of 2022 is placed in the Phúc Lợi of 2025', async () => {
    // Phúc Lợi names the old ward on 1/12/2022 and the new one (from 1/7/2025) on 1/8/2025.
    const admin = await asAdmin();
    const groups = [
      'Ngày số liệu:,,01/12/2022',
      'Tên tổ dân phố,"Phường, xã",Ngày bắt đầu',
      'Tổ dân phố số 50 (Phúc Lợi),Phúc Lợi,01/08/2025',
      '',
    ];
    const g = await importFile(admin, schema, {
      kind: 'residential-groups',
      fileName: 'to.csv',
      bytes: Buffer.from(groups.join('\n')),
      dryRun: false,
    });
    expect(g.errors).toEqual([]);
    expect(await h.prisma.unitParent.findFirst({ where: { unitId: g.rows[0]?.recordId ?? '' } })).toMatchObject({
      parentId: uid('ward-2025-phuc-loi'),
    });
  });
});

describe('every kind (#14 items 1 and 4)', () => {
  // In the kinds' order: each example builds on those before it (the people example's person holds the memberships example's post).
  it.each(IMPORT_KINDS.map((k) => [k.name, k] as const))(
    '%s: its template, filled with its example row, passes the dry run and writes nothing; committed, its record is audited',
    async (_n, kind) => {
      const before = await counts();
      const bytes = await importTemplate(kind);
      // A complex lies in no ward until a building names it: the ward officer could not read it back,
      // so the dry run already refuses its row (auth/read-back.ts); an administrator writes it.
      const importer =
        kind.name === 'complexes'
          ? await createRequestContext({ prisma: h.prisma, viewer: await viewerOf(h.prisma, 'admin'), today: TODAY })
          : officer;
      if (kind.name === 'complexes') {
        const refused = await importFile(officer, schema, { kind: kind.name, fileName: `${kind.name}.xlsx`, bytes, dryRun: true });
        expect(refused.errors.map((e) => [e.rowNumber, e.code])).toEqual([[2, 'WRITE_OUTSIDE_OWN_READ']]);
      }
      const outcome = await importFile(importer, schema, { kind: kind.name, fileName: `${kind.name}.xlsx`, bytes, dryRun: true });
      expect(outcome.errors).toEqual([]);
      expect(outcome.rows.map((r) => r.action)).toEqual(['CREATE']);
      expect(await counts()).toEqual(before);
      expect(await h.prisma.importBatch.count({ where: { fileName: `${kind.name}.xlsx` } })).toBe(0);
      const committed = await importFile(importer, schema, { kind: kind.name, fileName: `${kind.name}.xlsx`, bytes, dryRun: false });
      expect(committed.committed).toBe(true);
      const entries = await h.prisma.auditEntry.findMany({
        where: { entityId: committed.rows[0]?.recordId ?? '', operation: 'commitImport' },
      });
      expect(entries.map((e) => e.entityType)).toContain(specOf(kind).typename);
    },
  );
});

describe('the API a wizard sits on (#14 item 5)', () => {
  const PREVIEW = `query($id: String!, $headerRow: Int, $columns: [ImportColumnChoice!]) { importBatch(id: $id) {
    status fileName preview(headerRow: $headerRow, columns: $columns) { committed headerRow headers
      columns { key header required type }
      rows { rowNumber action cells { column value } errors { column code } }
      errors { rowNumber column code message { vi en } } } } }`;

  it('previews a batch with every error on its cell, lets the client re-match a column, and commits through the mutation', async () => {
    const viewer = officer.viewer;
    const batch = await uploadImport(officer, { kind: 'people', fileName: 'people-30.csv', bytes: fixture('people-30.csv') });
    const first = await h.run<{
      importBatch: {
        preview: {
          headerRow: number;
          headers: string[];
          columns: Array<{ key: string; header: number | null }>;
          rows: Array<{ rowNumber: number; errors: Array<{ column: string; code: string }> }>;
          errors: Array<{ rowNumber: number; column: string; code: string }>;
        };
      };
    }>(PREVIEW, { id: batch.id }, { viewer, today: TODAY });
    const p = first.importBatch.preview;
    expect(p.headerRow).toBe(3);
    expect(p.columns.find((c) => c.key === 'citizenId')?.header).toBe(p.headers.indexOf('Số CCCD'));
    expect(p.errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
      [11, 'citizenId', 'CITIZEN_ID_FORMAT'],
      [24, 'residenceUnitId', 'FORBIDDEN'],
    ]);
    expect(p.rows.find((r) => r.rowNumber === 24)?.errors).toEqual([{ column: 'residenceUnitId', code: 'FORBIDDEN' }]);
    // The user says the residence column is not to be read: the territory error goes, the citizen ID's stays.
    const columns = p.columns
      .filter((c) => c.header !== null && c.key !== 'residenceUnitId')
      .map((c) => ({ key: c.key, header: c.header }));
    const second = await h.run<{ importBatch: { preview: { errors: Array<{ rowNumber: number; column: string }> } } }>(
      PREVIEW,
      { id: batch.id, headerRow: 3, columns },
      { viewer, today: TODAY },
    );
    expect(second.importBatch.preview.errors.map((e) => [e.rowNumber, e.column])).toEqual([[11, 'citizenId']]);

    const refused = await h.run<{ commitImport: { data: { committed: boolean; errors: unknown[] } } }>(
      `mutation($input: CommitImportInput!) { commitImport(input: $input) { ... on MutationCommitImportSuccess { data { committed errors { code } } } } }`,
      { input: { batchId: batch.id } },
      { viewer, today: TODAY },
    );
    expect(refused.commitImport.data).toEqual({ committed: false, errors: [{ code: 'CITIZEN_ID_FORMAT' }, { code: 'FORBIDDEN' }] });
    const listed = await h.run<{ imports: Array<{ id: string; status: string }> }>(
      '{ imports { id status } }',
      {},
      { viewer, today: TODAY },
    );
    expect(listed.imports.find((b) => b.id === batch.id)).toEqual({ id: batch.id, status: 'UPLOADED' });
  });

  it('a workbook’s sheets are listed; the preview reads the first that matches the kind, or the one chosen; the commit keeps it', async () => {
    const viewer = officer.viewer;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Bìa').addRows([['DANH SÁCH NHÂN KHẨU'], ['Phường Phúc Lợi']]);
    workbook.addWorksheet('Năm trước').addRows([['Ghi chú'], ['không dùng nữa']]);
    workbook.addWorksheet('Danh sách').addRows([
      ['Mã nguồn', 'Họ và tên', 'Giới tính', 'Năm sinh', 'Số CCCD', 'Thường trú'],
      ['TRANG-1', 'Người Trang Một', 'Nam', 1980, '001080777001', 'Tổ dân phố số 1 (Phúc Lợi), Phúc Lợi'],
      ['TRANG-2', 'Người Trang Hai', 'Nam', 1980, '001080777002', 'Tổ dân phố số 1 (Phúc Lợi), Phúc Lợi'],
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const batch = await uploadImport(officer, { kind: 'people', fileName: 'nhan-khau.xlsx', bytes });
    expect(batch.rowCount).toBe(2);
    const SHEET = `query($id: String!, $sheet: String) { importBatch(id: $id) { sheets sheet
      preview(sheet: $sheet) { sheet headerRow rows { action } errors { code } } } }`;
    type Answer = {
      importBatch: {
        sheets: string[];
        sheet: string | null;
        preview: { sheet: string; headerRow: number | null; rows: Array<{ action: string }>; errors: Array<{ code: string }> };
      };
    };
    const found = await h.run<Answer>(SHEET, { id: batch.id }, { viewer, today: TODAY });
    expect(found.importBatch.sheets).toEqual(['Bìa', 'Năm trước', 'Danh sách']);
    expect(found.importBatch.sheet).toBeNull();
    expect(found.importBatch.preview).toEqual({
      sheet: 'Danh sách',
      headerRow: 0,
      rows: [{ action: 'CREATE' }, { action: 'CREATE' }],
      errors: [],
    });
    const cover = await h.run<Answer>(SHEET, { id: batch.id, sheet: 'Bìa' }, { viewer, today: TODAY });
    expect(cover.importBatch.preview).toEqual({ sheet: 'Bìa', headerRow: null, rows: [], errors: [{ code: 'IMPORT_NO_HEADER' }] });
    const unknown = await h.exec(SHEET, { id: batch.id, sheet: 'Không có' }, { viewer, today: TODAY });
    expect(unknown.errors.map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors[0]?.localizedMessage?.vi).toContain(
      'Tệp không có trang tính "Không có"; các trang: "Bìa", "Năm trước", "Danh sách".',
    );
    expect(unknown.errors[0]?.localizedMessage?.en).toContain(
      'The file has no sheet "Không có"; its sheets: "Bìa", "Năm trước", "Danh sách".',
    );

    const committed = await h.run<{ commitImport: { data: { committed: boolean; sheet: string; batch: { sheet: string | null } } } }>(
      `mutation($input: CommitImportInput!) { commitImport(input: $input) { ... on MutationCommitImportSuccess { data { committed sheet batch { sheet } } } } }`,
      { input: { batchId: batch.id, sheet: 'Danh sách' } },
      { viewer, today: TODAY },
    );
    expect(committed.commitImport.data).toEqual({ committed: true, sheet: 'Danh sách', batch: { sheet: 'Danh sách' } });
    expect(await h.prisma.person.count({ where: { citizenId: { in: ['001080777001', '001080777002'] } } })).toBe(2);
  });

  it('a batch is its uploader’s: another officer gets FORBIDDEN, for it and for an id that names nothing', async () => {
    const batch = await uploadImport(officer, { kind: 'people', fileName: 'people-30.csv', bytes: fixture('people-30.csv') });
    const other = await viewerOf(h.prisma, 'phuong.longbien');
    for (const id of [batch.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const r = await h.exec('query($id: String!) { importBatch(id: $id) { fileName } }', { id }, { viewer: other, today: TODAY });
      expect(
        r.errors.map((e) => e.code),
        id,
      ).toEqual(['FORBIDDEN']);
    }
    const mine = await h.run<{ imports: Array<{ id: string }> }>('{ imports { id } }', {}, { viewer: other, today: TODAY });
    expect(mine.imports.map((b) => b.id)).not.toContain(batch.id);
  });

  it('lists the kinds with their columns, enum values labelled', async () => {
    const r = await h.run<{
      importKinds: Array<{
        name: string;
        columns: Array<{ key: string; type: string; values: Array<{ value: string; label: { vi: string } }> }>;
      }>;
    }>('{ importKinds { name columns { key type values { value label { vi } } } } }', {}, { viewer: officer.viewer, today: TODAY });
    expect(r.importKinds.map((k) => k.name)).toEqual(IMPORT_KINDS.map((k) => k.name));
    const sex = r.importKinds[0]?.columns.find((c) => c.key === 'sex');
    expect(sex).toEqual({
      key: 'sex',
      type: 'ENUM',
      values: [
        { value: 'MALE', label: { vi: 'Nam' } },
        { value: 'FEMALE', label: { vi: 'Nữ' } },
      ],
    });
  });
});

/** A one-row CSV of a kind with its template's headers. */
function csv(kind: ImportKind, values: Readonly<Record<string, string | number>>): Buffer {
  const columns = columnsOfKind(kind);
  return Buffer.from(
    [columns.map((c) => `"${c.label.vi}"`).join(','), columns.map((c) => `"${values[c.key] ?? ''}"`).join(','), ''].join('\n'),
  );
}

/**
 * Every kind's example in place, as the officer (the examples build on each other; already there →
 * unchanged). A complex lies in no ward until a building names it: the ward officer could not read
 * back the complex the example creates, so its row is refused (auth/read-back.ts) and nothing of it written.
 */
async function importExamples(): Promise<void> {
  for (const kind of IMPORT_KINDS) {
    const r = await importFile(officer, schema, { kind: kind.name, fileName: 'vd.csv', bytes: csv(kind, kind.example), dryRun: false });
    expect(
      r.errors.map((e) => e.code),
      kind.name,
    ).toEqual(kind.name === 'complexes' ? ['WRITE_OUTSIDE_OWN_READ'] : []);
  }
}

describe('a re-import that would move a record (#14)', () => {
  /**
   * Every (kind, column) whose value an existing record keeps whatever a row says (create-only
   * fields such as a group's ward, or fields outside the update schema) needs an alternative here:
   * a value naming another, existing record. The list of pairs is computed from the specs, so a
   * kind or field added later fails this test until it is covered.
   */
  const ALTERNATIVES: Readonly<Record<string, string>> = {
    'residential-groups.parentId': 'Việt Hưng',
    'organizations.parentId': 'Đảng ủy phường Phúc Lợi',
    'organizations.unitIds': 'Tổ dân phố số 1 (Phúc Lợi), Phúc Lợi',
    'party-cells.parentId': 'Thành ủy Hà Nội',
    'party-cells.unitIds': 'Tổ dân phố số 1 (Phúc Lợi), Phúc Lợi',
    'boards.buildingId': 'Chung cư A',
    'boards.name': 'Ban quản trị Phúc Lợi Xanh mới',
    'boards.electedOn': '21/09/2025',
    'boards.validFrom': '02/10/2025',
    'boards.validTo': '02/10/2028',
    'boards.decisionNumber': '126/QĐ-UBND',
    'boards.headId': '001085012345',
    'boards.deputyIds': '001190123456',
    'boards.memberIds': '001085012345; 001182000111',
    'training-attendances.trainingId': 'VD-TH-02',
    'training-attendances.personId': '001085012345',
  };
  beforeAll(async () => {
    await importExamples();
    // A second training, for an attendance row to name instead of the example's.
    const trainings = IMPORT_KINDS.find((k) => k.name === 'trainings');
    if (!trainings) throw new Error('no trainings kind');
    const second = { ...trainings.example, sourceKey: 'VD-TH-02', title: `${String(trainings.example.title)} (đợt 2)` };
    const r = await importFile(officer, schema, { kind: 'trainings', fileName: 'th2.csv', bytes: csv(trainings, second), dryRun: false });
    expect(r.errors).toEqual([]);
  });
  // A workflow kind's record changes only through another workflow: every column its example fills is fixed.
  const fixedOf = (kind: ImportKind) =>
    kind.workflow
      ? columnsOfKind(kind)
          .map((c) => c.key)
          .filter((k) => k !== 'sourceKey' && kind.example[k] !== undefined)
      : fixedFields(specOf(kind));
  const pairs = IMPORT_KINDS.flatMap((kind) => {
    const fixed = new Set(fixedOf(kind));
    return columnsOfKind(kind)
      .filter((c) => fixed.has(c.key))
      .map((c) => [`${kind.name}.${c.key}`, kind, c.key] as const);
  });

  it('the class is known: every fixed column of every kind has an alternative value, and there is at least one', () => {
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.map(([name]) => name).sort()).toEqual(Object.keys(ALTERNATIVES).sort());
  });

  it.each(pairs)(
    '%s: a row naming an existing record with another value is an error on that cell, and writes nothing',
    async (name, kind, key) => {
      const first = await importFile(officer, schema, { kind: kind.name, fileName: 'a.csv', bytes: csv(kind, kind.example), dryRun: true });
      expect(first.rows.map((r) => r.action)).toEqual(['UNCHANGED']);
      const recordId = first.rows[0]?.recordId;
      const before = await counts();
      const alternative = ALTERNATIVES[name] ?? '';
      const moved = await importFile(officer, schema, {
        kind: kind.name,
        fileName: 'b.csv',
        bytes: csv(kind, { ...kind.example, [key]: alternative }),
        dryRun: false,
      });
      expect(moved.committed).toBe(false);
      expect(moved.errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([[2, key, 'IMPORT_FIXED_FIELD']]);
      // The message names the column, and a place or body as people write it (without the ward after the comma), not its id;
      // a record without a name (a training) by its title.
      const column = columnsOfKind(kind).find((c) => c.key === key);
      expect(moved.errors[0]?.message.vi).toContain(column?.label.vi);
      if (column?.type.kind === 'reference' && column.type.typename !== 'Person') {
        expect(moved.errors[0]?.message.vi).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/u);
      }
      if (column?.type.kind === 'reference' && modelFacts(column.type.typename).columns.has('name')) {
        expect(moved.errors[0]?.message.vi).toContain(`"${alternative.split(',')[0]}"`);
      }
      expect(await counts()).toEqual(before);
      // The same file unchanged still names the same record, untouched.
      const again = await importFile(officer, schema, { kind: kind.name, fileName: 'a.csv', bytes: csv(kind, kind.example), dryRun: true });
      expect(again.rows.map((r) => [r.action, r.recordId])).toEqual([['UNCHANGED', recordId]]);
    },
  );
});

describe('boards through the establishment workflow (#14 item 1)', () => {
  beforeAll(importExamples);
  const header =
    'Mã nguồn;Nhà chung cư;Ngày bầu;Ngày bắt đầu nhiệm kỳ;Ngày kết thúc nhiệm kỳ;Trưởng ban (số định danh);Phó ban (số định danh);Ủy viên (số định danh)';

  it('a board row becomes the body, its first term, its members by role and its establishment record', async () => {
    const file = [header, 'BQT-31;Chung cư 31A;10/09/2025;01/10/2025;01/10/2028;001085012345;001190123456;001182000111', ''].join('\n');
    await importFile(officer, schema, {
      kind: 'buildings',
      fileName: 'cc.csv',
      bytes: Buffer.from(
        'Mã nguồn;Tên nhà chung cư;Tổ dân phố;Số căn hộ;Số khối nhà;Nhiều chủ sở hữu;Ngày bắt đầu\nCC-31A;Chung cư 31A;Tổ dân phố số 1 (Phúc Lợi), Phúc Lợi;100;1;Có;01/08/2025\n',
      ),
      dryRun: false,
    });
    const done = await importFile(officer, schema, { kind: 'boards', fileName: 'bqt.csv', bytes: Buffer.from(file), dryRun: false });
    expect(done.errors).toEqual([]);
    const boardId = done.rows[0]?.recordId ?? '';
    const board = await h.prisma.organization.findUniqueOrThrow({ where: { id: boardId } });
    expect(board).toMatchObject({ kind: 'MANAGEMENT_BOARD', name: 'Ban quản trị Chung cư 31A' });
    const members = await h.prisma.membership.findMany({ where: { organizationId: boardId }, include: { person: true } });
    expect(members.map((m) => [m.person.citizenId, m.role]).sort()).toEqual([
      ['001085012345', 'HEAD'],
      ['001182000111', 'MEMBER'],
      ['001190123456', 'DEPUTY_HEAD'],
    ]);
    expect(await h.prisma.boardTerm.count({ where: { boardId, termNumber: 1 } })).toBe(1);
    expect(await h.prisma.boardChange.count({ where: { boardId, kind: 'ESTABLISHMENT' } })).toBe(1);
    const again = await importFile(officer, schema, { kind: 'boards', fileName: 'bqt.csv', bytes: Buffer.from(file), dryRun: true });
    expect(again.rows.map((r) => [r.action, r.recordId])).toEqual([['UNCHANGED', boardId]]);
  });

  it('the workflow’s rules are told on the row’s columns: too few members, no deputy, a citizen ID that names no one; nothing is written', async () => {
    const buildings = await importFile(officer, schema, {
      kind: 'buildings',
      fileName: 'cc32.csv',
      bytes: Buffer.from(
        [
          'Tên nhà chung cư;Tổ dân phố;Số căn hộ;Số khối nhà;Nhiều chủ sở hữu;Ngày bắt đầu',
          'Chung cư 32A;Tổ dân phố số 1 (Phúc Lợi), Phúc Lợi;90;1;Có;01/08/2025',
          'Chung cư 32B;Tổ dân phố số 1 (Phúc Lợi), Phúc Lợi;90;1;Có;01/08/2025',
          '',
        ].join('\n'),
      ),
      dryRun: false,
    });
    expect(buildings.errors).toEqual([]);
    const file = [
      header,
      ';Chung cư 32A;10/09/2025;01/10/2025;01/10/2028;001085012345;;',
      ';Chung cư 32B;10/09/2025;01/10/2025;01/10/2028;001085012345;001190123456;"001182000111; 001099999999"',
      '',
    ].join('\n');
    const before = await counts();
    const r = await importFile(officer, schema, { kind: 'boards', fileName: 'bqt-hong.csv', bytes: Buffer.from(file), dryRun: false });
    // A head alone: fewer than 3 members and no deputy (the composition rules); an unknown citizen ID among the members.
    expect(r.errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
      [2, 'memberIds', 'BOARD_MIN_MEMBERS'],
      [2, 'memberIds', 'BOARD_DEPUTIES'],
      [3, 'memberIds', 'ENTITY_NOT_FOUND'],
    ]);
    expect(r.errors[2]?.message.vi).toContain('001099999999');
    expect(await counts()).toEqual(before);
  });
});

describe('a big preview does not hold the gateway (#14 item 7)', () => {
  const N = 400;
  const PROGRESS = 'query Progress($id: String!) { importBatch(id: $id) { progress { phase done total } } }';

  it('while a preview runs, another request is answered, and reads how far the preview has got', async () => {
    const rows = Array.from(
      { length: N },
      (_, i) => `Người Thử Lớn ${i + 1};Nam;1980;001080${200000 + i};Tổ dân phố số 1 (Phúc Lợi), Phúc Lợi`,
    );
    const bytes = Buffer.from(['Họ và tên;Giới tính;Năm sinh;Số CCCD;Thường trú', ...rows, ''].join('\n'));
    const batch = await uploadImport(officer, { kind: 'people', fileName: 'lon.csv', bytes });
    const as = { viewer: officer.viewer, today: TODAY };
    let finished = false;
    const preview = h
      .run<{ importBatch: { preview: { counts: { rows: number; create: number }; rows: unknown[]; errors: unknown[] } } }>(
        'query Preview($id: String!) { importBatch(id: $id) { preview { counts { rows create } rows(offset: 300, first: 200) { rowNumber } errors { code } } } }',
        { id: batch.id },
        as,
      )
      .finally(() => {
        finished = true;
      });
    // Asked again and again until the preview has checked a row — or has ended, which fails below.
    type Progress = { phase: string; done: number; total: number } | null;
    let progress: Progress = null;
    while (!finished && !(progress && progress.done > 0)) {
      progress = (await h.run<{ importBatch: { progress: Progress } }>(PROGRESS, { id: batch.id }, as)).importBatch.progress;
    }
    expect(finished).toBe(false);
    expect(progress).toMatchObject({ phase: 'PREVIEW', total: N });
    expect(progress?.done).toBeLessThan(N);
    const done = await preview;
    expect(done.importBatch.preview.errors).toEqual([]);
    expect(done.importBatch.preview.counts).toEqual({ rows: N, create: N });
    expect(done.importBatch.preview.rows).toHaveLength(N - 300);
    // Once it has ended, nothing runs.
    expect((await h.run<{ importBatch: { progress: Progress } }>(PROGRESS, { id: batch.id }, as)).importBatch.progress).toBeNull();
  });
});
