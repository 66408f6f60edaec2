import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dropFixtureTemplates, startTestServer } from '@coso/schema/testing';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { BUILT_CLI, BUILT_GRAPHIQL, BUILT_MAIN } from './paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    databaseKind: 'embedded' | 'server';
    /** Names this run's fixture templates (test-database.ts `DatabaseFixture`). */
    databaseRunId: string;
  }
}

/**
 * vitest globalSetup: one PostgreSQL for the run (embedded, or TEST_DATABASE_URL's server), as in
 * @coso/schema; each test file takes a fresh database from it. The process tests run the built
 * gateway (`node dist/main.js`), so the build must exist.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = [BUILT_MAIN, BUILT_CLI, BUILT_GRAPHIQL].filter((p) => !existsSync(p));
  if (missing.length) {
    throw new Error(
      `The gateway is not built (${missing.join(', ')} missing): run \`npx turbo run build --filter=@coso/gateway...\` first.`,
    );
  }
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
