import { getDatamodel } from '../generated/pothos-types.js';

/**
 * What the Prisma data model already says about a model, read from the generated client's data
 * model instead of being listed by hand: its date columns, the columns that hold ids of records,
 * whether it carries a version, its search column, its relations and an insert order that
 * satisfies every foreign key.
 */
export interface ModelFacts {
  /** Prisma model name (= GraphQL object type = audit entity type). */
  name: string;
  /** The Prisma client's delegate: `prisma.<delegate>`. */
  delegate: string;
  /** Scalar columns (enums included), in declaration order. */
  scalars: readonly string[];
  /** Calendar dates (`DateTime` columns but the row's own timestamps). */
  dates: ReadonlySet<string>;
  /** The primary key and every foreign-key column: ids of records. */
  ids: ReadonlySet<string>;
  /** Has a `version` column: updates are version-checked (the database bumps it). */
  versioned: boolean;
  /** Has a `nameSearch` column (the folded display name, for diacritic-insensitive search). */
  searchable: boolean;
  /** Relation fields: name → the related model, whether it is a list, and (to-one) its foreign-key columns. */
  relations: ReadonlyMap<string, Relation>;
  /** Scalar columns (enums included) with their types, in declaration order. */
  columns: ReadonlyMap<string, Column>;
  /** Models this one references by a foreign key (itself excluded). */
  references: readonly string[];
  /** Each foreign-key column → the model it references. */
  foreignKeys: ReadonlyMap<string, string>;
  /** Foreign-key column → the relation field it backs (`residentialGroupId` → `residentialGroup`). */
  relationOfColumn: ReadonlyMap<string, string>;
}

/** A scalar column: its Prisma type (`String`, `Int`, `Boolean`, `DateTime`, … or an enum's name). */
export interface Column {
  type: string;
  enum: boolean;
  required: boolean;
  list: boolean;
}

export interface Relation {
  model: string;
  list: boolean;
  required: boolean;
  /** The foreign-key columns of this record that hold the related record's id (none on the other side). */
  from: readonly string[];
}

/** Timestamps the database keeps for itself; never calendar dates of the domain. */
const TIMESTAMPS = new Set(['createdAt', 'updatedAt']);

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function readFacts(): Map<string, ModelFacts> {
  const models = getDatamodel().datamodel.models;
  const out = new Map<string, ModelFacts>();
  for (const [name, model] of Object.entries(models)) {
    const scalars = model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum');
    const objects = model.fields.filter((f) => f.kind === 'object');
    const foreignKeys = objects.flatMap((f) => f.relationFromFields ?? []);
    out.set(name, {
      name,
      delegate: lowerFirst(name),
      scalars: scalars.map((f) => f.name),
      dates: new Set(scalars.filter((f) => f.type === 'DateTime' && !TIMESTAMPS.has(f.name)).map((f) => f.name)),
      ids: new Set([...scalars.filter((f) => f.isId).map((f) => f.name), ...foreignKeys]),
      versioned: scalars.some((f) => f.name === 'version'),
      searchable: scalars.some((f) => f.name === 'nameSearch'),
      relations: new Map(
        objects.map((f) => [f.name, { model: f.type, list: f.isList, required: f.isRequired, from: f.relationFromFields ?? [] }]),
      ),
      columns: new Map(scalars.map((f) => [f.name, { type: f.type, enum: f.kind === 'enum', required: f.isRequired, list: f.isList }])),
      references: [...new Set(objects.filter((f) => (f.relationFromFields ?? []).length > 0 && f.type !== name).map((f) => f.type))],
      foreignKeys: new Map(objects.flatMap((f) => (f.relationFromFields ?? []).map((column) => [column, f.type] as const))),
      relationOfColumn: new Map(
        objects.flatMap((f) => (f.relationFromFields?.length === 1 ? [[f.relationFromFields[0] as string, f.name]] : [])),
      ),
    });
  }
  return out;
}

const FACTS = readFacts();

/** Every model of the data model, in declaration order. */
export const MODEL_NAMES: readonly string[] = [...FACTS.keys()];

export function modelFacts(name: string): ModelFacts {
  const facts = FACTS.get(name);
  if (!facts) throw new Error(`No Prisma model ${name}`);
  return facts;
}

/**
 * The given models ordered so that each comes after every model it references (Kahn's algorithm;
 * ties keep declaration order, so the order is stable). A reference cycle is an error: rows could
 * not be inserted table by table.
 */
export function insertOrder(names: readonly string[]): string[] {
  const wanted = new Set(names);
  const order: string[] = [];
  const placed = new Set<string>();
  const declared = MODEL_NAMES.filter((n) => wanted.has(n));
  while (order.length < declared.length) {
    const next = declared.find((n) => !placed.has(n) && modelFacts(n).references.every((r) => placed.has(r) || !wanted.has(r)));
    if (!next) throw new Error(`Foreign keys form a cycle among ${declared.filter((n) => !placed.has(n)).join(', ')}`);
    order.push(next);
    placed.add(next);
  }
  return order;
}
