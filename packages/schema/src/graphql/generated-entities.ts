import type { LocalizedText, Violation } from '@coso/domain';
import type { EnumRef, FieldMap, GenericFieldRef, ObjectRef } from '@pothos/core';
import type { GraphQLResolveInfo } from 'graphql';
import { apiRefusals, type EntityApi, type EntityMutationsApi, exposedColumns, inputColumns, toOneRelations } from '../entities/api.js';
import { type Column, modelFacts } from '../entities/data-model.js';
import { definitionOf, ENTITY_LIST, type EntityType, isEntityType } from '../entities/definitions.js';
import { activeOnWhere } from '../store/db-dates.js';
import type { Tx } from '../store/transaction.js';
import type { StoredRow } from '../store/versioned.js';
import { asOfArg, resolveAsOf } from './as-of.js';
import { unitWithinWhere } from './bodies.js';
import { builder, readableAs, recordNode } from './builder.js';
import type { Context } from './context.js';
import { type DomainRecord, type InputFieldSpec, registerEntityMutations } from './entity-mutations.js';
import * as Enums from './enums.js';
import { dbId } from './ids.js';
import { checkRefsMany, notBefore, period, type RefRule } from './records-mutations-support.js';
import { references } from './references.js';
import { scoped } from './territory-filters.js';

/**
 * The object type, root list and create / update / end mutations of every entity whose definition
 * has an `api` part (`entities/definitions.ts`), derived from it and the Prisma data model: a plain
 * new entity needs no GraphQL file of its own. Area files may extend a generated type
 * (`builder.prismaObjectFields(generatedNode('X'), …)`) with computed fields.
 */

type Types = typeof builder.$inferSchemaTypes;
/** A generated object type: a Prisma node whose rows are at least `{ id }` (what the mutations return). */
type Ref = ObjectRef<Types, StoredRow>;

/** The object ref of every generated type, by typename. */
const NODES = new Map<EntityType, Ref>();

/** The GraphQL enums by their Prisma (and GraphQL) name. */
const ENUMS: Readonly<Record<string, EnumRef<Types, string> | undefined>> = Enums;

/*
 * Pothos types a Prisma node, its fields and its connections per model; here the model and its
 * columns are named at run time (read from the data model), which those types cannot state. The
 * builder's functions are used through the signatures below, which say what is passed at run time.
 */
type Field = GenericFieldRef<unknown>;
type FieldOptions = { nullable?: boolean; description?: string };
interface ModelFields {
  exposeString(name: string, options: FieldOptions): Field;
  exposeInt(name: string, options: FieldOptions): Field;
  exposeBoolean(name: string, options: FieldOptions): Field;
  expose(name: string, options: FieldOptions & { type: 'Date' | EnumRef<Types, string> | [EnumRef<Types, string>] }): Field;
  exposeStringList(name: string, options: FieldOptions): Field;
  relation(name: string, options: FieldOptions & { query?: object }): Field;
}
type NodeOptions = {
  authScopes: ReturnType<typeof readableAs>;
  description: string;
  id: { field: 'id' };
  fields: (t: ModelFields) => FieldMap;
};
type ListArgs = { asOf?: string | null; withinUnitId?: string | null };
interface QueryFields {
  prismaConnection(options: {
    type: string;
    cursor: 'id';
    description?: string;
    args: Record<string, unknown>;
    totalCount: (parent: unknown, args: ListArgs, ctx: Context, info: GraphQLResolveInfo) => Promise<number>;
    resolve: (query: object, parent: unknown, args: ListArgs, ctx: Context, info: GraphQLResolveInfo) => Promise<StoredRow[]>;
  }): Field;
}
const prismaNode = recordNode as unknown as (type: string, options: NodeOptions) => Ref;

/** The GraphQL type of a column the generator exposes (a type it cannot map is an error at start-up). */
function scalarField(t: ModelFields, type: string, name: string, column: Column, description: string | undefined): Field {
  const options = { nullable: !column.required, ...(description ? { description } : {}) };
  if (column.enum) {
    const ref = ENUMS[column.type];
    if (!ref) throw new Error(`${type}.${name}: no GraphQL enum ${column.type}`);
    return t.expose(name, { ...options, type: column.list ? [ref] : ref });
  }
  if (column.list) {
    if (column.type === 'String') return t.exposeStringList(name, options);
    throw new Error(`${type}.${name}: a list of ${column.type} has no generated field`);
  }
  switch (column.type) {
    case 'String':
      return t.exposeString(name, options);
    case 'Int':
      return t.exposeInt(name, options);
    case 'Boolean':
      return t.exposeBoolean(name, options);
    case 'DateTime':
      if (modelFacts(type).dates.has(name)) return t.expose(name, { ...options, type: 'Date' });
      throw new Error(`${type}.${name}: a timestamp has no generated field`);
    default:
      throw new Error(`${type}.${name}: a ${column.type} column has no generated field`);
  }
}

/** The object type's fields: its columns, its to-one relations and the related lists it names. */
function objectFields(t: ModelFields, type: EntityType, api: EntityApi): FieldMap {
  const describe = (name: string) => api.descriptions?.[name];
  const fields: FieldMap = {};
  for (const [name, relation] of toOneRelations(type, api.omit)) {
    const description = describe(name);
    fields[name] = t.relation(name, { ...(relation.required ? {} : { nullable: true }), ...(description ? { description } : {}) });
  }
  for (const [name, column] of exposedColumns(type, api.omit)) fields[name] = scalarField(t, type, name, column, describe(name));
  for (const [name, related] of Object.entries(api.related ?? {})) {
    fields[name] = t.relation(name, {
      query: { orderBy: related.orderBy },
      ...(related.description ? { description: related.description } : {}),
    });
  }
  return fields;
}

function registerNode(type: EntityType, api: EntityApi): Ref {
  const ref = prismaNode(type, {
    authScopes: readableAs(type),
    description: api.description,
    id: { field: 'id' },
    fields: (t) => objectFields(t, type, api),
  });
  NODES.set(type, ref);
  return ref;
}

/**
 * The Prisma condition "the record's unit place is the unit or below it on the date", from its
 * first unit place (resolved at start-up: a definition whose path names no relation fails there).
 */
function withinUnitWhere(type: EntityType): (unitId: string, asOf: string) => Record<string, unknown> {
  const place = (definitionOf(type).places ?? []).find((p) => 'unit' in p);
  if (!place || !('unit' in place)) throw new Error(`${type}: withinUnit needs a unit place`);
  const path = place.unit.split('.');
  const column = path.pop() ?? '';
  let model = type as string;
  for (const step of path) model = modelFacts(model).relations.get(step)?.model ?? '';
  const relation = [...modelFacts(model).relations].find(([, r]) => r.from.length === 1 && r.from[0] === column)?.[0];
  if (!relation) throw new Error(`${type}: ${place.unit} names no relation to a unit`);
  return (unitId, asOf) =>
    path.reduceRight<Record<string, unknown>>((inner, step) => ({ [step]: inner }), { [relation]: unitWithinWhere(unitId, asOf) });
}

type Delegate = { findMany(args: object): Promise<StoredRow[]>; count(args: { where: object }): Promise<number> };

function registerList(type: EntityType, list: NonNullable<EntityApi['list']>): void {
  const facts = modelFacts(type);
  const dated = facts.dates.has('validFrom') && facts.columns.has('validTo');
  const within = list.withinUnit ? withinUnitWhere(type) : undefined;
  const where = (args: ListArgs, ctx: Context, info: GraphQLResolveInfo) => {
    const asOf = resolveAsOf(args.asOf, ctx, info);
    const and: Record<string, unknown>[] = dated ? [activeOnWhere(asOf)] : [];
    if (within && args.withinUnitId) and.push(within(dbId(args.withinUnitId, 'AdministrativeUnit'), asOf));
    return scoped(ctx, type, { AND: and });
  };
  const delegate = (ctx: Context) => (ctx.prisma as unknown as Record<string, Delegate>)[facts.delegate] as Delegate;
  const orderBy = [...list.orderBy.map((column) => ({ [column]: 'asc' as const })), { id: 'asc' as const }];
  builder.queryFields((t) => ({
    [list.field]: (t as unknown as QueryFields).prismaConnection({
      type,
      cursor: 'id',
      ...(list.description ? { description: list.description } : {}),
      args: {
        ...(dated ? { asOf: asOfArg(t.arg) } : {}),
        ...(list.withinUnit ? { withinUnitId: t.arg.id({ required: false, extensions: references('AdministrativeUnit') }) } : {}),
      },
      totalCount: (_p, args, ctx, info) => delegate(ctx).count({ where: where(args, ctx, info) }),
      resolve: (query, _p, args, ctx, info) => delegate(ctx).findMany({ ...query, where: where(args, ctx, info), orderBy }),
    }),
  }));
}

/** A reference's label when its definition does not give one: the referenced entity's, capitalised. */
function capitalised(label: LocalizedText): LocalizedText {
  const up = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return { vi: up(label.vi), en: up(label.en) };
}

/** The input fields of the mutations: every column but the hidden ones, references as ids of their type. */
function inputFields(type: EntityType, mutations: EntityMutationsApi): Record<string, InputFieldSpec> {
  const facts = modelFacts(type);
  const idOf = new Map([...facts.relations.values()].flatMap((r) => r.from.map((column) => [column, r.model] as const)));
  const periodDescriptions: Record<string, string> = { validFrom: period.validFrom.description, validTo: period.validTo.description };
  const out: Record<string, InputFieldSpec> = {};
  for (const [name, column] of inputColumns(type)) {
    const target = idOf.get(name);
    const description = mutations.descriptions?.[name] ?? periodDescriptions[name];
    const base = { required: column.required, ...(column.list ? { list: true } : {}), ...(description ? { description } : {}) };
    if (target) out[name] = { ...base, type: 'ID', idOf: target };
    else if (column.enum) out[name] = { ...base, type: enumOf(type, name, column) };
    else out[name] = { ...base, type: inputScalar(type, name, column) };
  }
  return out;
}

function enumOf(type: string, name: string, column: Column): EnumRef<Types, string> {
  const ref = ENUMS[column.type];
  if (!ref) throw new Error(`${type}.${name}: no GraphQL enum ${column.type}`);
  return ref;
}

function inputScalar(type: string, name: string, column: Column): 'String' | 'Int' | 'Boolean' | 'Date' {
  if (column.type === 'String' || column.type === 'Int' || column.type === 'Boolean') return column.type;
  if (column.type === 'DateTime' && modelFacts(type).dates.has(name)) return 'Date';
  throw new Error(`${type}.${name}: a ${column.type} column has no generated input field`);
}

/** The reference checks of every foreign key, as the definition refines them. */
function referenceRules(type: EntityType, mutations: EntityMutationsApi): Record<string, RefRule> {
  const rules: Record<string, RefRule> = {};
  for (const relation of modelFacts(type).relations.values()) {
    for (const column of relation.from) {
      const given = mutations.refs?.[column] ?? {};
      const label = given.label ?? (isEntityType(relation.model) ? capitalised(definitionOf(relation.model).label) : undefined);
      if (!label) throw new Error(`${type}.${column}: ${relation.model} has no definition to label it`);
      rules[column] = {
        typename: relation.model,
        label,
        ...(given.kinds ? { kinds: given.kinds } : {}),
        ...(given.alive === false ? { alive: false } : {}),
      };
    }
  }
  return rules;
}

function registerMutations(type: EntityType, ref: Ref, mutations: EntityMutationsApi): void {
  const facts = modelFacts(type);
  const rules = referenceRules(type, mutations);
  const refsOn = mutations.refsOn;
  const extra = mutations.check;
  const dateOrder = Object.entries(mutations.refs ?? {}).flatMap(([column, r]) => (r.notBefore ? [{ ref: column, ...r.notBefore }] : []));
  const judge = async (tx: Tx, records: readonly DomainRecord[]): Promise<Violation[][]> => {
    const found = await checkRefsMany(tx, records, rules, (record) => (refsOn === undefined ? undefined : String(record[refsOn])));
    return records.map((record, i) => {
      const refs = found[i] ?? { violations: [], rows: {} };
      return [...refs.violations, ...dateOrder.flatMap((d) => notBefore([d.field], record[d.field], refs.rows[d.ref]?.[d.column], d.what))];
    });
  };
  registerEntityMutations({
    noun: type,
    typename: type,
    ref,
    fields: inputFields(type, mutations),
    createSchema: mutations.createSchema,
    ...(mutations.updateSchema ? { updateSchema: mutations.updateSchema } : {}),
    endable: facts.columns.has('validTo'),
    // The references (and the dates they order) of every record read at once; a rule of the
    // definition's own (`check`) or a reference to the entity's own type reads one record at a time.
    ...(extra || Object.values(rules).some((r) => r.typename === type)
      ? {
          check: async (tx: Tx, record: DomainRecord, op: 'create' | 'update') => {
            const [verdict = []] = await judge(tx, [record]);
            return [...verdict, ...(extra ? await extra(tx, record, op) : [])];
          },
        }
      : { checkMany: (tx: Tx, records: readonly DomainRecord[]) => judge(tx, records) }),
  });
}

/** Registers everything a definition's `api` part asks for; refuses one that would expose personal or party data. */
export function registerGenerated(type: EntityType, api: EntityApi): void {
  const refusals = apiRefusals(type, { ...definitionOf(type), api });
  if (refusals.length) throw new Error(refusals.join('; '));
  const ref = registerNode(type, api);
  if (api.list) registerList(type, api.list);
  if (api.mutations) registerMutations(type, ref, api.mutations);
}

/** The generated object type of an entity (for area files that extend it or point at it). */
export function generatedNode(type: EntityType): Ref {
  const ref = NODES.get(type);
  if (!ref) throw new Error(`${type} has no generated type (its definition has no api part)`);
  return ref;
}

/** Every entity with a generated type, in declaration order (tests derive their cases from it). */
export const GENERATED_TYPES: readonly EntityType[] = ENTITY_LIST.flatMap(([type, def]) => (def.api ? [type] : []));

for (const [type, def] of ENTITY_LIST) if (def.api) registerGenerated(type, def.api);
