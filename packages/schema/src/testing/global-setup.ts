import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startTestServer } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    databaseKind: 'embedded' | 'server';
  }
}

/** vitest globalSetup: one PostgreSQL (embedded or TEST_DATABASE_URL) for the whole run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestServer();
  project.provide('databaseAdminUrl', server.adminUrl);
  project.provide('databaseKind', server.kind);
  return () => server.stop();
}
