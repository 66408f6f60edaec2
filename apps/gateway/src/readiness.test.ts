import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyMigrations,
  createPrismaClient,
  DEMO_ACCOUNTS,
  type EmbeddedDatabase,
  freePort,
  hashPassword,
  type PrismaClient,
  startEmbeddedPostgres,
} from '@coso/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { createGateway, type Gateway } from './server.js';
import { signIn } from './test-support/sign-in.js';

// A PostgreSQL of this test's own (embedded, whatever TEST_DATABASE_URL says): it is stopped and
// started again under the running gateway.
let dataDir: string;
let port: number;
let pg: EmbeddedDatabase | undefined;
let prisma: PrismaClient;
let gateway: Gateway;
let auth = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'coso-readyz-pg-'));
  port = await freePort();
  pg = await startEmbeddedPostgres({ dataDir, port });
  await applyMigrations(pg.connectionString);
  prisma = createPrismaClient(pg.connectionString);
  const config = loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: pg.connectionString });
  gateway = await createGateway(config, { prisma, log: createLogger({ logLevel: 'silent' }), shutdownGraceMs: 1_000 });
  // An empty database but for one account: GraphQL needs a signed-in viewer.
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
  auth = `Bearer ${await signIn(gateway.graphqlUrl, 'admin')}`;
});

afterAll(async () => {
  await gateway?.close();
  await prisma?.$disconnect();
  await pg?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const readyz = async () => {
  const res = await fetch(new URL('/readyz', gateway.url));
  return { status: res.status, body: (await res.json()) as { status: string; message?: string } };
};
const healthz = async () => (await fetch(new URL('/healthz', gateway.url))).status;

it('turns 503 while the database is down and 200 again once it is back, with no restart', async () => {
  expect(await readyz()).toMatchObject({ status: 200, body: { status: 'ready' } });

  await pg?.stop();
  pg = undefined;
  const down = await readyz();
  expect(down.status).toBe(503);
  expect(down.body).toMatchObject({
    status: 'unavailable',
    message: 'Không kết nối được cơ sở dữ liệu. / The database cannot be reached.',
  });
  expect(await healthz()).toBe(200); // alive all the same: no reason to restart the process

  pg = await startEmbeddedPostgres({ dataDir, port });
  expect(await readyz()).toMatchObject({ status: 200, body: { status: 'ready' } });
  const res = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth },
    body: JSON.stringify({ query: '{ units { totalCount } }' }),
  });
  expect(await res.json()).toEqual({ data: { units: { totalCount: 0 } } });
});

it('on close, finishes the request in flight, refuses new connections, then stops', async () => {
  // Make a GraphQL request wait: another connection holds a lock on the table it reads.
  const locker = createPrismaClient((pg as EmbeddedDatabase).connectionString);
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
      await tx.$executeRaw`LOCK TABLE administrative_units IN ACCESS EXCLUSIVE MODE`;
      locked();
      await released;
    },
    { timeout: 30_000 },
  );
  await lockTaken;
  const inFlight = fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth },
    body: JSON.stringify({ query: '{ units { totalCount } }' }),
  });
  await new Promise((r) => setTimeout(r, 200)); // the request is now waiting on the lock
  const closing = gateway.close();
  await new Promise((r) => setTimeout(r, 100));
  await expect(fetch(new URL('/readyz', gateway.url))).rejects.toThrow(); // no new connections
  release();
  await holding;
  const res = await inFlight;
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ data: { units: { totalCount: 0 } } });
  await closing;
  await locker.$disconnect();
});
