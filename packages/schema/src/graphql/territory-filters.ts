import type { EntityType } from '../entities/definitions.js';
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
 */
export function relatedReadable(ctx: Context, relation: string, type: ListedType): Record<string, unknown> {
  const where = ctx.access.readWhere(type);
  return Object.keys(where).length ? { [relation]: where } : {};
}
