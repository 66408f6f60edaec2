import { describeColumn, type ImportColumn, isUuid } from '@coso/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { forbidden } from '../auth/access.js';
import type { ImportBatch } from '../generated/prisma/client.js';
import { bilingualError } from '../graphql/bilingual-error.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { LocalizedTextRef, WRITE_ERRORS } from '../graphql/errors.js';
import { fieldCost } from '../graphql/field-cost.js';
import { ValidationError } from '../store/write-errors.js';
import { commitImport, type LastRun, listBatches, previewImport, readBatch } from './batches.js';
import type { ImportCounts, ImportError, ImportSummary, RowOutcome } from './engine.js';
import { columnsOfKind, IMPORT_KINDS, type ImportKind, importKind, specOf } from './kinds.js';
import { type ImportProgress, progressOf } from './progress.js';
import { runningNow } from './run-claim.js';
import { errorPage, outcomePage, type PageOf } from './stored-rows.js';

/**
 * Bulk import over GraphQL (the upload itself is `POST /imports`, apps/gateway): the kinds and
 * their columns, the viewer's batches, a batch's preview — a dry run with the header row and column
 * matching the client chooses, every row's cells and every error on its cell — and the commit.
 * A wizard sits on these: upload → preview (choose header row and columns, preview again) → commit.
 */

const ColumnTypeKind = builder.enumType('ImportColumnType', {
  values: ['TEXT', 'INTEGER', 'BOOLEAN', 'DATE', 'CITIZEN_ID', 'ENUM', 'REFERENCE'] as const,
});
const TYPE_NAMES = {
  text: 'TEXT',
  integer: 'INTEGER',
  boolean: 'BOOLEAN',
  date: 'DATE',
  citizenId: 'CITIZEN_ID',
  enum: 'ENUM',
  reference: 'REFERENCE',
} as const;

const ImportValueRef = builder.objectRef<{ value: string; label: { vi: string; en: string } }>('ImportValue').implement({
  description: 'Một giá trị được chọn / An allowed value of an enum column and its label.',
  fields: (t) => ({ value: t.exposeString('value'), label: t.field({ type: LocalizedTextRef, resolve: (v) => v.label }) }),
});

const ImportColumnRef = builder.objectRef<ImportColumn & { header?: number | undefined }>('ImportColumn').implement({
  description: 'Một cột của mẫu nhập / A column of an import kind, from the domain’s input schema.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The input field it fills (and the column of errors).' }),
    label: t.field({ type: LocalizedTextRef, resolve: (c) => c.label }),
    required: t.exposeBoolean('required'),
    type: t.field({ type: ColumnTypeKind, resolve: (c) => TYPE_NAMES[c.type.kind] }),
    description: t.field({ type: LocalizedTextRef, resolve: (c) => describeColumn(c) }),
    values: t.field({
      type: [ImportValueRef],
      description: 'For ENUM columns: the values and their labels (empty otherwise).',
      resolve: (c) => (c.type.kind === 'enum' ? c.type.values.map((value) => ({ value, label: enumLabel(c, value) })) : []),
    }),
    header: t.int({
      nullable: true,
      description: 'In a preview: the index of the header it is read from (null: none).',
      resolve: (c) => c.header ?? null,
    }),
  }),
});

function enumLabel(c: ImportColumn, value: string) {
  return c.type.kind === 'enum' ? (c.type.labels[value] ?? { vi: value, en: value }) : { vi: value, en: value };
}

const ImportKindRef = builder.objectRef<ImportKind>('ImportKind').implement({
  description: 'Một loại dữ liệu nhập được / What can be imported; its template is GET /imports/templates/<name>.xlsx.',
  fields: (t) => ({
    name: t.exposeString('name'),
    label: t.field({ type: LocalizedTextRef, resolve: (k) => k.label }),
    columns: t.field({ type: [ImportColumnRef], resolve: (k) => columnsOfKind(k) }),
  }),
});

const ImportErrorRef = builder.objectRef<ImportError>('ImportError').implement({
  description: 'Một lỗi của tệp / An error: its row and column (null: the row or the sheet as a whole), rule code and message.',
  fields: (t) => ({
    rowNumber: t.int({ nullable: true, resolve: (e) => e.rowNumber }),
    column: t.string({ nullable: true, resolve: (e) => e.column }),
    code: t.exposeString('code'),
    message: t.field({ type: LocalizedTextRef, resolve: (e) => e.message }),
  }),
});

const RowAction = builder.enumType('ImportRowAction', { values: ['CREATE', 'UPDATE', 'UNCHANGED'] as const });

const ImportCellRef = builder.objectRef<{ column: string; value: string }>('ImportCell').implement({
  fields: (t) => ({ column: t.exposeString('column'), value: t.exposeString('value') }),
});

type RowParent = RowOutcome & { typename: string; errors: ImportError[] };

const ImportRowRef = builder.objectRef<RowParent>('ImportRow').implement({
  description: 'Một dòng / A row: what it does (null when it has errors), its cells as read and its errors.',
  fields: (t) => ({
    rowNumber: t.exposeInt('rowNumber', { description: 'As the spreadsheet numbers it (1 = first row).' }),
    action: t.field({ type: RowAction, nullable: true, resolve: (r) => r.action }),
    recordId: t.id({
      nullable: true,
      description: 'The record it creates or updates (after a commit: created or updated).',
      resolve: (r) => (r.recordId ? encodeGlobalID(r.typename, r.recordId) : null),
    }),
    cells: t.field({ type: [ImportCellRef], resolve: (r) => Object.entries(r.values).map(([column, value]) => ({ column, value })) }),
    errors: t.field({ type: [ImportErrorRef], resolve: (r) => r.errors }),
  }),
});

type OutcomeParent = ImportSummary & { kind: ImportKind; batch: ImportBatch };

/** The most rows or errors one page answers (a 10,000-row file is read a page at a time). */
export const IMPORT_PAGE_MAX = 200;

function pageOf(args: { offset?: number | null; first?: number | null }): { offset: number; first: number } {
  const offset = args.offset ?? 0;
  const first = args.first ?? 100;
  if (offset < 0 || first < 0 || first > IMPORT_PAGE_MAX) {
    throw bilingualError('BAD_USER_INPUT', {
      vi: `Trang không hợp lệ: offset ≥ 0 và 0 ≤ first ≤ ${IMPORT_PAGE_MAX}.`,
      en: `Invalid page: offset ≥ 0 and 0 ≤ first ≤ ${IMPORT_PAGE_MAX}.`,
    });
  }
  return { offset, first };
}

async function rowsPage(ctx: Context, o: OutcomeParent, page: PageOf): Promise<RowParent[]> {
  const typename = specOf(o.kind).typename;
  const rows = await outcomePage(ctx.prisma, o.batch.id, o.sheet, o.mapping, page);
  return rows.map((r) => ({
    rowNumber: r.rowNumber,
    action: r.action as RowOutcome['action'],
    recordId: r.recordId,
    values: r.values,
    typename,
    errors: r.errors.map((e) => ({ ...e, rowNumber: r.rowNumber })),
  }));
}

/** A page of every error: the sheet's, then the rows' in the sheet's order. */
async function errorsPage(ctx: Context, o: OutcomeParent, page: { offset: number; first: number }): Promise<ImportError[]> {
  const own = o.sheetErrors.slice(page.offset, page.offset + page.first);
  const rest = page.first - own.length;
  if (rest === 0) return own;
  const rows = await errorPage(ctx.prisma, o.batch.id, o.sheet, { offset: Math.max(0, page.offset - o.sheetErrors.length), first: rest });
  return [...own, ...rows];
}

const ImportCountsRef = builder.objectRef<ImportCounts>('ImportCounts').implement({
  description: 'Số dòng / What a preview or commit found, counted over the whole sheet.',
  fields: (t) => ({
    rows: t.exposeInt('rows', { description: 'Rows checked (under the header row, holding a mapped cell).' }),
    rowsWithErrors: t.exposeInt('rowsWithErrors'),
    errors: t.exposeInt('errors', { description: 'Every error, the sheet’s and the rows’.' }),
    create: t.exposeInt('create', { description: 'Rows that create a record.' }),
    update: t.exposeInt('update'),
    unchanged: t.exposeInt('unchanged'),
  }),
});

const ImportPreviewRef = builder.objectRef<OutcomeParent>('ImportPreview').implement({
  description:
    'Kết quả kiểm tra / A dry run (or a commit): every row checked by the same rules as a single write; the counts over the sheet, its rows and errors a page at a time.',
  fields: (t) => ({
    committed: t.exposeBoolean('committed', { description: 'True when the rows were written (a commit without errors).' }),
    sheet: t.exposeString('sheet', { description: 'Trang tính đã đọc / The sheet of the workbook read (a CSV file: its name).' }),
    headerRow: t.int({ nullable: true, description: 'Index (0-based) of the header row.', resolve: (o) => o.headerRow }),
    headers: t.stringList({ resolve: (o) => o.headers }),
    columns: t.field({
      type: [ImportColumnRef],
      resolve: (o) => columnsOfKind(o.kind).map((c) => ({ ...c, header: o.mapping[c.key] })),
    }),
    counts: t.field({ type: ImportCountsRef, resolve: (o) => o.counts }),
    sheetErrors: t.field({
      type: [ImportErrorRef],
      description: 'Errors of the sheet as a whole (no header row, a required column missing).',
      resolve: (o) => o.sheetErrors,
    }),
    rows: t.field({
      type: [ImportRowRef],
      description: `A page of the rows checked, in the sheet’s order (at most ${IMPORT_PAGE_MAX}); withErrors: only the rows with an error.`,
      args: {
        offset: t.arg.int({ required: false, defaultValue: 0 }),
        first: t.arg.int({ required: false, defaultValue: 100 }),
        withErrors: t.arg.boolean({ required: false, defaultValue: false }),
      },
      resolve: (o, args, ctx) => rowsPage(ctx, o, { ...pageOf(args), withErrors: args.withErrors ?? false }),
    }),
    errors: t.field({
      type: [ImportErrorRef],
      description: `A page of every error (at most ${IMPORT_PAGE_MAX}): the sheet’s, then the rows’ in the sheet’s order.`,
      args: {
        offset: t.arg.int({ required: false, defaultValue: 0 }),
        first: t.arg.int({ required: false, defaultValue: 100 }),
      },
      resolve: (o, args, ctx) => errorsPage(ctx, o, pageOf(args)),
    }),
    batch: t.field({ type: ImportBatchRef, resolve: (o) => o.batch }),
  }),
});

const ImportColumnChoice = builder.inputType('ImportColumnChoice', {
  description: 'Cột nào đọc từ tiêu đề nào / Which header (0-based index in the header row) a column is read from.',
  fields: (t) => ({ key: t.string({ required: true }), header: t.int({ required: true }) }),
});

const ImportProgressRef = builder.objectRef<ImportProgress>('ImportProgress').implement({
  description: 'Tiến độ / How far a running preview or commit has got (rows checked of the total).',
  fields: (t) => ({
    phase: t.exposeString('phase', { description: 'PREVIEW (a dry run) or COMMIT.' }),
    done: t.exposeInt('done', { description: 'Rows checked so far.' }),
    total: t.exposeInt('total', { description: 'Rows of the sheet.' }),
  }),
});

const ImportBatchRef: ReturnType<typeof builder.objectRef<ImportBatch>> = builder.objectRef<ImportBatch>('ImportBatch');
ImportBatchRef.implement({
  description: 'Một lần nhập / An uploaded file: who, which file (name, SHA-256), its rows, and once committed what it wrote.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind'),
    source: t.exposeString('source', { description: 'Where its source keys are kept.' }),
    fileName: t.exposeString('fileName'),
    sha256: t.exposeString('sha256'),
    actor: t.exposeString('actor'),
    status: t.exposeString('status', { description: 'UPLOADED or COMMITTED.' }),
    rowCount: t.exposeInt('rowCount'),
    sheets: t.stringList({
      description: 'Các trang tính của tệp / The sheets of the file, in its order (a CSV file: one, its name).',
      resolve: (b) => b.sheets,
    }),
    sheet: t.string({
      nullable: true,
      description: 'The sheet committed (null before the commit: a preview names the one it read).',
      resolve: (b) => b.sheet,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    committedAt: t.expose('committedAt', { type: 'DateTime', nullable: true }),
    results: t.field({
      type: [ImportRowRef],
      description: 'After the commit: each row, what it did and its record (a page of them: offset, first).',
      args: {
        offset: t.arg.int({ required: false, defaultValue: 0 }),
        first: t.arg.int({ required: false, description: 'At most this many (default: every row).' }),
      },
      resolve: async (b, args, ctx) => {
        const kind = importKind(b.kind);
        const typename = kind ? specOf(kind).typename : b.kind;
        // A negative offset or first is refused as the preview's pages are (not a negative LIMIT); no first: every row.
        const page = pageOf({ offset: args.offset, first: args.first ?? 0 });
        const offset = page.offset;
        const first = args.first == null ? 2 ** 31 - 1 : page.first;
        // A batch committed before rows were kept as rows holds its results in one JSON.
        const old = b.results as Array<{ rowNumber: number; action: RowOutcome['action']; recordId: string | null }> | null;
        if (old) return old.slice(offset, offset + first).map((r) => ({ ...r, values: {}, typename, errors: [] }));
        if (b.status !== 'COMMITTED' || b.sheet === null) return [];
        const rows = await outcomePage(ctx.prisma, b.id, b.sheet, {}, { offset, first, withErrors: false });
        return rows.map((r) => ({
          rowNumber: r.rowNumber,
          action: r.action as RowOutcome['action'],
          recordId: r.recordId,
          values: {},
          typename,
          errors: [],
        }));
      },
    }),
    lastRun: t.field({
      type: ImportPreviewRef,
      nullable: true,
      description:
        'Lần kiểm tra gần nhất / The last preview or commit as it was answered, read again without running anything (page through its rows); null before any.',
      resolve: (b) => {
        const kind = importKind(b.kind);
        const run = b.lastRun as LastRun | null;
        if (!kind || !run) return null;
        return { ...run, columns: columnsOfKind(kind), kind, batch: b };
      },
    }),
    running: t.boolean({
      description:
        'Đang chạy / Whether a preview or commit of it is running now, in any gateway (another is refused IMPORT_BATCH_BUSY until it ends).',
      resolve: (b) => runningNow(b),
    }),
    progress: t.field({
      type: ImportProgressRef,
      nullable: true,
      description: 'While a preview or commit of it runs: how far it has got (ask again to follow it); null when none runs.',
      resolve: (b) => progressOf(b.id),
    }),
    preview: t.field({
      type: ImportPreviewRef,
      extensions: fieldCost(2000),
      description:
        'Kiểm tra thử / A dry run now: nothing is written. Give the sheet, the header row and columns to override those found (by default the first sheet whose header row matches the kind).',
      args: {
        sheet: t.arg.string({ required: false, description: 'A name of `sheets`.' }),
        headerRow: t.arg.int({ required: false }),
        columns: t.arg({ type: [ImportColumnChoice], required: false }),
      },
      resolve: async (b, args, ctx: Context, info) => {
        try {
          const outcome = await previewImport(ctx, info.schema, b.id, choicesOf(args));
          const after = await ctx.prisma.importBatch.findUniqueOrThrow({ where: { id: b.id } });
          return { ...outcome, kind: importKindOf(b), batch: after };
        } catch (error) {
          // A query has no error union: a choice the file cannot meet (a sheet it does not have) is bad input, in both languages.
          if (error instanceof ValidationError) {
            throw bilingualError('BAD_USER_INPUT', error.localized, { violations: error.violations });
          }
          throw error;
        }
      },
    }),
  }),
});

function importKindOf(b: ImportBatch): ImportKind {
  const kind = importKind(b.kind);
  if (!kind) throw new Error(`import batch ${b.id}: unknown kind ${b.kind}`);
  return kind;
}

function choicesOf(args: {
  sheet?: string | null;
  headerRow?: number | null;
  columns?: ReadonlyArray<{ key: string; header: number }> | null;
}) {
  return {
    sheet: args.sheet ?? null,
    headerRow: args.headerRow ?? null,
    mapping: args.columns ? Object.fromEntries(args.columns.map((c) => [c.key, c.header])) : null,
  };
}

async function batchOf(ctx: Context, id: string): Promise<ImportBatch> {
  if (!isUuid(id)) throw forbidden();
  return readBatch(ctx, id.toLowerCase());
}

builder.queryFields((t) => ({
  importKinds: t.field({
    type: [ImportKindRef],
    description: 'Các loại nhập / What can be imported, with the columns of each.',
    resolve: () => [...IMPORT_KINDS],
  }),
  imports: t.field({
    type: [ImportBatchRef],
    description: 'Các lần nhập / Your import batches (administrators: everyone’s), newest first, at most 100.',
    resolve: (_r, _a, ctx) => listBatches(ctx),
  }),
  importBatch: t.field({
    type: ImportBatchRef,
    description: 'Một lần nhập / One of your import batches (FORBIDDEN for another’s or none).',
    // A String, as commitImport's batchId: a batch is not a record of the territory (an ID argument declares the type it names).
    args: { id: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => batchOf(ctx, String(args.id)),
  }),
}));

builder.mutationField('commitImport', (t) =>
  t.field({
    type: ImportPreviewRef,
    errors: { types: WRITE_ERRORS },
    description:
      'Ghi lần nhập / Commits a batch: every row written in one transaction, or — when any row has an error — none (`committed: false`, the errors listed).',
    args: {
      input: t.arg({
        type: builder.inputType('CommitImportInput', {
          fields: (f) => ({
            // The batch's key (POST /imports answers it), not a record: writing it names no territory.
            batchId: f.string({ required: true, description: 'The id POST /imports answered.' }),
            sheet: f.string({ required: false, description: 'A name of the batch’s `sheets` (default: as the preview found).' }),
            headerRow: f.int({ required: false }),
            columns: f.field({ type: [ImportColumnChoice], required: false }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (_r, args, ctx: Context, info) => {
      const batch = await batchOf(ctx, args.input.batchId);
      const outcome = await commitImport(ctx, info.schema, batch.id, choicesOf(args.input));
      const after = await ctx.prisma.importBatch.findUniqueOrThrow({ where: { id: batch.id } });
      return { ...outcome, kind: importKindOf(batch), batch: after };
    },
  }),
);
