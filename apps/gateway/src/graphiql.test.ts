import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GRAPHIQL_DIST } from './static-sites.js';
import { startTestGateway, type TestGateway } from './test-support/test-gateway.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway(inject('databaseAdminUrl'), { sampleData: false });
});
afterAll(() => t?.close());

// Hosts that serve code to browsers: none may appear in what GraphiQL loads.
const CDN = /unpkg\.com|jsdelivr\.net|esm\.sh|cdnjs|skypack|jspm\.io|googleapis\.com|gstatic\.com|cdn\.|bootcdn|staticfile/i;

/**
 * Hosts that do appear in the bundled libraries and are never fetched: XML/JSON-schema namespace
 * identifiers and documentation links in messages and comments. A new host makes the test fail so
 * that someone looks at it.
 */
const REFERENCE_ONLY = new Set([
  'www.w3.org',
  'json-schema.org',
  'github.com',
  'code.visualstudio.com',
  'yarnpkg.com',
  'react.dev',
  'prettier.io',
  'en.wikipedia.org',
  'commonmark.org',
  'microsoft.com',
]);

const assetFiles = () => readdirSync(join(GRAPHIQL_DIST, 'assets'));

describe('GraphiQL at /graphiql', () => {
  it('serves the page, and the page loads only local files', async () => {
    const res = await fetch(t.gateway.graphiqlUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '').filter((ref) => !ref.startsWith('data:'));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^\/graphiql\/assets\//);
      const asset = await fetch(new URL(ref, t.gateway.url));
      expect(asset.status, ref).toBe(200);
    }
  });

  it('redirects /graphiql to /graphiql/', async () => {
    const res = await fetch(new URL('/graphiql', t.gateway.url), { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/graphiql/');
  });

  it('serves every built asset (scripts, styles, font, Monaco workers) itself', async () => {
    const files = assetFiles();
    expect(files.some((f) => /^editor\.worker-.*\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /^graphql\.worker-.*\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /^json\.worker-.*\.js$/.test(f))).toBe(true);
    for (const file of files) {
      const res = await fetch(new URL(`/graphiql/assets/${file}`, t.gateway.url));
      expect(res.status, file).toBe(200);
      expect(res.headers.get('cache-control')).toContain('immutable');
    }
  });

  it('has no CDN and no unreviewed external host in its HTML, JS or CSS', () => {
    const hosts = new Map<string, string>();
    for (const file of ['index.html', ...assetFiles().map((f) => join('assets', f))]) {
      if (!/\.(html|js|css)$/.test(file)) continue;
      const text = readFileSync(join(GRAPHIQL_DIST, file), 'utf8');
      for (const m of text.matchAll(/https?:\/\/([A-Za-z0-9.-]+)/g)) hosts.set(m[1] ?? '', file);
      // Code loaded from elsewhere at run time would look like one of these.
      expect(text, file).not.toMatch(/(?:import\s*\(|importScripts\s*\(|fetch\s*\()\s*["'`]https?:/);
      expect(text, file).not.toMatch(/@import\s+(?:url\()?["']?https?:/);
    }
    const external = [...hosts.keys()].filter((h) => h !== 'localhost' && h !== '127.0.0.1');
    expect(external.filter((h) => CDN.test(h))).toEqual([]);
    expect(external.filter((h) => !REFERENCE_ONLY.has(h)).map((h) => `${h} (${hosts.get(h)})`)).toEqual([]);
  });

  it('is served without Apollo’s CDN landing page at /graphql', async () => {
    const res = await fetch(t.gateway.graphqlUrl, { headers: { accept: 'text/html' } });
    const body = await res.text();
    expect(body).not.toMatch(/apollographql\.com|embeddable-sandbox|landing-page/);
  });
});
