import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from './test-support/test-gateway.js';

let t: TestGateway;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'coso-admin-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>coso admin</title><script type="module" src="/assets/app-1.js"></script>');
  writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log("app")');
  t = await startTestGateway(inject('databaseAdminUrl'), { sampleData: false, config: { adminWebDist: dist } });
});
afterAll(async () => {
  await t?.close();
  rmSync(dist, { recursive: true, force: true });
});

/** Every kind of response the gateway sends: pages, assets, GraphiQL, GraphQL (answer and refusal), health, not found. */
const RESPONSES: Record<string, RequestInit & { path: string }> = {
  'the admin web': { path: '/' },
  'a client-side route of the admin web': { path: '/units/123', headers: { accept: 'text/html' } },
  'an admin web asset': { path: '/assets/app-1.js' },
  GraphiQL: { path: '/graphiql/' },
  'a GraphQL answer': {
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ me { username } }' }),
  },
  'a refused GraphQL request (CSRF)': { path: '/graphql', method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' },
  'a body that is not JSON': { path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' },
  '/healthz': { path: '/healthz' },
  '/readyz': { path: '/readyz' },
  'not found': { path: '/nothing.here' },
};

/** A policy header as directive → sources. */
function directives(policy: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (policy ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

describe('security headers', () => {
  it.each(Object.entries(RESPONSES))(
    '%s: a strict Content-Security-Policy, no framing, no referrer, no sniffing',
    async (_name, request) => {
      const { path, ...init } = request;
      const res = await fetch(new URL(path, t.gateway.url), init);
      const csp = directives(res.headers.get('content-security-policy'));
      // Scripts from this origin only: no inline script, no eval, no CDN.
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('connect-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      expect(csp.get('form-action')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      // Every source any directive allows is this origin, a data: image/font, or inline styles
      // (antd writes its styles at run time); nothing from another host.
      const sources = new Set([...csp.values()].flat());
      for (const source of sources) expect(["'self'", "'none'", "'unsafe-inline'", 'data:']).toContain(source);
      expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-powered-by')).toBeNull();
    },
  );

  it.each(Object.entries(RESPONSES).filter(([, r]) => r.path === '/graphql'))(
    '%s: never stored by a browser or a proxy (cache-control: no-store)',
    async (_name, request) => {
      const { path, ...init } = request;
      const res = await fetch(new URL(path, t.gateway.url), init);
      expect(res.headers.get('cache-control')).toBe('no-store');
    },
  );
  it('a GraphQL GET (a query in the URL) is not stored either', async () => {
    const url = new URL('/graphql', t.gateway.url);
    url.searchParams.set('query', '{ me { username } }');
    const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
