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
import { commitImport, listBatches, previewImport, readBatch } from './batches.js';
import type { ImportError, ImportOutcome, RowOutcome } from './engine.js';
import { columnsOfKind, IMPORT_KINDS, type ImportKind, importKind, specOf } from './kinds.js';
import { type ImportProgress, progressOf } from './progress.js';
import { sheetsOf } from './sheets.js';

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

type OutcomeParent = ImportOutcome & { kind: ImportKind; batch: ImportBatch };

function rowsOf(o: OutcomeParent): RowParent[] {
  const typename = specOf(o.kind).typename;
  return o.rows.map((r) => ({ ...r, typename, errors: o.errors.filter((e) => e.rowNumber === r.rowNumber) }));
}

const ImportPreviewRef = builder.objectRef<OutcomeParent>('ImportPreview').implement({
  description: 'Kết quả kiểm tra / A dry run (or a commit): every row checked by the same rules as a single write.',
  fields: (t) => ({
    committed: t.exposeBoolean('committed', { description: 'True when the rows were written (a commit without errors).' }),
    sheet: t.exposeString('sheet', { description: 'Trang tính đã đọc / The sheet of the workbook read (a CSV file: its name).' }),
    headerRow: t.int({ nullable: true, description: 'Index (0-based) of the header row.', resolve: (o) => o.headerRow }),
    headers: t.stringList({ resolve: (o) => o.headers }),
    columns: t.field({
      type: [ImportColumnRef],
      resolve: (o) => o.columns.map((c) => ({ ...c, header: o.mapping[c.key] })),
    }),
    rows: t.field({ type: [ImportRowRef], resolve: (o) => rowsOf(o) }),
    errors: t.field({ type: [ImportErrorRef], description: 'Every error, the sheet’s and the rows’.', resolve: (o) => o.errors }),
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
      resolve: (b) => sheetsOf(b).map((s) => s.name),
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
      description: 'After the commit: each row, what it did and its record.',
      resolve: (b) => {
        const kind = importKind(b.kind);
        const typename = kind ? specOf(kind).typename : b.kind;
        const rows = (b.results as Array<{ rowNumber: number; action: RowOutcome['action']; recordId: string | null }> | null) ?? [];
        return rows.map((r) => ({ ...r, values: {}, typename, errors: [] }));
      },
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
          return { ...outcome, kind: importKindOf(b), batch: b };
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
