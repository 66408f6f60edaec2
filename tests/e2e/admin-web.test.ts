import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, startTestServer } from '@coso/schema/testing';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

/**
 * The admin web in a real headless Chromium (Debian's `chromium` package, nothing downloaded),
 * against the built gateway serving the built app, on a fresh database with the sample data:
 * what a district officer and the administrator see. Screenshots go to tests/artifacts/admin-web/.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const GATEWAY_MAIN = join(REPO, 'apps/gateway/dist/main.js');
const ADMIN_WEB_DIST = join(REPO, 'apps/admin-web/dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(REPO, 'tests/artifacts/admin-web');
const UI_TIMEOUT = 30_000;

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
let gateway: ChildProcess | undefined;
let gatewayExited: Promise<void> | undefined;
let gatewayOutput = '';
let profileDir: string | undefined;
let context: BrowserContext | undefined;
let page: Page;
let baseUrl: string;
const outsideRequests: string[] = [];
const pageErrors: string[] = [];

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

/** `node apps/gateway/dist/main.js` as `npm start` runs it, on a free port; resolves with its base URL. */
function startGateway(databaseUrl: string): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    ADMIN_WEB_DIST,
    LOG_LEVEL: 'warn',
  };
  delete env.TEST_DATABASE_URL;
  const child = spawn(process.execPath, [GATEWAY_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  gateway = child;
  gatewayExited = new Promise((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      gatewayOutput += chunk.toString('utf8');
      const url = /GraphQL:\s+(http:\/\/\S+)\/graphql/.exec(gatewayOutput)?.[1];
      if (url) resolve(`${url}/`);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      gatewayOutput += chunk.toString('utf8');
    });
    child.once('exit', (code) => reject(new Error(`the gateway exited before it was ready (code ${code}):\n${gatewayOutput}`)));
  });
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

async function signIn(username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Types a date into the as-of picker (dd/mm/yyyy, as a Vietnamese user writes it) and confirms it. */
async function setAsOf(date: string): Promise<void> {
  const input = page.getByLabel('Ngày xem dữ liệu');
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(date);
  await input.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('asOf') === date.split('/').reverse().join('-'), { timeout: UI_TIMEOUT });
  await input.press('Escape'); // the chosen date stays; the calendar closes
}

async function chooseKind(label: string): Promise<void> {
  await page.getByLabel('Loại đơn vị').click();
  await page.locator(`.ant-select-item-option[title="${label}"]`).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
}

const rows = () => page.locator('.ant-table-tbody tr.ant-table-row');
const rowNames = () => page.locator('.ant-table-tbody tr.ant-table-row td:first-child').allTextContents();
const cell = (text: string) => page.getByRole('cell', { name: text, exact: true });

describe('admin web in Chromium', { timeout: 180_000 }, () => {
  // A missing browser or build fails every step with the reason (never a silent skip).
  let setupError: unknown;
  beforeAll(async () => {
    try {
      await setUp();
    } catch (error) {
      setupError = error;
    }
  }, 180_000);

  async function setUp(): Promise<void> {
    checkPrerequisites();
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    const db = await createTestDatabase(server.adminUrl);
    dropDatabase = db.drop;
    baseUrl = await startGateway(db.url); // loads the sample data into the empty database first

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
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      outsideRequests.push(url);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(UI_TIMEOUT);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }

  afterAll(async () => {
    await context?.close().catch(() => {});
    if (gateway && gateway.exitCode === null) {
      gateway.kill('SIGTERM');
      await Promise.race([gatewayExited, new Promise((r) => setTimeout(r, 20_000))]);
      if (gateway.exitCode === null) gateway.kill('SIGKILL');
    }
    await dropDatabase?.().catch(() => {});
    await server?.stop();
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
    await screenshot('failed-step').catch(() => {});
  });

  it('sends a visitor to the sign-in page, and shows the Vietnamese error for a wrong password', async () => {
    await page.goto(new URL('/units', baseUrl).href);
    await page.waitForURL(/\/login\?next=%2Funits$/);
    await signIn('quan.longbien', 'mat-khau-sai');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(await alert.textContent()).toContain('Đăng nhập không thành công');
    await screenshot('01-login-wrong-password');
  });

  it('signs the district officer in, with name, role and territory in the shell', async () => {
    await signIn('quan.longbien', 'coso-quan-demo');
    await page.waitForURL(/\/units$/);
    const user = page.getByTestId('signed-in-user');
    await user.getByText('Ban Tổ chức Quận ủy Long Biên').waitFor();
    expect(await user.textContent()).toContain('Cán bộ quận');
    expect(await user.textContent()).toContain('Địa bàn: Quận Long Biên');
    // The district ended on 1/7/2025: the list opens on its last day.
    await page.getByText('Địa bàn Quận Long Biên đã kết thúc từ ngày 01/07/2025').waitFor();
    expect(await page.getByLabel('Ngày xem dữ liệu').inputValue()).toBe('30/06/2025');
  });

  it('finds Giang Biên by typing without diacritics (server-side search)', async () => {
    await page.getByRole('searchbox', { name: 'Tìm theo tên, có dấu hay không dấu' }).fill('giang bien');
    await page.waitForURL(/[?&]q=giang\+bien/);
    await cell('Giang Biên').waitFor();
    await expect.poll(() => rowNames(), { timeout: UI_TIMEOUT }).toEqual(['Giang Biên']);
    await screenshot('02-units-search-giang-bien');
  });

  it('lists the 14 wards of Long Biên as of 1/12/2022', async () => {
    // The menu entry opens the list afresh: the search box empties with the address.
    await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
    await page.waitForURL(/\/units$/);
    await expect.poll(() => page.getByRole('searchbox', { name: 'Tìm theo tên, có dấu hay không dấu' }).inputValue()).toBe('');
    await chooseKind('Phường');
    await page.waitForURL(/[?&]kind=WARD/);
    await setAsOf('01/12/2022');
    await page.getByTestId('units-total').getByText('14 đơn vị').waitFor();
    await expect.poll(() => rows().count(), { timeout: UI_TIMEOUT }).toBe(14);
    const names = await rowNames();
    for (const ward of ['Bồ Đề', 'Giang Biên', 'Ngọc Thụy', 'Sài Đồng', 'Việt Hưng']) expect(names).toContain(ward);
    await screenshot('03-units-wards-2022-12-01');
  });

  it('shows the district officer no ward after the 2025 reorganisation (the new wards lie outside the territory)', async () => {
    await setAsOf('01/08/2025');
    await page.getByText('Không có đơn vị nào khớp với điều kiện đã chọn.').waitFor();
    await page.getByText('Địa bàn Quận Long Biên đã kết thúc từ ngày 01/07/2025, trước ngày đang xem (01/08/2025)').waitFor();
    expect(await page.getByTestId('units-total').textContent()).toBe('0 đơn vị');
    await screenshot('04-units-district-2025-08-01-empty');
  });

  it("lists the district's former groups on 1/8/2025, their new wards shown as outside the territory", async () => {
    await chooseKind('Tất cả các loại');
    await page.waitForURL((url) => !url.searchParams.has('kind'));
    await page.getByText('Một số thông tin liên quan nằm ngoài địa bàn của tài khoản nên không hiển thị.').waitFor();
    await page.getByRole('cell', { name: 'Ngoài địa bàn' }).first().waitFor();
    expect(await page.getByTestId('units-total').textContent()).toBe('223 đơn vị');
    await screenshot('05-units-district-2025-08-01-groups');
  });

  it('shows the administrator the new wards of 1/8/2025', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/login$/); // a fresh start for the next person, not the last user's list
    await signIn('admin', 'coso-admin-demo');
    await page.getByTestId('signed-in-user').getByText('Quản trị hệ thống').first().waitFor();
    await page.goto(new URL('/units?kind=WARD&asOf=2025-08-01', baseUrl).href);
    await cell('Việt Hưng').waitFor();
    const names = await rowNames();
    for (const ward of ['Bồ Đề', 'Long Biên', 'Phúc Lợi', 'Việt Hưng']) expect(names).toContain(ward);
    expect(names).not.toContain('Giang Biên');
    await screenshot('06-units-admin-2025-08-01-new-wards');
  });

  it('switches to English and keeps the choice and the session across a reload', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Administrative units' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Administrative units' }).waitFor();
    await cell('Việt Hưng').waitFor();
    await screenshot('07-units-english');
    await page.getByText('VI', { exact: true }).click();
    await page.getByRole('heading', { name: 'Đơn vị hành chính' }).waitFor();
  });

  it('leads the menu entries not built yet to a "coming soon" page', async () => {
    await page.getByRole('menuitem', { name: 'Báo cáo Chỉ thị 05' }).click();
    await page.waitForURL(/\/directive-report$/);
    await page.getByText('Báo cáo Chỉ thị 05 — Đang xây dựng').waitFor();
    await screenshot('08-coming-soon');
  });

  it('loaded nothing from outside and threw no error', () => {
    expect(outsideRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
