import { type DomainState, emptyState } from '@coso/domain';
import { fromRow, TABLES } from './state-tables.js';

type Table = keyof DomainState;
type FindMany = { findMany(args?: object): Promise<Record<string, unknown>[]> };

/**
 * Reads the tables a domain check needs, inside the caller's transaction, as a `DomainState`
 * slice. `where` narrows a table (Prisma where, database ids); other tables are empty.
 */
export async function loadSlice<K extends Table>(db: object, tables: Partial<Record<K, object | true>>): Promise<DomainState> {
  const state = emptyState();
  const models = new Map(TABLES);
  // Sequential: the queries share one transaction (one connection).
  for (const [table, where] of Object.entries(tables) as Array<[K, object | true]>) {
    {
      const model = models.get(table);
      if (!model) continue;
      const delegate = (db as Record<string, FindMany>)[model] as FindMany;
      const args: Record<string, unknown> = where === true ? {} : { where };
      if (table === 'reorganisations') args.include = { units: true };
      const rows = await delegate.findMany(args);
      (state as unknown as Record<Table, unknown[]>)[table] = rows.map((r) => fromRow(table, r));
    }
  }
  return state;
}
