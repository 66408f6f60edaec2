import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The admin web runs on intranets: the built app must load nothing from outside (no CDN, no web
 * fonts, no analytics). Every http(s) URL in dist/ is checked: CDN hosts fail outright; any other
 * host fails too until it is listed below as harmless text (a link in an error message, an XML
 * namespace), never something the browser fetches.
 */
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

const CDN_HOSTS = [
  /(^|\.)googleapis\.com$/,
  /(^|\.)gstatic\.com$/,
  /(^|\.)unpkg\.com$/,
  /(^|\.)jsdelivr\.(net|com)$/,
  /(^|\.)cdnjs\.cloudflare\.com$/,
  /(^|\.)esm\.(sh|run)$/,
  /(^|\.)skypack\.dev$/,
  /(^|\.)jspm\.io$/,
  /(^|\.)alipayobjects\.com$/, // Ant Design's asset CDN
  /(^|\.)alicdn\.com$/, // iconfont
  /(^|\.)bootstrapcdn\.com$/,
  /(^|\.)fontawesome\.com$/,
  /(^|\.)typekit\.net$/,
  /(^|\.)google-analytics\.com$/,
  /(^|\.)googletagmanager\.com$/,
  /^cdn\./,
];

const HARMLESS_HOSTS: Record<string, string> = {
  'www.w3.org': 'XML namespaces of SVG icons',
  'json-schema.org': "$schema identifiers in zod's JSON Schema output (the domain's input schemas); never fetched",
  localhost: "react-router's base for parsing relative URLs",
  '127.0.0.1': 'local addresses',
  'react.dev': "links in React's production error messages",
  'reactrouter.com': "links in react-router's error messages",
  'go.apollo.dev': "links in Apollo Client's error messages",
  'github.com': "a link in react-router's warning about old browsers",
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function urlsIn(dir: string): Array<{ file: string; url: string; host: string }> {
  const found: Array<{ file: string; url: string; host: string }> = [];
  for (const file of filesUnder(dir)) {
    if (!/\.(html|js|mjs|css|json|svg|webmanifest|txt)$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/https?:\/\/([A-Za-z0-9.-]+)[^\s"'`)<>]*/g)) {
      found.push({ file: relative(dir, file), url: match[0], host: (match[1] ?? '').toLowerCase() });
    }
  }
  return found;
}

describe('the built admin web loads nothing from outside', () => {
  it('is built', () => {
    expect(
      existsSync(join(DIST, 'index.html')),
      `apps/admin-web/dist/index.html is missing: run \`npx turbo run build --filter=@coso/admin-web\` first`,
    ).toBe(true);
  });

  it('names no CDN host anywhere', () => {
    const cdn = urlsIn(DIST).filter((u) => CDN_HOSTS.some((pattern) => pattern.test(u.host)));
    expect(cdn).toEqual([]);
  });

  it('names no other outside host but the listed harmless ones', () => {
    const unknown = urlsIn(DIST).filter((u) => !(u.host in HARMLESS_HOSTS));
    expect(unknown, 'a new outside URL: make sure the browser never fetches it, then list its host as harmless').toEqual([]);
  });

  it('references only its own files from index.html', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const references = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(reference, reference).toMatch(/^(\/assets\/|data:)/);
  });
});
