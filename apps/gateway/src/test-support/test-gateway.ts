import { createPrismaClient, type PrismaClient } from '@coso/schema';
import { createTestDatabase, type DatabaseFixture } from '@coso/schema/testing';
import { inject } from 'vitest';
import { type Config, loadConfig } from '../config.js';
import type { ExpensiveWork } from '../expensive-work.js';
import { createLogger } from '../logger.js';
import { loadSampleData } from '../sample-data.js';
import { createGateway, type Gateway } from '../server.js';

export type LogLine = Record<string, unknown>;

export interface TestGateway {
  gateway: Gateway;
  prisma: PrismaClient;
  /** The test database's URL (for a CLI run on the same data). */
  url: string;
  /** Every JSON log line the gateway wrote, parsed. */
  logs: LogLine[];
  close(): Promise<void>;
}

/** The sample data as a fresh installation loads it, once per test run into a template each test's database clones. */
const SAMPLE_DATA: DatabaseFixture = {
  name: 'gateway_sample',
  async load(url) {
    const prisma = createPrismaClient(url);
    try {
      await loadSampleData(prisma);
    } finally {
      await prisma.$disconnect();
    }
  },
};

/**
 * A gateway in this process on a fresh test database (from the run's PostgreSQL, embedded or
 * TEST_DATABASE_URL), on a free port, logging into `logs`.
 */
export async function startTestGateway(
  adminUrl: string,
  options: { sampleData?: boolean; config?: Partial<Config>; expensiveWork?: ExpensiveWork } = {},
): Promise<TestGateway> {
  const db = await createTestDatabase(
    adminUrl,
    (options.sampleData ?? true) ? { fixture: { fixture: SAMPLE_DATA, runId: inject('databaseRunId') } } : {},
  );
  const prisma = createPrismaClient(db.url);
  const logs: LogLine[] = [];
  const log = createLogger({ logLevel: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const config: Config = { ...loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: db.url }), ...options.config };
  const gateway = await createGateway(config, {
    prisma,
    log,
    shutdownGraceMs: 2_000,
    ...(options.expensiveWork ? { expensiveWork: options.expensiveWork } : {}),
  });
  return {
    gateway,
    prisma,
    url: db.url,
    logs,
    async close() {
      await gateway.close();
      await prisma.$disconnect();
      await db.drop();
    },
  };
}
