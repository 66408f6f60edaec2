import { type PrismaClient, poolStats } from '@coso/schema';
import type { Logger } from './logger.js';

/**
 * Whether this gateway's pool fits in what PostgreSQL has free (issue #12: with `max_connections`
 * below the gateways' pools, 176 of 180 requests failed while `/readyz` said ready). Read once at
 * start: `max_connections`, the slots kept for superusers (`superuser_reserved_connections`) and,
 * from PostgreSQL 16, for roles with `pg_use_reserved_connections` (`reserved_connections`), and
 * the client connections open already, less this gateway's own. A gateway cannot know how many
 * others will start after it: the pool alone is compared with what is free now.
 */
export interface ConnectionBudget {
  maxConnections: number;
  superuserReserved: number;
  /** `reserved_connections` (PostgreSQL 16+; 0 before). */
  reserved: number;
  /** Client connections open at start that are not this gateway's. */
  inUseByOthers: number;
  /** What an ordinary role can still open: max − both reserves − in use by others. */
  available: number;
  /** This gateway's pool (DATABASE_POOL_SIZE). */
  poolSize: number;
  /** The pool fits in what is free. */
  enough: boolean;
}

/** The budget as PostgreSQL tells it now, with the pool of `prisma`. */
export async function readConnectionBudget(prisma: PrismaClient, configuredPoolSize: number): Promise<ConnectionBudget> {
  const [row] = await prisma.$queryRaw<Array<{ max: number; su: number; reserved: number; clients: number }>>`
    SELECT current_setting('max_connections')::int AS max,
           current_setting('superuser_reserved_connections')::int AS su,
           coalesce(current_setting('reserved_connections', true)::int, 0) AS reserved,
           (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int AS clients`;
  if (!row) throw new Error('no answer about max_connections');
  const pool = poolStats(prisma);
  const poolSize = pool?.size ?? configuredPoolSize;
  // This query's own connection is open, and any other the pool holds: they are the pool's, not others'.
  const inUseByOthers = Math.max(0, row.clients - Math.max(pool?.open ?? 1, 1));
  const available = Math.max(0, row.max - row.su - row.reserved - inUseByOthers);
  return {
    maxConnections: row.max,
    superuserReserved: row.su,
    reserved: row.reserved,
    inUseByOthers,
    available,
    poolSize,
    enough: poolSize <= available,
  };
}

/** The warning a gateway logs when its pool does not fit: the figures and what to change. */
export function budgetWarning(b: ConnectionBudget): string {
  return (
    `DATABASE_POOL_SIZE=${b.poolSize} is more than PostgreSQL has free: max_connections ${b.maxConnections} ` +
    `− superuser_reserved_connections ${b.superuserReserved} − reserved_connections ${b.reserved} ` +
    `− ${b.inUseByOthers} connections in use by others = ${b.available}. Under load, queries beyond that fail ` +
    `instead of waiting. Lower DATABASE_POOL_SIZE (every gateway on this server counts) or raise max_connections.`
  );
}

/** Reads the budget at start and warns when the pool does not fit; undefined when it cannot be read (logged). */
export async function checkConnectionBudget(prisma: PrismaClient, poolSize: number, log: Logger): Promise<ConnectionBudget | undefined> {
  try {
    const budget = await readConnectionBudget(prisma, poolSize);
    if (!budget.enough) log.warn({ connections: budget }, budgetWarning(budget));
    else log.debug({ connections: budget }, 'database connections: the pool fits');
    return budget;
  } catch (error) {
    log.warn({ err: error }, 'could not read max_connections: the pool size is not checked against it');
    return undefined;
  }
}
