import { searchKey } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { DEMO, expectNothingFromOutsideAndNoErrors, useAdminWebBrowser } from './support/admin-web-browser.js';

/** The list pages: buildings, boards, party cells, bodies and people — server-side filters, order, pages, masking. */
describe('admin web lists in Chromium', () => {
  const b = useAdminWebBrowser('lists');
  const page = b.page;

  const rows = () => page.locator('.ant-table-tbody tr.ant-table-row');
  const column = (n: number) => page.locator(`.ant-table-tbody tr.ant-table-row td:nth-child(${n})`).allTextContents();
  const total = (testId: string) => page.getByTestId(testId).textContent();

  async function choose(label: string, option: string): Promise<void> {
    await page.getByLabel(label, { exact: true }).click();
    await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
  }

  it('lists the apartment buildings of the review day, with and without a board', async () => {
    await b.open('/buildings?asOf=2022-12-01', DEMO.district);
    await expect.poll(() => total('buildings-total')).toMatch(/^\d+ nhà chung cư$/);
    const all = Number((await total('buildings-total'))?.split(' ')[0]);
    await choose('Ban quản trị', 'Chưa có Ban quản trị');
    await page.waitForURL(/[?&]board=no/);
    await expect.poll(() => total('buildings-total')).not.toBe(`${all} nhà chung cư`);
    const without = Number((await total('buildings-total'))?.split(' ')[0]);
    await expect.poll(async () => (await column(5)).every((text) => text.startsWith('Chưa có'))).toBe(true);
    await choose('Ban quản trị', 'Đã có Ban quản trị');
    await page.waitForURL(/[?&]board=yes/);
    await expect.poll(async () => Number((await total('buildings-total'))?.split(' ')[0]) + without).toBe(all);
    await b.screenshot('01-buildings-with-board');
  });

  it('orders the buildings by size on the server when the column header is clicked', async () => {
    await b.open('/buildings?asOf=2022-12-01&board=yes', DEMO.district);
    await page.getByRole('columnheader', { name: 'Số căn hộ' }).click();
    await page.waitForURL(/[?&]sort=APARTMENT_COUNT/);
    // The header shows the order the address holds before the next click turns it around.
    await expect.poll(() => page.getByRole('columnheader', { name: 'Số căn hộ' }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('columnheader', { name: 'Số căn hộ' }).click();
    await page.waitForURL(/[?&]dir=DESC/);
    await expect
      .poll(async () => {
        const counts = (await column(4)).map((text) => Number(text.replace(/\D/g, '')));
        return counts.length > 1 && counts.every((c, i) => i === 0 || (counts[i - 1] ?? 0) >= c);
      })
      .toBe(true);
    await b.screenshot('02-buildings-by-size');
  });

  it('lists the party cells of one ward, the ward chosen by typing without diacritics', async () => {
    await b.open('/buildings?asOf=2022-12-01', DEMO.district);
    await page.getByRole('menuitem', { name: 'Chi bộ tổ dân phố' }).click();
    await page.waitForURL(/\/party-cells/);
    // The address changes before the page does: until the new page shows, the buildings page (with
    // its own date field) is still on screen.
    await page.getByRole('heading', { name: 'Chi bộ tổ dân phố' }).waitFor();
    await b.setAsOf('01/12/2022');
    await page.getByLabel('Phường', { exact: true }).click();
    await page.getByLabel('Phường', { exact: true }).pressSequentially('giang bien');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="Phường Giang Biên"]').click();
    await page.waitForURL(/[?&]ward=/);
    await expect.poll(() => total('organizations-total')).toMatch(/^\d+ tổ chức$/);
    const cells = Number((await total('organizations-total'))?.split(' ')[0]);
    expect(cells).toBeGreaterThan(0);
    const names = await column(1);
    expect(names.every((name) => name.startsWith('Chi bộ'))).toBe(true);
    await b.screenshot('03-party-cells-giang-bien');
  });

  it('lists the boards, each linked to its building, and opens one', async () => {
    await b.open('/party-cells?asOf=2022-12-01', DEMO.district);
    await page.getByRole('menuitem', { name: 'Ban quản trị' }).click();
    await page.waitForURL(/\/boards/);
    await page.getByRole('heading', { name: 'Ban quản trị nhà chung cư' }).waitFor();
    await b.setAsOf('01/12/2022');
    await expect.poll(() => rows().count()).toBeGreaterThan(0);
    const first = page.locator('.ant-table-tbody tr.ant-table-row td:first-child a').first();
    const name = await first.textContent();
    expect(name).toMatch(/^Ban quản trị/);
    await first.click();
    await page.waitForURL(/\/organizations\/[^/?]+\?asOf=2022-12-01$/);
    await b.screenshot('04-board-opened');
  });

  it('finds people by name without diacritics, and shows the analyst masked citizen IDs and phones', async () => {
    await b.open('/people?asOf=2022-12-01', DEMO.analyst);
    await page.getByRole('searchbox', { name: 'Tìm theo tên, có dấu hay không dấu' }).fill('nguyen van');
    await page.waitForURL(/[?&]q=nguyen\+van/);
    await expect
      .poll(async () => {
        const names = await column(1);
        // Every word, diacritics optional: "Nguyễn Bích Vân" matches too.
        return names.length > 0 && names.every((n) => searchKey(n).includes('nguyen') && searchKey(n).includes('van'));
      })
      .toBe(true);
    const ids = await column(4);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\*{9}\d{3}$/);
    for (const phone of await column(5)) expect(phone).toMatch(/^(—|\*{7}\d{3})$/);
    // The analyst keeps no party records: no party filter, no "add a person".
    expect(await page.getByLabel('Đảng viên', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Thêm người' }).count()).toBe(0);
    await b.screenshot('05-people-analyst-masked');
  });

  it('shows the district officer unmasked numbers and the party filter', async () => {
    await b.open('/people?asOf=2022-12-01&q=nguyen+van', DEMO.district);
    await expect.poll(async () => (await column(4)).length).toBeGreaterThan(0);
    for (const id of await column(4)) expect(id).toMatch(/^\d{12}$/);
    await page.getByLabel('Đảng viên', { exact: true }).waitFor();
    await b.screenshot('06-people-district');
  });

  it('searched by a place’s words, says no name matched, offers the place and lists who lives there with their ward', async () => {
    // #15: "tổ 5 giang biên" is a place, not a name.
    await b.open('/people?asOf=2022-12-01&q=to+5+giang+bien', DEMO.district);
    const hint = page.getByTestId('people-no-name-match');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('Không có ai tên khớp với “to 5 giang bien”.');
    await hint.getByRole('button', { name: 'Tổ dân phố số 5 — Phường Giang Biên', exact: true }).click();
    await page.getByTestId('people-place').waitFor();
    await expect.poll(async () => (await column(6)).length).toBeGreaterThan(0);
    // The residence column names the ward: group names repeat across wards.
    for (const residence of await column(6)) expect(residence).toBe('Tổ dân phố số 5 — Phường Giang Biên');
    await b.screenshot('07-people-by-place');
  });

  it('loaded nothing from outside and threw no error', () => expectNothingFromOutsideAndNoErrors(b));
});
