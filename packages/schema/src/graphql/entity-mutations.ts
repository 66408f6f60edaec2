import type { Violation } from '@coso/domain';
import type { EnumRef, InputObjectRef, ObjectRef } from '@pothos/core';
import type { z } from 'zod';
import { PUBLIC_TYPES } from '../auth/locator.js';
import { modelFacts } from '../entities/data-model.js';
import { ENTITIES, type EntityType } from '../entities/definitions.js';
import { fromDbDate } from '../store/db-dates.js';
import type { Tx } from '../store/transaction.js';
import { delegateOf, type StoredRow, updateVersioned } from '../store/versioned.js';
import { createRecord, type DomainRecord, endRecord, type RecordSpec, updateRecord } from '../use-cases/records.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { WRITE_ERRORS } from './errors.js';
import { dbId } from './ids.js';
import { references } from './references.js';
import { requiredKeys } from './zod-required.js';

/**
 * One mechanism gives every entity the same write behaviour (as condo does): `createX`, `updateX`
 * and, for dated records, `endX` — never delete. Here: the GraphQL inputs (non-null from the
 * domain's schema) and the decoding of global ids; the writes themselves are the use-cases of
 * `use-cases/records.ts` (parse, rules in the transaction, write; the database audits and versions).
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

export type { DomainRecord };

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
  check?: RecordSpec['check'];
  /** The same rules for records in order, what they read read once (see RecordSpec); instead of `check`. */
  checkMany?: RecordSpec['checkMany'];
  afterCreate?: (tx: Tx, record: DomainRecord, input: Record<string, unknown>) => Promise<void>;
  /** Refuse an end (e.g. a unit that still has children) … */
  checkEnd?: (tx: Tx, record: DomainRecord, on: string) => Promise<Violation[]>;
  /** … or cascade it (a dissolved body's memberships end with it). */
  onEnd?: (tx: Tx, record: DomainRecord, on: string) => Promise<void>;
}

/** A registered entity: the spec and what its definition says (for the mechanism and the tests). */
export interface EntitySpec extends Omit<EntitySpecInput, 'ref'>, RecordSpec {}

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

/** Every entity registered, in order (tests derive their cases from it). */
export const ENTITY_SPECS: EntitySpec[] = [];

export function registerEntityMutations(input: EntitySpecInput): void {
  const definition = ENTITIES[input.typename];
  if (!('table' in definition)) throw new Error(`${input.typename} has no DomainState table`);
  const { ref, ...rest } = input;
  const spec: EntitySpec = {
    ...rest,
    table: definition.table,
    model: modelFacts(input.typename).delegate,
    label: definition.label,
    createOnlyKeys: Object.keys(input.createOnly ?? {}),
  };
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
        return createRecord(ctx, spec, input);
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
          return updateRecord(ctx, spec, updateSchema, id, input);
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
          return endRecord(ctx, spec, { id, version: args.input.version, on: String(args.input.on) });
        },
      }),
    );
  }
}

export { delegateOf, fromDbDate, updateVersioned };
