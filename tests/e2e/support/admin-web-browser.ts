import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { apiToken, GATEWAY_MAIN, type GatewayProcess, graphql, startGatewayProcess } from '../../support/gateway-process.js';
import { UI_TIMEOUT, UNDER_CI } from './ui-timeout.js';

/**
 * The admin web in a real headless Chromium (Debian's `chromium` package, nothing downloaded),
 * against the built gateway serving the built app, on a fresh database with the sample data.
 * Each e2e file calls `useAdminWebBrowser(name)` inside its `describe`.
 *
 * Every step gets a new tab of its own and starts with `b.open(path, account)` (or goes to
 * /login itself): it depends on no page an earlier step left, so one failure stays one failure.
 * Data an earlier step created is handed on in a variable, read with `stored(…)`.
 * Screenshots go to tests/artifacts/<name>/ (not under CI: see SCREENSHOTS); a failed step leaves failed-<step>.png and
 * failed-<step>.zip there (a Playwright trace: `npx playwright-core show-trace <zip>`).
 */

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
// A helper building elsewhere (vite build --outDir) can point the tests at its own build.
const ADMIN_WEB_DIST = process.env.ADMIN_WEB_DIST ?? join(REPO, 'apps/admin-web/dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the admin web keeps the session token, per tab (apps/admin-web/src/session/token-storage.ts). */
export const SESSION_TOKEN_KEY = 'coso.session';

export type Account = readonly [username: string, password: string];

export const DEMO = {
  admin: ['admin', 'coso-admin-demo'],
  district: ['quan.longbien', 'coso-quan-demo'],
  ward: ['phuong.giangbien', 'coso-phuong-demo'],
  analyst: ['phantich', 'coso-phantich-demo'],
  viewer: ['xem', 'coso-xem-demo'],
} as const satisfies Record<string, Account>;

export interface AdminWebBrowser {
  /** The current step's page (a new tab per step; usable from the describe's body: it forwards to that tab). */
  readonly page: Page;
  /** The gateway's address, ending in '/'. */
  readonly baseUrl: string;
  /** `path` on the gateway ('/units?kind=WARD'). */
  url(path: string): string;
  /**
   * Opens `path` in this step's tab. With `account`, the tab is signed in as it without the sign-in
   * form (a session token from the API put in the tab's sessionStorage before the app loads, once
   * per tab: signing out in the UI stays signed out), and the shell is waited for.
   */
  open(path: string, account?: Account): Promise<void>;
  /** A GraphQL request through the API as `account` (its own session, as another tab would send it); the data, or throws. */
  graphql<T>(account: Account, query: string, variables?: Record<string, unknown>): Promise<T>;
  screenshot(name: string): Promise<void>;
  /** Fills the sign-in form (the page must show it) and submits it. */
  signIn(username: string, password: string): Promise<void>;
  /** Signs out if signed in, then signs in as `account` through the form and waits for the shell. */
  signInAs(account: Account): Promise<void>;
  /**
   * Opens the select labelled `label`, types `search` (server search) when given, and picks the
   * option whose title is `option` (or starts with it, `prefix: true`). The option is looked for
   * in this select's own dropdown (aria-controls), never in another one still closing.
   */
  pickOption(label: string, option: string, options?: { search?: string; prefix?: boolean; keepOpen?: boolean }): Promise<void>;
  /** Types a date (dd/mm/yyyy, as a Vietnamese user writes it) into the date picker labelled `label` and closes it. */
  typeDate(label: string, date: string): Promise<void>;
  /** Types a date (dd/mm/yyyy) into the picker labelled `label` ("Ngày xem dữ liệu") and waits for ?asOf=. */
  setAsOf(date: string, label?: string): Promise<void>;
  /** Ant Design's transition time as the page has it (`--ant-motion-duration-mid`: '0s' when its transitions are off). */
  motionDuration(): Promise<string>;
  /** Requests the pages made outside the gateway (refused), and uncaught page errors: both must stay empty. */
  readonly outsideRequests: readonly string[];
  readonly pageErrors: readonly string[];
}

/**
 * A value an earlier step stored for a later one (the record it created, its address): the value,
 * or a clear failure naming what is missing when that step failed or did not run.
 */
export function stored<T>(value: T | undefined | null | '', what: string): T {
  if (value === undefined || value === null || value === '') {
    throw new Error(`this step needs ${what}, which an earlier step stores: that step failed or did not run`);
  }
  return value;
}

function checkPrerequisites(): void {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) {
    missing.push(`Chromium is not installed at ${CHROMIUM}: install Debian's package with \`apt-get install -y chromium\` (.ci/run does).`);
  }
  if (!existsSync(GATEWAY_MAIN)) missing.push(`The gateway is not built (${GATEWAY_MAIN}): run \`npx turbo run build\`.`);
  if (!existsSync(join(ADMIN_WEB_DIST, 'index.html')))
    missing.push(`The admin web is not built (${ADMIN_WEB_DIST}): run \`npx turbo run build\`.`);
  if (missing.length > 0) throw new Error(missing.join('\n'));
}

/** A file name from a step's name: 'lists the 14 wards of Long Biên' → 'lists-the-14-wards-of-long-bien'. */
function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
}

/** What a step may do in its new tab before it has opened a page there: open one, or set the tab up. */
const BEFORE_A_PAGE = new Set<PropertyKey>([
  'goto',
  'url',
  'setViewportSize',
  'viewportSize',
  'addInitScript',
  'context',
  'on',
  'once',
  'off',
  'route',
  'unroute',
  'isClosed',
  'close',
  'screenshot',
  'setDefaultTimeout',
  'setDefaultNavigationTimeout',
  'then',
]);

/**
 * Why a step may not use `key` of its tab yet, or null. Each step gets a new, blank tab and starts
 * with `b.open(…)` (or `page.goto`): a step that looks for something on the page without opening
 * one is continuing from the previous step's page, which is what made one failure five. It fails
 * at once, saying so, rather than after a UI timeout on an empty tab.
 */
export function notOpenedYet(url: string, key: PropertyKey): string | null {
  if (url !== 'about:blank' || BEFORE_A_PAGE.has(key) || typeof key === 'symbol' || String(key).startsWith('_')) return null;
  return `this step uses page.${String(key)} before opening a page: start it with b.open(path, account) (each step has a new tab; it may not continue from the previous step's page)`;
}

export interface BrowserOptions {
  /**
   * The browser's reduced-motion setting. By default a journey runs as a user who asked the system
   * for less motion: the app then turns Ant Design's transitions off (app.tsx), so no step waits out
   * a menu's, a dropdown's or a dialog's animation, and Chromium draws no frames for them. The main
   * journey (admin-web.test.ts) runs with them, as most users have them.
   */
  motion?: 'reduce' | 'no-preference';
}

/**
 * Pictures of the steps (tests/artifacts/<name>/) are for a person reading them: taken on a
 * developer's machine, not under CI, where nobody sees them (a failed step keeps its own picture and
 * trace either way). COSO_E2E_SCREENSHOTS=1 takes them under CI too.
 */
const SCREENSHOTS = !UNDER_CI || process.env.COSO_E2E_SCREENSHOTS === '1';

export function useAdminWebBrowser(name: string, { motion = 'reduce' }: BrowserOptions = {}): AdminWebBrowser {
  const artifacts = join(REPO, 'tests/artifacts', name);
  let gateway: GatewayProcess | undefined;
  let profileDir: string | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  /** The account the current tab was opened as (`open`), if any. */
  let pageAccount: string | undefined;
  let tracing = false;
  let baseUrl = '';
  const outsideRequests: string[] = [];
  const pageErrors: string[] = [];
  /** One session token per account for the file, taken again if a step ended it (signing out, locking). */
  const tokens = new Map<string, Promise<string>>();

  async function setUp(): Promise<void> {
    checkPrerequisites();
    mkdirSync(artifacts, { recursive: true });
    // What an earlier run's failures left would name steps that pass now.
    for (const file of readdirSync(artifacts)) if (file.startsWith('failed-')) rmSync(join(artifacts, file), { force: true });
    gateway = await startGatewayProcess({ ADMIN_WEB_DIST }, { adminUrl: inject('databaseAdminUrl'), runId: inject('databaseRunId') });
    baseUrl = gateway.baseUrl;

    profileDir = mkdtempSync(join(tmpdir(), 'coso-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'vi-VN',
      reducedMotion: motion,
      viewport: { width: 1366, height: 860 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // The app must need nothing from outside: anything not on this gateway is refused and recorded.
    const origin = new URL(baseUrl).origin;
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested.startsWith(origin)) return route.continue();
      outsideRequests.push(requested);
      return route.abort();
    });
    // One trace for the file, cut into a chunk per step; a failed step's chunk is saved. DOM
    // snapshots of every action (what the trace viewer replays) without the screencast, which
    // doubled the suite's time (lists: 22 s untraced, 24 s with snapshots, 42 s with screenshots
    // too); the failed step's own screenshot is saved beside its trace.
    await context.tracing.start({ screenshots: false, snapshots: true });
    tracing = true;
    page = context.pages()[0];
  }

  // A missing browser or build fails every step with the reason (never a silent skip).
  let setupError: unknown;
  beforeAll(async () => {
    try {
      await setUp();
    } catch (error) {
      setupError = error;
    }
  }, 180_000);

  afterAll(async () => {
    await context?.close().catch(() => {});
    await gateway?.stop();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  }, 60_000);

  let chunkOpen = false;
  // Each step in a new tab (fresh sessionStorage: signed out), the previous step's tab closed.
  beforeEach(async ({ task }) => {
    if (setupError) throw setupError;
    if (!context) throw new Error('the browser is not started');
    const previous = page;
    page = await context.newPage();
    pageAccount = undefined;
    await previous?.close().catch(() => {});
    page.setDefaultTimeout(UI_TIMEOUT);
    page.setDefaultNavigationTimeout(UI_TIMEOUT);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The gateway's Content-Security-Policy: anything it blocks (an inline script, a style, a
    // worker, a request elsewhere) is reported on the console, and fails the file's last step.
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
    });
    // The language choice (localStorage, shared by the tabs) starts from the default in every
    // step, once per tab: a reload keeps what the step chose.
    await page.addInitScript((origin) => {
      if (window.location.origin !== origin) return;
      try {
        if (window.sessionStorage.getItem('coso.e2e.fresh')) return;
        window.sessionStorage.setItem('coso.e2e.fresh', '1');
        window.localStorage.clear();
      } catch {
        // storage unavailable: nothing to clear
      }
    }, new URL(baseUrl).origin);
    if (tracing) {
      await context.tracing.startChunk({ title: task.name });
      chunkOpen = true;
    }
  });

  afterEach(async ({ task }) => {
    if (!chunkOpen || !context) return;
    chunkOpen = false;
    if (task.result?.state !== 'fail') {
      await context.tracing.stopChunk();
      return;
    }
    const base = join(artifacts, `failed-${slug(task.name)}`);
    const saved: string[] = [];
    try {
      await page?.screenshot({ path: `${base}.png`, fullPage: true, animations: 'disabled' });
      saved.push(`${base}.png`);
    } catch (error) {
      console.error(`no screenshot of the failed step: ${String(error)}`);
    }
    await context.tracing.stopChunk({ path: `${base}.zip` });
    saved.push(`${base}.zip`);
    const shown = saved.map((file) => relative(REPO, file));
    console.error(
      [
        `✗ "${task.name}" failed: the page as it was and the step's trace are kept:`,
        ...shown.map((file) => `    ${file}`),
        `  (open the trace with \`npx playwright-core show-trace ${shown.at(-1)}\`)`,
      ].join('\n'),
    );
  });

  const thePage = (): Page => {
    if (!page) throw new Error('the browser is not started');
    return page;
  };

  // One stable object for the steps to hold from the start: it forwards to the current step's tab,
  // and refuses to look into a tab the step has not opened a page in (see notOpenedYet).
  const pageProxy = new Proxy({} as Page, {
    get: (_, key) => {
      const p = thePage();
      const refusal = notOpenedYet(p.url(), key);
      if (refusal) throw new Error(refusal);
      // Bound to the tab itself: Playwright's methods read its internals through `this`.
      const value: unknown = Reflect.get(p, key, p);
      return typeof value === 'function' ? value.bind(p) : value;
    },
  });

  async function tokenFor([username, password]: Account): Promise<string> {
    const cached = await tokens.get(username)?.catch(() => undefined);
    if (cached) {
      const me = await graphql<{ me: { username: string } | null }>(baseUrl, cached, { query: '{ me { username } }' });
      if (me.data?.me?.username === username) return cached;
    }
    const fresh = apiToken(baseUrl, username, password);
    tokens.set(username, fresh);
    return fresh;
  }

  const browser: AdminWebBrowser = {
    page: pageProxy,
    get baseUrl() {
      return baseUrl;
    },
    url: (path) => new URL(path, baseUrl).href,
    async open(path, account) {
      const p = thePage();
      if (account) {
        const [username] = account;
        if (pageAccount && pageAccount !== username) {
          throw new Error(`this step's tab is signed in as ${pageAccount}: use b.signInAs to change to ${username}`);
        }
        if (!pageAccount) {
          pageAccount = username;
          const token = await tokenFor(account);
          await p.addInitScript(
            ({ origin, key, token }) => {
              if (window.location.origin !== origin) return;
              try {
                if (window.sessionStorage.getItem('coso.e2e.signed-in')) return;
                window.sessionStorage.setItem('coso.e2e.signed-in', '1');
                window.sessionStorage.setItem(key, token);
              } catch {
                // storage unavailable: the app shows the sign-in page, and the wait below fails
              }
            },
            { origin: new URL(baseUrl).origin, key: SESSION_TOKEN_KEY, token },
          );
        }
      }
      await p.goto(browser.url(path));
      if (account) await p.getByTestId('signed-in-user').waitFor();
    },
    async graphql<T>(account: Account, query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const response = await graphql<T>(baseUrl, await tokenFor(account), { query, variables });
      if (!response.data || response.errors?.length)
        throw new Error(`GraphQL request refused: ${JSON.stringify(response.errors ?? response)}`);
      return response.data;
    },
    async screenshot(shot) {
      if (!SCREENSHOTS) return;
      await thePage().screenshot({ path: join(artifacts, `${shot}.png`), fullPage: true, animations: 'disabled' });
    },
    async signIn(username, password) {
      const p = thePage();
      await p.getByLabel('Tên đăng nhập').fill(username);
      await p.getByLabel('Mật khẩu').fill(password);
      await p.getByRole('button', { name: 'Đăng nhập' }).click();
    },
    async signInAs([username, password]) {
      const p = thePage();
      const signOut = p.getByRole('button', { name: 'Đăng xuất' });
      if (await signOut.isVisible().catch(() => false)) {
        await signOut.click();
        await p.waitForURL(/\/login/);
      } else {
        await p.goto(browser.url('/login'));
      }
      await browser.signIn(username, password);
      await p.getByTestId('signed-in-user').waitFor();
      pageAccount = username;
    },
    async pickOption(label, option, { search, prefix = false, keepOpen = false } = {}) {
      const p = thePage();
      const input = p.getByLabel(label, { exact: true });
      await input.click();
      if (search) await input.pressSequentially(search);
      await expect.poll(() => input.getAttribute('aria-controls')).not.toBeNull();
      const listId = await input.getAttribute('aria-controls');
      const dropdown = p.locator(`.ant-select-dropdown:has([id="${listId}"])`);
      await dropdown
        .locator(`.ant-select-item-option[title${prefix ? '^' : ''}="${option}"]`)
        .first()
        .click();
      if (keepOpen) return;
      // A multiple select stays open after a pick; a single one closes by itself.
      if (await dropdown.isVisible()) await input.press('Escape');
      await dropdown.waitFor({ state: 'hidden' });
    },
    async typeDate(label, date) {
      const input = thePage().getByLabel(label, { exact: true });
      await input.click();
      await input.press('ControlOrMeta+a');
      await input.pressSequentially(date);
      await input.press('Enter');
      await input.press('Escape');
    },
    async setAsOf(date, label = 'Ngày xem dữ liệu') {
      const p = thePage();
      const input = p.getByLabel(label);
      // What was typed, exactly (not mixed with the previous date), else the address never changes.
      // A page that re-renders the picker while the text goes in (a list arriving on a busy machine)
      // can drop it: type again until it holds, within the suite's UI timeout.
      const deadline = Date.now() + UI_TIMEOUT;
      for (;;) {
        await input.click();
        await input.press('ControlOrMeta+a');
        await input.pressSequentially(date);
        const shown = await input.inputValue();
        if (shown === date) break;
        if (Date.now() > deadline) throw new Error(`"${label}" shows "${shown}" after "${date}" was typed`);
      }
      await input.press('Enter');
      const iso = date.split('/').reverse().join('-');
      await p.waitForURL((u) => u.searchParams.get('asOf') === iso);
      await input.press('Escape'); // the chosen date stays; the calendar closes
      // The address changes before the page renders it (a navigation is a React transition): until
      // the picker shows the date as rendered (AsOfPicker's data-as-of), the lists and links on the
      // page are still the previous date's — a link clicked then opens that date.
      await p.locator(`[data-as-of="${iso}"]`, { has: input }).waitFor();
    },
    motionDuration: () =>
      thePage().evaluate(() => {
        // Ant Design writes its tokens as CSS variables on its components' roots (class css-var-…).
        const root = document.querySelector('[class*="css-var-"]');
        return root ? getComputedStyle(root).getPropertyValue('--ant-motion-duration-mid').trim() : 'no Ant Design root';
      }),
    outsideRequests,
    pageErrors,
  };
  return browser;
}

/** The last step of every e2e file. */
export function expectNothingFromOutsideAndNoErrors(browser: AdminWebBrowser): void {
  expect(browser.outsideRequests).toEqual([]);
  expect(browser.pageErrors).toEqual([]);
}
