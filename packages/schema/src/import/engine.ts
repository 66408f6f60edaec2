import { randomUUID } from 'node:crypto';
import { type ImportColumn, type LocalizedText, parseInput, prepareSheet, readCell, type SheetChoices, type Violation } from '@coso/domain';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { EntitySpec } from '../graphql/entity-mutations.js';
import { assertReferencesAllowed, inputReferences } from '../graphql/write-access-plugin.js';
import { constraintViolation } from '../store/constraint-rules.js';
import { type Tx, writeTransaction } from '../store/transaction.js';
import { NotFoundError, ValidationError, VersionConflictError } from '../store/write-errors.js';
import type { UseCaseContext } from '../use-cases/context.js';
import { createRecordIn, loadRecord, updateRecordIn } from '../use-cases/records.js';
import { disagreements, fixedFieldChanges } from './fixed-fields.js';
import { columnsOfKind, type ImportKind, type ImportWorkflow, specOf } from './kinds.js';
import { endProgress, startProgress } from './progress.js';
import type { Table } from './read-file.js';
import { resolveReference, sourceKeyRecord } from './references.js';
import { fileAsOfDate, rowDate } from './row-date.js';

/**
 * The import itself: every row goes through the same write as a single `createX` / `updateX` —
 * the domain's input schema, the entity's rules in the transaction, the territory check of
 * `write-access-plugin.ts` on the references the GraphQL input would carry — inside ONE
 * transaction, each row under a savepoint so a refused row leaves no trace and the next rows are
 * still checked. A dry run, or a commit with any error, rolls the whole transaction back: nothing
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

export interface ImportOutcome {
  headerRow: number | null;
  headers: string[];
  mapping: Record<string, number>;
  columns: ImportColumn[];
  rows: RowOutcome[];
  errors: ImportError[];
  /** True when committed (a commit without errors). */
  committed: boolean;
  transactionId: string | null;
}

/** The batch a run belongs to: written (or marked committed) inside the run's transaction. */
export interface BatchRecord {
  id: string;
  kind: string;
  source: string;
  fileName: string;
  sha256: string;
  /** Already stored (an upload); otherwise created inside the transaction (the CLI). */
  stored: boolean;
}

export interface ImportRun {
  kind: ImportKind;
  table: Table;
  choices?: SheetChoices;
  batch: BatchRecord;
  commit: boolean;
  /** Told after each row (the CLI prints progress). */
  onRow?: (done: number, total: number) => void;
}

class RollBack extends Error {}

/**
 * How long an import's one transaction may run: a second a row (ten times what a row takes on a
 * loaded 2-core machine), at least the 60 s of any write and at most an hour. The default 60 s
 * failed a 1,000-row preview midway (tests/bench/import.mjs).
 */
export function importTimeout(rows: number): number {
  return Math.min(3_600_000, Math.max(60_000, rows * 1_000));
}

export async function runImport(ctx: UseCaseContext, schema: GraphQLSchema, run: ImportRun): Promise<ImportOutcome> {
  const columns = columnsOfKind(run.kind);
  const sheet = prepareSheet(run.table, columns, run.choices ?? {});
  const outcome: ImportOutcome = {
    headerRow: sheet.headerRow,
    headers: sheet.headers,
    mapping: sheet.mapping,
    columns,
    rows: [],
    errors: sheet.violations.map((v) => toError(null, v, columns)),
    committed: false,
    transactionId: null,
  };
  if (outcome.errors.length > 0) return outcome;
  const spec = specOf(run.kind);
  const progress = startProgress(run.batch.id, run.commit ? 'COMMIT' : 'PREVIEW', sheet.rows.length);
  try {
    await writeTransaction(
      ctx.prisma,
      run.commit ? 'commitImport' : 'importDryRun',
      ctx.writer,
      async (tx) => {
        await saveBatch(tx, ctx, run, sheet.rows.length);
        const seenKeys = new Map<string, number>();
        for (const [i, row] of sheet.rows.entries()) {
          const values = Object.fromEntries(Object.entries(row.cells).map(([k, v]) => [k, v === null ? '' : String(v)]));
          const result = await importRow(tx, ctx, schema, run, spec, columns, row.cells, row.rowNumber, seenKeys);
          outcome.rows.push({ rowNumber: row.rowNumber, action: result.action, recordId: result.recordId, values });
          outcome.errors.push(...result.errors);
          progress.done = i + 1;
          run.onRow?.(i + 1, sheet.rows.length);
        }
        if (!run.commit || outcome.errors.length > 0) throw new RollBack();
        const [txid] = await tx.$queryRaw<Array<{ id: bigint }>>`SELECT txid_current() AS id`;
        outcome.transactionId = txid ? String(txid.id) : null;
        await tx.importBatch.update({
          where: { id: run.batch.id },
          data: {
            status: 'COMMITTED',
            committedAt: new Date(),
            rowCount: sheet.rows.length,
            transactionId: txid?.id ?? null,
            headerRow: sheet.headerRow,
            mapping: sheet.mapping,
            results: outcome.rows.map((r) => ({ rowNumber: r.rowNumber, action: r.action, recordId: r.recordId })),
          },
        });
      },
      { timeout: importTimeout(sheet.rows.length) },
    );
    outcome.committed = true;
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
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
      cells: { rows: run.table },
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

async function importRow(
  tx: Tx,
  ctx: UseCaseContext,
  schema: GraphQLSchema,
  run: ImportRun,
  spec: EntitySpec,
  columns: readonly ImportColumn[],
  cells: Record<string, import('@coso/domain').CellValue>,
  rowNumber: number,
  seenKeys: Map<string, number>,
): Promise<RowResult> {
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
  const on = rowDate(values.validFrom, fileAsOfDate(run.table, columns, run.choices?.headerRow), ctx.today);
  for (const column of columns) {
    const text = values[column.key];
    if (column.type.kind !== 'reference' || typeof text !== 'string') continue;
    // A list cell ("001…; 001…") names several records; each is resolved, each failure reported.
    const texts = column.type.list
      ? text
          .split(/[;\n]/u)
          .map((t) => t.trim())
          .filter((t) => t !== '')
      : [text];
    const ids: string[] = [];
    for (const one of texts) {
      const found = await resolveReference(tx, {
        typename: column.type.typename,
        column: column.key,
        text: one,
        on,
        source: run.batch.source,
      });
      if (found.ok) ids.push(found.id);
      else violations.push(found.violation);
    }
    if (ids.length < texts.length) delete values[column.key];
    else values[column.key] = column.type.list ? ids : ids[0];
  }
  const workflow = run.kind.workflow;
  const fail = (more: Violation<string>[]): RowResult => {
    // Every problem of the row at once: the schema's too, on the cells not already reported.
    const reported = new Set([...violations, ...more].map((v) => String(v.path[0] ?? '')));
    const parsed = parseInput(workflow?.schema ?? spec.createSchema, values);
    const fromSchema = parsed.ok ? [] : parsed.violations.filter((v) => !reported.has(String(v.path[0] ?? '')));
    return { action: null, recordId: null, errors: [...violations, ...more, ...fromSchema].map((v) => toError(rowNumber, v, columns)) };
  };
  if (violations.length > 0) return fail([]);
  const input = run.kind.toInput ? run.kind.toInput(values) : values;

  await tx.$executeRawUnsafe('SAVEPOINT import_row');
  try {
    const existing =
      (sourceKey !== undefined ? await sourceKeyRecord(tx, run.batch.source, spec.typename, sourceKey) : null) ??
      (await byNaturalKey(tx, spec, run.kind.naturalKey, input));
    const result = workflow
      ? await throughWorkflow(tx, ctx, schema, workflow, existing, values, columns)
      : existing
        ? await updateExisting(tx, ctx, schema, spec, existing, input, on, columns)
        : await createNew(tx, ctx, schema, spec, input);
    if (sourceKey !== undefined) {
      const where = { source_entityType_key: { source: run.batch.source, entityType: spec.typename, key: sourceKey } };
      await tx.importSourceKey.upsert({
        where,
        create: { source: run.batch.source, entityType: spec.typename, key: sourceKey, recordId: result.recordId, batchId: run.batch.id },
        update: { recordId: result.recordId },
      });
    }
    await tx.$executeRawUnsafe('RELEASE SAVEPOINT import_row');
    return { ...result, errors: [] };
  } catch (error) {
    await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT import_row');
    const found = rowViolations(error);
    // A workflow's violations name its input's paths (a board's members[i]): told on the row's columns.
    return fail(workflow?.columnOf ? found.map((v) => ({ ...v, path: [workflow.columnOf?.(v.path, values) ?? v.path[0] ?? ''] })) : found);
  }
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
): Promise<{ action: RowAction; recordId: string }> {
  const input = workflow.toInput(values);
  await checkAccess(ctx, schema, workflow.mutation, input);
  if (!existing) return { action: 'CREATE', recordId: await workflow.create(tx, input) };
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

async function byNaturalKey(tx: Tx, spec: EntitySpec, key: string | undefined, values: Record<string, unknown>): Promise<string | null> {
  if (key === undefined || typeof values[key] !== 'string') return null;
  const delegate = (tx as unknown as Record<string, { findFirst(a: object): Promise<{ id: string } | null> }>)[spec.model];
  const row = await delegate?.findFirst({ where: { [key]: values[key] }, select: { id: true } });
  return row?.id ?? null;
}

/** The same territory check as the GraphQL write would make, one reference at a time so the refusal names its cell. */
async function checkAccess(ctx: UseCaseContext, schema: GraphQLSchema, field: string, input: Record<string, unknown>): Promise<void> {
  const args = schema.getMutationType()?.getFields()[field]?.args;
  if (!args) throw new Error(`import: no mutation ${field}`);
  const refused: Violation<string>[] = [];
  for (const ref of inputReferences(args, { input })) {
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
): Promise<{ action: RowAction; recordId: string }> {
  await checkAccess(ctx, schema, `create${spec.noun}`, values);
  const row = await createRecordIn(tx, ctx, spec, values);
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
    // Nothing to write; reading it back is still the importer's only if they may write it.
    await checkAccess(ctx, schema, `update${spec.noun}`, { id, version });
    return { action: 'UNCHANGED', recordId: id };
  }
  // A value the schema would normalise the same way as stored is no change either.
  const parsed = parseInput(spec.updateSchema, { id, version, ...changes });
  if (parsed.ok) {
    const normalised = parsed.value as Record<string, unknown>;
    for (const k of Object.keys(changes)) if (same(record[k], normalised[k])) delete changes[k];
    if (Object.keys(changes).length === 0) {
      await checkAccess(ctx, schema, `update${spec.noun}`, { id, version });
      return { action: 'UNCHANGED', recordId: id };
    }
  }
  const input = { id, version, ...changes };
  await checkAccess(ctx, schema, `update${spec.noun}`, input);
  await updateRecordIn(tx, ctx, spec, spec.updateSchema, id, input);
  return { action: 'UPDATE', recordId: id };
}

function same(stored: unknown, given: unknown): boolean {
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
