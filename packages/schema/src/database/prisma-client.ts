import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { markFilteredRows } from '../auth/read-marks.js';
import { PrismaClient } from '../generated/prisma/client.js';

export interface PrismaOptions {
  /** Called for every SQL statement Prisma sends (tests count them; logs may sample them). */
  onQuery?: (sql: string, durationMs: number) => void;
  /** Pool size per process (default 10). */
  maxConnections?: number;
  /** How long a query waits for a free connection (queued behind the others) before it fails (default 10 s). */
  connectionTimeoutMs?: number;
}

/** How busy a client's connection pool is. */
export interface PoolStats {
  /** Connections it may open at most. */
  size: number;
  /** Connections open now (busy or idle). */
  open: number;
  /** Open and idle. */
  idle: number;
  /** Queries queued for a connection. */
  waiting: number;
}

/**
 * Planner costs for coso's working set, sent with every connection of the pool (the embedded
 * server and any DATABASE_URL alike; `?options=` in the URL takes precedence). A district's or a
 * city's rows fit in memory, where an index probe costs about what a sequential read does;
 * PostgreSQL's default `random_page_cost` (4, for spinning disks) made the planner hash whole
 * tables instead of probing a few rows: a district officer's people search hashed every
 * `person_places` row of the territory (8.3 → 1.0 ms of PostgreSQL CPU per statement with 1.1) and
 * the nested read scanned every unit per ward. 1.1 is the usual setting for SSDs and cached data.
 * Measured in tests/bench/README.md ("planner costs").
 */
export const PLANNER_OPTIONS = '-c random_page_cost=1.1';

const pools = new WeakMap<PrismaClient, pg.Pool>();
const queryHooks = new WeakMap<PrismaClient, NonNullable<PrismaOptions['onQuery']>>();

/** A Prisma client over node-postgres (Prisma's driver adapter): the same for the embedded and a real server. */
export function createPrismaClient(connectionString: string, options: PrismaOptions = {}): PrismaClient {
  // Our own pool, so its queue can be read (`poolStats`); Prisma ends it on $disconnect.
  const pool = new pg.Pool({
    connectionString,
    options: PLANNER_OPTIONS,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
  });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = options.onQuery ? new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }) : new PrismaClient({ adapter });
  const onQuery = options.onQuery;
  if (onQuery) (client as PrismaClient<'query'>).$on('query', (e) => onQuery(e.query, e.duration));
  const reading = withReadMarks(client);
  pools.set(reading, pool);
  if (onQuery) queryHooks.set(reading, onQuery);
  return reading;
}

const FINDS = new Set(['findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow']);

/**
 * Every read's rows that its query filtered by the viewer's read condition are marked readable
 * (auth/read-marks.ts), so the per-object read check does not ask the database again. Query hooks
 * only: the client's methods and types are unchanged.
 */
function withReadMarks(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const result = await query(args);
          if (FINDS.has(operation)) markFilteredRows(model, args, result);
          return result;
        },
      },
    },
  }) as unknown as PrismaClient;
}

/** The pool under a client made by `createPrismaClient`, and its statement hook (undefined for any other client). */
export function poolOf(prisma: PrismaClient): { pool: pg.Pool; onQuery?: PrismaOptions['onQuery'] } | undefined {
  const pool = pools.get(prisma);
  if (!pool) return undefined;
  const onQuery = queryHooks.get(prisma);
  return onQuery ? { pool, onQuery } : { pool };
}

/** The pool of a client made by `createPrismaClient` (null for any other). */
export function poolStats(prisma: PrismaClient): PoolStats | null {
  const pool = pools.get(prisma);
  if (!pool) return null;
  return { size: pool.options.max ?? 10, open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

export type { PrismaClient };
