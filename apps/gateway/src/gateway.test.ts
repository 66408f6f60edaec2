import { GraphQLClient, gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GRAPHQL_LIMITS } from './graphql-limits.js';
import { signIn } from './test-support/sign-in.js';
import { startTestGateway, type TestGateway } from './test-support/test-gateway.js';

let t: TestGateway;
let client: GraphQLClient;
let auth: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestGateway(inject('databaseAdminUrl'));
  auth = { authorization: `Bearer ${await signIn(t.gateway.graphqlUrl)}` };
  client = new GraphQLClient(t.gateway.graphqlUrl, { headers: auth });
});
afterAll(() => t?.close());

/** A raw POST /graphql with JSON, for answers a client library would turn into exceptions. */
async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(t.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...auth, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = (await res.json()) as {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: { code?: string; localizedMessage?: { vi: string; en: string } } }>;
  };
  return { status: res.status, headers: res.headers, json };
}

describe('health', () => {
  it('/healthz says the process is alive', async () => {
    const res = await fetch(new URL('/healthz', t.gateway.url));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz checks the database', async () => {
    const res = await fetch(new URL('/readyz', t.gateway.url));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ready', database: 'ok' });
  });
});

describe('GraphQL over HTTP', () => {
  it('answers the Long Biên sample: 14 wards on 1 December 2022', async () => {
    const data = await client.request<{ units: { totalCount: number } }>(
      gql`{ units(asOf: "2022-12-01", filter: { kind: WARD }) { totalCount } }`,
    );
    expect(data.units.totalCount).toBe(14);
  });

  it("takes the operation's as-of date for nested fields (defaultAsOf)", async () => {
    const query = gql`
      query Districts($asOf: Date!) {
        units(asOf: $asOf, filter: { kind: DISTRICT }) {
          nodes { name children(kind: WARD) { totalCount } }
        }
      }
    `;
    const in2022 = await client.request<{ units: { nodes: Array<{ name: string; children: { totalCount: number } }> } }>(query, {
      asOf: '2022-12-01',
    });
    const longBien = in2022.units.nodes.find((n) => n.name === 'Long Biên');
    expect(longBien?.children.totalCount).toBe(14);
  });

  it('refuses a text/plain POST (CSRF prevention), in Vietnamese then English', async () => {
    const res = await fetch(t.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toMatch(
      /^Yêu cầu bị chặn để phòng giả mạo yêu cầu liên trang \(CSRF\).* \/ This operation has been blocked/,
    );
  });

  it('makes its own request id, and logs a caller’s beside it (never as its own)', async () => {
    const given = await post({ query: '{ __typename }' }, { 'x-request-id': 'trace-42.a' });
    const ours = given.headers.get('x-request-id');
    expect(ours).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.logs.find((l) => l.reqId === ours)).toMatchObject({ clientRequestId: 'trace-42.a' });
    const made = await post({ query: '{ __typename }' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await post({ query: '{ __typename }' }, { 'x-request-id': 'x'.repeat(200) });
    const unsafeId = unsafe.headers.get('x-request-id');
    expect(unsafeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.logs.find((l) => l.reqId === unsafeId)?.clientRequestId).toBeUndefined();
  });

  it('logs one line per request with id, operation, status, duration and error codes, never the variables', async () => {
    const secret = 'Nguyễn Văn Bí Mật';
    await post(
      {
        query: 'query FindUnit($name: String!) { units(filter: { name: { equals: $name } }) { totalCount } }',
        variables: { name: secret },
      },
      { 'x-request-id': 'log-test-1' },
    );
    await post({ query: '{ nope }', operationName: null }, { 'x-request-id': 'log-test-2' });
    const line = t.logs.find((l) => l.clientRequestId === 'log-test-1');
    expect(line).toMatchObject({ msg: 'request', method: 'POST', path: '/graphql', status: 200, operationName: 'FindUnit' });
    expect(typeof line?.durationMs).toBe('number');
    const failed = t.logs.find((l) => l.clientRequestId === 'log-test-2');
    expect(failed).toMatchObject({ status: 400, errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(JSON.stringify(t.logs)).not.toContain(secret);
  });

  it('answers unknown paths with 404', async () => {
    const res = await fetch(new URL('/nowhere', t.gateway.url));
    expect(res.status).toBe(404);
  });

  it('says where things are at / when no admin web is installed', async () => {
    const res = await fetch(t.gateway.url);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="/graphiql/"');
    expect(html).toContain('Giao diện quản trị chưa được cài');
  });
});

describe('limits', () => {
  const nestedChildren = (levels: number) =>
    `{ units(first: 1) { nodes { ${'children(first: 1) { nodes { '.repeat(levels)}name${' } }'.repeat(levels)} } } }`;

  it('refuses a query nested too deeply, with a clear message', async () => {
    // units → nodes → (children → nodes) × 6 → name: 15 levels.
    const { status, json } = await post({ query: nestedChildren(6) });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(json.errors?.[0]?.message).toBe(
      `Truy vấn lồng quá sâu: 15 cấp, tối đa ${GRAPHQL_LIMITS.maxDepth} cấp. / Query is nested too deeply: 15 levels, at most ${GRAPHQL_LIMITS.maxDepth}.`,
    );
  });

  it('lets a deep but reasonable query through', async () => {
    // units → nodes → (children → nodes) × 4 → name: 11 levels.
    const { status, json } = await post({ query: nestedChildren(4) });
    expect(json.errors).toBeUndefined();
    expect(status).toBe(200);
  });

  it('refuses too many aliases', async () => {
    const fields = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `w${i}: units(first: 1) { totalCount }`).join(' ');
    const { status, json } = await post({ query: `{ ${fields} }` });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.message).toBe(
      `Truy vấn dùng quá nhiều bí danh (alias): ${GRAPHQL_LIMITS.maxAliases + 1}, tối đa ${GRAPHQL_LIMITS.maxAliases}. / Too many aliases: ${GRAPHQL_LIMITS.maxAliases + 1}, at most ${GRAPHQL_LIMITS.maxAliases}.`,
    );
  });

  it('refuses too many tokens as a parse error (400), not a server error', async () => {
    const { status, json } = await post({ query: `{ ${'__typename '.repeat(GRAPHQL_LIMITS.maxTokens)} }` });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(json.errors?.[0]?.message).toBe(
      `Truy vấn quá dài: hơn ${GRAPHQL_LIMITS.maxTokens} token. / Query is too long: more than ${GRAPHQL_LIMITS.maxTokens} tokens.`,
    );
  });

  it('refuses too many directives', async () => {
    const directives = '@include(if: true) '.repeat(GRAPHQL_LIMITS.maxDirectives + 1);
    const { status, json } = await post({ query: `{ __typename ${directives} }` });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.message).toMatch(/^Truy vấn dùng quá nhiều directive GraphQL: 51, tối đa 50\. \/ Too many GraphQL directives/);
  });

  it('refuses a query whose estimated cost is too high', async () => {
    const query = '{ units(first: 100) { nodes { children(first: 100) { nodes { children(first: 100) { nodes { name } } } } } } }';
    const { status, json } = await post({ query });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.message).toMatch(/^Truy vấn quá tốn kém: chi phí ước tính \d+, tối đa 50000\./);
  });

  it('refuses page sizes given as variables as it refuses the same literals, and runs them when small', async () => {
    const query =
      'query ($a: Int, $b: Int, $c: Int) { units(first: $a) { nodes { children(first: $b) { nodes { children(first: $c) { nodes { name } } } } } } }';
    const literal = await post({
      query: '{ units(first: 100) { nodes { children(first: 100) { nodes { children(first: 100) { nodes { name } } } } } } }',
    });
    const withVariables = await post({ query, variables: { a: 100, b: 100, c: 100 } });
    expect(withVariables.status).toBe(400);
    expect(withVariables.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(withVariables.json.errors?.[0]?.message).toBe(literal.json.errors?.[0]?.message);
    expect(withVariables.json.data).toBeUndefined();
    const small = await post({ query, variables: { a: 2, b: 2, c: 2 } });
    expect(small.status).toBe(200);
    expect(small.json.errors).toBeUndefined();
  });

  it('refuses a body over the size limit with 413 and a JSON error', async () => {
    const { status, json } = await post({ query: '{ __typename }', variables: { filler: 'x'.repeat(1_100_000) } });
    expect(status).toBe(413);
    expect(json.errors?.[0]).toEqual({
      message: 'Yêu cầu quá lớn (tối đa 1mb). / The request body is too large (at most 1mb).',
      extensions: {
        code: 'PAYLOAD_TOO_LARGE',
        localizedMessage: { vi: 'Yêu cầu quá lớn (tối đa 1mb).', en: 'The request body is too large (at most 1mb).' },
      },
    });
  });

  it('answers malformed JSON with 400 and a JSON error', async () => {
    const { status, json } = await post('{"query": ');
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});

describe('every error reaches the client as { vi, en }', () => {
  // One request per kind of author: coso's resolvers and scalars, graphql-js, Apollo, the limits, body parsing.
  const cases: Array<[string, () => ReturnType<typeof post>]> = [
    ['not signed in (UNAUTHENTICATED)', () => post({ query: '{ units { totalCount } }' }, { authorization: '' })],
    ['an id that does not decode', () => post({ query: '{ node(id: "garbage") { id } }' })],
    ['a date that is not one', () => post({ query: 'query($d: Date) { units(asOf: $d) { totalCount } }', variables: { d: '2022-13-45' } })],
    ['a page over the maximum', () => post({ query: '{ units(first: 100000) { totalCount } }' })],
    ['a syntax error', () => post({ query: '{ units { ' })],
    ['a field the schema does not have', () => post({ query: '{ nope }' })],
    [
      'a query nested too deeply',
      () => post({ query: `{ units(first: 1) { nodes { ${'children(first: 1) { nodes { '.repeat(6)}name${' } }'.repeat(6)} } } }` }),
    ],
    ['a text/plain POST (CSRF)', () => post('{"query":"{ __typename }"}', { 'content-type': 'text/plain' })],
    ['malformed JSON', () => post('{"query": ')],
  ];
  it.each(cases)('%s', async (_name, request) => {
    const { json } = await request();
    expect(json.errors?.length).toBeGreaterThan(0);
    for (const error of json.errors ?? []) {
      const localized = error.extensions?.localizedMessage;
      expect(localized?.vi, error.message).toMatch(/\S/);
      expect(localized?.en, error.message).toMatch(/\S/);
      expect(error.message).toContain(`${localized?.vi} / ${localized?.en}`);
    }
  });
});
