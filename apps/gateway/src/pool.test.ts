import { createPrismaClient, DEMO_ACCOUNTS, hashPassword, type PrismaClient } from '@coso/schema';
import { createTestDatabase } from '@coso/schema/testing';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { createGateway, type Gateway } from './server.js';
import { signIn } from './test-support/sign-in.js';

// More requests than connections: they wait for one (no failure), and /readyz says the pool is full.
const POOL = 2;
const REQUESTS = 5;

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;
let gateway: Gateway;
let auth = '';

beforeAll(async () => {
  db = await createTestDatabase(inject('databaseAdminUrl'));
  const config = loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: db.url, DATABASE_POOL_SIZE: String(POOL) });
  prisma = createPrismaClient(db.url, { maxConnections: config.poolSize, connectionTimeoutMs: config.poolTimeoutMs });
  const admin = DEMO_ACCOUNTS.find((a) => a.role === 'SYSTEM_ADMIN');
  await prisma.account.create({
    data: {
      username: 'admin',
      displayName: 'Quản trị',
      passwordHash: await hashPassword(admin?.password ?? ''),
      role: 'SYSTEM_ADMIN',
      validFrom: new Date('2020-01-01'),
    },
  });
  gateway = await createGateway(config, { prisma, log: createLogger({ logLevel: 'silent' }), shutdownGraceMs: 1_000 });
  await gateway.connectionBudget;
  auth = `Bearer ${await signIn(gateway.graphqlUrl, 'admin')}`;
});
afterAll(async () => {
  await gateway?.close();
  await prisma?.$disconnect();
  await db?.drop();
});

type Readyz = { status: string; pool?: { size: number; open: number; waiting: number } };
const readyz = async () => {
  const res = await fetch(new URL('/readyz', gateway.url));
  return { status: res.status, body: (await res.json()) as Readyz };
};

it('queues requests beyond the pool size until a connection is free, and reports the full pool in /readyz', async () => {
  expect(await readyz()).toMatchObject({ status: 200, body: { status: 'ready', pool: { size: POOL, waiting: 0 } } });

  // Another connection locks the table every request's data query reads (people: not one the
  // session's lookup reads, which joins the scope unit): the first POOL requests hold the pool's
  // connections while they wait on it, the rest wait for a connection.
  const locker = createPrismaClient(db.url, { maxConnections: 1 });
  let release = () => {};
  const released = new Promise<void>((r) => {
    release = r;
  });
  let locked = () => {};
  const lockTaken = new Promise<void>((r) => {
    locked = r;
  });
  const holding = locker.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE people IN ACCESS EXCLUSIVE MODE`;
      locked();
      await released;
    },
    { timeout: 60_000 },
  );
  await lockTaken;
  const requests = Array.from({ length: REQUESTS }, () =>
    fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify({ query: '{ people { totalCount } }' }),
    }),
  );
  // Until the pool is seen full (a probe that found a connection just before the last request
  // queued answers `ready` with the figures it reads after: not yet the state under test).
  let full = await readyz();
  for (let i = 0; i < 200 && (full.status !== 503 || full.body.pool?.waiting !== REQUESTS - POOL); i++) {
    await new Promise((r) => setTimeout(r, 50));
    full = await readyz();
  }
  expect(full).toEqual({
    status: 503,
    body: {
      status: 'saturated',
      database: 'ok',
      pool: { size: POOL, open: POOL, idle: 0, waiting: REQUESTS - POOL },
      // What max_connections left free at start (connection-budget.test.ts checks the figures).
      connections: expect.objectContaining({ poolSize: POOL }),
      message: 'Mọi kết nối cơ sở dữ liệu đều đang bận. / Every database connection is busy.',
    },
  });

  release();
  await holding;
  await locker.$disconnect();
  for (const res of await Promise.all(requests)) {
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { people: { totalCount: 0 } } });
  }
  expect(await readyz()).toMatchObject({ status: 200, body: { status: 'ready', pool: { size: POOL, waiting: 0 } } });
});
