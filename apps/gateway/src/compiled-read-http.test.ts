import { buildSchema, createRequestContext, hiddenRecords, operationAsOf, viewerFromToken } from '@coso/schema';
import { memberAndGroupOutside } from '@coso/schema/testing';
import fc from 'fast-check';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from './test-support/sign-in.js';
import { startTestGateway, type TestGateway } from './test-support/test-gateway.js';

/**
 * Over HTTP, a compiled read's JSON goes into the body as PostgreSQL wrote it (json-splice.ts,
 * graphql-http.ts), not parsed and serialised again. Differentially, for generated nested reads
 * (aliases, `__typename`, several root fields, page sizes, dates) as the administrator and as the
 * district officer: the body is what graphql-js' execution of the same query by the resolvers
 * answers (`compiledReads: false`, in this process on the same database) — its data, and at least
 * its `extensions.hidden` — with the same headers as any GraphQL answer.
 */

let t: TestGateway;
const tokens = new Map<string, string>();
const schema = buildSchema();
const ACCOUNTS = ['admin', 'quan.longbien'] as const;
/** A ward's officer, who may not read the ward's district: the statement meets it and the resolvers answer. */
const WARD_OFFICER = 'phuong.giangbien';

beforeAll(async () => {
  t = await startTestGateway(inject('databaseAdminUrl'));
  for (const username of [...ACCOUNTS, WARD_OFFICER]) tokens.set(username, await signIn(t.gateway.graphqlUrl, username));
}, 300_000);
afterAll(() => t?.close());

async function overHttp(username: string, query: string) {
  const res = await fetch(t.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(username)}` },
    body: JSON.stringify({ query }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as unknown };
}

/** The oracle: the resolvers' answer (no compiled statement), with what the gateway adds (the hidden notes). */
async function byResolvers(username: string, query: string, options: { errors?: boolean } = {}) {
  const viewer = await viewerFromToken(t.prisma, tokens.get(username));
  const document = parse(query);
  const asOf = operationAsOf(document, undefined);
  const ctx = await createRequestContext({ prisma: t.prisma, viewer, compiledReads: false, ...(asOf ? { defaultAsOf: asOf } : {}) });
  const result = await execute({ schema, document, contextValue: ctx });
  if (!options.errors) expect(result.errors).toBeUndefined();
  await ctx.access.settled();
  const hidden = hiddenRecords(ctx);
  return { data: result.data, errors: result.errors, ...(hidden ? { extensions: { hidden } } : {}) };
}

const name = fc.constantFrom('name', 'n: name', 'name __typename', '__typename name');
const page = fc.integer({ min: 1, max: 6 });
const nested = fc.record({ unit: name, group: name, wards: page, groups: page, buildings: page, members: page, total: fc.boolean() }).map(
  (s) => `units(asOf: $asOf, filter: { kind: WARD }, first: ${s.wards}) { ${s.total ? 'totalCount ' : ''}nodes { ${s.unit}
      children(kind: RESIDENTIAL_GROUP, first: ${s.groups}) { nodes { ${s.group} buildings(first: ${s.buildings}) { nodes { name
        board { name members(first: ${s.members}) { nodes { role person { fullName } } } } } } } } } }`,
);
const operation = fc.record({
  roots: fc.array(nested, { minLength: 1, maxLength: 2 }),
  typename: fc.boolean(),
  asOf: fc.constantFrom('2022-12-01', '2025-08-15'),
  username: fc.constantFrom(...ACCOUNTS),
});

describe('a compiled read’s JSON text in the body', () => {
  it('equals the resolvers’ answer, for generated nested reads as the administrator and the district officer', async () => {
    await fc.assert(
      fc.asyncProperty(operation, async (o) => {
        const fields = o.roots.map((root, i) => `r${i}: ${root}`).join('\n');
        const query = `query Nested($asOf: Date = "${o.asOf}") { ${o.typename ? '__typename ' : ''}${fields} }`;
        const [http, expected] = await Promise.all([overHttp(o.username, query), byResolvers(o.username, query)]);
        expect(http.status).toBe(200);
        const body = http.body as { data: unknown; extensions?: { hidden?: unknown[] } };
        expect(Object.keys(body).filter((k) => k !== 'extensions')).toEqual(['data']);
        expect(body.data).toEqual(expected.data);
        // Every level's notes; the resolvers' only of the levels they reached (nested-read.test.ts).
        expect(body.extensions?.hidden ?? []).toEqual(expect.arrayContaining(expected.extensions?.hidden ?? []));
        expect(http.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(http.headers.get('cache-control')).toBe('no-store');
        expect(http.headers.get('content-length')).toBe(String(Buffer.byteLength(http.text)));
        expect(http.text).not.toContain('coso-json:');
        // The statement's own text went out (PostgreSQL writes ` : ` between a key and its value), not a re-serialisation.
        expect(http.text).toContain('" : ');
      }),
      { numRuns: 24 },
    );
  });

  it('a record the viewer may not read, found in the statement’s text: the resolvers answer, with their error on the field', async () => {
    // Someone placed in the ward by a post (a board member there) who lives in a group of another ward:
    // the ward's officer reads the person, not the residence. The statement's JSON marks it, and stays
    // text over HTTP unless it holds personal details (pre-resolved-plugin.ts).
    const officer = await viewerFromToken(t.prisma, tokens.get(WARD_OFFICER));
    if (officer.kind !== 'account' || !officer.scopeUnitId) throw new Error(`${WARD_OFFICER} has no territory`);
    const scope = officer.scopeUnitId;
    const { member, elsewhere } = await memberAndGroupOutside(t.prisma, scope);
    const query = `{ people(filter: { name: { equals: ${JSON.stringify(member.name)} } }) { nodes { fullName residenceUnit { name } } } }`;
    const before = await overHttp(WARD_OFFICER, query);
    expect((before.body as { errors?: unknown }).errors).toBeUndefined();
    // Nothing withheld: PostgreSQL's own text went out.
    expect(before.text).toContain('" : ');
    await t.prisma.person.update({ where: { id: member.id }, data: { residenceUnitId: elsewhere.id } });
    try {
      const [http, expected] = await Promise.all([overHttp(WARD_OFFICER, query), byResolvers(WARD_OFFICER, query, { errors: true })]);
      const body = http.body as { data: unknown; errors?: Array<{ extensions?: { code?: string } }> };
      expect(body.data).toEqual(expected.data);
      expect((body.errors ?? []).map((e) => e.extensions?.code)).toEqual((expected.errors ?? []).map((e) => e.extensions?.code));
      expect((body.errors ?? []).map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    } finally {
      await t.prisma.person.update({ where: { id: member.id }, data: { residenceUnitId: member.residence } });
    }
  });

  it('an answer that is not compiled (a mutation, an unknown field) is written as before', async () => {
    const wrong = await overHttp('admin', '{ units(first: 1) { nodes { nope } } }');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    const me = await overHttp('quan.longbien', '{ me { username } }');
    expect(me.body).toEqual({ data: { me: { username: 'quan.longbien' } } });
  });
});
