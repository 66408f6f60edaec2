import { modelFacts } from '../../entities/data-model.js';
import { placeRowsOf } from '../../entities/places.js';

/**
 * Prisma `where` and `orderBy` arguments written as SQL over the tables behind them, so a statement
 * generated from a GraphQL selection filters by the very conditions the Prisma path builds
 * (`Access.readWhere`, `activeOnWhere`, a field's own filters) instead of a second copy of them.
 * Only the part of Prisma's grammar those conditions use is known here; anything else throws
 * `NotCompiled`, and the read falls to the Prisma path (never a wrong condition).
 */
export class NotCompiled extends Error {}

/** Table and column names as the database has them (Prisma's runtime data model: `@@map`, `@map`). */
interface RuntimeModel {
  dbName: string | null;
  fields: ReadonlyArray<{ name: string; kind: string; type: string; dbName?: string | null; relationName?: string }>;
}
type RuntimeDataModel = { models: Record<string, RuntimeModel> };

let names: RuntimeDataModel | undefined;

/** Reads the runtime data model off a Prisma client once (it is the generated client's own). */
export function useDataModelOf(prisma: object): void {
  if (names) return;
  const model = (prisma as { _runtimeDataModel?: RuntimeDataModel })._runtimeDataModel;
  if (!model?.models) throw new Error('compiled reads: the Prisma client carries no runtime data model');
  names = model;
}

function runtimeModel(model: string): RuntimeModel {
  const found = names?.models[model];
  if (!found) throw new Error(`compiled reads: no model ${model} (useDataModelOf first)`);
  return found;
}

export function tableOf(model: string): string {
  return quote(runtimeModel(model).dbName ?? model);
}

export function columnOf(model: string, field: string): string {
  const f = runtimeModel(model).fields.find((x) => x.name === field && x.kind !== 'object');
  if (!f) throw new NotCompiled(`${model}.${field} is no column`);
  return quote(f.dbName ?? f.name);
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Bind parameters of one statement, each with the cast its column needs. */
export class Params {
  readonly values: unknown[] = [];
  /** Search patterns bound so far (`LIKE`): rows found by a pattern, not read in an index's order. */
  patterns = 0;
  /**
   * A value the best plan depends on: a search pattern ("a" matches half the people, "nguyen van
   * thanh" a few), met with a territory of a ward or of a city. A generic plan made for one such
   * statement serves every value, and at 30 districts the one PostgreSQL kept for a district
   * officer's name search cost 3× the plan made for the values (tests/bench/README.md).
   */
  get planPerValues(): boolean {
    return this.patterns > 0;
  }
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/** The SQL type a value compared with this column is cast to. */
function castOf(model: string, field: string): string {
  const facts = modelFacts(model);
  const column = facts.columns.get(field);
  if (!column) throw new NotCompiled(`${model}.${field} is no column`);
  if (column.enum) return `"${column.type}"`;
  if (facts.ids.has(field)) return 'uuid';
  switch (column.type) {
    case 'String':
      return 'text';
    case 'Int':
      return 'int';
    case 'Boolean':
      return 'boolean';
    case 'DateTime':
      // Calendar dates (`@db.Date`); the row's own timestamps are no filter of a read.
      if (!facts.dates.has(field)) throw new NotCompiled(`${model}.${field} is a timestamp`);
      return 'date';
    default:
      throw new NotCompiled(`${model}.${field}: ${column.type}`);
  }
}

function literal(value: unknown, model: string, field: string): unknown {
  if (value instanceof Date) {
    if (!modelFacts(model).dates.has(field)) throw new NotCompiled(`${model}.${field} compared with a date`);
    return value.toISOString().slice(0, 10);
  }
  if (value === null || typeof value === 'object') throw new NotCompiled(`${model}.${field}: ${String(value)}`);
  return value;
}

type Row = Record<string, unknown>;
/** A Prisma condition's object (not a list, not a date value). */
export const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** One alias per table a statement reads (`t1`, `t2`, …): subqueries never shadow an outer row. */
export class Aliases {
  private n = 0;
  next(): string {
    this.n += 1;
    return `t${this.n}`;
  }
}

export interface SqlScope {
  readonly params: Params;
  readonly aliases: Aliases;
}

/**
 * The join of a relation of `model` (row `alias`) to the related row `to`: its SQL condition, the
 * key columns on each side and, when the related rows hold the key, their relation back to this
 * row (`back`).
 */
export function relationJoin(
  model: string,
  alias: string,
  relation: string,
  to: string,
): { model: string; on: string; near: string; far: string; back?: string } {
  const rel = modelFacts(model).relations.get(relation);
  if (!rel) throw new NotCompiled(`${model} has no relation ${relation}`);
  if (rel.from.length === 1) {
    // This row holds the key: the related row's id.
    const near = `${alias}.${columnOf(model, rel.from[0] as string)}`;
    return { model: rel.model, on: `${to}."id" = ${near}`, near, far: `${to}."id"` };
  }
  // The related rows hold the key: the relation of the same name on their side.
  const name = runtimeModel(model).fields.find((f) => f.name === relation)?.relationName;
  const back = runtimeModel(rel.model).fields.find((f) => f.kind === 'object' && f.relationName === name && f.type === model);
  const backFrom = back ? modelFacts(rel.model).relations.get(back.name)?.from : undefined;
  if (backFrom?.length !== 1) throw new NotCompiled(`${model}.${relation}: no single key`);
  const far = `${to}.${columnOf(rel.model, backFrom[0] as string)}`;
  return { model: rel.model, on: `${far} = ${alias}."id"`, near: `${alias}."id"`, far, back: back?.name };
}

/** `where` of `model` (row `alias`) as one SQL condition. */
export function whereSql(model: string, alias: string, where: unknown, scope: SqlScope): string {
  return conditionSql(model, alias, withCarried(model, where), scope);
}

/**
 * `where` with the conditions on columns the model's place rows carry (`placeRowsOf`: a person's
 * folded name) asked again of the place rows wherever the same conjunction asks `some` of them: the
 * same rows, since each place row holds its record's value, and PostgreSQL can then keep only the
 * matching rows of the territory before it reads a record (issue #13: a district officer's name
 * search at 30 districts). Only conjuncts of one conjunction are carried into a `some` of that same
 * conjunction; an operand of `OR` or `NOT` is a conjunction of its own, rewritten alone.
 */
function withCarried(model: string, where: unknown): unknown {
  const rows = placeRowsOf(model);
  if (!rows || !isObject(where)) return where;
  const carried: Row[] = [];
  const collect = (w: unknown): void => {
    if (!isObject(w)) return;
    for (const [key, value] of Object.entries(w)) {
      if (value === undefined) continue;
      if (key === 'AND') for (const c of Array.isArray(value) ? value : [value]) collect(c);
      else if (Object.hasOwn(rows.carries, key)) carried.push({ [rows.carries[key] as string]: value });
    }
  };
  collect(where);
  if (!carried.length) return where;
  const rewrite = (w: unknown): unknown => {
    if (!isObject(w)) return w;
    const out: Row = {};
    for (const [key, value] of Object.entries(w)) {
      if (key === 'AND') out[key] = Array.isArray(value) ? value.map(rewrite) : rewrite(value);
      else if (key === rows.relation && isObject(value) && Object.keys(value).length === 1 && isObject(value.some)) {
        const { AND, ...rest } = value.some;
        const and = AND === undefined ? [] : Array.isArray(AND) ? AND : [AND];
        out[key] = { some: { ...rest, AND: [...and, ...carried] } };
      } else out[key] = value;
    }
    return out;
  };
  return rewrite(where);
}

function conditionSql(model: string, alias: string, where: unknown, scope: SqlScope): string {
  if (!isObject(where)) throw new NotCompiled(`${model}: where ${String(where)}`);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === 'AND') {
      const list = Array.isArray(value) ? value : [value];
      parts.push(...list.map((w) => conditionSql(model, alias, w, scope)));
    } else if (key === 'OR') {
      if (!Array.isArray(value)) throw new NotCompiled('OR without a list');
      parts.push(value.length ? `(${value.map((w) => whereSql(model, alias, w, scope)).join(' OR ')})` : 'false');
    } else if (key === 'NOT') {
      const list = Array.isArray(value) ? value : [value];
      parts.push(...list.map((w) => `NOT (${whereSql(model, alias, w, scope)})`));
    } else if (modelFacts(model).relations.has(key)) {
      parts.push(relationSql(model, alias, key, value, scope));
    } else {
      parts.push(scalarSql(model, alias, key, value, scope));
    }
  }
  return parts.length ? `(${parts.join(' AND ')})` : 'true';
}

function relationSql(model: string, alias: string, relation: string, value: unknown, scope: SqlScope): string {
  const rel = modelFacts(model).relations.get(relation);
  if (!rel || !isObject(value)) throw new NotCompiled(`${model}.${relation}: ${String(value)}`);
  const to = scope.aliases.next();
  const join = relationJoin(model, alias, relation, to);
  const exists = (inner: unknown) =>
    `EXISTS (SELECT 1 FROM ${tableOf(join.model)} ${to} WHERE ${join.on} AND ${whereSql(join.model, to, inner, scope)})`;
  if (rel.list) {
    const keys = Object.keys(value);
    if (keys.length !== 1 || keys[0] !== 'some') throw new NotCompiled(`${model}.${relation}: ${keys.join(', ')}`);
    if (!isObject(value.some)) return exists(value.some);
    if (!leaf(join.model, value.some)) return throughKeyedList(join, to, value.some, scope) ?? exists(value.some);
    // A list's rows filtered by their own columns only (the territory's closure rows of one scope
    // and day): the same rows for every outer row, so PostgreSQL builds their keys' set once per
    // statement (a hashed subplan) instead of probing them again for each row — the EXISTS'
    // answer exactly: the near key is the row's id (never NULL), NULL far keys are left out.
    return `${join.near} IN (SELECT ${join.far} FROM ${tableOf(join.model)} ${to} WHERE ${join.far} IS NOT NULL AND ${whereSql(join.model, to, value.some, scope)})`;
  }
  if ('is' in value || 'isNot' in value) throw new NotCompiled(`${model}.${relation}: is / isNot`);
  if (rel.from.length === 1) {
    // The related row is named by this row's key and the condition asks only about its id: the
    // condition on the key itself, without reading the related table (a foreign key: the row exists).
    const bound = scope.params.values.length;
    const keyed = keyedSql(join.model, join.near, value, scope);
    if (keyed !== undefined) return `(${join.near} IS NOT NULL AND ${keyed})`;
    // Given up part-way: what it bound is no parameter of the statement (an unused one has no type).
    scope.params.values.splice(bound);
  }
  return exists(value);
}

/**
 * `EXISTS` over a list relation's rows (`join.model`, row `to`) one of whose conditions is a to-one
 * relation's id in another list keyed by that id, filtered by its own columns (`places: { some: {
 * unit: { closureAncestors: { some: … } } } }`: a person's place rows in the territory): that list's
 * table joined inside the `EXISTS`, the other conditions as they are. keyedSql writes the same
 * condition as the id `IN` a subquery; both name the same rows here, since the join's equality leaves
 * out NULL keys on both sides and `EXISTS` ignores how many pairs match. Joined, PostgreSQL may probe
 * the far table's index for each near row; with `IN` it first made the subquery's keys unique (a
 * hashed set) and then hashed every near row of the territory to check a few (issue #13: the
 * district officer's people search, 4.25 → 3.20 ms per execution at one district). `undefined` when
 * no condition has that shape.
 */
function throughKeyedList(join: { model: string; on: string }, to: string, where: Row, scope: SqlScope): string | undefined {
  for (const [relation, value] of Object.entries(where)) {
    const toOne = modelFacts(join.model).relations.get(relation);
    if (!toOne || toOne.list || toOne.from.length !== 1 || !isObject(value) || Object.keys(value).length !== 1) continue;
    const [[list, some]] = Object.entries(value) as [[string, unknown]];
    const keyed = keyedList(toOne.model, list, some, scope);
    if (!keyed) continue;
    const { [relation]: _, ...others } = where;
    const key = `${to}.${columnOf(join.model, toOne.from[0] as string)}`;
    return `EXISTS (SELECT 1 FROM ${keyed.from} JOIN ${tableOf(join.model)} ${to} ON ${keyed.key} = ${key} WHERE ${join.on} AND ${keyed.where} AND ${whereSql(join.model, to, others, scope)})`;
  }
  return undefined;
}

/**
 * A list relation of `model` keyed by its id (`closureAncestors`), asked `{ some: <a condition on
 * its own columns> }`: its table and row (`from`), the column holding the id (`key`) and the
 * condition (`where`, bound in `scope`). `undefined` for any other relation or condition.
 */
function keyedList(model: string, list: string, value: unknown, scope: SqlScope): { from: string; key: string; where: string } | undefined {
  const rel = modelFacts(model).relations.get(list);
  if (!rel?.list || !isObject(value) || Object.keys(value).length !== 1 || !isObject(value.some) || !leaf(rel.model, value.some))
    return undefined;
  const to = scope.aliases.next();
  const join = relationJoin(model, 'x', list, to);
  // Keyed by the id on the far side (relationJoin's `near` is then the row's id).
  if (join.near !== 'x."id"') return undefined;
  return { from: `${tableOf(join.model)} ${to}`, key: join.far, where: whereSql(join.model, to, value.some, scope) };
}

/**
 * A condition on `model` that reads nothing of its row but the id, as a condition on `id` (an SQL
 * expression equal to that id): `id` compared, and list relations keyed by the id with a condition
 * on their own columns (`closureAncestors: { some: … }`: the closure's rows, hashed once). A
 * person's territory (`places.some.unit.closureAncestors.some`) is then the person's place rows
 * joined with the closure, never a read of every unit (issue #13). `undefined` for anything else.
 */
function keyedSql(model: string, id: string, where: unknown, scope: SqlScope): string | undefined {
  if (!isObject(where)) return undefined;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === 'AND' || key === 'OR') {
      const list = Array.isArray(value) ? value : [value];
      const inner = list.map((w) => keyedSql(model, id, w, scope));
      if (inner.some((x) => x === undefined)) return undefined;
      if (key === 'AND') parts.push(...(inner as string[]));
      else parts.push(inner.length ? `(${inner.join(' OR ')})` : 'false');
      continue;
    }
    if (key === 'id') {
      parts.push(scalarOn(model, id, 'id', value, scope));
      continue;
    }
    const keyed = keyedList(model, key, value, scope);
    if (!keyed) return undefined;
    parts.push(`${id} IN (SELECT ${keyed.key} FROM ${keyed.from} WHERE ${keyed.key} IS NOT NULL AND ${keyed.where})`);
  }
  return parts.length ? `(${parts.join(' AND ')})` : 'true';
}

/** A condition on a model's own columns, naming no relation (at any depth of AND / OR / NOT). */
function leaf(model: string, where: Row): boolean {
  return Object.entries(where).every(([key, value]) => {
    if (value === undefined) return true;
    if (key === 'AND' || key === 'OR' || key === 'NOT') {
      const list = Array.isArray(value) ? value : [value];
      return list.every((w) => isObject(w) && leaf(model, w));
    }
    return !modelFacts(model).relations.has(key);
  });
}

function scalarSql(model: string, alias: string, field: string, value: unknown, scope: SqlScope): string {
  return scalarOn(model, `${alias}.${columnOf(model, field)}`, field, value, scope);
}

/** Prisma's `contains`, `startsWith`, `endsWith`: LIKE with the operand as given (`likeLiteral` escaped its `%` and `_`). */
const LIKE_PATTERNS: Record<string, (s: string) => string> = {
  contains: (s) => `%${s}%`,
  startsWith: (s) => `${s}%`,
  endsWith: (s) => `%${s}`,
};

/** A condition on one column (`column`: its SQL expression) of `model`'s field. */
function scalarOn(model: string, column: string, field: string, value: unknown, scope: SqlScope): string {
  const cast = castOf(model, field);
  if (value === null) return `${column} IS NULL`;
  if (!isObject(value)) return `${column} = ${scope.params.add(literal(value, model, field), cast)}`;
  const parts: string[] = [];
  const { mode, ...ops } = value;
  if (mode !== undefined && mode !== 'default' && mode !== 'insensitive') throw new NotCompiled(`${model}.${field}: mode ${String(mode)}`);
  for (const [op, operand] of Object.entries(ops)) {
    if (operand === undefined) continue;
    const pattern = LIKE_PATTERNS[op];
    if (pattern) {
      if (typeof operand !== 'string' || cast !== 'text') throw new NotCompiled(`${model}.${field}: ${op}`);
      parts.push(`${column} ${mode === 'insensitive' ? 'ILIKE' : 'LIKE'} ${scope.params.add(pattern(operand), 'text')}`);
      scope.params.patterns += 1;
      continue;
    }
    if (mode === 'insensitive') throw new NotCompiled(`${model}.${field}: ${op} without case`);
    const compare = (sqlOp: string) => `${column} ${sqlOp} ${scope.params.add(literal(operand, model, field), cast)}`;
    switch (op) {
      case 'equals':
        parts.push(operand === null ? `${column} IS NULL` : compare('='));
        break;
      case 'not':
        parts.push(
          operand === null
            ? `${column} IS NOT NULL`
            : `${column} IS DISTINCT FROM ${scope.params.add(literal(operand, model, field), cast)}`,
        );
        break;
      case 'lt':
        parts.push(compare('<'));
        break;
      case 'lte':
        parts.push(compare('<='));
        break;
      case 'gt':
        parts.push(compare('>'));
        break;
      case 'gte':
        parts.push(compare('>='));
        break;
      case 'in':
      case 'notIn': {
        if (!Array.isArray(operand)) throw new NotCompiled(`${model}.${field} ${op} without a list`);
        const list = scope.params.add(
          operand.map((v) => literal(v, model, field)),
          `${cast}[]`,
        );
        // Prisma: `in: []` matches nothing, `notIn: []` everything; NULL is never in a list.
        parts.push(op === 'in' ? `${column} = ANY(${list})` : `(${column} IS NOT NULL AND NOT (${column} = ANY(${list})))`);
        break;
      }
      default:
        throw new NotCompiled(`${model}.${field}: ${op}`);
    }
  }
  return parts.length ? `(${parts.join(' AND ')})` : 'true';
}

/**
 * Prisma `orderBy` (a list, scalars and to-one relations' scalars) as SQL order keys, and the joins
 * they need: a to-one relation is joined once (`LEFT JOIN`: at most one row, none gives NULL as
 * Prisma's order does), or read off a row the statement already joined for it (`joined`: relation
 * → alias), never by a subquery per row.
 */
export function orderSql(
  model: string,
  alias: string,
  orderBy: unknown,
  scope: SqlScope,
  joined: Readonly<Record<string, string>> = {},
): { keys: string[]; joins: string[] } {
  const list = Array.isArray(orderBy) ? orderBy : orderBy === undefined ? [] : [orderBy];
  const keys: string[] = [];
  const joins: string[] = [];
  const aliases = new Map(Object.entries(joined));
  for (const entry of list) {
    if (!isObject(entry)) throw new NotCompiled('orderBy entry');
    for (const [key, dir] of Object.entries(entry)) {
      if (isObject(dir)) {
        const rel = modelFacts(model).relations.get(key);
        if (!rel || rel.list) throw new NotCompiled(`${model}: order by ${key}`);
        let to = aliases.get(key);
        if (!to) {
          to = scope.aliases.next();
          aliases.set(key, to);
          joins.push(`LEFT JOIN ${tableOf(rel.model)} ${to} ON ${relationJoin(model, alias, key, to).on}`);
        }
        const inner = orderSql(rel.model, to, dir, scope);
        keys.push(...inner.keys);
        joins.push(...inner.joins);
        continue;
      }
      if (dir !== 'asc' && dir !== 'desc') throw new NotCompiled(`${model}: order ${String(dir)}`);
      keys.push(`${alias}.${columnOf(model, key)} ${dir === 'desc' ? 'DESC' : 'ASC'}`);
    }
  }
  return { keys, joins };
}

/**
 * Prisma's `cursor` (a row's id) under an `orderBy` of the model's own columns or a to-one
 * relation's (read off the row `joined` names for it), as the condition Prisma writes: the rows
 * from the cursor's row on in that order — each key compared with the cursor row's value read by
 * its id (a scalar subquery, through the relation's LEFT JOIN for a relation's column: NULL when no
 * row has the id, so nothing follows an unknown or deleted one; the row is read whatever the list's
 * condition, so a row outside it still places the page), the last key inclusive (the cursor's row
 * itself, which `skip: 1` then drops — or, when the row is outside the condition, the first row
 * after it).
 */
export function cursorSql(
  model: string,
  alias: string,
  orderBy: unknown,
  id: string,
  scope: SqlScope,
  joined: Readonly<Record<string, string>> = {},
): string {
  const list = Array.isArray(orderBy) ? orderBy : [orderBy];
  /** Each key: the row's value, and the cursor row's value read by its id. */
  const keys: Array<{ row: string; at: () => string; dir: 'asc' | 'desc' }> = [];
  const key = scope.params.add(id, 'uuid');
  for (const entry of list) {
    if (!isObject(entry)) throw new NotCompiled('cursor: orderBy entry');
    for (const [field, dir] of Object.entries(entry)) {
      if (dir === 'asc' || dir === 'desc') {
        const at = () => {
          const c = scope.aliases.next();
          return `(SELECT ${c}.${columnOf(model, field)} FROM ${tableOf(model)} ${c} WHERE ${c}."id" = ${key})`;
        };
        keys.push({ row: `${alias}.${columnOf(model, field)}`, at, dir });
        continue;
      }
      // A to-one relation's column, as Prisma reads it: the relation LEFT JOINed to the cursor's row.
      const rel = modelFacts(model).relations.get(field);
      const to = joined[field];
      const inner = isObject(dir) ? Object.entries(dir) : [];
      const [[column, innerDir] = []] = inner;
      if (!rel || rel.list || !to || inner.length !== 1 || !column || (innerDir !== 'asc' && innerDir !== 'desc'))
        throw new NotCompiled(`cursor: order by ${field}`);
      const at = () => {
        const c = scope.aliases.next();
        const o = scope.aliases.next();
        const join = relationJoin(model, c, field, o);
        return `(SELECT ${o}.${columnOf(rel.model, column)} FROM ${tableOf(model)} ${c} LEFT JOIN ${tableOf(rel.model)} ${o} ON ${join.on} WHERE ${c}."id" = ${key})`;
      };
      keys.push({ row: `${to}.${columnOf(rel.model, column)}`, at, dir: innerDir });
    }
  }
  if (!keys.length) throw new NotCompiled('cursor without an order');
  const disjuncts = keys.map(({ row, dir }, i) => {
    const parts = keys.slice(0, i).map((k) => `${k.row} = ${k.at()}`);
    const op = (dir === 'asc' ? '>' : '<') + (i === keys.length - 1 ? '=' : '');
    parts.push(`${row} ${op} ${(keys[i] as (typeof keys)[number]).at()}`);
    return `(${parts.join(' AND ')})`;
  });
  return `(${disjuncts.join(' OR ')})`;
}
