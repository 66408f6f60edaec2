import { randomUUID } from 'node:crypto';
import { type DomainState, isIsoDate, type LocalizedText, parseInput, type Violation } from '@coso/domain';
import type { EnumRef, InputObjectRef, ObjectRef } from '@pothos/core';
import type { z } from 'zod';
import { PUBLIC_TYPES } from '../auth/locator.js';
import { modelFacts } from '../entities/data-model.js';
import { ENTITIES, type EntityType } from '../entities/definitions.js';
import { fromDbDate, toDbDate } from '../store/db-dates.js';
import { fromRow, toRow } from '../store/state-tables.js';
import { type Tx, writeTransaction } from '../store/transaction.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { NotFoundError, ValidationError, VersionConflictError, WRITE_ERRORS } from './errors.js';
import { dbId } from './ids.js';
import { references } from './references.js';
import { requiredKeys } from './zod-required.js';

/**
 * One mechanism gives every entity the same write behaviour (as condo does): `createX`, `updateX`
 * and, for dated records, `endX` — never delete. Each write: global ids decoded → input parsed by
 * the domain's zod schema (every violation, vi/en) → domain rules checked against the state read
 * in the same transaction → written. The database bumps the version of every updated row and
 * writes the audit entry of every changed row (migration audit_by_trigger), whatever writes it.
 * An update carries the version it read; a stale one gets a VersionConflictError.
 */
type ScalarName = 'String' | 'Int' | 'Boolean' | 'Date' | 'ID';
type Types = typeof builder.$inferSchemaTypes;

export interface InputFieldSpec {
  /** A scalar, an enum, or (with `fields`) a nested input object. */
  type: ScalarName | EnumRef<Types, string> | InputObjectRef<Types, Record<string, unknown>>;
  /** Non-null in the create input: only for fields the domain's create schema does not name (it decides for the rest). */
  required?: boolean;
  list?: boolean;
  /** For ID fields: the GraphQL type whose global id is expected (plain UUIDs pass too). */
  idOf?: string;
  description?: string;
  /** For a nested input object (its `type` is the input ref): its fields, so ids inside it decode too. */
  fields?: Record<string, InputFieldSpec>;
}

export type DomainRecord = Record<string, unknown> & { id: string };

/**
 * What a newcomer writes for an entity's mutations. Its table, Prisma delegate and labels come
 * from the entity's definition (`entities/definitions.ts`), keyed by `typename`.
 */
export interface EntitySpecInput {
  /** Name in the API: `createUnit`, `updateUnit`, `endUnit`. */
  noun: string;
  /** The GraphQL object type (and global-id typename, Prisma model, audit entity type). */
  typename: EntityType;
  /** The object ref mutations return (a Prisma node: its rows are what the resolvers return). */
  ref: ObjectRef<Types, StoredRow>;
  fields: Record<string, InputFieldSpec>;
  /** Fields only the create input has, not stored on the row (e.g. a unit's first code and parent). */
  createOnly?: Record<string, InputFieldSpec>;
  createSchema: z.ZodType;
  updateSchema?: z.ZodType;
  /** Dated records (validFrom/validTo) get an `endX` mutation. */
  endable: boolean;
  /** Domain rules against the stored state, inside the transaction (errors block; warnings pass). */
  check?: (tx: Tx, record: DomainRecord, op: 'create' | 'update', ctx: Context) => Promise<Violation[]>;
  afterCreate?: (tx: Tx, record: DomainRecord, input: Record<string, unknown>) => Promise<void>;
  /** Refuse an end (e.g. a unit that still has children) … */
  checkEnd?: (tx: Tx, record: DomainRecord, on: string) => Promise<Violation[]>;
  /** … or cascade it (a dissolved body's memberships end with it). */
  onEnd?: (tx: Tx, record: DomainRecord, on: string) => Promise<void>;
}

/** A registered entity: the spec and what its definition says (for the mechanism and the tests). */
export interface EntitySpec extends Omit<EntitySpecInput, 'ref'> {
  /** DomainState table. */
  table: keyof DomainState;
  /** Prisma delegate. */
  model: string;
  label: LocalizedText;
}

type Row = Record<string, unknown>;
/** A stored row of any entity (every entity's Prisma row has at least its id). */
type StoredRow = { id: string };
type Delegate<Shape = Row> = {
  create(args: { data: Row }): Promise<Shape>;
  findUnique(args: { where: { id: string } }): Promise<Shape | null>;
  updateMany(args: { where: Row; data: Row }): Promise<{ count: number }>;
};

/**
 * The Prisma delegate of a model named at run time. Its rows have the shape of the model's Prisma
 * object ref (`Shape`): the entity's definition names both by the same typename.
 */
export function delegateOf<Shape = Row>(tx: object, model: string): Delegate<Shape> {
  const delegate = (tx as Record<string, Delegate<Shape> | undefined>)[model];
  if (!delegate) throw new Error(`No Prisma delegate ${model}`);
  return delegate;
}

/** The row just written, read back in the same transaction. */
async function written(tx: Tx, spec: EntitySpec, id: string): Promise<StoredRow> {
  const row = await delegateOf<StoredRow>(tx, spec.model).findUnique({ where: { id } });
  if (!row) throw new NotFoundError(spec.typename, id);
  return row;
}

/**
 * GraphQL input fields from the specs. Non-null comes from the domain's input schema when it names
 * the field (`required`: the keys it requires); a field it does not name (create-only extras) keeps
 * its spec's `required`. Update inputs are all optional (left out = unchanged).
 */
function fieldsOf(
  t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>,
  specs: Record<string, InputFieldSpec>,
  required: ReadonlySet<string> | null,
  typename: string,
  named: ReadonlySet<string> = new Set(),
) {
  return Object.fromEntries(
    Object.entries(specs).map(([name, f]) => [
      name,
      t.field({
        type: f.list ? [f.type] : f.type,
        required: required === null ? false : named.has(name) ? required.has(name) : (f.required ?? false),
        description: f.description,
        // A public record (a review, a presentation, a commendation) takes its place from the
        // document it belongs to: writing it needs write access there, not just read.
        ...(f.idOf ? { extensions: references(f.idOf, { write: PUBLIC_TYPES.has(typename) }) } : {}),
      }),
    ]),
  );
}

/** Decodes global ids in an input to database ids, per the field specs. */
export function decodeIds(input: Record<string, unknown>, specs: Record<string, InputFieldSpec>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...input };
  for (const [name, f] of Object.entries(specs)) {
    const v = out[name];
    if (v == null) continue;
    if (f.fields && typeof v === 'object' && !Array.isArray(v)) {
      out[name] = decodeIds(v as Record<string, unknown>, f.fields);
      continue;
    }
    if (!f.idOf) continue;
    out[name] = Array.isArray(v) ? v.map((x) => dbId(String(x), f.idOf as string)) : dbId(String(v), f.idOf);
  }
  return out;
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
async function loadRecord(tx: Tx, spec: EntitySpec, id: string): Promise<{ record: DomainRecord; version: number }> {
  const row = await delegateOf(tx, spec.model).findUnique({ where: { id } });
  if (!row) throw new NotFoundError(spec.typename, id);
  return { record: fromRow(spec.table, row) as DomainRecord, version: Number(row.version ?? 0) };
}

/** Version-checked update (the database bumps the version): a stale version is a conflict, never a silent overwrite. */
export async function updateVersioned(tx: Tx, model: string, typename: string, id: string, version: number, data: Row): Promise<void> {
  const res = await delegateOf(tx, model).updateMany({ where: { id, version }, data });
  if (res.count === 1) return;
  const current = await delegateOf(tx, model).findUnique({ where: { id } });
  if (!current) throw new NotFoundError(typename, id);
  throw new VersionConflictError(typename, id, version, Number(current.version));
}

/** Every entity registered, in order (tests derive their cases from it). */
export const ENTITY_SPECS: EntitySpec[] = [];

export function registerEntityMutations(input: EntitySpecInput): void {
  const definition = ENTITIES[input.typename];
  if (!('table' in definition)) throw new Error(`${input.typename} has no DomainState table`);
  const { ref, ...rest } = input;
  const spec: EntitySpec = { ...rest, table: definition.table, model: modelFacts(input.typename).delegate, label: definition.label };
  ENTITY_SPECS.push(spec);
  const allCreateFields = { ...spec.fields, ...(spec.createOnly ?? {}) };
  const CreateInput = builder.inputType(`Create${spec.noun}Input`, {
    description: `Tạo ${spec.label.vi} / Create ${spec.label.en}.`,
    fields: (t) => {
      const shape = (spec.createSchema as { shape?: object }).shape ?? {};
      return fieldsOf(t, allCreateFields, requiredKeys(spec.createSchema) ?? new Set(), spec.typename, new Set(Object.keys(shape)));
    },
  });

  builder.mutationField(`create${spec.noun}`, (t) =>
    t.field({
      type: ref,
      description: `Tạo ${spec.label.vi} / Create ${spec.label.en}. Refused with every violation listed when the input or a rule fails.`,
      errors: { types: WRITE_ERRORS },
      args: { input: t.arg({ type: CreateInput, required: true }) },
      resolve: async (_root, args, ctx: Context) => {
        // An explicit null on create means "not given" (forms send them for untouched fields).
        const given = Object.fromEntries(Object.entries(args.input).filter(([, v]) => v !== null));
        const input = decodeIds(given, allCreateFields);
        const parsed = parseOrThrow(spec.createSchema, input) as Record<string, unknown>;
        // A create-only field the domain schema does not list (a body's parent and areas) would be
        // stripped by it; it passes as given (ids decoded) for `check` and `afterCreate` to use.
        for (const k of Object.keys(spec.createOnly ?? {})) if (!(k in parsed) && input[k] !== undefined) parsed[k] = input[k];
        const id = randomUUID();
        return writeTransaction(ctx.prisma, `create${spec.noun}`, ctx.writer, async (tx) => {
          const stored = Object.fromEntries(Object.entries(parsed).filter(([k]) => !(k in (spec.createOnly ?? {}))));
          const domain = { ...stored, id } as DomainRecord;
          if (spec.check) throwErrors(await spec.check(tx, { ...domain, ...parsed, id }, 'create', ctx));
          const row = await delegateOf<StoredRow>(tx, spec.model).create({ data: toRow(spec.table, domain) });
          if (spec.afterCreate) await spec.afterCreate(tx, { ...domain, ...parsed, id }, parsed);
          return row;
        });
      },
    }),
  );

  if (spec.updateSchema) {
    const updateSchema = spec.updateSchema;
    const UpdateInput = builder.inputType(`Update${spec.noun}Input`, {
      description: `Sửa ${spec.label.vi} / Correct ${spec.label.en}. Omitted fields stay; null clears. Send the version you read.`,
      fields: (t) => ({
        id: t.id({ required: true, extensions: references(spec.typename, { write: true }) }),
        version: t.int({ required: true }),
        ...fieldsOf(t, spec.fields, null, spec.typename),
      }),
    });
    builder.mutationField(`update${spec.noun}`, (t) =>
      t.field({
        type: ref,
        description: `Sửa ${spec.label.vi} / Correct ${spec.label.en} (optimistic concurrency: a stale version is refused).`,
        errors: { types: WRITE_ERRORS },
        args: { input: t.arg({ type: UpdateInput, required: true }) },
        resolve: async (_root, args, ctx: Context) => {
          const raw: Record<string, unknown> = args.input;
          const id = dbId(String(raw.id), spec.typename);
          const input = decodeIds({ ...raw, id }, spec.fields);
          const parsed = parseOrThrow(updateSchema, input) as Record<string, unknown>;
          return writeTransaction(ctx.prisma, `update${spec.noun}`, ctx.writer, async (tx) => {
            const { record: before, version } = await loadRecord(tx, spec, id);
            if (version !== parsed.version) throw new VersionConflictError(spec.typename, id, Number(parsed.version), version);
            const { version: _v, ...changes } = parsed;
            const merged = { ...before, ...changes, id } as DomainRecord;
            // The merged record must still be a valid new record (cross-field rules see all fields).
            const { id: _id, ...mergedInput } = merged;
            const again = parseInput(spec.createSchema, stripDbOnly(mergedInput));
            if (!again.ok) throw new ValidationError(again.violations);
            if (spec.check) throwErrors(await spec.check(tx, merged, 'update', ctx));
            const { id: _ignored, ...data } = toRow(spec.table, changes);
            await updateVersioned(tx, spec.model, spec.typename, id, version, data);
            return written(tx, spec, id);
          });
        },
      }),
    );
  }

  if (spec.endable) {
    const EndInput = builder.inputType(`End${spec.noun}Input`, {
      description: `Kết thúc ${spec.label.vi} / End ${spec.label.en} on a date (history is kept; nothing is deleted).`,
      fields: (t) => ({
        id: t.id({ required: true, extensions: references(spec.typename, { write: true }) }),
        version: t.int({ required: true }),
        on: t.field({ type: 'Date', required: true, description: 'The first day it no longer holds (valid_to, exclusive).' }),
      }),
    });
    builder.mutationField(`end${spec.noun}`, (t) =>
      t.field({
        type: ref,
        description: `Kết thúc ${spec.label.vi} / End ${spec.label.en}: sets its end date; the record stays for every earlier as-of query.`,
        errors: { types: WRITE_ERRORS },
        args: { input: t.arg({ type: EndInput, required: true }) },
        resolve: async (_root, args, ctx: Context) => {
          const id = dbId(String(args.input.id), spec.typename);
          const on = String(args.input.on);
          return writeTransaction(ctx.prisma, `end${spec.noun}`, ctx.writer, async (tx) => {
            const { record: before, version } = await loadRecord(tx, spec, id);
            if (version !== args.input.version) throw new VersionConflictError(spec.typename, id, args.input.version, version);
            throwErrors(endViolations(spec, before, on));
            if (spec.checkEnd) throwErrors(await spec.checkEnd(tx, before, on));
            await updateVersioned(tx, spec.model, spec.typename, id, version, { validTo: toDbDate(on) });
            if (spec.onEnd) await spec.onEnd(tx, before, on);
            return written(tx, spec, id);
          });
        },
      }),
    );
  }
}

/** Database-only or derived keys never go back through an input schema. */
function stripDbOnly(record: Record<string, unknown>): Record<string, unknown> {
  const { nameSearch: _n, createdAt: _c, updatedAt: _u, version: _v, ...rest } = record;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null));
}

function endViolations(spec: EntitySpec, record: DomainRecord, on: string): Violation[] {
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

export { fromDbDate };
