import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { GATEWAY_MAIN, type GatewayProcess, startGatewayProcess } from '../../support/gateway-process.js';

/**
 * The admin web in a real headless Chromium (Debian's `chromium` package, nothing downloaded),
 * against the built gateway serving the built app, on a fresh database with the sample data.
 * Each e2e file calls `useAdminWebBrowser(name)` inside its `describe`: its steps build on each
 * other in one browser, screenshots go to tests/artifacts/<name>/.
 */

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
// A helper building elsewhere (vite build --outDir) can point the tests at its own build.
const ADMIN_WEB_DIST = process.env.ADMIN_WEB_DIST ?? join(REPO, 'apps/admin-web/dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const UI_TIMEOUT = 30_000;

export const DEMO = {
  admin: ['admin', 'coso-admin-demo'],
  district: ['quan.longbien', 'coso-quan-demo'],
  ward: ['phuong.giangbien', 'coso-phuong-demo'],
  analyst: ['phantich', 'coso-phantich-demo'],
  viewer: ['xem', 'coso-xem-demo'],
} as const;

export interface AdminWebBrowser {
  /** The page every step works in (usable from the describe's body; it forwards once the browser is up). */
  readonly page: Page;
  /** The gateway's address, ending in '/'. */
  readonly baseUrl: string;
  /** `path` on the gateway ('/units?kind=WARD'). */
  url(path: string): string;
  screenshot(name: string): Promise<void>;
  /** Fills the sign-in form (the page must show it) and submits it. */
  signIn(username: string, password: string): Promise<void>;
  /** Signs out if signed in, then signs in as `account` and waits for the shell. */
  signInAs(account: readonly [string, string]): Promise<void>;
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
  /** Requests the page made outside the gateway (refused), and uncaught page errors: both must stay empty. */
  readonly outsideRequests: readonly string[];
  readonly pageErrors: readonly string[];
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

export function useAdminWebBrowser(name: string): AdminWebBrowser {
  const artifacts = join(REPO, 'tests/artifacts', name);
  let gateway: GatewayProcess | undefined;
  let profileDir: string | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let baseUrl = '';
  const outsideRequests: string[] = [];
  const pageErrors: string[] = [];

  async function setUp(): Promise<void> {
    checkPrerequisites();
    mkdirSync(artifacts, { recursive: true });
    gateway = await startGatewayProcess({ ADMIN_WEB_DIST });
    baseUrl = gateway.baseUrl;

    profileDir = mkdtempSync(join(tmpdir(), 'coso-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'vi-VN',
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
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(UI_TIMEOUT);
    page.on('pageerror', (error) => pageErrors.push(error.message));
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

  // The steps build on each other: after a failure the next ones fail at once (not after a
  // timeout each), and the page as it was is kept as a screenshot.
  let failedStep: string | undefined;
  beforeEach(() => {
    if (setupError) throw setupError;
    if (failedStep) throw new Error(`not run: the step "${failedStep}" failed before`);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || failedStep || setupError) return;
    failedStep = task.name;
    await browser.screenshot('failed-step').catch(() => {});
  });

  const thePage = (): Page => {
    if (!page) throw new Error('the browser is not started');
    return page;
  };

  // One stable object for the steps to hold from the start: it forwards to the page once the browser is up.
  const pageProxy = new Proxy({} as Page, { get: (_, key) => Reflect.get(thePage(), key, thePage()) });

  const browser: AdminWebBrowser = {
    page: pageProxy,
    get baseUrl() {
      return baseUrl;
    },
    url: (path) => new URL(path, baseUrl).href,
    async screenshot(shot) {
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
        await p.goto(new URL('/login', baseUrl).href);
      }
      await browser.signIn(username, password);
      await p.getByTestId('signed-in-user').waitFor();
    },
    async pickOption(label, option, { search, prefix = false, keepOpen = false } = {}) {
      const p = thePage();
      const input = p.getByLabel(label, { exact: true });
      await input.click();
      if (search) await input.pressSequentially(search);
      await expect.poll(() => input.getAttribute('aria-controls'), { timeout: UI_TIMEOUT }).not.toBeNull();
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
      await input.click();
      await input.press('ControlOrMeta+a');
      await input.pressSequentially(date);
      await input.press('Enter');
      await p.waitForURL((u) => u.searchParams.get('asOf') === date.split('/').reverse().join('-'), { timeout: UI_TIMEOUT });
      await input.press('Escape'); // the chosen date stays; the calendar closes
    },
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
