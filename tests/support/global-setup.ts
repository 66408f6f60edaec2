import { randomBytes } from 'node:crypto';
import { dropFixtureTemplates, startTestServer, type TestServer } from '@coso/schema/testing';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    databaseRunId: string;
  }
}

/** The run's server, shared by the projects that start it (`tests` and `e2e` in one run), stopped by the last. */
interface SharedServer {
  started: Promise<{ server: TestServer; runId: string }>;
  users: number;
}
const shared = globalThis as { cosoTestServer?: SharedServer };

/**
 * vitest globalSetup of the tests and e2e projects: one PostgreSQL for the run (embedded, or
 * TEST_DATABASE_URL's server). Each browser file's gateway takes a fresh database from it, cloned
 * from the sample data a gateway loaded once in the run (support/gateway-process.ts), instead of
 * a server and a sample load per file. vitest sets up each project on its own (its own module
 * instance): the server is kept on `globalThis`, so both projects of a run use one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.cosoTestServer ??= {
    started: startTestServer().then((server) => ({ server, runId: randomBytes(5).toString('hex') })),
    users: 0,
  };
  const entry = shared.cosoTestServer;
  entry.users += 1;
  const { server, runId } = await entry.started;
  project.provide('databaseAdminUrl', server.adminUrl);
  project.provide('databaseRunId', runId);
  return async () => {
    entry.users -= 1;
    if (entry.users > 0) return;
    delete shared.cosoTestServer;
    await dropFixtureTemplates(server.adminUrl, runId);
    await server.stop();
  };
}
