import { createHash } from 'node:crypto';
import { isUuid, type SheetChoices } from '@coso/domain';
import type { GraphQLSchema } from 'graphql';
import { forbidden } from '../auth/access.js';
import { canWrite, isAdmin, type Viewer } from '../auth/viewer.js';
import type { ImportBatch } from '../generated/prisma/client.js';
import { ValidationError } from '../store/write-errors.js';
import type { UseCaseContext } from '../use-cases/context.js';
import { alreadyCommitted, type ImportOutcome, newBatchId, runImport } from './engine.js';
import { IMPORT_KINDS, type ImportKind, importKind } from './kinds.js';
import { readSheets, type Sheet } from './read-file.js';
import { chooseSheet, sheetsOf } from './sheets.js';

/**
 * The import's use-cases, for the upload route, GraphQL and the CLI: upload (the file read and
 * kept as a batch, nothing else written) → preview (a dry run, any number of times, with the
 * header row and column matching the user chose) → commit (all or nothing). A batch is its
 * uploader's (administrators see every one).
 */
export const IMPORT_BATCH_LIMIT = 100;

export function kindOrRefuse(name: string): ImportKind {
  const kind = importKind(name);
  if (kind) return kind;
  throw new ValidationError([
    {
      code: 'INVALID_VALUE',
      severity: 'error',
      path: ['kind'],
      message: {
        vi: `Không có loại nhập "${name}"; các loại: ${IMPORT_KINDS.map((k) => `${k.name} (${k.label.vi})`).join(', ')}.`,
        en: `There is no import kind "${name}"; the kinds: ${IMPORT_KINDS.map((k) => `${k.name} (${k.label.en})`).join(', ')}.`,
      },
    },
  ]);
}

/** Where source keys are kept when the importer names no source: their territory (or the whole system). */
export function defaultSource(viewer: Viewer): string {
  return viewer.kind === 'account' && viewer.scopeUnitId ? `unit:${viewer.scopeUnitId}` : 'system';
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface Upload {
  kind: string;
  fileName: string;
  bytes: Uint8Array;
  source?: string | undefined;
  /** The workbook's sheet to read (default: the first whose header row matches the kind). */
  sheet?: string | undefined;
}

/** The sheet (by name), header row and column matching a user chose; each left out is found. */
export type ImportChoices = SheetChoices & { sheet?: string | null };

/** Reads the file and keeps it as a batch (status UPLOADED); writes no record. */
export async function uploadImport(ctx: UseCaseContext, upload: Upload): Promise<ImportBatch> {
  if (!canWrite(ctx.viewer)) throw forbidden();
  const kind = kindOrRefuse(upload.kind);
  const sheets = await readSheets(upload.bytes, upload.fileName);
  const table = chooseSheet(sheets, kind, upload.sheet).rows;
  return ctx.prisma.importBatch.create({
    data: {
      id: newBatchId(),
      kind: kind.name,
      source: upload.source?.trim() || defaultSource(ctx.viewer),
      fileName: upload.fileName,
      sha256: sha256(upload.bytes),
      accountId: ctx.writer.accountId,
      actor: ctx.writer.actor,
      status: 'UPLOADED',
      cells: { sheets: sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows })) },
      rowCount: Math.max(0, table.length - 1),
    },
  });
}

/** A batch its viewer may see, or FORBIDDEN (one answer for "not yours" and "no such batch"). */
export async function readBatch(ctx: UseCaseContext, id: string): Promise<ImportBatch> {
  if (!isUuid(id)) throw forbidden();
  const batch = await ctx.prisma.importBatch.findUnique({ where: { id: id.toLowerCase() } });
  if (!batch || !mayRead(ctx.viewer, batch)) throw forbidden();
  return batch;
}

function mayRead(viewer: Viewer, batch: ImportBatch): boolean {
  return isAdmin(viewer) || (viewer.kind === 'account' && batch.accountId === viewer.accountId);
}

export async function listBatches(ctx: UseCaseContext): Promise<ImportBatch[]> {
  const where = isAdmin(ctx.viewer)
    ? {}
    : { accountId: ctx.viewer.kind === 'account' ? ctx.viewer.accountId : '00000000-0000-0000-0000-000000000000' };
  return ctx.prisma.importBatch.findMany({ where, orderBy: { createdAt: 'desc' }, take: IMPORT_BATCH_LIMIT });
}

/** The sheet, header row and column matching the client chose now, else those the batch was committed with, else found. */
function choicesOf(batch: ImportBatch, chosen: ImportChoices = {}): { sheet: string; table: Sheet['rows']; choices: SheetChoices } {
  const sheet = chooseSheet(sheetsOf(batch), kindOrRefuse(batch.kind), chosen.sheet ?? batch.sheet);
  // Another sheet than the one committed has its own header row and columns.
  const same = (chosen.sheet ?? batch.sheet ?? sheet.name) === (batch.sheet ?? sheet.name);
  return {
    sheet: sheet.name,
    table: sheet.rows,
    choices: {
      headerRow: chosen.headerRow ?? (same ? batch.headerRow : null),
      mapping: chosen.mapping ?? (same ? (batch.mapping as Record<string, number> | null) : null) ?? null,
    },
  };
}

/** The dry run of a stored batch: every row checked as its write would be, nothing written. */
export async function previewImport(
  ctx: UseCaseContext,
  schema: GraphQLSchema,
  id: string,
  chosen: ImportChoices = {},
): Promise<ImportOutcome> {
  const batch = await readBatch(ctx, id);
  const { sheet, table, choices } = choicesOf(batch, chosen);
  return runImport(ctx, schema, {
    kind: kindOrRefuse(batch.kind),
    table,
    sheet,
    choices,
    batch: { ...batch, stored: true },
    commit: false,
  });
}

/** Commits a stored batch: every row written in one transaction, or (any error) none. */
export async function commitImport(
  ctx: UseCaseContext,
  schema: GraphQLSchema,
  id: string,
  chosen: ImportChoices = {},
): Promise<ImportOutcome> {
  const batch = await readBatch(ctx, id);
  if (batch.status === 'COMMITTED') throw alreadyCommitted();
  const { sheet, table, choices } = choicesOf(batch, chosen);
  return runImport(ctx, schema, {
    kind: kindOrRefuse(batch.kind),
    table,
    sheet,
    choices,
    batch: { ...batch, stored: true },
    commit: true,
  });
}

/**
 * A file imported in one go (the CLI): read, checked and — unless a dry run — committed in one
 * transaction that also records the batch; a dry run, an error or a kill leaves nothing behind.
 */
export async function importFile(
  ctx: UseCaseContext,
  schema: GraphQLSchema,
  upload: Upload & { dryRun: boolean; onRow?: (done: number, total: number) => void; chunkRows?: number },
): Promise<ImportOutcome> {
  const kind = kindOrRefuse(upload.kind);
  const sheet = chooseSheet(await readSheets(upload.bytes, upload.fileName), kind, upload.sheet);
  return runImport(ctx, schema, {
    kind,
    table: sheet.rows,
    sheet: sheet.name,
    batch: {
      id: newBatchId(),
      kind: kind.name,
      source: upload.source?.trim() || defaultSource(ctx.viewer),
      fileName: upload.fileName,
      sha256: sha256(upload.bytes),
      stored: false,
    },
    commit: !upload.dryRun,
    ...(upload.onRow ? { onRow: upload.onRow } : {}),
    ...(upload.chunkRows ? { chunkRows: upload.chunkRows } : {}),
  });
}
