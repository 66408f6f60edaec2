import { randomBytes } from 'node:crypto';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { dropFixtureTemplates, startTestServer } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    databaseKind: 'embedded' | 'server';
    /** Names this run's fixture templates (test-database.ts `DatabaseFixture`). */
    databaseRunId: string;
  }
}

/** vitest globalSetup: one PostgreSQL (embedded or TEST_DATABASE_URL) for the whole run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestServer();
  project.provide('databaseAdminUrl', server.adminUrl);
  project.provide('databaseKind', server.kind);
  const runId = randomBytes(5).toString('hex');
  project.provide('databaseRunId', runId);
  return async () => {
    await dropFixtureTemplates(server.adminUrl, runId);
    await server.stop();
  };
}
