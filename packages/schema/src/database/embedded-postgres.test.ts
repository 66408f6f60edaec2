import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type EmbeddedDatabase, freePort, loadEmbeddedPostgres, PASSWORD_FILE, startEmbeddedPostgres } from './embedded-postgres.js';

const BUILT = fileURLToPath(new URL('../../dist/database/embedded-postgres.js', import.meta.url));

describe('loading embedded-postgres', () => {
  // embedded-postgres' exit hook used to call process.exit(0) on 'beforeExit': a test run with
  // failures (exit code 1) then ended with 0, and CI passed. A process must keep its exit code.
  it('keeps the exit code the process ends with', () => {
    expect(existsSync(BUILT), `build @coso/schema first (${BUILT})`).toBe(true);
    const script = `const m = await import(${JSON.stringify(BUILT)}); await m.loadEmbeddedPostgres(); process.exitCode = 3;`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
  });
});

// Each data directory gets its own superuser password (the embedded server listens on 127.0.0.1,
// where any local user could otherwise sign in with a password published in the source).
describe('the embedded server’s password and durability', () => {
  const dirs: string[] = [];
  const servers: EmbeddedDatabase[] = [];
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'coso-embedded-test-'));
    chmodSync(dir, 0o755); // the postgres user (when run as root) must reach it
    dirs.push(dir);
    return join(dir, 'pg');
  };
  const start = async (options: Parameters<typeof startEmbeddedPostgres>[0]) => {
    const db = await startEmbeddedPostgres(options);
    servers.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of servers) await db.stop().catch(() => {});
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const OLD_FIXED_PASSWORD = 'coso-embedded';
  const urlWith = (db: EmbeddedDatabase, password: string) => `postgres://postgres:${password}@127.0.0.1:${db.port}/postgres`;
  async function query(url: string, sql: string): Promise<string> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<Record<string, string>>(sql);
      return String(Object.values(rows[0] ?? {})[0]);
    } finally {
      await client.end();
    }
  }
  const refusal = (url: string) =>
    query(url, 'SELECT 1').then(
      () => 'accepted',
      (e: { code?: string }) => e.code,
    );

  it('gives a new data directory a random password of its own, in a file only the owner can read; the old fixed one is refused', async () => {
    const [a, b] = [newDir(), newDir()];
    const first = await start({ dataDir: a });
    const second = await start({ dataDir: b });
    const files = [join(a, PASSWORD_FILE), join(b, PASSWORD_FILE)];
    for (const file of files) expect(statSync(file).mode & 0o777).toBe(0o600);
    const [pa, pb] = files.map((f) => readFileSync(f, 'utf8').trim());
    expect(pa).toMatch(/^[0-9a-f]{64}$/); // 32 random bytes
    expect(pa).not.toBe(pb);
    expect(await query(urlWith(first, pa ?? ''), 'SELECT current_user')).toBe('postgres');
    expect(await query(first.connectionString, 'SELECT 1')).toBe('1');
    expect(await refusal(urlWith(first, OLD_FIXED_PASSWORD))).toBe('28P01'); // invalid_password
    expect(await refusal(urlWith(second, pa ?? ''))).toBe('28P01');
  });

  it('replaces the old fixed password of a data directory made before, keeping its data', async () => {
    const dataDir = newDir();
    // A data directory as earlier versions made it: initialised with the fixed password.
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const old = new EmbeddedPostgres({
      databaseDir: dataDir,
      user: 'postgres',
      password: OLD_FIXED_PASSWORD,
      port: await freePort(),
      persistent: true,
      createPostgresUser: true,
      onLog: () => {},
    });
    await old.initialise();
    await old.start();
    const oldUrl = `postgres://postgres:${OLD_FIXED_PASSWORD}@127.0.0.1:${(old as unknown as { options: { port: number } }).options.port}/postgres`;
    await query(oldUrl, 'CREATE TABLE kept AS SELECT 42 AS answer');
    await old.stop();
    expect(existsSync(join(dataDir, PASSWORD_FILE))).toBe(false);

    const db = await start({ dataDir });
    const password = readFileSync(join(dataDir, PASSWORD_FILE), 'utf8').trim();
    expect(password).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dataDir, PASSWORD_FILE)).mode & 0o777).toBe(0o600);
    expect(await refusal(urlWith(db, OLD_FIXED_PASSWORD))).toBe('28P01');
    expect(await query(urlWith(db, password), 'SELECT answer FROM kept')).toBe('42');
  });

  it('keeps the data of a persistent server durable (fsync, full-page writes) and skips that for an ephemeral test server', async () => {
    const durable = await start({ dataDir: newDir() });
    expect(await query(durable.connectionString, 'SHOW fsync')).toBe('on');
    expect(await query(durable.connectionString, 'SHOW full_page_writes')).toBe('on');
    expect(await query(durable.connectionString, 'SHOW synchronous_commit')).toBe('on');
    const ephemeral = await start({ dataDir: newDir(), ephemeral: true });
    expect(await query(ephemeral.connectionString, 'SHOW fsync')).toBe('off');
    expect(await query(ephemeral.connectionString, 'SHOW full_page_writes')).toBe('off');
  });
});
