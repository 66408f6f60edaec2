import { type PrismaClient, poolStats } from '@coso/schema';
import { type Request, type Response, Router } from 'express';
import { budgetWarning, type ConnectionBudget } from './connection-budget.js';

export const READINESS_TIMEOUT_MS = 2_000;

/**
 * `/healthz`: the process is alive (never touches the database, so a database outage does not get
 * the process restarted). `/readyz`: the process can serve: a `SELECT 1` answered within the
 * timeout, checked on every call, so it turns 503 while the database is unreachable and 200 again
 * as soon as it is back (the pool reconnects by itself); 503 too while the gateway is stopping,
 * and while every pooled connection is busy with queries queued for one (`saturated`: a load
 * balancer should send new requests elsewhere; these wait, up to DATABASE_POOL_TIMEOUT_MS).
 * Its detail says whether the pool fitted in PostgreSQL's free connections at start
 * (`connections`, with a `warning` when it did not: connection-budget.ts); that alone does not
 * make the gateway unready.
 */
export function healthRoutes(options: {
  prisma: PrismaClient;
  stopping: () => boolean;
  timeoutMs?: number;
  connections?: () => ConnectionBudget | undefined;
}): Router {
  const router = Router();
  const timeoutMs = options.timeoutMs ?? READINESS_TIMEOUT_MS;
  router.get('/healthz', (_req: Request, res: Response) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' });
  });
  const connectionsDetail = () => {
    const budget = options.connections?.();
    if (!budget) return {};
    return { connections: { ...budget, ...(budget.enough ? {} : { warning: budgetWarning(budget) }) } };
  };
  router.get('/readyz', async (_req: Request, res: Response) => {
    res.set('cache-control', 'no-store');
    if (options.stopping()) {
      res.status(503).json({ status: 'stopping', message: 'Gateway đang dừng. / The gateway is shutting down.' });
      return;
    }
    const pool = poolStats(options.prisma) ?? undefined;
    // Checked before the probe, which would only queue behind the others.
    if (pool && pool.open >= pool.size && pool.idle === 0 && pool.waiting > 0) {
      res.status(503).json({
        status: 'saturated',
        database: 'ok',
        pool,
        ...connectionsDetail(),
        message: 'Mọi kết nối cơ sở dữ liệu đều đang bận. / Every database connection is busy.',
      });
      return;
    }
    const started = Date.now();
    try {
      await withTimeout(options.prisma.$queryRaw`SELECT 1`, timeoutMs);
      res.json({
        status: 'ready',
        database: 'ok',
        ms: Date.now() - started,
        pool: poolStats(options.prisma) ?? undefined,
        ...connectionsDetail(),
      });
    } catch {
      res.status(503).json({
        status: 'unavailable',
        database: 'unreachable',
        message: 'Không kết nối được cơ sở dữ liệu. / The database cannot be reached.',
      });
    }
  });
  return router;
}

function withTimeout<T>(work: PromiseLike<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve(work), timeout]).finally(() => clearTimeout(timer));
}
