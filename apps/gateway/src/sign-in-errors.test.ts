import { CREDENTIAL_PROBLEMS, type CredentialProblem } from '@coso/schema';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from './test-support/sign-in.js';
import { startTestGateway, type TestGateway } from './test-support/test-gateway.js';

/**
 * A request with no or a bad credential is told why and how to sign in — the same on GraphQL and
 * on the HTTP endpoints (exports, import templates, uploads): UNAUTHENTICATED with
 * `extensions.credential` (the kind of problem), `extensions.signIn` (the mutation, the endpoint,
 * the header) and a vi / en message naming them. Generated over every kind of bad credential
 * (CREDENTIAL_PROBLEMS), each in several forms, against every endpoint.
 */
let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway(inject('databaseAdminUrl'));
});
afterAll(() => t?.close());

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** A token of the issued form (43 base64url characters) that no session has: fresh per call. */
function unknownToken(): string {
  return Array.from({ length: 43 }, () => BASE64URL[Math.floor(Math.random() * BASE64URL.length)]).join('');
}

/** `Authorization` headers of each kind (undefined: no header at all). Sessions are opened here, then expired or ended. */
async function headersOf(kind: CredentialProblem): Promise<Array<string | undefined>> {
  switch (kind) {
    case 'MISSING':
      return [undefined, '', '   '];
    case 'WRONG_SCHEME':
      return ['Basic YWRtaW46Y29zby1hZG1pbi1kZW1v', `Token ${unknownToken()}`, unknownToken(), `Bearer: ${unknownToken()}`];
    case 'MALFORMED':
      return [
        'Bearer',
        'Bearer abc',
        `Bearer ${unknownToken()}x`,
        `Bearer ${unknownToken().slice(0, 20)} ${unknownToken().slice(0, 22)}`,
        `Bearer ${'é'.repeat(43)}`,
      ];
    case 'UNKNOWN':
      return [`Bearer ${unknownToken()}`, `bearer ${unknownToken()}`];
    case 'EXPIRED': {
      const token = await signIn(t.gateway.graphqlUrl, 'xem');
      await t.prisma.session.updateMany({
        where: { revokedAt: null, account: { username: 'xem' } },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      return [`Bearer ${token}`];
    }
    case 'REVOKED': {
      const token = await signIn(t.gateway.graphqlUrl, 'phantich');
      const res = await post('/graphql', `Bearer ${token}`, { query: 'mutation SignOut { logout }' });
      expect(res.status).toBe(200);
      return [`Bearer ${token}`];
    }
  }
}

async function post(path: string, authorization: string | undefined, body: unknown, contentType = 'application/json') {
  return fetch(new URL(path, t.gateway.url), {
    method: 'POST',
    headers: { 'content-type': contentType, ...(authorization === undefined ? {} : { authorization }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function get(path: string, authorization: string | undefined) {
  return fetch(new URL(path, t.gateway.url), { headers: authorization === undefined ? {} : { authorization } });
}

interface ErrorBody {
  errors?: Array<{
    message: string;
    extensions?: { code?: string; credential?: string; signIn?: Record<string, string>; localizedMessage?: { vi: string; en: string } };
  }>;
}

/** Every endpoint that needs a session, asked with one `Authorization` header: the first error it answers, and the HTTP status. */
const ENDPOINTS: Array<[string, (authorization: string | undefined) => Promise<Response>]> = [
  ['POST /graphql (a read)', (a) => post('/graphql', a, { query: 'query Units { units(first: 1) { totalCount } }' })],
  [
    'POST /graphql (a write)',
    (a) =>
      post('/graphql', a, {
        query: 'mutation Lock { lockAccount(input: { id: "00000000-0000-4000-8000-000000000000", version: 1 }) { __typename } }',
      }),
  ],
  ['GET /exports/directive-report.xlsx', (a) => get('/exports/directive-report.xlsx?directiveId=x&scopeId=y&to=2022-12-01', a)],
  ['GET /imports/templates/people.xlsx', (a) => get('/imports/templates/people.xlsx', a)],
  ['POST /imports', (a) => post('/imports?kind=people&fileName=a.csv', a, 'a;b\n1;2\n', 'text/csv')],
];

describe('a request with no or a bad credential is told how to sign in', () => {
  const messages = new Map<CredentialProblem, string>();

  for (const kind of CREDENTIAL_PROBLEMS) {
    it(`${kind}: every endpoint answers UNAUTHENTICATED with the reason, the sign-in mutation, the endpoint and the header`, async () => {
      for (const header of await headersOf(kind)) {
        for (const [name, ask] of ENDPOINTS) {
          const res = await ask(header);
          const body = (await res.json()) as ErrorBody;
          const error = body.errors?.[0];
          const what = `${name} with ${JSON.stringify(header)}`;
          expect(error?.extensions?.code, what).toBe('UNAUTHENTICATED');
          expect(error?.extensions?.credential, what).toBe(kind);
          expect(error?.extensions?.signIn, what).toEqual({
            mutation: 'login(username: String!, password: String!)',
            endpoint: 'POST /graphql',
            header: 'Authorization: Bearer <token>',
          });
          const { vi = '', en = '' } = error?.extensions?.localizedMessage ?? {};
          for (const text of [vi, en]) {
            expect(text, what).toContain('login(username, password)');
            expect(text, what).toContain('POST /graphql');
            expect(text, what).toContain('Authorization: Bearer <token>');
          }
          expect(error?.message, what).toBe(`${vi} / ${en}`);
          if (name.startsWith('GET') || name === 'POST /imports') {
            expect(res.status, what).toBe(401);
            expect(res.headers.get('www-authenticate'), what).toBe('Bearer');
          }
          messages.set(kind, en);
        }
      }
    });
  }

  it('each kind says its own reason', () => {
    expect(new Set(messages.values()).size).toBe(CREDENTIAL_PROBLEMS.length);
  });

  it('a valid session passes the same endpoints (the refusals above are for the credential)', async () => {
    const authorization = `Bearer ${await signIn(t.gateway.graphqlUrl, 'admin')}`;
    for (const [name, ask] of ENDPOINTS) {
      const body = (await (await ask(authorization)).json().catch(() => ({}))) as ErrorBody;
      expect(body.errors?.map((e) => e.extensions?.code) ?? [], name).not.toContain('UNAUTHENTICATED');
    }
  });
});
