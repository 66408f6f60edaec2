import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from './test-support/test-gateway.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway(inject('databaseAdminUrl'), { sampleData: false });
});
afterAll(() => t?.close());

// The GraphQL-over-HTTP conformance audit of graphql-http, run against the gateway's /graphql.
it('passes the GraphQL over HTTP audit with no error', async () => {
  const results = await auditServer({ url: t.gateway.graphqlUrl });
  const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
  for (const r of results) counts[r.status]++;
  const notOk = results.filter((r) => r.status !== 'ok').map((r) => `${r.status}: ${r.name}${'reason' in r ? ` — ${r.reason}` : ''}`);
  console.info(`graphql-http audit: ${JSON.stringify(counts)}\n${notOk.join('\n')}`);
  expect(results.filter((r) => r.status === 'error').map((r) => r.name)).toEqual([]);
});
