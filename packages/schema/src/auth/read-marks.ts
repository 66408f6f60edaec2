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
const marks = new WeakMap<object, Set<string>>();

/** How a condition on a model is named in marks (and by `Access` for its own read conditions). */
export function conditionKey(model: string, where: unknown): string {
  return `${model} ${JSON.stringify(where)}`;
}

/** Did the query that returned this row filter it by this condition (`conditionKey`)? */
export function isMarked(row: object, key: string): boolean {
  return marks.get(row)?.has(key) ?? false;
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

function mark(rows: readonly unknown[], keys: readonly string[], relation?: string): void {
  if (!keys.length) return;
  for (const r of rows) {
    const row = relation === undefined ? r : isObject(r) ? r[relation] : undefined;
    if (!isObject(row)) continue;
    let set = marks.get(row);
    if (!set) {
      set = new Set();
      marks.set(row, set);
    }
    for (const k of keys) set.add(k);
  }
}

/** Marks, in a query's result, every row with the conditions its level's `where` held. */
export function markFilteredRows(model: string, args: unknown, result: unknown): void {
  if (result === null || result === undefined || !isObject(args)) return;
  const rows = Array.isArray(result) ? result : [result];
  if (!rows.length) return;
  const facts = modelFacts(model);
  const where = args.where;
  mark(
    rows,
    conjuncts(where).map((c) => conditionKey(model, c)),
  );
  // A to-one relation filtered in this level's where: the related row met the condition.
  if (isObject(where)) {
    for (const [key, condition] of Object.entries(where)) {
      const relation = facts.relations.get(key);
      if (!relation || relation.list) continue;
      mark(
        rows,
        conjuncts(condition).map((c) => conditionKey(relation.model, c)),
        key,
      );
    }
  }
  const nested = isObject(args.select) ? args.select : isObject(args.include) ? args.include : null;
  if (!nested) return;
  for (const [key, sub] of Object.entries(nested)) {
    if (!isObject(sub)) continue;
    const relation = facts.relations.get(key);
    if (!relation) continue;
    for (const row of rows) if (isObject(row)) markFilteredRows(relation.model, sub, row[key]);
  }
}
