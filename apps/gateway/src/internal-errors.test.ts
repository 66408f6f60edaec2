import { createServer } from 'node:net';
import { createPrismaClient } from '@coso/schema';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { createGateway, type Gateway } from './server.js';
import { type LogLine, startTestGateway, type TestGateway } from './test-support/test-gateway.js';

/**
 * What the gateway says when something breaks that is not the caller's doing (issue #12): the
 * database down, a resolver's unexpected error. The client gets INTERNAL_SERVER_ERROR with an
 * opaque `{ vi, en }` message naming only the request id (the `x-request-id` header); the detail
 * goes to the log under that id. Errors that are the caller's (validation, bad input) keep their
 * own message.
 */

const LEAK = /prisma|postgres|invalid byte sequence|can't reach|node_modules|\/work\/|\.[cm]?[jt]s:\d+|ECONN|127\.0\.0\.1/i;

interface Answer {
  status: number;
  requestId: string | null;
  errors: Array<{ message: string; extensions?: { code?: string; requestId?: string; localizedMessage?: { vi: string; en: string } } }>;
}

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const json = (await res.json()) as { errors?: Answer['errors'] };
  return { status: res.status, requestId: res.headers.get('x-request-id'), errors: json.errors ?? [] };
}

/** A TCP port on which nothing listens (bound, then released). */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function expectOpaque(label: string, answer: Answer, logs: LogLine[]): LogLine[] {
  expect(answer.errors.length, label).toBeGreaterThan(0);
  expect(answer.requestId, label).toMatch(/^[0-9a-f-]{36}$/);
  for (const e of answer.errors) {
    expect(e.extensions?.code, `${label}: ${e.message}`).toBe('INTERNAL_SERVER_ERROR');
    expect(e.extensions?.requestId, label).toBe(answer.requestId);
    expect(e.message, label).toContain(answer.requestId);
    expect(e.extensions?.localizedMessage?.vi, label).toContain(answer.requestId);
    expect(e.extensions?.localizedMessage?.en, label).toContain(answer.requestId);
    expect(`${e.message} ${JSON.stringify(e.extensions)}`, label).not.toMatch(LEAK);
  }
  // The detail is in the log, under the same id.
  const logged = logs.filter((l) => l.reqId === answer.requestId && l.msg === 'internal error');
  expect(logged.length, `${label}: logged`).toBeGreaterThan(0);
  return logged;
}

describe('the database down', () => {
  let gateway: Gateway;
  const logs: LogLine[] = [];
  let disconnect: () => Promise<void>;

  beforeAll(async () => {
    const prisma = createPrismaClient(`postgresql://coso:coso@127.0.0.1:${await deadPort()}/coso`);
    disconnect = () => prisma.$disconnect();
    const log = createLogger({ logLevel: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
    gateway = await createGateway(loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: 'postgresql://unused' }), {
      prisma,
      log,
      shutdownGraceMs: 1_000,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await disconnect?.();
  });

  it('an anonymous login gets an opaque error with the request id', async () => {
    const answer = await post(gateway.graphqlUrl, 'mutation { login(username: "a", password: "b") { __typename } }');
    const logged = expectOpaque('login', answer, logs);
    // What the client was not told is in the log: the database cannot be reached.
    expect(logged.map((l) => `${l.message} ${l.detail ?? ''}`).join(' ')).toMatch(/can't reach database server/i);
  });

  it('a signed-in request (its session is read before anything runs) gets the same', async () => {
    // A well-formed token (43 base64url characters), so the gateway looks its session up.
    const answer = await post(gateway.graphqlUrl, '{ me { username } }', { authorization: `Bearer ${'a'.repeat(43)}` });
    expectOpaque('me with a token', answer, logs);
  });
});

describe('errors that are the caller’s keep their message', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(inject('databaseAdminUrl'), { sampleData: false });
  });
  afterAll(() => t?.close());

  it('a field that does not exist is GRAPHQL_VALIDATION_FAILED, in both languages, naming the field', async () => {
    const answer = await post(t.gateway.graphqlUrl, '{ noSuchField }');
    expect(answer.errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors[0]?.extensions?.localizedMessage?.en).toContain('noSuchField');
  });

  it('a date out of range written in the query is refused with the date rule, not a database error', async () => {
    const answer = await post(t.gateway.graphqlUrl, '{ units(asOf: "0000-01-01") { totalCount } }');
    expect(answer.errors.length).toBeGreaterThan(0);
    for (const e of answer.errors) {
      expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']).toContain(e.extensions?.code);
      expect(e.extensions?.localizedMessage?.en).toContain('1900-01-01');
      expect(e.message).not.toMatch(LEAK);
    }
  });
});
