import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEMO, expectNothingFromOutsideAndNoErrors, useAdminWebBrowser } from './support/admin-web-browser.js';

/**
 * Directive 05-TT/QU's review, as the district officer works it: the dashboard's progress by
 * ward, the review report with the article's figures (222 groups, 49/49 cells), a figure's
 * records and a ward's share of them leading to the records' pages, the Word export, and the
 * findings leading to the record to act on. Then the analyst, who may not list party members.
 */
describe('directive report in Chromium', () => {
  const b = useAdminWebBrowser('directive-report');
  const page = b.page;
  const drawer = () => page.getByRole('dialog');
  /** The review report as the dashboard's button opens it: the district's territory on the review conference's day. */
  const REPORT = '/directive-report?to=2022-12-01';

  /** The report for the district officer, its figures loaded. */
  async function openReport(): Promise<void> {
    await b.open(REPORT, DEMO.district);
    await page.getByTestId('figure-residentialGroups').getByText('222', { exact: true }).waitFor();
  }

  it("shows the district officer the directive's progress per ward on the dashboard", async () => {
    await b.open('/dashboard', DEMO.district);
    // The report date defaults to the directive's review conference.
    await page.getByTestId('dashboard-subtitle').getByText('Quận Long Biên, tính đến ngày 01/12/2022').waitFor();
    expect(await page.getByLabel('Đến ngày').inputValue()).toBe('01/12/2022');
    // The chart opens on groups with apartment buildings that have a party cell: 7 of 7 in Giang Biên.
    const giangBien = page.getByTestId('ward-bar').filter({ hasText: 'Giang Biên' });
    await giangBien.waitFor();
    expect(await giangBien.textContent()).toContain('7/7');
    expect(await page.getByTestId('ward-bar').count()).toBe(14);
    // The ward table: Giang Biên's 15 residential groups.
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: 'Giang Biên' });
    expect(await row.locator('td').nth(1).textContent()).toBe('15');
    await b.screenshot('01-dashboard');
  });

  it('draws the bars by the share done, says “not applicable” for 0/0, totals the ward table and fits 1366 px', async () => {
    await b.open('/dashboard', DEMO.district);
    const bars = page.getByTestId('ward-bar');
    await bars.filter({ hasText: 'Giang Biên' }).waitFor();
    // Every ward that has all its groups covered (n/n, n > 0) has a full bar, whatever n; 0/0 has none.
    for (const bar of await bars.all()) {
      const text = (await bar.textContent()) ?? '';
      const [done, of] = (/(\d+)\/(\d+)$/.exec(text) ?? []).slice(1).map(Number);
      if (of === 0) expect(await bar.getByTestId('ward-bar-not-applicable').count(), text).toBe(1);
      else if (done === of) expect(await bar.locator('svg').getAttribute('data-share'), text).toBe('1');
    }
    // The total row: the district's 222 groups.
    const total = page.getByTestId('ward-total');
    await total.waitFor();
    expect(await total.locator('td').nth(1).textContent()).toBe('222');
    // No sideways scroll at 1366 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await b.screenshot('01b-dashboard-ratio-bars-total');
    await page.setViewportSize({ width: 390, height: 844 });
    await total.waitFor();
    await b.screenshot('01b-dashboard-ratio-bars-total-phone');
  });

  it('shows the ward officer progress group by group instead of one bar for the ward', async () => {
    await b.open('/dashboard', DEMO.ward);
    const card = page.getByTestId('group-progress');
    await card.getByText('Tiến độ theo tổ dân phố').waitFor();
    const rows = card.getByTestId('group-progress-row');
    // Giang Biên's 15 residential groups on the review date (the ward table of the district step).
    await expect.poll(() => rows.count()).toBe(15);
    for (const row of await rows.all()) {
      const text = (await row.textContent()) ?? '';
      expect(text, text).toMatch(/Đạt các yêu cầu|Còn \d+ tồn tại/);
    }
    expect(await page.getByTestId('ward-bar').count()).toBe(0);
    // Work on findings is as of today, and Giang Biên was merged in 2025: the card says so, no error.
    await page.getByText('Địa bàn này không còn tồn tại vào hôm nay').waitFor();
    await b.screenshot('01c-dashboard-ward-groups');
    await page.setViewportSize({ width: 390, height: 844 });
    await card.waitFor();
    await b.screenshot('01c-dashboard-ward-groups-phone');
  });

  it('opens the review report with 222 residential groups and 49/49 party cells', async () => {
    await b.open('/dashboard', DEMO.district);
    await page.getByTestId('dashboard-subtitle').getByText('Quận Long Biên, tính đến ngày 01/12/2022').waitFor();
    await page.getByRole('button', { name: 'Mở báo cáo sơ kết' }).click();
    await page.waitForURL((url) => url.pathname === '/directive-report' && url.searchParams.get('to') === '2022-12-01');
    await page.getByTestId('figure-residentialGroups').getByText('222', { exact: true }).waitFor();
    expect(await page.getByTestId('figure-apartmentGroupsWithCell').textContent()).toBe('49/49');
    expect(await page.getByTestId('figure-wardsWithApartmentGroups').textContent()).toBe('13/14');
    expect(await page.getByTestId('report-narrative').textContent()).toContain('Toàn quận có 222 tổ dân phố');
    expect(await page.getByTestId('report-period').textContent()).toBe('Kỳ báo cáo: từ 30/09/2021 đến 01/12/2022');
    await b.screenshot('02-report');
  });

  it('lists the 222 groups a figure counts, a page at a time', async () => {
    await openReport();
    await page.getByRole('button', { name: 'Danh sách bản ghi của chỉ tiêu Tổ dân phố', exact: true }).click();
    await drawer().getByTestId('records-total').getByText('222 bản ghi').waitFor();
    expect(await drawer().getByText('Trang 1/12').count()).toBe(1);
    expect(await drawer().locator('.ant-table-tbody tr.ant-table-row').count()).toBe(20);
    // Fourteen "Tổ dân phố số 1": each row names its ward.
    const wards = await drawer().locator('.ant-table-tbody tr.ant-table-row td:nth-child(2)').allTextContents();
    expect(wards.length).toBe(20);
    for (const ward of wards) expect(ward).toMatch(/^[A-ZĐ\p{Lu}]/u);
    await b.screenshot('03-report-records');
    await drawer().locator('.ant-drawer-close').click();
    await drawer().waitFor({ state: 'hidden' });
  });

  it("drills into a ward's share of a figure and follows a record to its page", async () => {
    await openReport();
    const figureRow = page.locator('tr.ant-table-row').filter({ hasText: 'Ban quản trị nhà chung cư được thành lập mới' });
    await figureRow.locator('.ant-table-row-expand-icon').click();
    const giangBien = page.locator('.ant-table-expanded-row tr.ant-table-row').filter({ hasText: 'Giang Biên' });
    expect(await giangBien.locator('td').nth(1).textContent()).toContain('2');
    await giangBien.getByRole('button', { name: 'Danh sách' }).click();
    await drawer().getByTestId('records-total').getByText('2 bản ghi').waitFor();
    const link = drawer().locator('.ant-table-tbody a').first();
    const name = (await link.textContent()) ?? '';
    expect(name).toMatch(/^Ban quản trị/);
    await b.screenshot('04-report-ward-records');
    await link.click();
    await page.waitForURL((url) => url.pathname.startsWith('/organizations/') && url.searchParams.get('asOf') === '2022-12-01');
    // The board's page has replaced the report (the route's chunk loaded), not just the address.
    await page.getByTestId('report-narrative').waitFor({ state: 'detached' });
    await page.goBack();
    await page.waitForURL(/\/directive-report\?/);
    await page.getByTestId('figure-residentialGroups').getByText('222', { exact: true }).waitFor();
  });

  it('exports the report as a Word file named after the directive, place and date', async () => {
    await openReport();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Word (.docx)' }).click()]);
    expect(download.suggestedFilename()).toBe('Báo cáo sơ kết 05-TT-QU Quận Long Biên 2022-12-01.docx');
    const path = await download.path();
    const bytes = await readFile(path);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.getByTestId('export-done').getByText('Báo cáo sơ kết 05-TT-QU Quận Long Biên 2022-12-01.docx', { exact: false }).waitFor();
    await b.screenshot('05-report-exported');
  });

  it('keeps the tasks ahead with the report and prints them, with the number and signer, in the Word report', async () => {
    await openReport();
    const tasks = `Rà soát, kiện toàn Ban quản trị nhà chung cư (bước kiểm thử ${Date.now()}).`;
    const area = page.getByTestId('report-tasks');
    await area.waitFor();
    await area.fill(tasks);
    await page.getByLabel('Số văn bản').fill('15');
    await page.getByLabel('Chức vụ người ký').fill('PHÓ BÍ THƯ');
    await page.getByLabel('Họ tên người ký').fill('Nguyễn Văn Ký');
    await page.getByRole('button', { name: 'Lưu nhiệm vụ, giải pháp' }).click();
    await page.getByTestId('report-tasks-feedback').getByText('Đã lưu nhiệm vụ, giải pháp.').waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
    await b.screenshot('05b-report-document-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await b.screenshot('05c-report-document-390');
    await page.setViewportSize({ width: 1366, height: 860 });

    // Saved on the server: a fresh page shows it again.
    await openReport();
    await expect.poll(() => page.getByTestId('report-tasks').inputValue()).toBe(tasks);
    await page.getByLabel('Số văn bản').fill('15');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo (Word)' }).click()]);
    const xml = documentXml(await readFile(await download.path()));
    expect(xml).toContain(tasks);
    expect(xml).toContain('Số 15-BC/QU');
    expect(xml).toContain('NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI');
    await page.getByTestId('document-done').waitFor();
  });

  it('lists the findings by rule, and a gap leads to the building to act on', async () => {
    await openReport();
    await page.getByRole('link', { name: 'Xem các tồn tại, hạn chế' }).click();
    await page.waitForURL((url) => url.pathname === '/findings' && url.searchParams.get('asOf') === '2022-12-01');
    await page.getByTestId('findings-total').getByText('20 tồn tại').waitFor();
    const tag = page.getByTestId('findings-by-code').getByText('Nhà chung cư phải có Ban quản trị nhưng chưa có');
    await tag.click();
    await page.waitForURL((url) => url.searchParams.get('code') === 'BUILDING_WITHOUT_BOARD');
    await page.getByTestId('findings-total').getByText('2 tồn tại').waitFor();
    await b.screenshot('06-findings-building-without-board');
    const link = page.locator('.ant-table-tbody tr.ant-table-row a').first();
    await link.click();
    await page.waitForURL((url) => url.pathname.startsWith('/buildings/') && url.searchParams.get('asOf') === '2022-12-01');
    await page.getByTestId('findings-total').waitFor({ state: 'detached' });
  });

  it('tells the analyst that party members are listed for party-organisation staff only', async () => {
    // No territory: the report opens on the place the directive was issued for.
    await b.open('/directive-report', DEMO.analyst);
    await page.getByTestId('figure-partyMembersOnBoards').getByText('43', { exact: true }).waitFor();
    expect(await page.getByTestId('figure-apartmentGroupsWithCell').textContent()).toBe('49/49');
    await page.getByRole('button', { name: 'Danh sách bản ghi của chỉ tiêu Đảng viên tham gia Ban quản trị', exact: true }).click();
    await drawer().getByText('Danh sách chỉ dành cho cán bộ tổ chức đảng').waitFor();
    await b.screenshot('07-report-party-list-refused');
    await drawer().locator('.ant-drawer-close').click();
    // The figure's ward values are withheld too (the total is the one the review published): the page says so.
    await page
      .locator('tr', { has: page.getByTestId('figure-partyMembersOnBoards') })
      .locator('.ant-table-row-expand-icon')
      .click();
    await page.getByText('Số theo phường của chỉ tiêu này là thông tin đảng viên', { exact: false }).waitFor();
  });

  it('loaded nothing from outside and threw no error', () => expectNothingFromOutsideAndNoErrors(b));
});

/** word/document.xml of a .docx (a zip), read through its central directory. */
function documentXml(zip: Buffer): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (name === 'word/document.xml') {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error('no word/document.xml in the file');
}
