import { randomBytes } from 'node:crypto';
import { dropFixtureTemplates, startTestServer } from '@coso/schema/testing';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    databaseRunId: string;
  }
}

/**
 * vitest globalSetup of the tests project: one PostgreSQL for the run (embedded, or
 * TEST_DATABASE_URL's server). Each browser file's gateway takes a fresh database from it, cloned
 * from the sample data a gateway loaded once in the run (support/gateway-process.ts), instead of
 * a server and a sample load per file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestServer();
  const runId = randomBytes(5).toString('hex');
  project.provide('databaseAdminUrl', server.adminUrl);
  project.provide('databaseRunId', runId);
  return async () => {
    await dropFixtureTemplates(server.adminUrl, runId);
    await server.stop();
  };
}
