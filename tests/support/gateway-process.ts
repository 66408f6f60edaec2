import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type DatabaseFixture, startTestServer } from '@coso/schema/testing';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const GATEWAY_MAIN = join(REPO, 'apps/gateway/dist/main.js');

export interface GatewayProcess {
  /** The gateway's address, ending in '/'. */
  baseUrl: string;
  /** Stops the gateway, drops its database and stops the database server. */
  stop(): Promise<void>;
}

/** Where a gateway process keeps its data: the test run's server (and its fixture templates), when known. */
export interface RunDatabase {
  adminUrl: string;
  runId: string;
}

/**
 * The built gateway (`node apps/gateway/dist/main.js`, as `npm start` runs it) on a free port,
 * over a fresh database of its own holding the sample data. With `run` (the tests project's
 * globalSetup: one PostgreSQL for the run), the database is a clone of a template the gateway
 * itself loaded once in the run (`SAMPLE_DATA_FIXTURE`); without it (the bench), a PostgreSQL is
 * started for this gateway (embedded, or TEST_DATABASE_URL) and the gateway loads the sample data
 * into the empty database before it is ready.
 */
export async function startGatewayProcess(extraEnv: NodeJS.ProcessEnv = {}, run?: RunDatabase): Promise<GatewayProcess> {
  if (!existsSync(GATEWAY_MAIN)) throw new Error(`The gateway is not built (${GATEWAY_MAIN}): run \`npx turbo run build\`.`);
  const server = run ? null : await startTestServer();
  const adminUrl = run?.adminUrl ?? server?.adminUrl ?? '';
  const db = await createTestDatabase(adminUrl, run ? { fixture: { fixture: SAMPLE_DATA_FIXTURE, runId: run.runId } } : {});
  let gateway: SpawnedGateway | undefined;
  const stop = async () => {
    await gateway?.stop();
    await db.drop().catch(() => {});
    await server?.stop();
  };
  try {
    gateway = await spawnGateway({ DATABASE_URL: db.url, ...extraEnv });
    return { baseUrl: gateway.baseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The sample data exactly as a fresh gateway writes it: the built gateway started once on the
 * template database (SAMPLE_DATA=on loads the sample and the demo accounts into an empty database),
 * then stopped. Each later gateway of the run finds it loaded and loads nothing.
 */
export const SAMPLE_DATA_FIXTURE: DatabaseFixture = {
  name: 'gateway_process_sample',
  async load(url) {
    const gateway = await spawnGateway({ DATABASE_URL: url });
    await gateway.stop();
  },
};

interface SpawnedGateway {
  baseUrl: string;
  stop(): Promise<void>;
}

/** The built gateway on a free port of 127.0.0.1 over `DATABASE_URL`, once it says where it serves. */
async function spawnGateway(extraEnv: NodeJS.ProcessEnv): Promise<SpawnedGateway> {
  // SAMPLE_DATA=on: a DATABASE_URL gets the sample data only when asked.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', SAMPLE_DATA: 'on', LOG_LEVEL: 'warn', ...extraEnv };
  delete env.TEST_DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [GATEWAY_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
  try {
    let output = '';
    const baseUrl = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const found = /GraphQL:\s+(http:\/\/\S+)\/graphql/.exec(output)?.[1];
        if (found) resolve(`${found}/`);
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
      });
      child.once('exit', (code) => reject(new Error(`the gateway exited before it was ready (code ${code}):\n${output}`)));
    });
    return { baseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Signs in through the API; the bearer token. */
export async function apiToken(baseUrl: string, username: string, password: string): Promise<string> {
  const result = await graphql<{ login: { token?: string; message?: string } }>(baseUrl, null, {
    query:
      'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { ... on LoginSuccess { token } ... on LoginError { message } } }',
    variables: { u: username, p: password },
  });
  const token = result.data?.login.token;
  if (!token) throw new Error(`cannot sign in as ${username}: ${JSON.stringify(result)}`);
  return token;
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function graphql<T>(
  baseUrl: string,
  token: string | null,
  body: { query: string; variables?: Record<string, unknown> },
): Promise<GraphQLResponse<T>> {
  const response = await fetch(new URL('graphql', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as GraphQLResponse<T>;
}
