import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from './test-support/test-gateway.js';

// Introspection stays open to anonymous callers, in production too: the schema is published
// (packages/schema/schema.graphql), GraphiQL needs it, and access is decided per field and record.
let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway(inject('databaseAdminUrl'), { sampleData: false, config: { nodeEnv: 'production' } });
});
afterAll(() => t?.close());

it('answers an anonymous introspection query with NODE_ENV=production', async () => {
  const res = await fetch(t.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = (await res.json()) as { data?: { __schema: { queryType: { name: string } } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  expect(body.data?.__schema.queryType.name).toBe('Query');
});
