import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, startTestServer } from '@coso/schema/testing';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const GATEWAY_MAIN = join(REPO, 'apps/gateway/dist/main.js');

export interface GatewayProcess {
  /** The gateway's address, ending in '/'. */
  baseUrl: string;
  /** Stops the gateway, drops its database and stops the database server. */
  stop(): Promise<void>;
}

/**
 * The built gateway (`node apps/gateway/dist/main.js`, as `npm start` runs it) on a free port,
 * over a fresh database of its own on the test PostgreSQL (embedded, or TEST_DATABASE_URL); it
 * loads the sample data into the empty database before it is ready.
 */
export async function startGatewayProcess(extraEnv: NodeJS.ProcessEnv = {}): Promise<GatewayProcess> {
  if (!existsSync(GATEWAY_MAIN)) throw new Error(`The gateway is not built (${GATEWAY_MAIN}): run \`npx turbo run build\`.`);
  const server = await startTestServer();
  const db = await createTestDatabase(server.adminUrl);
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await db.drop().catch(() => {});
    await server.stop();
  };
  try {
    // SAMPLE_DATA=on: a DATABASE_URL gets the sample data only when asked.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      SAMPLE_DATA: 'on',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    };
    delete env.TEST_DATABASE_URL;
    const started = spawn(process.execPath, [GATEWAY_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    let output = '';
    const baseUrl = await new Promise<string>((resolve, reject) => {
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const found = /GraphQL:\s+(http:\/\/\S+)\/graphql/.exec(output)?.[1];
        if (found) resolve(`${found}/`);
      });
      started.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
      });
      started.once('exit', (code) => reject(new Error(`the gateway exited before it was ready (code ${code}):\n${output}`)));
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
