import { createHash } from 'node:crypto';
import { isUuid, type SheetChoices } from '@coso/domain';
import type { GraphQLSchema } from 'graphql';
import { forbidden } from '../auth/access.js';
import { READ_BACK_CODE } from '../auth/read-back.js';
import { canWrite, isAdmin, type Viewer } from '../auth/viewer.js';
import type { ImportBatch, Prisma } from '../generated/prisma/client.js';
import { ValidationError } from '../store/write-errors.js';
import type { UseCaseContext } from '../use-cases/context.js';
import {
  alreadyCommitted,
  batchBusy,
  type CheckedRow,
  HEAD_ROWS,
  type ImportError,
  type ImportOutcome,
  type ImportSummary,
  newBatchId,
  type RowOutcome,
  type RowSource,
  runImport,
} from './engine.js';
import { scanFile } from './file-source.js';
import { IMPORT_KINDS, type ImportKind, importKind } from './kinds.js';
import type { ReadBackChange } from './read-back-rows.js';
import { type FileInput, readFileRows, type Sheet } from './read-file.js';
import { claimRun } from './run-claim.js';
import { chooseSheet, sheetHeadsOf } from './sheets.js';
import {
  chunksAfter,
  countAfter,
  errorPage,
  headOf,
  outcomePage,
  RowWriter,
  type StoredOutcome,
  writeOutcomes,
  writeReadBack,
} from './stored-rows.js';

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

/**
 * Reads the file and keeps it as a batch (status UPLOADED), its rows written to import_rows as they
 * are read (a thousand an INSERT); writes no record. All or nothing: an unreadable file, or a sheet
 * named that it does not have, leaves no batch.
 */
export async function uploadImport(ctx: UseCaseContext, upload: Upload): Promise<ImportBatch> {
  if (!canWrite(ctx.viewer)) throw forbidden();
  const kind = kindOrRefuse(upload.kind);
  const id = newBatchId();
  return ctx.prisma.$transaction(
    async (tx) => {
      await tx.importBatch.create({
        data: {
          id,
          kind: kind.name,
          source: upload.source?.trim() || defaultSource(ctx.viewer),
          fileName: upload.fileName,
          sha256: sha256(upload.bytes),
          accountId: ctx.writer.accountId,
          actor: ctx.writer.actor,
          status: 'UPLOADED',
          sheets: [],
          rowCount: 0,
        },
      });
      const writer = new RowWriter(tx, id);
      // Only each sheet's first rows stay in memory: the sheet is chosen by its header row.
      const heads = new Map<string, Sheet['rows']>();
      const last = new Map<string, number>();
      const names = await readFileRows(upload.bytes, upload.fileName, async (sheet, index, cells) => {
        if (index < HEAD_ROWS) {
          const head = heads.get(sheet) ?? [];
          heads.set(sheet, head);
          while (head.length < index) head.push([]);
          head[index] = cells;
        }
        last.set(sheet, index);
        await writer.add(sheet, index, cells);
      });
      await writer.flush();
      const chosen = chooseSheet(
        names.map((name) => ({ name, rows: heads.get(name) ?? [] })),
        kind,
        upload.sheet,
      );
      return tx.importBatch.update({ where: { id }, data: { sheets: names, rowCount: last.get(chosen.name) ?? 0 } });
    },
    { timeout: UPLOAD_TIMEOUT, maxWait: 10_000 },
  );
}

/** How long an upload's reading and writing of its rows may take (a 10,000-row file takes seconds). */
const UPLOAD_TIMEOUT = 600_000;

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
async function choicesOf(
  ctx: UseCaseContext,
  batch: ImportBatch,
  chosen: ImportChoices = {},
): Promise<{ sheet: string; choices: SheetChoices }> {
  const sheet = chooseSheet(await sheetHeadsOf(ctx.prisma, batch), kindOrRefuse(batch.kind), chosen.sheet ?? batch.sheet);
  // Another sheet than the one committed has its own header row and columns.
  const same = (chosen.sheet ?? batch.sheet ?? sheet.name) === (batch.sheet ?? sheet.name);
  return {
    sheet: sheet.name,
    choices: {
      headerRow: chosen.headerRow ?? (same ? batch.headerRow : null),
      mapping: chosen.mapping ?? (same ? (batch.mapping as Record<string, number> | null) : null) ?? null,
    },
  };
}

/** A stored batch's sheet as a run reads it: from import_rows, a chunk at a time. */
function storedSource(ctx: UseCaseContext, batchId: string, sheet: string): RowSource {
  return {
    head: async (upTo) => {
      const head = await headOf(ctx.prisma, batchId, sheet, upTo);
      // Pad to the sheet's length (a chosen header row on a row with no cell is a row of no header).
      const more = await countAfter(ctx.prisma, batchId, sheet, head.length - 1);
      while (more > 0 && head.length < upTo) head.push([]);
      return head;
    },
    countAfter: (index) => countAfter(ctx.prisma, batchId, sheet, index),
    chunksAfter: (index, size) => chunksAfter(ctx.prisma, batchId, sheet, index, size),
  };
}

/**
 * Runs a stored batch (a dry run or its commit) under the batch's claim (run-claim.ts): each chunk's
 * outcomes are kept beside its rows as they are checked — through the client, outside the run's
 * transaction, which a dry run rolls back — and the run's summary on the batch (`lastRun`); pages of
 * it are read from there. Only while this run holds the claim: another run of the batch is refused
 * IMPORT_BATCH_BUSY, changing nothing. A run that fails (the database, a timeout) is kept as a run
 * that did not commit, its error the file's, so the rows it reached are never read as committed.
 */
async function runStored(
  ctx: UseCaseContext,
  schema: GraphQLSchema,
  batch: ImportBatch,
  chosen: ImportChoices,
  commit: boolean,
): Promise<ImportSummary> {
  const { sheet, choices } = await choicesOf(ctx, batch, chosen);
  const claim = await claimRun(ctx.prisma, batch.id);
  let summary: ImportSummary | null = null;
  const reached: ImportSummary = {
    sheet,
    headerRow: choices.headerRow ?? null,
    headers: [],
    mapping: choices.mapping ?? {},
    columns: [],
    sheetErrors: [],
    counts: { rows: 0, rowsWithErrors: 0, errors: 0, create: 0, update: 0, unchanged: 0 },
    committed: false,
    transactionId: null,
  };
  let failure: { error: unknown } | undefined;
  try {
    summary = await runImport(ctx, schema, {
      kind: kindOrRefuse(batch.kind),
      source: storedSource(ctx, batch.id, sheet),
      sheet,
      choices,
      batch: { ...batch, stored: true, runId: claim.runId },
      commit,
      onRows: async (rows) => {
        for (const r of rows) {
          reached.counts.rows++;
          if (r.errors.length > 0) reached.counts.rowsWithErrors++;
          reached.counts.errors += r.errors.length;
        }
        await writeOutcomes(ctx.prisma, claim, sheet, rows.map(storedOutcomeOf));
      },
      onReadBack: (changes) => writeReadBack(ctx.prisma, claim, sheet, changes),
      // A run that fails midway still shows the rows it reached by the header row and columns it read them with.
      onSheet: (read) => Object.assign(reached, { headerRow: read.headerRow, headers: read.headers, mapping: read.mapping }),
    });
  } catch (error) {
    reached.sheetErrors.push(runFailed(error));
    reached.counts.errors++;
    failure = { error };
  }
  let held: boolean;
  try {
    held = await claim.release(lastRunOf(summary ?? reached));
  } catch (releaseError) {
    // The run's own outcome is what the caller must hear (a commit that committed did; a retry would
    // be refused as committed): a claim left unreleased goes stale by itself (STALE_AFTER_MS).
    if (failure || summary?.committed) held = true;
    else throw releaseError;
  }
  if (failure) throw failure.error;
  if (!summary) throw new Error('an import run ended with neither a summary nor an error');
  // Another run took this one's claim (it was stale): the batch's pages and lastRun are that run's.
  if (!held && !summary.committed) throw batchBusy();
  return summary;
}

function storedOutcomeOf(r: CheckedRow): StoredOutcome {
  return {
    rowNumber: r.rowNumber,
    action: r.action,
    recordId: r.recordId,
    errors: r.errors.map(({ column, code, message }) => ({ column, code, message })),
  };
}

/** A run that stopped on an error (the run's own, or the database's): what the batch's lastRun says of it. */
function runFailed(error: unknown): ImportError {
  const violation = error instanceof ValidationError ? error.violations[0] : undefined;
  return violation
    ? { rowNumber: null, column: null, code: violation.code, message: violation.message }
    : {
        rowNumber: null,
        column: null,
        code: 'IMPORT_RUN_FAILED',
        message: {
          vi: 'Lần chạy này dừng giữa chừng vì một lỗi của hệ thống; chưa ghi gì. Các dòng dưới đây là những dòng đã kiểm tra trước khi dừng. Hãy thử lại.',
          en: 'This run stopped midway on a system error; nothing was written. The rows below are those checked before it stopped. Try again.',
        },
      };
}

/** A summary as the batch keeps it (its columns are the kind's, not kept). */
export type LastRun = Omit<ImportSummary, 'columns'>;

function lastRunOf(summary: ImportSummary): Prisma.InputJsonObject {
  const { columns: _columns, ...kept } = summary;
  return JSON.parse(JSON.stringify(kept)) as Prisma.InputJsonObject;
}

/** The dry run of a stored batch: every row checked as its write would be, nothing written but each row's outcome. */
export function previewImport(ctx: UseCaseContext, schema: GraphQLSchema, id: string, chosen: ImportChoices = {}): Promise<ImportSummary> {
  return runUncommitted(ctx, schema, id, chosen, false);
}

/** Commits a stored batch: every row written in one transaction, or (any error) none. */
export function commitImport(ctx: UseCaseContext, schema: GraphQLSchema, id: string, chosen: ImportChoices = {}): Promise<ImportSummary> {
  return runUncommitted(ctx, schema, id, chosen, true);
}

/** A run of a batch not yet committed: a committed batch's rows keep what its commit did (the claim checks it again, atomically). */
async function runUncommitted(ctx: UseCaseContext, schema: GraphQLSchema, id: string, chosen: ImportChoices, commit: boolean) {
  const batch = await readBatch(ctx, id);
  if (batch.status === 'COMMITTED') throw alreadyCommitted();
  return runStored(ctx, schema, batch, chosen, commit);
}

/** Every row and error of a stored batch's last run, read back whole (tests; a small batch's callers). */
export async function storedOutcome(ctx: UseCaseContext, summary: ImportSummary, batchId: string): Promise<ImportOutcome> {
  const all = { offset: 0, first: 2 ** 31 - 1 };
  const rows = await outcomePage(ctx.prisma, batchId, summary.sheet, summary.mapping, { ...all, withErrors: false });
  const errors = await errorPage(ctx.prisma, batchId, summary.sheet, all);
  return {
    ...summary,
    rows: rows.map((r) => ({ rowNumber: r.rowNumber, action: r.action as RowOutcome['action'], recordId: r.recordId, values: r.values })),
    errors: [...summary.sheetErrors, ...errors],
  };
}

/**
 * A file imported in one go (the CLI): read, checked and — unless a dry run — committed in one
 * transaction that also records the batch; a dry run, an error or a kill leaves nothing behind.
 * The file (its bytes, or a file on disk) is read as a stream, its rows checked a chunk at a time
 * (file-source.ts); `keepRows: false` keeps no row's outcome (the CLI prints counts and errors).
 */
export async function importFile(
  ctx: UseCaseContext,
  schema: GraphQLSchema,
  upload: Omit<Upload, 'bytes'> & {
    bytes: FileInput;
    dryRun: boolean;
    keepRows?: boolean;
    onRow?: (done: number, total: number) => void;
    chunkRows?: number;
  },
): Promise<ImportOutcome> {
  const kind = kindOrRefuse(upload.kind);
  const file = await scanFile(upload.bytes, upload.fileName);
  const sheet = chooseSheet(file.heads, kind, upload.sheet);
  const rows: RowOutcome[] = [];
  const errors: ImportError[] = [];
  const summary = await runImport(ctx, schema, {
    kind,
    source: file.source(sheet.name),
    sheet: sheet.name,
    batch: {
      id: newBatchId(),
      kind: kind.name,
      source: upload.source?.trim() || defaultSource(ctx.viewer),
      fileName: upload.fileName,
      sha256: file.sha256,
      stored: false,
    },
    commit: !upload.dryRun,
    onRows: async (checked) => {
      for (const { errors: found, ...row } of checked) {
        if (upload.keepRows !== false) rows.push(row);
        errors.push(...found);
      }
    },
    onReadBack: async (changes) => replaceReadBack(errors, changes),
    ...(upload.onRow ? { onRow: upload.onRow } : {}),
    ...(upload.chunkRows ? { chunkRows: upload.chunkRows } : {}),
  });
  return { ...summary, rows, errors: [...summary.sheetErrors, ...errors] };
}

/** The rows' read-back errors as the whole file decided them, in place of those their chunk told (in the rows' order). */
function replaceReadBack(errors: ImportError[], changes: readonly ReadBackChange[]): void {
  const told = new Set(changes.map((c) => c.rowNumber));
  const kept = errors.filter((e) => !(e.code === READ_BACK_CODE && e.rowNumber !== null && told.has(e.rowNumber)));
  const all = [...kept, ...changes.flatMap((c) => c.errors)];
  // A stable sort by row: each row's errors keep the order they were found in.
  all.sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0));
  errors.splice(0, errors.length, ...all);
}
