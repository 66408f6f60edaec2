import {
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { insertOrder, MODEL_NAMES, modelFacts } from '../../entities/data-model.js';
import { type EntityType, isEntityType } from '../../entities/definitions.js';
import { referenceOf } from '../../graphql/references.js';

/**
 * Cases derived for the generic record mutations (`createX`, `updateX`, `endX` of every entity),
 * so a new entity's mutations are exercised by the audit and version tests without a hand-written
 * case. Each works on a record already in the database (the test fixture):
 * - create: a copy of an existing record (its columns that the create input names), else an input
 *   made from the input type (each reference a record of the referenced type drawn from the
 *   database, dates in the fixture's present, the first value of each enum), tried until the
 *   domain's rules accept one (a refused try changes nothing — the tests around it check that every
 *   changed row is audited, refused tries included);
 * - update: a text field, an enum or a date (by a day) of an existing record changed, tried field
 *   by field and record by record;
 * - end: an open record ended far in the future, one with an end (a term) ended early.
 * A mutation for which no record of the fixture works fails, naming itself: write a case by hand.
 */

export type Attempt = { ok: true; id: string } | { ok: false; why: string };
/** Runs a mutation as the test's caller; refused writes come back as `{ ok: false }`. */
export type Caller = (field: string, input: Record<string, unknown>) => Promise<Attempt>;

type Row = Record<string, unknown>;
type Delegate = { findMany(args: object): Promise<Row[]> };

export interface DerivedCase {
  field: string;
  kind: 'create' | 'update' | 'end';
  type: EntityType;
  run: () => Promise<string>;
}

/** How many records of the fixture a case tries before it gives up. */
const TRIES = 25;
/** Past every record's life in the fixture, so ending there leaves the fixture's figures alone. */
const END_ON = '2090-01-01';

/** The entity a generic mutation writes, read from its success payload's `data` field. */
export function writtenType(field: GraphQLField<unknown, unknown>): EntityType | undefined {
  const result = getNamedType(field.type);
  const success = isObjectType(result)
    ? result
    : 'getTypes' in result
      ? result.getTypes().find((t) => t.name.endsWith('Success'))
      : undefined;
  const data = success?.getFields().data;
  const name = data ? getNamedType(data.type).name : '';
  return isEntityType(name) ? name : undefined;
}

export function derivedCases(schema: GraphQLSchema, prisma: () => object, call: Caller): DerivedCase[] {
  const mutation = schema.getMutationType();
  if (!(mutation instanceof GraphQLObjectType)) return [];
  const cases: DerivedCase[] = [];
  for (const field of Object.values(mutation.getFields())) {
    const kind = (['create', 'update', 'end'] as const).find((k) => field.name.startsWith(k));
    const type = writtenType(field);
    const input = field.args[0] && getNamedType(field.args[0].type);
    if (!kind || !type || !input || !isInputObjectType(input)) continue;
    const records = (where: Row) => {
      const facts = modelFacts(type);
      const delegate = (prisma() as Record<string, Delegate>)[facts.delegate];
      if (!delegate) throw new Error(`no Prisma delegate ${facts.delegate}`);
      return delegate.findMany({ where, orderBy: { id: 'asc' }, take: TRIES });
    };
    const run = {
      create: async () => firstThatWorks(field.name, [...(await copies(input, await records({}))), ...(await made(input, prisma))], call),
      update: () => touchOne(field.name, input, () => records({}), call),
      end: () => endOne(field.name, () => records({}), call),
    }[kind];
    cases.push({ field: field.name, kind, type, run });
  }
  // Creates and updates in foreign-key order (what a record refers to exists first), then the
  // ends, dependents first.
  const order = insertOrder([...new Set(cases.map((c) => c.type))]);
  const rank = (c: DerivedCase) => (c.kind === 'end' ? 2 * order.length - order.indexOf(c.type) : order.indexOf(c.type));
  return cases.sort((a, b) => rank(a) - rank(b) || (a.kind === 'create' ? -1 : 0) - (b.kind === 'create' ? -1 : 0));
}

/** The value a GraphQL input takes for a column value (calendar dates as ISO dates). */
function inputValue(v: unknown): unknown {
  return v instanceof Date ? v.toISOString().slice(0, 10) : v;
}

async function firstThatWorks(field: string, inputs: Row[], call: Caller): Promise<string> {
  const refusals: string[] = [];
  for (const input of inputs) {
    const attempt = await call(field, input);
    if (attempt.ok) return attempt.id;
    refusals.push(attempt.why);
  }
  throw new Error(
    `${field}: no derived input was accepted (${inputs.length} tried${refusals.length ? `; first refusal: ${refusals[0]}` : ''}) — write its case by hand`,
  );
}

function copies(input: GraphQLInputObjectType, rows: Row[]): Row[] {
  const inputs: Row[] = [];
  for (const row of rows) {
    const copy: Row = {};
    let complete = true;
    for (const [name, f] of Object.entries(input.getFields())) {
      const v = row[name];
      if (v === null || v === undefined) {
        if (isNonNullType(f.type)) complete = false;
        continue;
      }
      copy[name] = inputValue(v);
    }
    if (complete) inputs.push(copy);
  }
  return inputs;
}

/** Days in the fixture's present (after the 2025 reorganisation), one per try in turn. */
const DAYS = ['2025-08-01', '2026-06-01', '2025-12-01'];

/** A small deterministic generator (mulberry32), so a failing draw is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Inputs made from the input type alone. A reference is drawn from the ids the same column holds
 * where it names the same type (a `boardId` names a management board), else from every record of
 * its type.
 */
async function made(input: GraphQLInputObjectType, prisma: () => object): Promise<Row[]> {
  const pools = new Map<string, unknown[]>();
  const delegate = (model: string) => (prisma() as Record<string, Delegate>)[modelFacts(model).delegate];
  const pool = async (field: string, typename: string) => {
    const key = `${field}:${typename}`;
    if (!pools.has(key)) {
      const used = new Set<unknown>();
      for (const model of MODEL_NAMES.filter((m) => modelFacts(m).foreignKeys.get(field) === typename)) {
        for (const row of (await delegate(model)?.findMany({ select: { [field]: true }, distinct: [field], take: 500 })) ?? []) {
          if (row[field] !== null) used.add(row[field]);
        }
      }
      const all = used.size ? [] : ((await delegate(typename)?.findMany({ orderBy: { id: 'asc' }, take: 500 })) ?? []).map((r) => r.id);
      pools.set(key, used.size ? [...used].sort() : all);
    }
    return pools.get(key) ?? [];
  };
  const next = random(input.name.length * 7919);
  let day = DAYS[0];
  const value = async (
    name: string,
    type: GraphQLInputType,
    extensions: Readonly<Record<string, unknown>> | undefined,
  ): Promise<unknown> => {
    const named = getNamedType(type);
    const list = isListType(isNonNullType(type) ? type.ofType : type);
    const one = async (): Promise<unknown> => {
      const reference = referenceOf(extensions);
      if (reference) {
        const ids = await pool(name, reference.typename);
        return ids[Math.floor(next() * ids.length)];
      }
      if (isEnumType(named)) return named.getValues()[0]?.value;
      if (isInputObjectType(named)) return object(named, true);
      return { Date: day, String: 'Thử nghiệm', Int: 1, Float: 1, Boolean: false }[named.name];
    };
    return list ? [await one()] : one();
  };
  const object = async (type: GraphQLInputObjectType, requiredOnly: boolean): Promise<Row> => {
    const out: Row = {};
    for (const [name, f] of Object.entries(type.getFields())) {
      if (requiredOnly && !isNonNullType(f.type) && name !== 'validFrom') continue;
      const v = await value(name, f.type, f.extensions);
      if (v !== undefined) out[name] = v;
    }
    return out;
  };
  const inputs: Row[] = [];
  for (let i = 0; i < 2 * TRIES; i++) {
    day = DAYS[i % DAYS.length];
    inputs.push(await object(input, i % 2 === 0));
  }
  return inputs;
}

async function touchOne(field: string, input: GraphQLInputObjectType, records: () => Promise<Row[]>, call: Caller) {
  const texts = Object.entries(input.getFields())
    .filter(([name, f]) => name !== 'id' && getNamedType(f.type).name === 'String')
    .map(([name]) => name);
  const enums = Object.entries(input.getFields()).flatMap(([name, f]) => {
    const t = getNamedType(f.type);
    return isEnumType(t) && !isNonNullType(f.type) ? [{ name, values: t.getValues().map((v) => v.value as string) }] : [];
  });
  const dates = Object.entries(input.getFields())
    .filter(([, f]) => getNamedType(f.type).name === 'Date')
    .map(([name]) => name);
  const inputs: Row[] = [];
  for (const row of await records()) {
    const base = { id: row.id, version: row.version };
    for (const name of texts) inputs.push({ ...base, [name]: `${typeof row[name] === 'string' ? row[name] : 'Ghi chú'} (sửa)` });
    for (const { name, values } of enums) {
      const other = values.find((v) => v !== row[name]);
      if (other !== undefined) inputs.push({ ...base, [name]: other });
    }
    // A correction of a date by a day either way (one of them keeps every rule of most records).
    for (const name of dates) {
      const day = row[name];
      if (!(day instanceof Date)) continue;
      for (const shift of [1, -1]) inputs.push({ ...base, [name]: inputValue(new Date(day.getTime() + shift * 86_400_000)) });
    }
  }
  return firstThatWorks(field, inputs, call);
}

/** An open record ends far ahead; one with an end (a term) ends early, the day after it began. */
async function endOne(field: string, records: () => Promise<Row[]>, call: Caller) {
  const inputs = (await records()).flatMap((row) => {
    const { validFrom, validTo } = row;
    if (validTo === null || validTo === undefined) return [{ id: row.id, version: row.version, on: END_ON }];
    if (!(validFrom instanceof Date) || !(validTo instanceof Date)) return [];
    const next = new Date(validFrom.getTime() + 86_400_000);
    return next < validTo ? [{ id: row.id, version: row.version, on: inputValue(next) }] : [];
  });
  return firstThatWorks(field, inputs, call);
}
