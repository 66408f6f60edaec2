import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from './test-support/test-gateway.js';

let t: TestGateway;
let dist: string;

beforeAll(async () => {
  // A stand-in for the built admin web (the real one comes with issue #6).
  dist = mkdtempSync(join(tmpdir(), 'coso-admin-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>coso admin</title><div id="app"></div>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log("app")');
  t = await startTestGateway(inject('databaseAdminUrl'), { sampleData: false, config: { adminWebDist: dist } });
});
afterAll(async () => {
  await t?.close();
  rmSync(dist, { recursive: true, force: true });
});

it('serves the admin web at /', async () => {
  const res = await fetch(t.gateway.url);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('<title>coso admin</title>');
  const js = await fetch(new URL('/assets/app-1234.js', t.gateway.url));
  expect(js.status).toBe(200);
  expect(js.headers.get('content-type')).toMatch(/javascript/);
});

it('falls back to index.html for client-side routes', async () => {
  const res = await fetch(new URL('/units/123/members', t.gateway.url), { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('<title>coso admin</title>');
});

it('keeps 404 for missing files, and keeps /graphql and /healthz', async () => {
  expect((await fetch(new URL('/assets/missing.js', t.gateway.url), { headers: { accept: '*/*' } })).status).toBe(404);
  expect((await fetch(new URL('/api/thing', t.gateway.url), { headers: { accept: 'application/json' } })).status).toBe(404);
  expect((await fetch(new URL('/healthz', t.gateway.url))).status).toBe(200);
  const gql = await fetch(t.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(await gql.json()).toEqual({ data: { __typename: 'Query' } });
});
