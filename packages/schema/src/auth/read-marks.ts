import { modelFacts } from '../entities/data-model.js';

/**
 * Rows the database already filtered by the viewer's read condition are not checked again.
 *
 * When a query returns, `markFilteredRows` walks its arguments beside its result: each row of every
 * level (the root, a nested relation, a to-one relation named in a level's `where`) is marked with
 * the conditions that level's `where` holds as conjuncts (itself, its `AND` list and their `AND`s),
 * each as its model and its JSON. `Access.canRead(type, id, row)` then answers a row marked with its
 * own `readWhere(type)` without a statement: the territory was one `EXISTS` over the closure in the
 * query itself (issue #13). The key is structural because Prisma copies a query's arguments before
 * its hooks see them. A condition under `OR`/`NOT`, of another model or of another viewer's
 * territory matches no check; a row not marked is checked as before, so a missed mark costs a
 * statement, never a wrong answer.
 */
const marks = new WeakMap<object, readonly string[]>();

/** How a condition on a model is named in marks (and by `Access` for its own read conditions). */
export function conditionKey(model: string, where: unknown): string {
  return `${model} ${JSON.stringify(where, jsonValue)}`;
}

/** JSON has no BigInt (an audit entry's id): written as its digits and `n`, so a condition naming one still has a key. */
const jsonValue = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? `${value}n` : value);

/** Did the query that returned this row filter it by this condition (`conditionKey`)? */
export function isMarked(row: object, key: string): boolean {
  return marks.get(row)?.includes(key) ?? false;
}

type Row = Record<string, unknown>;
const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Conditions that must hold for `where` to hold: itself and its `AND` conjuncts, recursively (an `AND` list also whole). */
function conjuncts(where: unknown, out: unknown[] = []): unknown[] {
  if (!isObject(where)) return out;
  out.push(where);
  const and = where.AND;
  if (Array.isArray(and)) {
    // `{ ...condition }` spread into a where keeps the condition's `AND` list: it holds as `{ AND }`.
    if (Object.keys(where).length > 1) out.push({ AND: and });
    for (const c of and) conjuncts(c, out);
  } else conjuncts(and, out);
  return out;
}

/**
 * The keys of the conjuncts that can be a read condition: `Access.readWhere` builds only
 * `{ AND: [...] }`, so other conjuncts (dates, ids, kinds) are not written out at all.
 */
function keysOf(model: string, where: unknown): string[] {
  return conjuncts(where)
    .filter((c) => isObject(c) && Array.isArray(c.AND) && Object.keys(c).length === 1)
    .map((c) => conditionKey(model, c));
}

/** Adds one level's keys (one array shared by its rows) to each row's marks. */
function mark(rows: readonly Row[], keys: readonly string[]): void {
  if (!keys.length) return;
  for (const row of rows) {
    const had = marks.get(row);
    marks.set(row, had ? [...had, ...keys] : keys);
  }
}

/** The objects among values and lists of values (a to-one relation's row, a to-many's rows). */
function objectsIn(values: readonly unknown[]): Row[] {
  const out: Row[] = [];
  for (const v of values) {
    if (Array.isArray(v)) for (const x of v) isObject(x) && out.push(x);
    else if (isObject(v)) out.push(v);
  }
  return out;
}

/**
 * Marks, in a query's result, every row with the conditions its level's `where` held. A level's
 * rows are gathered across their parents first, so its keys are computed once per query.
 */
export function markFilteredRows(model: string, args: unknown, result: unknown): void {
  if (!isObject(args)) return;
  markLevel(model, args, objectsIn([result]));
}

function markLevel(model: string, args: Row, rows: readonly Row[]): void {
  if (!rows.length) return;
  const facts = modelFacts(model);
  const where = args.where;
  mark(rows, keysOf(model, where));
  // A to-one relation filtered in this level's where: the related row met the condition.
  if (isObject(where)) {
    for (const [key, condition] of Object.entries(where)) {
      const relation = facts.relations.get(key);
      if (!relation || relation.list) continue;
      mark(objectsIn(rows.map((r) => r[key])), keysOf(relation.model, condition));
    }
  }
  const nested = isObject(args.select) ? args.select : isObject(args.include) ? args.include : null;
  if (!nested) return;
  for (const [key, sub] of Object.entries(nested)) {
    if (!isObject(sub)) continue;
    const relation = facts.relations.get(key);
    if (relation) markLevel(relation.model, sub, objectsIn(rows.map((r) => r[key])));
  }
}
