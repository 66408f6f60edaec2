import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrismaClient, type EmbeddedDatabase, freePort, type PrismaClient, startEmbeddedPostgres } from '@coso/schema';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { createGateway, type Gateway } from './server.js';
import type { LogLine } from './test-support/test-gateway.js';

/**
 * Issue #12: with PostgreSQL's max_connections below the gateways' pools, requests failed while
 * /readyz said ready. A PostgreSQL of this test's own with max_connections = 12 (3 kept for
 * superusers, PostgreSQL's default; reserved_connections 0) and 4 connections held by "another
 * program": 12 − 3 − 0 − 4 = 5 connections are free for a gateway, figures worked out by hand.
 */

const MAX_CONNECTIONS = 12;
const HELD = 4;
const FREE = MAX_CONNECTIONS - 3 - 0 - HELD;

let dataDir: string;
let server: EmbeddedDatabase | undefined;
const held: pg.Client[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'coso-budget-pg-'));
  server = await startEmbeddedPostgres({ dataDir, port: await freePort(), ephemeral: true, maxConnections: MAX_CONNECTIONS });
  for (let i = 0; i < HELD; i++) {
    const client = new pg.Client({ connectionString: server.connectionString });
    await client.connect();
    held.push(client);
  }
}, 120_000);
afterAll(async () => {
  for (const client of held) await client.end().catch(() => {});
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Until only the held connections (and none of a closed gateway's) are open: a backend ends shortly after its client leaves. */
async function onlyHeldOpen(): Promise<void> {
  const [probe] = held;
  for (;;) {
    const { rows } = await (probe as pg.Client).query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend'",
    );
    if (rows[0]?.n === HELD) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function gatewayWithPool(poolSize: number): Promise<{ gateway: Gateway; prisma: PrismaClient; logs: LogLine[] }> {
  const url = server?.connectionString ?? '';
  const config = loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: url, DATABASE_POOL_SIZE: String(poolSize) });
  const prisma = createPrismaClient(url, { maxConnections: config.poolSize, connectionTimeoutMs: config.poolTimeoutMs });
  const logs: LogLine[] = [];
  const log = createLogger({ logLevel: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const gateway = await createGateway(config, { prisma, log, shutdownGraceMs: 1_000 });
  return { gateway, prisma, logs };
}

async function readyz(gateway: Gateway) {
  const res = await fetch(new URL('/readyz', gateway.url));
  return { status: res.status, body: (await res.json()) as { status: string; connections?: Record<string, unknown> } };
}

describe('the pool against max_connections', () => {
  it('warns at start, with the figures and the variable to change, and says so in /readyz, when the pool is larger than what is free', async () => {
    await onlyHeldOpen();
    const { gateway, prisma, logs } = await gatewayWithPool(FREE + 1);
    try {
      const expected = {
        maxConnections: MAX_CONNECTIONS,
        superuserReserved: 3,
        reserved: 0,
        inUseByOthers: HELD,
        available: FREE,
        poolSize: FREE + 1,
        enough: false,
      };
      expect(await gateway.connectionBudget).toEqual(expected);
      const warnings = logs.filter((l) => l.level === 'warn' || l.level === 40);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.msg).toBe(
        `DATABASE_POOL_SIZE=${FREE + 1} is more than PostgreSQL has free: max_connections ${MAX_CONNECTIONS} − superuser_reserved_connections 3 − reserved_connections 0 − ${HELD} connections in use by others = ${FREE}. Under load, queries beyond that fail instead of waiting. Lower DATABASE_POOL_SIZE (every gateway on this server counts) or raise max_connections.`,
      );
      const ready = await readyz(gateway);
      expect(ready.status).toBe(200);
      expect(ready.body.status).toBe('ready');
      expect(ready.body.connections).toEqual({ ...expected, warning: warnings[0]?.msg });
    } finally {
      await gateway.close();
      await prisma.$disconnect();
    }
  }, 60_000);

  it('says nothing but the figures when the pool fits', async () => {
    await onlyHeldOpen();
    const { gateway, prisma, logs } = await gatewayWithPool(FREE);
    try {
      expect(await gateway.connectionBudget).toMatchObject({ inUseByOthers: HELD, available: FREE, poolSize: FREE, enough: true });
      expect(logs.filter((l) => l.level === 'warn' || l.level === 40)).toEqual([]);
      const ready = await readyz(gateway);
      expect(ready.body.connections).toMatchObject({ available: FREE, poolSize: FREE, enough: true });
      expect(ready.body.connections).not.toHaveProperty('warning');
    } finally {
      await gateway.close();
      await prisma.$disconnect();
    }
  }, 60_000);
});
