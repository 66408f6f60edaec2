import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { notOpenedYet } from './admin-web-browser.js';
import { STEP_TIMEOUT, UI_TIMEOUT } from './ui-timeout.js';

/**
 * Every browser wait of the e2e suite uses the one UI timeout (ui-timeout.ts), set as the default
 * of Playwright (the harness) and of expect.poll (tests/vitest.e2e.config.ts). A local timeout, shorter
 * "because it is enough here", is what gave up on a busy CI machine; a fixed sleep is either too
 * short under load or wasted time without. This reads the e2e sources (no browser) and names every
 * line that would bring either back.
 */

const E2E = fileURLToPath(new URL('../', import.meta.url));
const THIS_FILE = fileURLToPath(import.meta.url);

interface Rule {
  pattern: RegExp;
  why: string;
  /** Only in the journeys (*.test.ts): the harness may give its own hooks (not waits) a limit. */
  journeysOnly?: boolean;
}

const RULES: Rule[] = [
  {
    pattern: /\btimeout\s*:/,
    why: 'a timeout of its own: every wait uses UI_TIMEOUT by default (change it in ui-timeout.ts, for all)',
  },
  { pattern: /\bwaitForTimeout\s*\(/, why: 'a fixed sleep: wait for what the page shows instead' },
  { pattern: /\bsetTimeout\s*\(/, why: 'a fixed sleep: wait for what the page shows instead' },
  {
    pattern: /^\s*\}\s*,\s*[\d_]+\s*\)\s*;?\s*$/,
    why: "a step's own timeout: steps take the suite's STEP_TIMEOUT (tests/vitest.e2e.config.ts)",
    journeysOnly: true,
  },
];

/** The code of a line, without its comment (`//` after a space or at the start, or a JSDoc/block line). */
function code(line: string): string {
  if (/^\s*(\/\/|\/\*|\*)/.test(line)) return '';
  return line.replace(/(^|\s)\/\/.*$/, '');
}

/** `file:line: why — the line` for every line of `source` that breaks a rule. */
export function findLocalWaits(file: string, source: string, journey: boolean): string[] {
  const found: string[] = [];
  source.split('\n').forEach((line, index) => {
    const text = code(line);
    for (const rule of RULES) {
      if (rule.journeysOnly && !journey) continue;
      if (rule.pattern.test(text)) found.push(`${file}:${index + 1}: ${rule.why} — ${line.trim()}`);
    }
  });
  return found;
}

function e2eSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return e2eSources(path);
    return entry.name.endsWith('.ts') && path !== THIS_FILE ? [path] : [];
  });
}

describe('waits in the e2e suite', () => {
  const files = e2eSources(E2E);

  it('finds the journeys and the harness', () => {
    const names = files.map((file) => relative(E2E, file));
    expect(names).toEqual(expect.arrayContaining(['lists.test.ts', 'records.test.ts', join('support', 'admin-web-browser.ts')]));
    expect(names.filter((name) => name.endsWith('.test.ts')).length).toBeGreaterThanOrEqual(7);
  });

  it('gives no wait a timeout of its own and sleeps nowhere', () => {
    const found = files.flatMap((file) => findLocalWaits(relative(E2E, file), readFileSync(file, 'utf8'), file.endsWith('.test.ts')));
    expect(found, found.join('\n')).toEqual([]);
  });

  it('catches the forms a local timeout or a sleep takes', () => {
    const caught = (source: string) => findLocalWaits('x.test.ts', source, true).length;
    expect(caught('await expect.poll(() => rows().count(), { timeout: 5000 }).toBe(14);')).toBe(1);
    expect(caught('await page.waitForURL(/x/, { timeout: 5_000 });')).toBe(1);
    expect(caught('await locator.waitFor({ state: "hidden", timeout: UI_TIMEOUT });')).toBe(1);
    expect(caught("describe('x', { timeout: 60_000 }, () => {")).toBe(1);
    expect(caught('await page.waitForTimeout(500);')).toBe(1);
    expect(caught('await new Promise((r) => setTimeout(r, 500));')).toBe(1);
    expect(caught('  }, 60_000);')).toBe(1);
    // Comments and ordinary code are not waits.
    expect(caught('// never waitForTimeout(500) or { timeout: 5000 }')).toBe(0);
    expect(caught("await page.getByText('timeout').waitFor(); // no timeout: here")).toBe(0);
    expect(caught("await page.goto(b.url('/units?kind=WARD'));")).toBe(0);
  });

  it('has the harness set the UI timeout as the default of every Playwright wait', () => {
    const harness = readFileSync(join(E2E, 'support/admin-web-browser.ts'), 'utf8');
    expect(harness).toContain('setDefaultTimeout(UI_TIMEOUT)');
    expect(harness).toContain('setDefaultNavigationTimeout(UI_TIMEOUT)');
    const config = readFileSync(join(E2E, '../vitest.e2e.config.ts'), 'utf8');
    expect(config).toMatch(/poll:\s*\{\s*timeout:\s*UI_TIMEOUT\b/);
    expect(config).toMatch(/testTimeout:\s*STEP_TIMEOUT\b/);
  });

  it("makes expect.poll wait longer than vitest's own 1 s by default", async () => {
    // Passes only if the default poll timeout (from tests/vitest.e2e.config.ts) exceeds 1.5 s.
    const start = Date.now();
    await expect.poll(() => Date.now() - start).toBeGreaterThan(1_500);
  });

  it('leaves a step room for several UI waits', () => {
    expect(UI_TIMEOUT).toBeGreaterThanOrEqual(30_000);
    expect(STEP_TIMEOUT).toBeGreaterThanOrEqual(4 * UI_TIMEOUT);
  });

  it("refuses a step's look into its tab before it opened a page there (no step continues from the previous one's)", () => {
    for (const key of ['getByRole', 'locator', 'getByText', 'waitForURL', 'keyboard', 'evaluate']) {
      expect(notOpenedYet('about:blank', key)).toContain(`page.${key} before opening a page`);
      expect(notOpenedYet('http://127.0.0.1:4000/units', key)).toBeNull();
    }
    for (const key of ['goto', 'setViewportSize', 'addInitScript', 'url']) expect(notOpenedYet('about:blank', key)).toBeNull();
  });
});
