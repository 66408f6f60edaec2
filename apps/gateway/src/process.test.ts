import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createPrismaClient } from '@coso/schema';
import { createTestDatabase } from '@coso/schema/testing';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type GatewayProcess, postgresPids, spawnGateway, tempDataDir, waitFor } from './test-support/gateway-process.js';
import { signIn } from './test-support/sign-in.js';

// The real process, `node dist/main.js`, as `npm start` runs it: embedded PostgreSQL in a data
// directory of the test's own; signals as a terminal or a process manager sends them.

const dirs: string[] = [];
const spawned: GatewayProcess[] = [];

function start(dataDir: string, options: { detached?: boolean; env?: Record<string, string> } = {}): GatewayProcess {
  const p = spawnGateway(dataDir, options);
  spawned.push(p);
  return p;
}

async function wardCount(graphqlUrl: string): Promise<number> {
  const token = await signIn(graphqlUrl, 'phantich');
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ units(asOf: "2022-12-01", filter: { kind: WARD }) { totalCount } }' }),
  });
  const body = (await res.json()) as { data: { units: { totalCount: number } } };
  return body.data.units.totalCount;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The data directory of the first test's gateway once it has stopped cleanly: initialised, migrated
 * and holding the sample data. The tests of later starts (after a crash, a dead postgres, a second
 * gateway) begin from a copy of it instead of a cold start each (initdb, the migrations and the
 * sample load were most of this file's time); run alone, such a test makes one itself.
 */
let startedOnce: string | undefined;

/** A new data directory holding what a first start on an empty one leaves (a copy of `startedOnce`). */
async function dataDirStartedOnce(): Promise<string> {
  if (!startedOnce) {
    const dir = tempDataDir();
    dirs.push(dir);
    const gw = start(dir);
    await gw.ready;
    gw.child.kill('SIGTERM');
    expect(await gw.exited).toEqual({ code: 0, signal: null });
    startedOnce = dir;
  }
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  // cp -a: ownership too (as root, the embedded postgres runs as the `postgres` user and owns pg/).
  execFileSync('cp', ['-a', `${startedOnce}/.`, dataDir]);
  return dataDir;
}

afterAll(() => {
  // Whatever a failed test left behind: the gateways, then their postgres.
  for (const p of spawned) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  for (const dir of dirs) {
    for (const pid of postgresPids(dir)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('the gateway process', () => {
  it('starts on an empty data directory, loads the sample data, and stops on SIGINT leaving no postgres', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const gw = start(dataDir);
    const url = await gw.ready;
    expect(gw.output()).toContain('coso đã sẵn sàng');
    expect(gw.output()).toContain('GraphiQL:');
    expect(await wardCount(url)).toBe(14);
    expect(postgresPids(dataDir)).toHaveLength(1);
    // The embedded default holds the demo accounts: the admin web is told, to warn.
    const installation = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ installation { openDemoAccounts } }' }),
    });
    expect(await installation.json()).toEqual({
      data: { installation: { openDemoAccounts: ['admin', 'phantich', 'phuong.giangbien', 'quan.longbien', 'xem'] } },
    });
    // Its own superuser password, owner-only; its data durable (the tests' servers skip fsync).
    const passwordFile = join(dataDir, 'pg', 'coso-password');
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    const password = readFileSync(passwordFile, 'utf8').trim();
    const port = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
    const client = new pg.Client({ connectionString: `postgres://postgres:${password}@127.0.0.1:${port}/postgres` });
    await client.connect();
    const settings = await client.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'full_page_writes') ORDER BY name",
    );
    await client.end();
    expect(settings.rows).toEqual([
      { name: 'fsync', setting: 'on' },
      { name: 'full_page_writes', setting: 'on' },
    ]);

    gw.child.kill('SIGINT'); // to node alone: the gateway must stop postgres itself
    expect(await gw.exited).toEqual({ code: 0, signal: null });
    expect(gw.output()).toContain('Đã dừng. / Stopped.');
    expect(postgresPids(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(existsSync(join(dataDir, 'owner.pid'))).toBe(false);
    startedOnce = dataDir;
  });

  it('starts again after a crash (SIGKILL left postgres running; then a stale postmaster.pid), and Ctrl-C stops it all', async () => {
    const dataDir = await dataDirStartedOnce();

    // 1. A run killed outright: node dies, its postgres lives on as an orphan holding the directory.
    const first = start(dataDir);
    await first.ready;
    const [orphan] = postgresPids(dataDir);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(postgresPids(dataDir)).toEqual([orphan]);

    // 2. The next start stops the verified orphan and comes up on the same data (not seeded twice).
    const second = start(dataDir, { detached: true });
    const url = await second.ready;
    expect(await wardCount(url)).toBe(14);
    expect(postgresPids(dataDir)).not.toContain(orphan);

    // 3. Everything killed at once (the machine's OOM killer, a power cut): a stale postmaster.pid remains.
    const postmaster = postgresPids(dataDir)[0];
    process.kill(-second.pid, 'SIGKILL');
    await second.exited;
    // Until its new parent (init) reaps it, a killed postgres is a zombie that still "exists" to
    // postgres' own stale-lock check; a crashed machine has no such thing, so wait for the reaping.
    await waitFor(() => postmaster === undefined || !processExists(postmaster));
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);

    // 4. Starts anyway; then Ctrl-C as a terminal sends it: SIGINT to the whole process group,
    //    postgres included, which may well stop before the gateway asks it to.
    const third = start(dataDir, { detached: true });
    expect(await wardCount(await third.ready)).toBe(14);
    process.kill(-third.pid, 'SIGINT');
    expect(await third.exited).toEqual({ code: 0, signal: null });
    expect(postgresPids(dataDir)).toEqual([]);
  });

  it('restarts its embedded PostgreSQL when it dies (kill -9), logs it, and serves again', async () => {
    const dataDir = await dataDirStartedOnce();
    const gw = start(dataDir);
    const url = await gw.ready;
    const [first] = postgresPids(dataDir);
    expect(first).toBeDefined();
    process.kill(first as number, 'SIGKILL');
    // Back within the restart back-off: a new postmaster, ready, the same data.
    await waitFor(() => {
      const now = postgresPids(dataDir);
      return now.length === 1 && now[0] !== first;
    }, 120_000);
    const readyz = new URL('/readyz', url);
    let ready = await fetch(readyz);
    for (let i = 0; i < 100 && ready.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 200));
      ready = await fetch(readyz);
    }
    expect(ready.status).toBe(200);
    expect(await wardCount(url)).toBe(14);
    expect(gw.output()).toContain('embedded PostgreSQL exited; restarting');
    expect(gw.output()).toContain('embedded PostgreSQL restarted');
    gw.child.kill('SIGTERM');
    expect(await gw.exited).toEqual({ code: 0, signal: null });
    expect(postgresPids(dataDir)).toEqual([]);
  });

  it('refuses to share its data directory with a running gateway', async () => {
    const dataDir = await dataDirStartedOnce();
    const running = start(dataDir);
    const url = await running.ready;
    const intruder = start(dataDir);
    expect(await intruder.exited).toEqual({ code: 1, signal: null });
    expect(intruder.output()).toContain(`đang được tiến trình ${running.pid} dùng`);
    expect(await wardCount(url)).toBe(14); // the first one's database was left alone
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(postgresPids(dataDir)).toEqual([]);
  });

  it('on a PostgreSQL server (DATABASE_URL), loads no sample data and no demo accounts into an empty database', async () => {
    const db = await createTestDatabase(inject('databaseAdminUrl'), { template: null });
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    try {
      const gw = start(dataDir, { env: { DATABASE_URL: db.url } });
      const url = await gw.ready;
      const prisma = createPrismaClient(db.url);
      expect(await prisma.administrativeUnit.count()).toBe(0);
      expect(await prisma.account.count()).toBe(0);
      await prisma.$disconnect();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ installation { openDemoAccounts } }' }),
      });
      expect(await res.json()).toEqual({ data: { installation: { openDemoAccounts: [] } } });
      gw.child.kill('SIGTERM');
      expect(await gw.exited).toEqual({ code: 0, signal: null });
    } finally {
      await db.drop();
    }
  });

  it('exits with a clear message on a bad configuration', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const gw = spawnGateway(dataDir, { env: { PORT: 'eighty' } });
    spawned.push(gw);
    expect(await gw.exited).toEqual({ code: 2, signal: null });
    expect(gw.output()).toContain(
      'PORT: phải là số nguyên từ 0 đến 65535 / must be an integer from 0 to 65535 (giá trị / value: "eighty")',
    );
  });
});
