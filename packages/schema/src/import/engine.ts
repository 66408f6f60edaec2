import { randomUUID } from 'node:crypto';
import {
  type CellValue,
  type ImportColumn,
  type LocalizedText,
  parseInput,
  prepareSheet,
  readCell,
  type SheetChoices,
  sheetRow,
  type Violation,
} from '@coso/domain';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { EntitySpec } from '../graphql/entity-mutations.js';
import { assertReferencesAllowed, inputReferences } from '../graphql/write-access-plugin.js';
import { constraintViolation } from '../store/constraint-rules.js';
import { type Tx, writeTransaction } from '../store/transaction.js';
import { NotFoundError, ValidationError, VersionConflictError } from '../store/write-errors.js';
import type { UseCaseContext } from '../use-cases/context.js';
import { type CreateOutcome, createRecordIn, createRecordsIn, createsTogether, loadRecord, updateRecordIn } from '../use-cases/records.js';
import { disagreements, fixedFieldChanges } from './fixed-fields.js';
import { columnsOfKind, type ImportKind, type ImportWorkflow, specOf } from './kinds.js';
import { endProgress, startProgress } from './progress.js';
import { type ReadBackChange, RunReadBack } from './read-back-rows.js';
import type { Table } from './read-file.js';
import { type ReferenceQuery, type Resolved, resolveReferences, sourceKeyFound, sourceKeyRecord, sourceKeyRecords } from './references.js';
import { fileAsOfDate, fileAsOfViolations, rowDate } from './row-date.js';
import { withheldFileViolations } from './withheld-file.js';

/**
 * The import itself: every row goes through the same write as a single `createX` / `updateX` —
 * the domain's input schema, the entity's rules in the transaction, the territory check of
 * `write-access-plugin.ts` on the references the GraphQL input would carry — inside ONE
 * transaction, a refused row leaving no trace while the next rows are still checked (rows go in
 * chunks: looked up together, written under one savepoint, redone a row at a time under a savepoint
 * each when one is refused — `importChunk`). A dry run, or a commit with any error, rolls the whole transaction back: nothing
 * is written. A clean commit keeps it: every record's audit entry (written by the database's
 * triggers) shares the transaction the batch names.
 */
export type RowAction = 'CREATE' | 'UPDATE' | 'UNCHANGED';

export interface ImportError {
  /** The spreadsheet's row number; null for the sheet as a whole. */
  rowNumber: number | null;
  /** The column's key (its field); null for the row or the sheet as a whole. */
  column: string | null;
  code: string;
  message: LocalizedText;
}

export interface RowOutcome {
  rowNumber: number;
  /** What the row does (or did): null when it has errors. */
  action: RowAction | null;
  recordId: string | null;
  /** The cells as read, by column key, as text. */
  values: Record<string, string>;
}

/** What a run found, counted (the rows themselves go to `ImportRun.onRows` as they are checked). */
export interface ImportCounts {
  /** Rows checked (the sheet's rows under its header row holding a mapped cell). */
  rows: number;
  rowsWithErrors: number;
  /** Errors of the rows and of the sheet. */
  errors: number;
  create: number;
  update: number;
  unchanged: number;
}

/** A run's answer but its rows: the sheet read, its header row and matching, its own errors, the counts. */
export interface ImportSummary {
  /** The workbook's sheet read (a CSV file's name). */
  sheet: string;
  headerRow: number | null;
  headers: string[];
  mapping: Record<string, number>;
  columns: ImportColumn[];
  /** Errors of the sheet as a whole (no header row, a required column missing, an unreadable file date). */
  sheetErrors: ImportError[];
  counts: ImportCounts;
  /** True when committed (a commit without errors). */
  committed: boolean;
  transactionId: string | null;
}

/** A run's answer with every row and error (the CLI's, kept in memory; a stored batch's are in import_rows). */
export interface ImportOutcome extends ImportSummary {
  rows: RowOutcome[];
  /** Every error, the sheet's then the rows'. */
  errors: ImportError[];
}

/** A checked row and its errors, as told to `ImportRun.onRows`. */
export type CheckedRow = RowOutcome & { errors: ImportError[] };

/**
 * A sheet's rows for a run, read as the run goes: its first rows (header row, title block), then the
 * rows under the header a chunk at a time. A stored batch reads them from import_rows; the CLI from
 * the table it read.
 */
export interface RowSource {
  /** The first rows up to `upTo` (excluded), padded with [] to the sheet's length when shorter. */
  head(upTo: number): Promise<Table>;
  /** How many rows (holding a cell) come after `index`. */
  countAfter(index: number): Promise<number>;
  /** The rows after `index`, `size` at a time, in order. */
  chunksAfter(index: number, size: number): AsyncIterable<Array<{ index: number; cells: CellValue[] }>>;
}

/** A table already in memory as a row source. */
export function tableSource(table: Table): RowSource {
  const rows = table.flatMap((cells, index) => (cells.length > 0 ? [{ index, cells }] : []));
  return {
    head: async (upTo) => table.slice(0, upTo),
    countAfter: async (index) => rows.filter((r) => r.index > index).length,
    chunksAfter: async function* (index, size) {
      const after = rows.filter((r) => r.index > index);
      for (let at = 0; at < after.length; at += size) yield after.slice(at, at + size);
    },
  };
}

/**
 * The first rows a run reads whole: the header row is looked for in the first 30 (the domain's
 * `findHeaderRow` scans so many), and a title block lies above it.
 */
export const HEAD_ROWS = 30;

/** The batch a run belongs to: written (or marked committed) inside the run's transaction. */
export interface BatchRecord {
  id: string;
  kind: string;
  source: string;
  fileName: string;
  sha256: string;
  /** Already stored (an upload); otherwise created inside the transaction (the CLI). */
  stored: boolean;
  /** A stored batch's run claim (run-claim.ts): its commit marks the batch COMMITTED only while holding it. */
  runId?: string;
}

export interface ImportRun {
  kind: ImportKind;
  /** The chosen sheet's rows, and its name. */
  source: RowSource;
  sheet: string;
  choices?: SheetChoices;
  batch: BatchRecord;
  commit: boolean;
  /** Told once the sheet is read (its header row and matching), before any row is checked. */
  onSheet?: (summary: ImportSummary) => void;
  /** Told after each row (the CLI prints progress). */
  onRow?: (done: number, total: number) => void;
  /** Told each chunk's rows once checked, in order (kept by the caller: the run keeps none). */
  onRows?: (rows: CheckedRow[]) => Promise<void>;
  /**
   * Told, after the last chunk, the rows whose read-back errors (WRITE_OUTSIDE_OWN_READ) the whole
   * file decides otherwise than their chunk did: each row's errors of that code now replace those told.
   */
  onReadBack?: (changes: ReadBackChange[]) => Promise<void>;
  /** Rows looked up and written together (CHUNK_ROWS unless a test asks for small chunks). */
  chunkRows?: number;
}

/**
 * Rows a chunk holds: their references are resolved and their existing records found in one query
 * per kind of lookup, and they are written under one savepoint instead of one each.
 */
export const CHUNK_ROWS = 250;

class RollBack extends Error {}

/**
 * How long an import's one transaction may run: a second a row (ten times what a row takes on a
 * loaded 2-core machine), at least the 60 s of any write and at most an hour. The default 60 s
 * failed a 1,000-row preview midway (tests/bench/import.mjs).
 */
export function importTimeout(rows: number): number {
  return Math.min(3_600_000, Math.max(60_000, rows * 1_000));
}

export async function runImport(ctx: UseCaseContext, schema: GraphQLSchema, run: ImportRun): Promise<ImportSummary> {
  const columns = columnsOfKind(run.kind);
  const head = await run.source.head(Math.max(HEAD_ROWS, (run.choices?.headerRow ?? -1) + 1));
  const sheet = prepareSheet(head, columns, run.choices ?? {});
  const counts: ImportCounts = { rows: 0, rowsWithErrors: 0, errors: 0, create: 0, update: 0, unchanged: 0 };
  // A title block's unreadable "Ngày số liệu" stops here too: no row resolved as of a guessed date.
  const sheetErrors = [
    ...sheet.violations,
    ...fileAsOfViolations(head, columns, run.choices?.headerRow),
    // An export with values withheld would blank them (withheld-file.ts); its title block is in the head.
    ...withheldFileViolations(head, columns, run.choices?.headerRow),
  ].map((v) => toError(null, v, columns));
  const outcome: ImportSummary = {
    sheet: run.sheet,
    headerRow: sheet.headerRow,
    headers: sheet.headers,
    mapping: sheet.mapping,
    columns,
    sheetErrors,
    counts: { ...counts, errors: sheetErrors.length },
    committed: false,
    transactionId: null,
  };
  run.onSheet?.(outcome);
  if (sheetErrors.length > 0 || sheet.headerRow === null) return outcome;
  const headerRow = sheet.headerRow;
  const fileDate = fileAsOfDate(head, columns, run.choices?.headerRow);
  const spec = specOf(run.kind);
  const total = await run.source.countAfter(headerRow);
  const progress = startProgress(run.batch.id, run.commit ? 'COMMIT' : 'PREVIEW', total);
  let rowsDone = false;
  try {
    await writeTransaction(
      ctx.prisma,
      run.commit ? 'commitImport' : 'importDryRun',
      ctx.writer,
      async (tx) => {
        await saveBatch(tx, ctx, run, total);
        const seenKeys = new Map<string, number>();
        const chunkRows = run.chunkRows ?? CHUNK_ROWS;
        const created = new Set<string>();
        const readBack = new RunReadBack(ctx);
        let read = 0;
        for await (const stored of run.source.chunksAfter(headerRow, chunkRows)) {
          const start = read;
          read += stored.length;
          const chunk = stored.flatMap((r) => {
            const row = sheetRow(r.cells, r.index, sheet.mapping);
            return row ? [prepareRow(ctx, run, columns, row.cells, row.rowNumber, seenKeys, fileDate)] : [];
          });
          const results = await importChunk(tx, ctx, schema, run, spec, columns, chunk, created, (done) => {
            // A chunk redone row by row counts its rows again: the count never goes back.
            if (start + done <= progress.done) return;
            progress.done = start + done;
            run.onRow?.(start + done, total);
          });
          const checked: CheckedRow[] = results.map((result, i) => {
            const row = chunk[i] as PreparedRow;
            return { rowNumber: row.rowNumber, action: result.action, recordId: result.recordId, values: row.text, errors: result.errors };
          });
          // No row its importer could not read back, named in the dry run as in the commit (read-back-rows.ts).
          await readBack.afterChunk(tx, checked);
          for (const row of checked) {
            counts.rows++;
            counts.errors += row.errors.length;
            if (row.errors.length > 0) counts.rowsWithErrors++;
            if (row.action === 'CREATE') counts.create++;
            else if (row.action === 'UPDATE') counts.update++;
            else if (row.action === 'UNCHANGED') counts.unchanged++;
          }
          await run.onRows?.(checked);
          progress.done = Math.max(progress.done, read);
        }
        // The file's last word on reading back: the rows it tells otherwise had no error of their own (they wrote a record).
        const final = await readBack.atEnd(tx);
        for (const change of final.changes) {
          const before = change.told;
          counts.errors += change.errors.length - before;
          counts.rowsWithErrors += Number(change.errors.length > 0) - Number(before > 0);
        }
        if (final.changes.length > 0) await run.onReadBack?.(final.changes);
        sheetErrors.push(...final.fileErrors);
        outcome.counts = { ...counts, errors: counts.errors + sheetErrors.length };
        if (!run.commit || outcome.counts.errors > 0) throw new RollBack();
        const [txid] = await tx.$queryRaw<Array<{ id: bigint }>>`SELECT txid_current() AS id`;
        outcome.transactionId = txid ? String(txid.id) : null;
        // Only the run holding the batch's claim commits it (two commits at once: one writes).
        const { count } = await tx.importBatch.updateMany({
          where: { id: run.batch.id, status: { not: 'COMMITTED' }, ...(run.batch.runId ? { runId: run.batch.runId } : {}) },
          data: {
            status: 'COMMITTED',
            committedAt: new Date(),
            rowCount: counts.rows,
            transactionId: txid?.id ?? null,
            sheet: run.sheet,
            headerRow: sheet.headerRow,
            mapping: sheet.mapping,
          },
        });
        if (count !== 1) throw batchBusy();
        rowsDone = true;
      },
      { timeout: importTimeout(total) },
    );
    outcome.committed = true;
  } catch (error) {
    // The write's own check before its commit (store/transaction.ts) refused what the rows passed:
    // told as the file's errors, so the run's answer says it did not commit and why.
    if (rowsDone && error instanceof ValidationError) {
      sheetErrors.push(...error.violations.map((v) => toError(null, v, columns)));
      outcome.counts = { ...outcome.counts, errors: outcome.counts.errors + error.violations.length };
      outcome.transactionId = null;
    } else if (!(error instanceof RollBack)) throw error;
  } finally {
    endProgress(progress);
  }
  return outcome;
}

async function saveBatch(tx: Tx, ctx: UseCaseContext, run: ImportRun, rowCount: number): Promise<void> {
  if (run.batch.stored) {
    const stored = await tx.importBatch.findUnique({ where: { id: run.batch.id }, select: { status: true } });
    if (stored?.status === 'COMMITTED') throw alreadyCommitted();
    return;
  }
  const b = run.batch;
  await tx.importBatch.create({
    data: {
      id: b.id,
      kind: b.kind,
      source: b.source,
      fileName: b.fileName,
      sha256: b.sha256,
      accountId: ctx.writer.accountId,
      actor: ctx.writer.actor,
      status: 'UPLOADED',
      sheets: [run.sheet],
      rowCount,
    },
  });
}

export function alreadyCommitted(): ValidationError {
  return new ValidationError([
    {
      code: 'IMPORT_ALREADY_COMMITTED',
      severity: 'error',
      path: ['id'],
      message: {
        vi: 'Lần nhập này đã được ghi; tải tệp lên lại để nhập lần nữa.',
        en: 'This import was already committed; upload the file again to import it again.',
      },
    },
  ]);
}

/** Another preview or commit of the batch runs now (run-claim.ts); or this run lost its claim to another. */
export function batchBusy(): ValidationError {
  return new ValidationError([
    {
      code: 'IMPORT_BATCH_BUSY',
      severity: 'error',
      path: ['id'],
      message: {
        vi: 'Tệp này đang được kiểm tra hoặc ghi ở một nơi khác (một thẻ hoặc người dùng khác); chờ lần đó xong rồi thử lại. Chưa thay đổi gì.',
        en: 'This file is being previewed or committed elsewhere (another tab or user); wait for that run to end and try again. Nothing was changed.',
      },
    },
  ]);
}

function toError(rowNumber: number | null, v: Violation<string>, columns: readonly ImportColumn[]): ImportError {
  const first = v.path[0];
  const column = typeof first === 'string' && columns.some((c) => c.key === first) ? first : null;
  return { rowNumber, column, code: v.code, message: v.message };
}

interface RowResult {
  action: RowAction | null;
  recordId: string | null;
  errors: ImportError[];
}

/** A row as read from its cells (no database yet): its values, source key, date and the problems of its cells. */
interface PreparedRow {
  rowNumber: number;
  /** The cells as read, by column key, as text (the outcome's values). */
  text: Record<string, string>;
  values: Record<string, unknown>;
  sourceKey: string | undefined;
  on: string;
  violations: Violation<string>[];
}

function prepareRow(
  ctx: UseCaseContext,
  run: ImportRun,
  columns: readonly ImportColumn[],
  cells: Record<string, CellValue>,
  rowNumber: number,
  seenKeys: Map<string, number>,
  fileDate: ReturnType<typeof fileAsOfDate>,
): PreparedRow {
  const violations: Violation<string>[] = [];
  const values: Record<string, unknown> = { ...(run.kind.fixed ?? {}) };
  let sourceKey: string | undefined;
  for (const column of columns) {
    const read = readCell(column, cells[column.key] ?? null);
    if (!read.ok) violations.push(read.violation);
    else if (column.key === 'sourceKey') sourceKey = typeof read.value === 'string' ? read.value : undefined;
    else if (read.value !== undefined) values[column.key] = read.value;
  }
  if (sourceKey !== undefined) {
    const earlier = seenKeys.get(sourceKey);
    if (earlier !== undefined) violations.push(duplicateKey(sourceKey, earlier));
    else seenKeys.set(sourceKey, rowNumber);
  }
  const on = rowDate(values.validFrom, fileDate, ctx.today);
  const text = Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, v === null ? '' : String(v)]));
  return { rowNumber, text, values, sourceKey, on, violations };
}

/** The reference queries of a row's reference cells (a list cell "001…; 001…" names several records), by column. */
function referenceQueries(
  run: ImportRun,
  columns: readonly ImportColumn[],
  row: PreparedRow,
): Array<{ column: ImportColumn; queries: ReferenceQuery[] }> {
  const out: Array<{ column: ImportColumn; queries: ReferenceQuery[] }> = [];
  for (const column of columns) {
    const text = row.values[column.key];
    if (column.type.kind !== 'reference' || typeof text !== 'string') continue;
    const texts = column.type.list
      ? text
          .split(/[;\n]/u)
          .map((t) => t.trim())
          .filter((t) => t !== '')
      : [text];
    const typename = column.type.typename;
    out.push({ column, queries: texts.map((one) => ({ typename, column: column.key, text: one, on: row.on, source: run.batch.source })) });
  }
  return out;
}

/**
 * What a row looks up before it is written: its references, the record its source key names, the
 * record its natural key names. Either answered from a chunk's lookups made together beforehand, or
 * (a row on its own) asked of the database then.
 */
interface RowLookups {
  references(queries: readonly ReferenceQuery[]): Promise<Resolved[]>;
  bySourceKey(key: string): Promise<string | null>;
  byNaturalKey(value: unknown): Promise<string | null>;
  /** The records this import has created so far (see checkAccess). */
  created: Set<string>;
}

function liveLookups(tx: Tx, run: ImportRun, spec: EntitySpec, created: Set<string>): RowLookups {
  return {
    created,
    references: (queries) => resolveReferences(tx, queries),
    bySourceKey: (key) => sourceKeyRecord(tx, run.batch.source, spec.typename, key),
    byNaturalKey: (value) => byNaturalKey(tx, spec, run.kind.naturalKey, value),
  };
}

/** The lookups of a chunk's rows, made together: one query per kind of lookup (and per date for names). */
async function chunkLookups(
  tx: Tx,
  run: ImportRun,
  spec: EntitySpec,
  columns: readonly ImportColumn[],
  rows: readonly PreparedRow[],
  created: Set<string>,
): Promise<RowLookups> {
  const queries = rows.flatMap((r) => referenceQueries(run, columns, r).flatMap((c) => c.queries));
  const resolved = await resolveReferences(tx, queries);
  const answers = new Map(queries.map((q, i) => [referenceKey(q), resolved[i] as Resolved]));
  const keys = rows.flatMap((r) => (r.sourceKey === undefined ? [] : [r.sourceKey]));
  const sources = await sourceKeyRecords(
    tx,
    keys.map((key) => ({ source: run.batch.source, entityType: spec.typename, key })),
  );
  const naturalKey = run.kind.naturalKey;
  const naturalValues = naturalKey === undefined ? [] : rows.map((r) => naturalValueOf(run, r.values, naturalKey));
  const natural = await byNaturalKeys(tx, spec, naturalKey, naturalValues);
  return {
    created,
    references: async (qs) => qs.map((q) => answers.get(referenceKey(q)) ?? unreachable(q)),
    bySourceKey: async (key) => sourceKeyFound(sources, run.batch.source, spec.typename, key),
    byNaturalKey: async (value) => (typeof value === 'string' ? (natural.get(value) ?? null) : null),
  };
}

function unreachable(q: ReferenceQuery): never {
  throw new Error(`import: the reference ${JSON.stringify(q)} was not looked up with its chunk`);
}

const referenceKey = (q: ReferenceQuery): string => JSON.stringify([q.typename, q.column, q.text, q.on, q.source]);

/** The natural key's value as the write's input holds it. */
function naturalValueOf(run: ImportRun, values: Record<string, unknown>, key: string): unknown {
  return (run.kind.toInput ? run.kind.toInput(values) : values)[key];
}

/**
 * Whether a chunk's lookups may be made before its rows are written: not when a row could find what
 * an earlier row of the chunk writes — a reference to the kind's own type (a group whose parent is a
 * group of the same file), or a natural key given twice (the second row updates the first's record).
 * Such a chunk's rows look up one at a time, as they are written.
 */
function lookupsAhead(run: ImportRun, spec: EntitySpec, columns: readonly ImportColumn[], rows: readonly PreparedRow[]): boolean {
  if (columns.some((c) => c.type.kind === 'reference' && c.type.typename === spec.typename)) return false;
  const key = run.kind.naturalKey;
  if (key === undefined) return true;
  const values = rows.map((r) => naturalValueOf(run, r.values, key)).filter((v) => typeof v === 'string');
  return new Set(values).size === values.length;
}

/** Thrown inside a chunk written under one savepoint when a row's write is refused: the chunk is redone row by row. */
class RowRefused extends Error {}

/**
 * A chunk of rows: looked up together, then written in order under one savepoint — a run of new
 * records together (`DeferredCreates`: one INSERT, their rules on the run in memory), anything else
 * one at a time. When every row is written (or refused before any write), that is the outcome —
 * the same as each row under its own savepoint, since no savepoint was rolled back. When a row's write is refused, the chunk is
 * rolled back and redone a row at a time, each under its own savepoint looking up as it goes, so
 * the refused row leaves no trace and the rows after it see exactly what they would have.
 */
async function importChunk(
  tx: Tx,
  ctx: UseCaseContext,
  schema: GraphQLSchema,
  run: ImportRun,
  spec: EntitySpec,
  columns: readonly ImportColumn[],
  rows: readonly PreparedRow[],
  created: Set<string>,
  onRow: (done: number) => void,
): Promise<RowResult[]> {
  if (rows.length > 1 && lookupsAhead(run, spec, columns, rows)) {
    const lookups = await chunkLookups(tx, run, spec, columns, rows, created);
    const deferred = new DeferredCreates(tx, ctx, run, spec, columns, created);
    await tx.$executeRawUnsafe('SAVEPOINT import_chunk');
    try {
      const results: Array<RowResult | Deferred> = [];
      for (const row of rows) {
        results.push(await importRow(tx, ctx, schema, run, spec, columns, row, lookups, deferred));
        onRow(results.length);
      }
      await deferred.flush();
      const done = results.map((r) => (r instanceof Deferred ? deferred.resultOf(r) : r));
      const keys: SourceKeyWrite[] = [];
      for (const [i, result] of done.entries()) {
        const sourceKey = rows[i]?.sourceKey;
        if (result.action !== null && sourceKey !== undefined) keys.push({ key: sourceKey, recordId: result.recordId as string });
      }
      await writeSourceKeys(tx, run, spec, keys);
      await tx.$executeRawUnsafe('RELEASE SAVEPOINT import_chunk');
      return done;
    } catch (error) {
      await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT import_chunk');
      if (!(error instanceof RowRefused)) throw error;
    }
  }
  const results: RowResult[] = [];
  const live = liveLookups(tx, run, spec, created);
  for (const row of rows) {
    results.push((await importRow(tx, ctx, schema, run, spec, columns, row, live, null)) as RowResult);
    onRow(results.length);
  }
  return results;
}

/** A chunk's row whose new record waits in `DeferredCreates` (its outcome is known after the flush). */
class Deferred {
  constructor(
    readonly row: PreparedRow,
    readonly values: Record<string, unknown>,
    readonly violations: Violation<string>[],
  ) {}
}

/**
 * A chunk's new records of an entity that `createsTogether`, kept until a row needs the database as
 * the rows before it left it (a row that updates or goes through a workflow) or the chunk ends, then
 * written with `createRecordsIn` — the same parse and rules as a single create, ONE INSERT. A record
 * its rules refuse is that row's errors, as its single create's would be (nothing of it is written
 * and the records after it are judged without it); a constraint the INSERT breaks is a refused write
 * (the chunk is redone row by row).
 */
class DeferredCreates {
  private waiting: Array<{ entry: Deferred; input: Record<string, unknown> }> = [];
  private readonly outcomes = new Map<Deferred, RowResult>();

  constructor(
    private readonly tx: Tx,
    private readonly ctx: UseCaseContext,
    private readonly run: ImportRun,
    private readonly spec: EntitySpec,
    private readonly columns: readonly ImportColumn[],
    private readonly created: Set<string>,
  ) {}

  /** Whether the kind's new records may wait here (no workflow, rules that judge a list). */
  accepts(): boolean {
    return this.run.kind.workflow === undefined && createsTogether(this.spec);
  }

  add(row: PreparedRow, values: Record<string, unknown>, violations: Violation<string>[], input: Record<string, unknown>): Deferred {
    const entry = new Deferred(row, values, violations);
    this.waiting.push({ entry, input });
    return entry;
  }

  async flush(): Promise<void> {
    const waiting = this.waiting;
    this.waiting = [];
    if (waiting.length === 0) return;
    let outcomes: CreateOutcome[];
    try {
      outcomes = await createRecordsIn(
        this.tx,
        this.ctx,
        this.spec,
        waiting.map((w) => w.input),
      );
    } catch (error) {
      // Only a row's refusal (a constraint) is the chunk's to redo; anything else is thrown on as it is.
      rowViolations(error);
      throw new RowRefused();
    }
    for (const [i, { entry }] of waiting.entries()) {
      const outcome = outcomes[i] as CreateOutcome;
      if (outcome.ok) {
        this.created.add(outcome.id);
        this.outcomes.set(entry, { action: 'CREATE', recordId: outcome.id, errors: [] });
      } else {
        const found = outcome.error.violations;
        this.outcomes.set(entry, failRow(this.run, this.spec, this.columns, entry.row, entry.values, entry.violations, found));
      }
    }
  }

  resultOf(entry: Deferred): RowResult {
    const result = this.outcomes.get(entry);
    if (!result) throw new Error(`import: row ${entry.row.rowNumber} was deferred and never written`);
    return result;
  }
}

interface SourceKeyWrite {
  key: string;
  recordId: string;
}

/** The rows' source keys, kept (or moved to the record now named) in one statement. */
async function writeSourceKeys(tx: Tx, run: ImportRun, spec: EntitySpec, keys: readonly SourceKeyWrite[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO import_source_keys (source, entity_type, key, record_id, batch_id)
    SELECT ${run.batch.source}, ${spec.typename}, k.key, k.record_id, ${run.batch.id}::uuid
    FROM unnest(${keys.map((k) => k.key)}::text[], ${keys.map((k) => k.recordId)}::uuid[]) AS k(key, record_id)
    ON CONFLICT (source, entity_type, key) DO UPDATE SET record_id = EXCLUDED.record_id`;
}

/**
 * One row: its references resolved, then — with no problem so far — written as its single write
 * would be. On its own ('row') under a savepoint, so a refused write leaves no trace; in a chunk
 * ('chunk') a refused write throws RowRefused for the chunk to be redone row by row.
 */
async function importRow(
  tx: Tx,
  ctx: UseCaseContext,
  schema: GraphQLSchema,
  run: ImportRun,
  spec: EntitySpec,
  columns: readonly ImportColumn[],
  row: PreparedRow,
  lookups: RowLookups,
  deferred: DeferredCreates | null,
): Promise<RowResult | Deferred> {
  const { sourceKey } = row;
  const mode = deferred === null ? 'row' : 'chunk';
  const violations = [...row.violations];
  const values: Record<string, unknown> = { ...row.values };
  // Every reference is checked, also on a row whose cells are already wrong (it is not written,
  // but each of its problems is reported at once).
  for (const { column, queries } of referenceQueries(run, columns, row)) {
    const found = await lookups.references(queries);
    const ids: string[] = [];
    for (const one of found) {
      if (one.ok) ids.push(one.id);
      else violations.push(one.violation);
    }
    if (ids.length < queries.length) delete values[column.key];
    else values[column.key] = column.type.kind === 'reference' && column.type.list ? ids : ids[0];
  }
  const workflow = run.kind.workflow;
  const fail = (more: Violation<string>[]): RowResult => failRow(run, spec, columns, row, values, violations, more);
  if (violations.length > 0) return fail([]);
  const input = run.kind.toInput ? run.kind.toInput(values) : values;

  if (mode === 'row') await tx.$executeRawUnsafe('SAVEPOINT import_row');
  try {
    const existing =
      (sourceKey !== undefined ? await lookups.bySourceKey(sourceKey) : null) ??
      (run.kind.naturalKey !== undefined ? await lookups.byNaturalKey(input[run.kind.naturalKey]) : null);
    if (deferred?.accepts() && !existing) {
      // Territory now (it reads no row of this chunk); the rules and the INSERT with the chunk's other new records.
      await checkAccess(ctx, schema, `create${spec.noun}`, input, lookups.created);
      return deferred.add(row, values, violations, input);
    }
    // Anything else reads and writes the database as the rows before it left it.
    await deferred?.flush();
    const result = workflow
      ? await throughWorkflow(tx, ctx, schema, workflow, existing, values, columns, lookups.created)
      : existing
        ? await updateExisting(tx, ctx, schema, spec, existing, input, row.on, columns, lookups.created)
        : await createNew(tx, ctx, schema, spec, input, lookups.created);
    if (mode === 'row') {
      if (sourceKey !== undefined) await writeSourceKeys(tx, run, spec, [{ key: sourceKey, recordId: result.recordId }]);
      await tx.$executeRawUnsafe('RELEASE SAVEPOINT import_row');
    }
    return { ...result, errors: [] };
  } catch (error) {
    if (mode === 'chunk') {
      // Only a row's refusal is the chunk's to redo; anything else is thrown on as it is.
      rowViolations(error);
      throw new RowRefused();
    }
    await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT import_row');
    const found = rowViolations(error);
    // A workflow's violations name its input's paths (a board's members[i]): told on the row's columns.
    return fail(workflow?.columnOf ? found.map((v) => ({ ...v, path: [workflow.columnOf?.(v.path, values) ?? v.path[0] ?? ''] })) : found);
  }
}

/** A row's errors: those found, and the schema's on the cells not already reported (every problem at once). */
function failRow(
  run: ImportRun,
  spec: EntitySpec,
  columns: readonly ImportColumn[],
  row: PreparedRow,
  values: Record<string, unknown>,
  violations: readonly Violation<string>[],
  more: readonly Violation<string>[],
): RowResult {
  const reported = new Set([...violations, ...more].map((v) => String(v.path[0] ?? '')));
  const parsed = parseInput(run.kind.workflow?.schema ?? spec.createSchema, values);
  const fromSchema = parsed.ok ? [] : parsed.violations.filter((v) => !reported.has(String(v.path[0] ?? '')));
  return { action: null, recordId: null, errors: [...violations, ...more, ...fromSchema].map((v) => toError(row.rowNumber, v, columns)) };
}

/**
 * A row of a workflow kind: a new record through the workflow (after the territory check of its
 * mutation); an existing one is unchanged when the row agrees with it as read back, and otherwise an
 * error on each cell that differs (changing it is another workflow's: a board's consolidation).
 */
async function throughWorkflow(
  tx: Tx,
  ctx: UseCaseContext,
  schema: GraphQLSchema,
  workflow: ImportWorkflow,
  existing: string | null,
  values: Record<string, unknown>,
  columns: readonly ImportColumn[],
  created: Set<string>,
): Promise<{ action: RowAction; recordId: string }> {
  const input = workflow.toInput(values);
  await checkAccess(ctx, schema, workflow.mutation, input, created);
  if (!existing) {
    const id = await workflow.create(tx, input);
    created.add(id);
    return { action: 'CREATE', recordId: id };
  }
  const current = await workflow.current(tx, existing);
  const on = typeof current.validFrom === 'string' ? current.validFrom : ctx.today;
  const differ = await disagreements(tx, { vi: 'bản ghi', en: 'record' }, current, values, workflow.references, on, labelsOf(columns));
  if (differ.length > 0) throw new ValidationError(differ);
  return { action: 'UNCHANGED', recordId: existing };
}

/** The headers the person sees, by column key (for messages). */
function labelsOf(columns: readonly ImportColumn[]): Record<string, LocalizedText> {
  return Object.fromEntries(columns.map((c) => [c.key, c.label]));
}

async function byNaturalKey(tx: Tx, spec: EntitySpec, key: string | undefined, value: unknown): Promise<string | null> {
  if (key === undefined || typeof value !== 'string') return null;
  return (await byNaturalKeys(tx, spec, key, [value])).get(value) ?? null;
}

/** The records the natural key's values name, in one query (the first record of a value when several share it). */
async function byNaturalKeys(tx: Tx, spec: EntitySpec, key: string | undefined, values: readonly unknown[]): Promise<Map<string, string>> {
  const wanted = [...new Set(values.filter((v): v is string => typeof v === 'string'))];
  const found = new Map<string, string>();
  if (key === undefined || wanted.length === 0) return found;
  const delegate = (tx as unknown as Record<string, { findMany(a: object): Promise<Array<Record<string, unknown>>> } | undefined>)[
    spec.model
  ];
  const rows =
    (await delegate?.findMany({ where: { [key]: { in: wanted } }, select: { id: true, [key]: true }, orderBy: { id: 'asc' } })) ?? [];
  for (const row of rows) if (!found.has(String(row[key]))) found.set(String(row[key]), String(row.id));
  return found;
}

/**
 * The same territory check as the GraphQL write would make, one reference at a time so the refusal
 * names its cell. A record an earlier row of this import created is the importer's to write: the
 * access rules read the committed database, which does not hold it until the import commits (its
 * references were checked when it was created, and a change of them is checked as any other).
 */
async function checkAccess(
  ctx: UseCaseContext,
  schema: GraphQLSchema,
  field: string,
  input: Record<string, unknown>,
  created: ReadonlySet<string>,
): Promise<void> {
  const args = schema.getMutationType()?.getFields()[field]?.args;
  if (!args) throw new Error(`import: no mutation ${field}`);
  const refused: Violation<string>[] = [];
  for (const ref of inputReferences(args, { input }).filter((r) => !created.has(r.id))) {
    try {
      await assertReferencesAllowed(ctx, [ref]);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      // The input's path below `input` ("residenceUnitId", "members.2.personId"): its first segment is the column.
      const path = ref.path
        .split('.')
        .slice(1)
        .map((seg) => (/^\d+$/u.test(seg) ? Number(seg) : seg));
      const message = (error.extensions.localizedMessage as LocalizedText | undefined) ?? { vi: error.message, en: error.message };
      refused.push({ code: String(error.extensions.code ?? 'FORBIDDEN'), severity: 'error', path, message });
    }
  }
  if (refused.length) throw new ValidationError(refused);
}

async function createNew(
  tx: Tx,
  ctx: UseCaseContext,
  schema: GraphQLSchema,
  spec: EntitySpec,
  values: Record<string, unknown>,
  created: Set<string>,
): Promise<{ action: RowAction; recordId: string }> {
  await checkAccess(ctx, schema, `create${spec.noun}`, values, created);
  const row = await createRecordIn(tx, ctx, spec, values);
  created.add(row.id);
  return { action: 'CREATE', recordId: row.id };
}

/** A row naming a record already there (its source key, or its natural key): the changed fields, as `updateX` takes them. */
async function updateExisting(
  tx: Tx,
  ctx: UseCaseContext,
  schema: GraphQLSchema,
  spec: EntitySpec,
  id: string,
  values: Record<string, unknown>,
  on: string,
  columns: readonly ImportColumn[],
  created: ReadonlySet<string>,
): Promise<{ action: RowAction; recordId: string }> {
  const { record, version } = await loadRecord(tx, spec, id);
  // What the update cannot change must agree with the record, or the row would be silently half-applied.
  const fixed = await fixedFieldChanges(tx, spec, id, record, values, on, labelsOf(columns));
  if (fixed.length > 0) throw new ValidationError(fixed);
  const updatable = Object.keys((spec.updateSchema as { shape?: object } | undefined)?.shape ?? {});
  const changes = Object.fromEntries(
    Object.entries(values).filter(([k, v]) => updatable.includes(k) && k !== 'id' && k !== 'version' && !same(record[k], v)),
  );
  if (!spec.updateSchema || Object.keys(changes).length === 0) {
    // Nothing to write; reading it back is still the importer's only if they may write it (a
    // record written once and never edited, such as an attendance, as its create would be).
    if (spec.updateSchema) await checkAccess(ctx, schema, `update${spec.noun}`, { id, version }, created);
    else await checkAccess(ctx, schema, `create${spec.noun}`, values, created);
    return { action: 'UNCHANGED', recordId: id };
  }
  // A value the schema would normalise the same way as stored is no change either.
  const parsed = parseInput(spec.updateSchema, { id, version, ...changes });
  if (parsed.ok) {
    const normalised = parsed.value as Record<string, unknown>;
    for (const k of Object.keys(changes)) if (same(record[k], normalised[k])) delete changes[k];
    if (Object.keys(changes).length === 0) {
      await checkAccess(ctx, schema, `update${spec.noun}`, { id, version }, created);
      return { action: 'UNCHANGED', recordId: id };
    }
  }
  const input = { id, version, ...changes };
  await checkAccess(ctx, schema, `update${spec.noun}`, input, created);
  await updateRecordIn(tx, ctx, spec, spec.updateSchema, id, input);
  return { action: 'UPDATE', recordId: id };
}

function same(stored: unknown, given: unknown): boolean {
  // A list (a training's topics) is the same when it holds the same values in the same order.
  if (Array.isArray(stored) && Array.isArray(given)) return JSON.stringify(stored) === JSON.stringify(given);
  return (stored ?? null) === (given ?? null);
}

function rowViolations(error: unknown): Violation<string>[] {
  if (error instanceof ValidationError) return error.violations;
  const constraint = constraintViolation(error);
  if (constraint) return [constraint];
  if (error instanceof VersionConflictError || error instanceof NotFoundError) {
    return [{ code: error.name, severity: 'error', path: [], message: error.localized }];
  }
  throw error;
}

function duplicateKey(key: string, earlierRow: number): Violation<string> {
  return {
    code: 'IMPORT_DUPLICATE_KEY',
    severity: 'error',
    path: ['sourceKey'],
    message: {
      vi: `Mã nguồn "${key}" đã có ở dòng ${earlierRow}; mỗi dòng một mã.`,
      en: `The source key "${key}" is already used on row ${earlierRow}; one key per row.`,
    },
  };
}

export function newBatchId(): string {
  return randomUUID();
}
