#!/usr/bin/env node
// The coso gateway process: configuration → database (embedded or DATABASE_URL, migrated, sample
// data on first start) → HTTP server; Ctrl-C / SIGTERM shut it down in order.
import { readConfig } from './config.js';
import { type Database, embeddedDataDir, startDatabase } from './database.js';
import { createLogger } from './logger.js';
import { createGateway, type Gateway } from './server.js';
import { onTermination, takeOverTerminationSignals } from './shutdown.js';
import { describeStartupError } from './startup-errors.js';

const SHUTDOWN_GRACE_MS = 10_000;

const started = Date.now();
const config = readConfig();
const log = createLogger(config);
takeOverTerminationSignals();

let database: Database | undefined;
let gateway: Gateway | undefined;

const startup = (async () => {
  database = await startDatabase(config, log);
  gateway = await createGateway(config, { prisma: database.prisma, log, shutdownGraceMs: SHUTDOWN_GRACE_MS });
})();

onTermination(
  async (signal) => {
    process.stdout.write(`\nĐang dừng coso (${signal})… / Stopping coso (${signal})…\n`);
    log.info({ signal }, 'shutting down');
    await startup.catch(() => {});
    let code = 0;
    try {
      await gateway?.close();
    } catch (error) {
      code = 1;
      log.error({ err: error }, 'HTTP server did not close cleanly');
    }
    try {
      await database?.stop();
    } catch (error) {
      code = 1;
      log.error({ err: error }, 'database did not stop cleanly');
    }
    log.info('stopped');
    process.stdout.write('Đã dừng. / Stopped.\n');
    return code;
  },
  {
    deadlineMs: SHUTDOWN_GRACE_MS + 15_000,
    onForced: (reason) => log.warn({ reason }, 'forced exit'),
  },
);

try {
  await startup;
} catch (error) {
  process.stderr.write(`${describeStartupError(error, config)}\n`);
  log.debug({ err: error }, 'start-up failed');
  await database?.stop().catch(() => {});
  process.exit(1);
}

if (gateway && database) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const db =
    database.kind === 'embedded' ? `PostgreSQL nhúng / embedded PostgreSQL (${embeddedDataDir(config)})` : 'PostgreSQL (DATABASE_URL)';
  process.stdout.write(
    [
      '',
      `coso đã sẵn sàng sau ${seconds} giây / coso is ready (${seconds} s)`,
      `  GraphQL:                        ${gateway.graphqlUrl}`,
      `  GraphiQL:                       ${gateway.graphiqlUrl}`,
      `  Giao diện quản trị / Admin web: ${gateway.url}${config.adminWebDist ? '' : '  (chưa cài / not installed)'}`,
      `  Cơ sở dữ liệu / Database:       ${db}`,
      'Nhấn Ctrl-C để dừng. / Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}
