import { modelFacts } from '../entities/data-model.js';
import { definitionOf, type EntityType } from '../entities/definitions.js';
import type { Context } from './context.js';
import { noteReadScope } from './hidden-records.js';

/**
 * Where-clauses that keep list queries inside what the viewer may read, so a ward user's lists
 * hold their ward only (the type-level checks then never have to refuse a listed item). Empty for
 * viewers who read everything. Derived from the entity's places and party condition
 * (`entities/definitions.ts`), the same ones its read check locates a record by.
 */
export type ListedType = EntityType;

export function territoryWhere(ctx: Context, type: ListedType): Record<string, unknown> {
  const where = ctx.access.readWhere(type);
  // What the role leaves out is reported with the answer (hidden-records.ts), never silent.
  if (Object.keys(where).length) noteReadScope(ctx, type);
  return where;
}

/** A query's own where, narrowed to what the viewer may read. */
export function scoped(ctx: Context, type: ListedType, where: Record<string, unknown>): Record<string, unknown> {
  const extra = territoryWhere(ctx, type);
  return Object.keys(extra).length ? { AND: [where, extra] } : where;
}

/**
 * A list's condition that the record its to-one relation names is readable, for a relation whose
 * readability the list's own territory implies (a listed membership's person is placed by that
 * membership's body): the related rows come back proven readable and are not checked again one by
 * one (auth/read-marks.ts). Nothing to note: a record it left out would be one of the list's own
 * type, which the list's `territoryWhere` notes. `{}` for viewers who read everything.
 *
 * The implication is the definitions', checked here (`placesImply`), so a compiled read, which
 * marks no rows, leaves the condition out (`isImpliedByTerritory`): it would only re-prove it.
 */
export function relatedReadable(ctx: Context, list: ListedType, relation: string, type: ListedType): Record<string, unknown> {
  const pair = `${list}.${relation}`;
  if (!implyingPairs.has(pair)) {
    if (!placesImply(list, relation, type)) throw new Error(`${pair}: ${type}'s places do not include ${list}'s`);
    implyingPairs.add(pair);
  }
  const where = ctx.access.readWhere(type);
  if (!Object.keys(where).length) return {};
  const implied = { AND: [where] };
  impliedByTerritory.add(implied);
  return { [relation]: implied };
}

const impliedByTerritory = new WeakSet<object>();
/** Pairs `placesImply` held (the definitions do not change while the process runs). */
const implyingPairs = new Set<string>();

/** A condition `relatedReadable` made: what the list's own territory already implies. */
export function isImpliedByTerritory(where: unknown): boolean {
  return typeof where === 'object' && where !== null && impliedByTerritory.has(where);
}

/**
 * Whether a `list` row's territory makes the `type` record its (required) `relation` names readable: every
 * place of the list's type is, through the relation back from `type`, a place of `type` (Person's
 * `memberships.organization` holds Membership's `organization`), and `type` reveals no party
 * membership of its own (its read condition is its places only).
 */
export function placesImply(list: ListedType, relation: string, type: ListedType): boolean {
  const named = modelFacts(list).relations.get(relation);
  // Required: the condition also says the record exists, which only a required relation implies.
  if (named?.model !== type || named.list || !named.required) return false;
  const back = [...modelFacts(type).relations].filter(([, r]) => r.model === list && r.list).map(([name]) => name);
  if (back.length !== 1 || definitionOf(type).party) return false;
  const theirs = new Set((definitionOf(type).places ?? []).map((p) => JSON.stringify(p)));
  const prefix = (path: string) => (path ? `${back[0]}.${path}` : back[0]);
  const places = definitionOf(list).places ?? [];
  return (
    places.length > 0 &&
    places.every((p) => {
      if ('body' in p) return theirs.has(JSON.stringify({ body: prefix(p.body) }));
      if ('unit' in p) return theirs.has(JSON.stringify({ unit: prefix(p.unit) }));
      return false;
    })
  );
}
