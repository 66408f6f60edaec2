import { randomUUID } from 'node:crypto';
import { type DomainState, isIsoDate, type LocalizedText, parseInput, type Violation } from '@coso/domain';
import type { z } from 'zod';
import type { EntityType } from '../entities/definitions.js';
import { toDbDate } from '../store/db-dates.js';
import { fromRow, toRow } from '../store/state-tables.js';
import { type Tx, writeTransaction } from '../store/transaction.js';
import { delegateOf, type StoredRow, updateVersioned } from '../store/versioned.js';
import { NotFoundError, ValidationError, VersionConflictError } from '../store/write-errors.js';
import type { UseCaseContext } from './context.js';

/**
 * The generic writes every entity has — create, correct (update) and end, never delete — as
 * use-cases: the API's `createX` / `updateX` / `endX`, and bulk import (`…In`, in its one transaction), call these with
 * database ids. Each write: input parsed by the domain's zod schema (every violation, vi/en) →
 * domain rules checked against the state read in the same transaction → written. The database
 * bumps the version of every updated row and writes the audit entry of every changed row. An
 * update carries the version it read; a stale one gets a VersionConflictError.
 */
export type DomainRecord = Record<string, unknown> & { id: string };

/** What the generic writes need to know of an entity (the API's spec adds its GraphQL fields). */
export interface RecordSpec {
  /** Name in the API and the audit trail's operation: `createUnit`, `updateUnit`, `endUnit`. */
  noun: string;
  typename: EntityType;
  /** DomainState table. */
  table: keyof DomainState;
  /** Prisma delegate. */
  model: string;
  label: LocalizedText;
  createSchema: z.ZodType;
  /** Keys only the create input has, not stored on the row (a unit's first code and parent). */
  createOnlyKeys: readonly string[];
  /** Domain rules against the stored state, inside the transaction (errors block; warnings pass). */
  check?: (tx: Tx, record: DomainRecord, op: 'create' | 'update', ctx: UseCaseContext) => Promise<Violation[]>;
  /**
   * The same rules for several records at once (instead of `check`): what they read is read once for
   * all, and each record is judged as if the records before it that pass (no error) were already
   * stored — as when they are written one by one. A single write is a list of one; bulk import
   * writes a chunk's new records with one INSERT after it (`createRecordsIn`).
   */
  checkMany?: (tx: Tx, records: readonly DomainRecord[], op: 'create' | 'update', ctx: UseCaseContext) => Promise<Violation[][]>;
  afterCreate?: (tx: Tx, record: DomainRecord, input: Record<string, unknown>) => Promise<void>;
  /** Refuse an end (e.g. a unit that still has children) … */
  checkEnd?: (tx: Tx, record: DomainRecord, on: string) => Promise<Violation[]>;
  /** … or cascade it (a dissolved body's memberships end with it). */
  onEnd?: (tx: Tx, record: DomainRecord, on: string) => Promise<void>;
}

/** Creates a record; `input` has database ids and no nulls ("not given"). */
export async function createRecord(ctx: UseCaseContext, spec: RecordSpec, input: Record<string, unknown>): Promise<StoredRow> {
  const parsed = parseOrThrow(spec.createSchema, input) as Record<string, unknown>;
  return writeTransaction(ctx.prisma, `create${spec.noun}`, ctx.writer, (tx) => createParsedIn(tx, ctx, spec, input, parsed));
}

/**
 * The same create inside a transaction the caller holds (bulk import writes many records in one):
 * nothing differs from `createRecord` but who opens and names the transaction.
 */
export async function createRecordIn(tx: Tx, ctx: UseCaseContext, spec: RecordSpec, input: Record<string, unknown>): Promise<StoredRow> {
  return createParsedIn(tx, ctx, spec, input, parseOrThrow(spec.createSchema, input) as Record<string, unknown>);
}

async function createParsedIn(
  tx: Tx,
  ctx: UseCaseContext,
  spec: RecordSpec,
  input: Record<string, unknown>,
  parsed: Record<string, unknown>,
): Promise<StoredRow> {
  // A create-only field the domain schema does not list (a body's parent and areas) would be
  // stripped by it; it passes as given (ids decoded) for `check` and `afterCreate` to use.
  for (const k of spec.createOnlyKeys) if (!(k in parsed) && input[k] !== undefined) parsed[k] = input[k];
  const id = randomUUID();
  const stored = Object.fromEntries(Object.entries(parsed).filter(([k]) => !spec.createOnlyKeys.includes(k)));
  const domain = { ...stored, id } as DomainRecord;
  throwErrors((await checkRecords(tx, ctx, spec, [{ ...domain, ...parsed, id }], 'create'))[0] ?? []);
  const row = await delegateOf<StoredRow>(tx, spec.model).create({ data: toRow(spec.table, domain) });
  if (spec.afterCreate) await spec.afterCreate(tx, { ...domain, ...parsed, id }, parsed);
  return row;
}

/** The rules of an entity on records in order: `checkMany` at once, or `check` one by one. */
async function checkRecords(
  tx: Tx,
  ctx: UseCaseContext,
  spec: RecordSpec,
  records: readonly DomainRecord[],
  op: 'create' | 'update',
): Promise<Violation[][]> {
  if (spec.checkMany) return spec.checkMany(tx, records, op, ctx);
  const out: Violation[][] = [];
  for (const record of records) out.push(spec.check ? await spec.check(tx, record, op, ctx) : []);
  return out;
}

/**
 * Whether `createRecordsIn` may write an entity's new records together: its rules judge a list in
 * order without them being stored (`checkMany`, or no rules), and nothing is written after each
 * (`afterCreate`) that a later record's rules would read.
 */
export function createsTogether(spec: RecordSpec): boolean {
  return spec.afterCreate === undefined && (spec.checkMany !== undefined || spec.check === undefined);
}

/** A new record of `createRecordsIn`: its id, or why it was refused (nothing of it written). */
export type CreateOutcome = { ok: true; id: string } | { ok: false; error: ValidationError };

/**
 * Several creates inside a transaction the caller holds, each exactly as `createRecordIn` would
 * judge it after the ones before it (the same parse, the same rules through `checkMany`), written
 * with ONE INSERT for all that pass: the database's triggers (audit entry of every row, versions,
 * statement-level triggers over the inserted rows) and constraints see them as one statement. A
 * constraint the INSERT breaks throws, as a single create's would (the caller redoes one by one).
 * Only for entities that `createsTogether`.
 */
export async function createRecordsIn(
  tx: Tx,
  ctx: UseCaseContext,
  spec: RecordSpec,
  inputs: readonly Record<string, unknown>[],
): Promise<CreateOutcome[]> {
  if (!createsTogether(spec)) throw new Error(`${spec.typename}: its rules read what each create writes; create one at a time`);
  const out: CreateOutcome[] = [];
  const checked: Array<{ at: number; record: DomainRecord }> = [];
  for (const input of inputs) {
    const parsed = parseInput(spec.createSchema, input);
    if (!parsed.ok) {
      out.push({ ok: false, error: new ValidationError(parsed.violations) });
      continue;
    }
    const values = parsed.value as Record<string, unknown>;
    for (const k of spec.createOnlyKeys) if (!(k in values) && input[k] !== undefined) values[k] = input[k];
    const id = randomUUID();
    out.push({ ok: true, id });
    checked.push({ at: out.length - 1, record: { ...values, id } as DomainRecord });
  }
  const verdicts = await checkRecords(
    tx,
    ctx,
    spec,
    checked.map((c) => c.record),
    'create',
  );
  const rows: Record<string, unknown>[] = [];
  for (const [i, { at, record }] of checked.entries()) {
    const errors = (verdicts[i] ?? []).filter((v) => v.severity === 'error');
    if (errors.length) out[at] = { ok: false, error: new ValidationError(errors) };
    else {
      const stored = Object.fromEntries(Object.entries(record).filter(([k]) => !spec.createOnlyKeys.includes(k)));
      rows.push(toRow(spec.table, stored as DomainRecord));
    }
  }
  if (rows.length) await delegateOf(tx, spec.model).createMany({ data: rows });
  return out;
}

/** Corrects a record; `input` has database ids, `version` and the fields to change (null clears). */
export async function updateRecord(
  ctx: UseCaseContext,
  spec: RecordSpec,
  updateSchema: z.ZodType,
  id: string,
  input: Record<string, unknown>,
): Promise<StoredRow> {
  const parsed = parseOrThrow(updateSchema, input) as Record<string, unknown>;
  return writeTransaction(ctx.prisma, `update${spec.noun}`, ctx.writer, (tx) => updateParsedIn(tx, ctx, spec, id, parsed));
}

/** The same correction inside a transaction the caller holds (bulk import). */
export async function updateRecordIn(
  tx: Tx,
  ctx: UseCaseContext,
  spec: RecordSpec,
  updateSchema: z.ZodType,
  id: string,
  input: Record<string, unknown>,
): Promise<StoredRow> {
  return updateParsedIn(tx, ctx, spec, id, parseOrThrow(updateSchema, input) as Record<string, unknown>);
}

async function updateParsedIn(
  tx: Tx,
  ctx: UseCaseContext,
  spec: RecordSpec,
  id: string,
  parsed: Record<string, unknown>,
): Promise<StoredRow> {
  const { record: before, version } = await loadRecord(tx, spec, id);
  if (version !== parsed.version) throw new VersionConflictError(spec.typename, id, Number(parsed.version), version);
  const { version: _v, ...changes } = parsed;
  const merged = { ...before, ...changes, id } as DomainRecord;
  // The merged record must still be a valid new record (cross-field rules see all fields).
  const { id: _id, ...mergedInput } = merged;
  const again = parseInput(spec.createSchema, stripDbOnly(mergedInput));
  if (!again.ok) throw new ValidationError(again.violations);
  throwErrors((await checkRecords(tx, ctx, spec, [merged], 'update'))[0] ?? []);
  const { id: _ignored, ...data } = toRow(spec.table, changes);
  await updateVersioned(tx, spec.model, spec.typename, id, version, data);
  return written(tx, spec, id);
}

/** Ends a record on a date (history is kept). */
export async function endRecord(
  ctx: UseCaseContext,
  spec: RecordSpec,
  args: { id: string; version: number; on: string },
): Promise<StoredRow> {
  const { id, on } = args;
  return writeTransaction(ctx.prisma, `end${spec.noun}`, ctx.writer, async (tx) => {
    const { record: before, version } = await loadRecord(tx, spec, id);
    if (version !== args.version) throw new VersionConflictError(spec.typename, id, args.version, version);
    throwErrors(endViolations(spec, before, on));
    if (spec.checkEnd) throwErrors(await spec.checkEnd(tx, before, on));
    await updateVersioned(tx, spec.model, spec.typename, id, version, { validTo: toDbDate(on) });
    if (spec.onEnd) await spec.onEnd(tx, before, on);
    return written(tx, spec, id);
  });
}

/** The row just written, read back in the same transaction. */
async function written(tx: Tx, spec: RecordSpec, id: string): Promise<StoredRow> {
  const row = await delegateOf<StoredRow>(tx, spec.model).findUnique({ where: { id } });
  if (!row) throw new NotFoundError(spec.typename, id);
  return row;
}

function parseOrThrow<T>(schema: z.ZodType<T>, data: unknown): T {
  const result = parseInput(schema, data);
  if (!result.ok) throw new ValidationError(result.violations);
  return result.value;
}

function throwErrors(violations: Violation[]): void {
  const errors = violations.filter((v) => v.severity === 'error');
  if (errors.length) throw new ValidationError(errors);
}

/** Reads a row as a domain record (ISO dates), keeping the version for concurrency checks. */
export async function loadRecord(tx: Tx, spec: RecordSpec, id: string): Promise<{ record: DomainRecord; version: number }> {
  const row = await delegateOf(tx, spec.model).findUnique({ where: { id } });
  if (!row) throw new NotFoundError(spec.typename, id);
  return { record: fromRow(spec.table, row) as DomainRecord, version: Number(row.version ?? 0) };
}

/** Database-only or derived keys never go back through an input schema. */
function stripDbOnly(record: Record<string, unknown>): Record<string, unknown> {
  const { nameSearch: _n, createdAt: _c, updatedAt: _u, version: _v, ...rest } = record;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null));
}

function endViolations(spec: RecordSpec, record: DomainRecord, on: string): Violation[] {
  const from = String(record.validFrom ?? '');
  const to = record.validTo == null ? null : String(record.validTo);
  const name = String(record.name ?? record.fullName ?? record.id);
  if (!isIsoDate(on)) {
    return [
      {
        code: 'DATE_FORMAT',
        severity: 'error',
        path: ['on'],
        message: { vi: `Ngày "${on}" không hợp lệ.`, en: `Date "${on}" is not valid.` },
      },
    ];
  }
  if (on <= from) {
    return [
      {
        code: 'PERIOD_ORDER',
        severity: 'error',
        path: ['on'],
        message: {
          vi: `${spec.label.vi} "${name}" bắt đầu ngày ${from}; ngày kết thúc ${on} phải sau ngày đó.`,
          en: `${spec.label.en} "${name}" starts on ${from}; the end date ${on} must be after it.`,
        },
      },
    ];
  }
  if (to !== null && to <= on) {
    return [
      {
        code: 'PERIOD_ORDER',
        severity: 'error',
        path: ['on'],
        message: {
          vi: `${spec.label.vi} "${name}" đã kết thúc ngày ${to}; không thể kết thúc lại ngày ${on}.`,
          en: `${spec.label.en} "${name}" already ended on ${to}; it cannot end again on ${on}.`,
        },
      },
    ];
  }
  return [];
}
