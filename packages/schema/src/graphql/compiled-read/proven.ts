import { modelFacts } from '../../entities/data-model.js';
import { isImpliedByTerritory } from '../territory-filters.js';
import { isObject } from './where-sql.js';

/**
 * What a nested level of a compiled read need not check again: its rows are joined to a parent row
 * the statement already filtered, so a conjunct of theirs saying "my parent meets P", where the
 * parent was filtered by P, holds for every row and is dropped. A district officer's board members
 * re-proved their body's territory (an `EXISTS` over the body's three kinds of place) for every
 * membership of a board found inside the territory; the board itself re-proved, through its
 * building, what the building's own condition had just proved (issue #13: officer ÷ admin).
 *
 * Sound by construction: only whole conjuncts are dropped, and only when they are implied by the
 * parent's conjuncts as written (the same Prisma condition objects, compared by value), through the
 * to-one relation that is the join itself — `{ <back>: Q }` with every conjunct of Q among the
 * parent's, or an `OR` with such a member. Anything else stays as written.
 *
 * Also dropped, at any level: a related record's readability that the list's own territory implies
 * (`relatedReadable`, whose implication the definitions carry): the resolvers ask it so the related
 * rows come back marked readable; a compiled read marks nothing, and re-proved the members' people
 * through their places for every row.
 */

type Row = Record<string, unknown>;

/** The conjuncts of a Prisma condition: one single-key object each, `AND` flattened at any depth. */
export function conjuncts(where: unknown): Row[] {
  if (Array.isArray(where)) return where.flatMap(conjuncts);
  if (!isObject(where)) return [];
  return Object.entries(where).flatMap(([key, value]): Row[] => {
    if (value === undefined) return [];
    if (key === 'AND') return conjuncts(value);
    return [{ [key]: value }];
  });
}

/** A value as a string equal for equal conditions (keys sorted; dates as instants). */
function canonical(value: unknown): string {
  if (value instanceof Date) return `D${value.toISOString()}`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

/** The conditions a row is proven to meet: its condition's conjuncts. */
export class Proven {
  private readonly keys: Set<string>;
  constructor(where: unknown) {
    this.keys = new Set(conjuncts(where).map(canonical));
  }
  /** Every conjunct of `where` is one of the proven ones. */
  covers(where: unknown): boolean {
    return conjuncts(where).every((c) => this.keys.has(canonical(c)));
  }
}

/**
 * The child's condition without the conjuncts its join to a proven parent implies (and those
 * `relatedReadable` marks as implied). `back` is the child's to-one relation whose key is the join
 * (`child.<key> = parent.id`).
 */
export function withoutImplied(model: string, where: unknown, back: string | undefined, parent: Proven | undefined): unknown {
  const joined = back !== undefined && parent !== undefined && modelFacts(model).relations.get(back)?.list === false;
  const all = conjuncts(where);
  const kept = all.filter((c) => {
    const [value] = Object.values(c);
    if (modelFacts(model).relations.has(Object.keys(c)[0] ?? '') && isImpliedByTerritory(value)) return false;
    return !(joined && implied(c, back, parent));
  });
  if (kept.length === all.length) return where;
  return kept.length ? { AND: kept } : {};
}

/** Q when the conjunct is `{ <relation>: Q }`, a condition on the related row itself (not `is` / `isNot`). */
export function onRelated(conjunct: Row, relation: string): Row | undefined {
  const value = conjunct[relation];
  return isObject(value) && !('is' in value) && !('isNot' in value) ? value : undefined;
}

function implied(conjunct: Row, back: string, parent: Proven): boolean {
  const [key] = Object.keys(conjunct);
  // "The parent meets Q": the parent is the related row (it exists: the join found it).
  const q = onRelated(conjunct, back);
  if (q) return parent.covers(q);
  // An OR holds when one of its members does.
  const value = conjunct.OR;
  if (key === 'OR' && Array.isArray(value))
    return value.some((member) => isObject(member) && conjuncts(member).every((c) => implied(c, back, parent)));
  return false;
}
