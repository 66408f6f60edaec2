import { readFileSync } from 'node:fs';
import { searchKey } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { apiToken } from '../support/gateway-process.js';
import { DEMO, expectNothingFromOutsideAndNoErrors, stored, useAdminWebBrowser } from './support/admin-web-browser.js';

/**
 * The admin web on a phone, as a ward or district officer uses it in a residential group: every
 * route of the app at 390×844 and 360×740 fits the screen's width (no sideways scroll), the header
 * keeps one line with the user's name, the menu is a drawer over the page; and the main journeys'
 * steps at phone size (sign in, a list, a record, the report). Screenshots: tests/artifacts/phone/.
 */

const PHONES = [
  { name: '390', width: 390, height: 844 },
  { name: '360', width: 360, height: 740 },
] as const;

/**
 * The app's routes, read from its route table (apps/admin-web/src/app-routes.tsx), so a page added
 * there is opened here without anyone listing it. `:list` (the registry's lists) is expanded from
 * the menu the page shows.
 */
function routeTable(): string[] {
  const source = readFileSync(new URL('../../apps/admin-web/src/app-routes.tsx', import.meta.url), 'utf8');
  const table = source.slice(source.indexOf('const pageRoutes'), source.indexOf('export const routes'));
  return [...table.matchAll(/\{\s*path:\s*'([^']+)'/g)].map((m) => m[1] as string);
}

const ROUTES = routeTable();
/** Where the review report opens with its figures: the district's review day. */
const REPORT = '/directive-report?to=2022-12-01';
/** The district's territory ended on 1/7/2025: records are looked up on its last day. */
const AS_OF = '2025-06-30';

interface Ids {
  unit: string;
  building: string;
  organization: string;
  board: string;
  person: string;
  /** An import batch: the people template uploaded as it comes (its example row). */
  importBatch: string;
}

describe('admin web on a phone', () => {
  const b = useAdminWebBrowser('phone');
  const page = b.page;
  let ids: Ids | undefined;

  async function usePhone(phone: (typeof PHONES)[number]): Promise<void> {
    await page.setViewportSize({ width: phone.width, height: phone.height });
  }

  /** The page has its data: no request in flight, no spinner or skeleton left. */
  async function settled(): Promise<void> {
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
  }

  /** What would make the page unusable on the phone: sideways scroll, a header over two lines or wider than the screen. */
  async function layoutProblems(): Promise<string[]> {
    return page.evaluate(() => {
      const problems: string[] = [];
      const width = window.innerWidth;
      const scrollWidth = document.documentElement.scrollWidth;
      if (scrollWidth > width) {
        // Name the elements that overflow while none of their children does: what to fix.
        const over = (el: Element) => el.getBoundingClientRect().right > width + 0.5 && el.getClientRects().length > 0;
        const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
          .filter((el) => over(el) && !Array.from(el.children).some(over))
          .filter(
            (el) => !el.closest('.ant-table-content, .ant-descriptions-view, .ant-drawer, .ant-select-dropdown, .ant-picker-dropdown'),
          )
          .slice(0, 4)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 2).join('.')} "${(el.textContent ?? '').slice(0, 20)}" → ${Math.round(el.getBoundingClientRect().right)}`,
          );
        problems.push(`the page is ${scrollWidth} px wide in a ${width} px window (${wide.join('; ')})`);
      }
      const header = document.querySelector<HTMLElement>('[data-testid="app-header"]');
      if (header) {
        const box = header.getBoundingClientRect();
        if (box.right > width + 0.5 || header.scrollWidth > header.clientWidth)
          problems.push(`the header is wider than the window (${header.scrollWidth} px)`);
        if (box.height > 64.5) problems.push(`the header is ${box.height} px high (more than one line)`);
        const user = header.querySelector<HTMLElement>('[data-testid="signed-in-user"]');
        const userBox = user?.getBoundingClientRect();
        if (!user || !userBox || userBox.height === 0) problems.push("the header does not show the user's name");
        else if (userBox.height > 32 || userBox.right > width) problems.push(`the user's name takes ${userBox.width}×${userBox.height} px`);
      }
      return problems;
    });
  }

  async function fits(shot: string): Promise<void> {
    await settled();
    expect(await layoutProblems(), shot).toEqual([]);
    await b.screenshot(shot);
  }

  async function theIds(): Promise<Ids> {
    if (ids) return ids;
    const first = `query PhoneIds($asOf: Date) {
      units(asOf: $asOf, first: 1, filter: { kind: WARD }) { nodes { id } }
      buildings(asOf: $asOf, first: 1) { nodes { id } }
      organizations(asOf: $asOf, first: 1, filter: { kind: PARTY_CELL }) { nodes { id } }
      boards: organizations(asOf: $asOf, first: 1, filter: { kind: MANAGEMENT_BOARD }) { nodes { id } }
      people(asOf: $asOf, first: 1) { nodes { id } }
    }`;
    type Nodes = { nodes: { id: string }[] };
    const data = await b.graphql<Record<'units' | 'buildings' | 'organizations' | 'boards' | 'people', Nodes>>(DEMO.district, first, {
      asOf: AS_OF,
    });
    const one = (key: keyof typeof data) => stored(data[key].nodes[0]?.id, `a record of ${key} in the sample data`);
    // An import batch for /imports/:id: the people template, downloaded and uploaded back as the district officer.
    const token = await apiToken(b.baseUrl, ...DEMO.district);
    const auth = { authorization: `Bearer ${token}` };
    const template = await fetch(b.url('/imports/templates/people.xlsx'), { headers: auth });
    expect(template.status).toBe(200);
    const upload = await fetch(b.url('/imports?kind=people&fileName=mau.xlsx'), {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      body: Buffer.from(await template.arrayBuffer()),
    });
    expect(upload.status).toBe(201);
    const batch = ((await upload.json()) as { id: string }).id;
    ids = {
      importBatch: stored(batch, 'an uploaded import batch'),
      unit: one('units'),
      building: one('buildings'),
      organization: one('organizations'),
      board: one('boards'),
      person: one('people'),
    };
    return ids;
  }

  /** A route of the table with its `:id` filled by a record of the right kind. */
  async function address(route: string): Promise<string> {
    const id = await theIds();
    const byPrefix: Record<string, string> = {
      units: id.unit,
      buildings: id.building,
      organizations: id.organization,
      boards: id.board,
      people: id.person,
      imports: id.importBatch,
    };
    const filled = route.replace(':id', () => {
      const record = byPrefix[route.split('/')[0] ?? ''];
      if (!record) throw new Error(`no record to open the route ${route} with: add its kind to phone.test.ts`);
      return encodeURIComponent(record);
    });
    return `/${filled}${filled.includes('/') ? `?asOf=${AS_OF}` : ''}`;
  }

  it('reads the route table', () => {
    expect(ROUTES).toEqual(expect.arrayContaining(['dashboard', 'people/:id', ':list']));
    expect(ROUTES.length).toBeGreaterThanOrEqual(15);
  });

  /** The page as it is now, at every phone size in turn (resized in place: the layout must follow without a reload). */
  async function fitsAtEverySize(shot: (phone: (typeof PHONES)[number]) => string): Promise<void> {
    for (const phone of PHONES) {
      await usePhone(phone);
      await fits(shot(phone));
    }
  }

  for (const phone of PHONES) {
    it(`signs in at ${phone.width} px`, async () => {
      await usePhone(phone);
      await b.open('/dashboard');
      await page.waitForURL(/\/login/);
      await fits(`${phone.name}-00-login`);
      await b.signIn(...DEMO.district);
      await page.getByTestId('signed-in-user').waitFor();
      await page.waitForURL(/\/dashboard/);
      await fits(`${phone.name}-01-dashboard-signed-in`);
    });
  }

  // Each route opened once, then checked at every phone size (one page load per route, not one per size).
  for (const route of ROUTES.filter((r) => r !== ':list')) {
    it(`fits ${route} at ${PHONES.map((p) => p.width).join(' and ')} px`, async () => {
      await usePhone(PHONES[0]);
      await b.open(route === 'directive-report' ? REPORT : await address(route), DEMO.district);
      await fitsAtEverySize((phone) => `${phone.name}-route-${route.replaceAll('/', '_').replaceAll(':', '')}`);
    });
  }

  it(`fits every list of the menu at ${PHONES.map((p) => p.width).join(' and ')} px (the :list route)`, async () => {
    await usePhone(PHONES[0]);
    await b.open('/dashboard', DEMO.district);
    await page.getByRole('button', { name: 'Mở danh mục chức năng' }).click();
    const links = page.getByRole('navigation', { name: 'Danh mục chức năng' }).getByRole('menuitem');
    await links.first().waitFor();
    const count = await links.count();
    const named = new Set(ROUTES.filter((r) => !r.includes(':')));
    const lists: string[] = [];
    for (let i = 0; i < count; i++) {
      if (i > 0) {
        await usePhone(PHONES[0]);
        await page.getByRole('button', { name: 'Mở danh mục chức năng' }).click();
      }
      await links.nth(i).click();
      // A choice closes the drawer, on the page it chose.
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      const path = new URL(page.url()).pathname.slice(1);
      if (!named.has(path)) {
        lists.push(path);
        await fitsAtEverySize((phone) => `${phone.name}-list-${path}`);
      }
    }
    expect(lists).toEqual(expect.arrayContaining(['units', 'buildings']));
  });

  it('opens the menu as a drawer over the page, and closes it on a choice', async () => {
    await usePhone(PHONES[0]);
    await b.open('/dashboard', DEMO.district);
    await settled();
    const content = page.locator('.coso-content');
    // Where the content is and how wide: its height is left out, as it grows while the dashboard's
    // parts arrive (on a loaded CI machine some came after settled(): 548 px, then 2,807).
    const placed = async () => {
      const box = await content.boundingBox();
      return box && { x: box.x, y: box.y, width: box.width };
    };
    const before = await placed();
    await page.getByRole('button', { name: 'Mở danh mục chức năng' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('menuitem', { name: 'Nhân sự' }).waitFor();
    // Over the page: the content has not moved, nor been narrowed.
    expect(await placed()).toEqual(before);
    // The role and territory the header has no room for.
    expect(await page.getByTestId('drawer-user').textContent()).toContain('Địa bàn: Quận Long Biên');
    await b.screenshot('390-02-menu-drawer');
    await drawer.getByRole('menuitem', { name: 'Nhân sự' }).click();
    await page.waitForURL(/\/people$/);
    await drawer.waitFor({ state: 'hidden' });
  });

  it('opens a list and a record from it at phone size', async () => {
    await usePhone(PHONES[0]);
    await b.open('/units?kind=WARD&asOf=2022-12-01', DEMO.district);
    await page.getByTestId('units-total').getByText('14 đơn vị').waitFor();
    await fits('390-03-units-list');
    await page.getByRole('link', { name: 'Giang Biên', exact: true }).click();
    await page.waitForURL(/\/units\/[^/?]+/);
    await page
      .getByRole('heading', { name: /Giang Biên/ })
      .first()
      .waitFor();
    await fits('390-04-unit-giang-bien');
  });

  it('shows the review report at phone size', async () => {
    await usePhone(PHONES[0]);
    await b.open(REPORT, DEMO.district);
    await page.getByTestId('figure-residentialGroups').getByText('222', { exact: true }).waitFor();
    await fits('390-05-report');
  });

  /** The header's search box (a combobox; on a phone on its own line below the header). */
  const searchBox = () => page.getByRole('combobox', { name: 'Tìm người, địa bàn, nhà chung cư, tổ chức' });
  const group = (kind: string) => page.getByTestId(`search-group-${kind}`);

  it('finds a ward and its bodies from the header without diacritics, and opens the first hit by keyboard', async () => {
    await b.open('/people', DEMO.district);
    await searchBox().pressSequentially('giang bien');
    await group('places').waitFor();
    await group('bodies').waitFor();
    // Grouped by kind, in a fixed order: places before bodies.
    const groups = await page
      .locator('[data-testid^="search-group-"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(groups.indexOf('search-group-places')).toBeLessThan(groups.indexOf('search-group-bodies'));
    const places = page.getByTestId('search-hit-places');
    expect(await places.first().textContent()).toBe('Phường Giang Biên — Quận Long Biên');
    expect(await places.first().getAttribute('href')).toMatch(/^\/units\/[^?]+\?asOf=2025-06-30$/);
    const firstHref = await places.first().getAttribute('href');
    await b.screenshot('search-01-giang-bien');
    // Enter opens the highlighted hit: wait until the keyboard has highlighted the first one (a
    // full-page screenshot or a late render can close the list or reset the highlight; ArrowDown
    // opens it again and moves to the first hit). Once in CI the box was found empty here (the
    // header's search remounted under load, its text gone): the text is typed again then.
    const highlighted = page.locator('.ant-select-item-option-active a[data-testid^="search-hit-"]');
    await expect
      .poll(async () => {
        if ((await searchBox().inputValue()) !== 'giang bien') {
          await searchBox().fill('');
          await searchBox().pressSequentially('giang bien');
          return null;
        }
        if ((await highlighted.count()) === 0) await searchBox().press('ArrowDown');
        return (await highlighted.count()) === 0 ? null : highlighted.first().getAttribute('href');
      })
      .toBe(firstHref);
    await searchBox().press('Enter');
    await page.waitForURL(/\/units\/[^/?]+\?asOf=2025-06-30$/);
    await page
      .getByRole('heading', { name: /Giang Biên/ })
      .first()
      .waitFor();
  });

  it('finds a person by name without diacritics from the header at phone size', async () => {
    await usePhone(PHONES[0]);
    const { people } = await b.graphql<{ people: { nodes: { fullName: string }[] } }>(
      DEMO.district,
      'query { people(asOf: "2025-06-30", first: 1) { nodes { fullName } } }',
    );
    const name = stored(people.nodes[0]?.fullName, 'a person in the sample data');
    await b.open('/dashboard', DEMO.district);
    await searchBox().pressSequentially(searchKey(name));
    await group('people').waitFor();
    const hits = await page.getByTestId('search-hit-people').allTextContents();
    expect(hits.some((hit) => hit.startsWith(name))).toBe(true);
    expect(await layoutProblems()).toEqual([]);
    await b.screenshot('390-06-search-person');
    await page.getByTestId('search-hit-people').filter({ hasText: name }).first().click();
    await page.waitForURL(/\/people\/[^/?]+\?asOf=2025-06-30$/);
    await page.getByRole('heading').filter({ hasText: name }).first().waitFor();
  });

  it('says when the search finds nothing', async () => {
    await b.open('/dashboard', DEMO.district);
    await searchBox().pressSequentially('zzxq khong co');
    await page.getByText('Không tìm thấy người, địa bàn, nhà chung cư hay tổ chức nào khớp với “zzxq khong co”.').waitFor();
  });

  it('sent nothing outside and raised no page error', () => {
    expectNothingFromOutsideAndNoErrors(b);
  });
});
