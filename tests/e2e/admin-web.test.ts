import { describe, expect, it } from 'vitest';
import { DEMO, expectNothingFromOutsideAndNoErrors, useAdminWebBrowser } from './support/admin-web-browser.js';

/** Signing in, the shell, the units list: what a district officer and the administrator see. */
describe('admin web in Chromium', () => {
  const b = useAdminWebBrowser('admin-web', { motion: 'no-preference' });
  const page = b.page;

  async function chooseKind(label: string): Promise<void> {
    await page.getByLabel('Loại đơn vị').click();
    await page.locator(`.ant-select-item-option[title="${label}"]`).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
  }

  const rows = () => page.locator('.ant-table-tbody tr.ant-table-row');
  const rowNames = () => page.locator('.ant-table-tbody tr.ant-table-row td:first-child').allTextContents();
  const cell = (text: string) => page.getByRole('cell', { name: text, exact: true });
  const search = () => page.getByRole('searchbox', { name: 'Tìm theo tên, có dấu hay không dấu' });

  it('sends a visitor to the sign-in page, and shows the Vietnamese error for a wrong password', async () => {
    await b.open('/units');
    await page.waitForURL(/\/login\?next=%2Funits$/);
    // The sample data's demo accounts are open: the sign-in page warns, Vietnamese by default.
    const banner = page.getByTestId('demo-accounts-banner');
    await banner.getByText('Cảnh báo: tài khoản demo đang mở').waitFor();
    expect(await banner.textContent()).toContain('admin, phantich, phuong.giangbien, quan.longbien, xem');
    await b.signIn('quan.longbien', 'mat-khau-sai');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(await alert.textContent()).toContain('Đăng nhập không thành công');
    await b.screenshot('01-login-wrong-password');
  });

  it('signs the district officer in, with name, role and territory in the shell', async () => {
    await b.open('/units');
    await page.waitForURL(/\/login\?next=%2Funits$/);
    await b.signIn('quan.longbien', 'coso-quan-demo');
    await page.waitForURL(/\/units$/);
    const user = page.getByTestId('signed-in-user');
    await user.getByText('Ban Tổ chức Quận ủy Long Biên').waitFor();
    expect(await user.textContent()).toContain('Cán bộ quận');
    expect(await user.textContent()).toContain('Địa bàn: Quận Long Biên');
    // The district ended on 1/7/2025: the list opens on its last day.
    await page.getByText('Địa bàn Quận Long Biên đã kết thúc từ ngày 01/07/2025').waitFor();
    expect(await page.getByLabel('Ngày xem dữ liệu').inputValue()).toBe('30/06/2025');
    // This journey runs as most users have the system: with animations (accounts.test.ts: without).
    expect(await b.motionDuration()).toBe('0.2s');
  });

  it('finds Giang Biên by typing without diacritics (server-side search)', async () => {
    await b.open('/units', DEMO.district);
    await search().fill('giang bien');
    await page.waitForURL(/[?&]q=giang\+bien/);
    await cell('Giang Biên').waitFor();
    await expect.poll(() => rowNames()).toEqual(['Giang Biên']);
    await b.screenshot('02-units-search-giang-bien');
  });

  it('lists the 14 wards of Long Biên as of 1/12/2022', async () => {
    await b.open('/units?q=giang+bien', DEMO.district);
    await cell('Giang Biên').waitFor();
    expect(await search().inputValue()).toBe('giang bien');
    // The menu entry opens the list afresh: the search box empties with the address.
    await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
    await page.waitForURL(/\/units$/);
    await expect.poll(() => search().inputValue()).toBe('');
    await chooseKind('Phường');
    await page.waitForURL(/[?&]kind=WARD/);
    await b.setAsOf('01/12/2022');
    await page.getByTestId('units-total').getByText('14 đơn vị').waitFor();
    await expect.poll(() => rows().count()).toBe(14);
    const names = await rowNames();
    for (const ward of ['Bồ Đề', 'Giang Biên', 'Ngọc Thụy', 'Sài Đồng', 'Việt Hưng']) expect(names).toContain(ward);
    await b.screenshot('03-units-wards-2022-12-01');
  });

  it('shows the district officer no ward after the 2025 reorganisation (the new wards lie outside the territory)', async () => {
    await b.open('/units?kind=WARD&asOf=2022-12-01', DEMO.district);
    await page.getByTestId('units-total').getByText('14 đơn vị').waitFor();
    await b.setAsOf('01/08/2025');
    await page.getByText('Không có đơn vị nào khớp với điều kiện đã chọn.').waitFor();
    await page.getByText('Địa bàn Quận Long Biên đã kết thúc từ ngày 01/07/2025, trước ngày đang xem (01/08/2025)').waitFor();
    expect(await page.getByTestId('units-total').textContent()).toBe('0 đơn vị');
    await b.screenshot('04-units-district-2025-08-01-empty');
  });

  it("lists the district's former groups on 1/8/2025, their new wards shown as outside the territory", async () => {
    await b.open('/units?kind=WARD&asOf=2025-08-01', DEMO.district);
    await page.getByText('Không có đơn vị nào khớp với điều kiện đã chọn.').waitFor();
    await chooseKind('Tất cả các loại');
    await page.waitForURL((url) => !url.searchParams.has('kind'));
    await page.getByText('Một số thông tin liên quan nằm ngoài địa bàn của tài khoản nên không hiển thị.').waitFor();
    await page.getByRole('cell', { name: 'Ngoài địa bàn' }).first().waitFor();
    expect(await page.getByTestId('units-total').textContent()).toBe('223 đơn vị');
    await b.screenshot('05-units-district-2025-08-01-groups');
  });

  it('shows the administrator the new wards of 1/8/2025', async () => {
    await b.open('/units?asOf=2025-08-01', DEMO.district);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/login$/); // a fresh start for the next person, not the last user's list
    await b.signIn('admin', 'coso-admin-demo');
    await page.getByTestId('signed-in-user').getByText('Quản trị hệ thống').first().waitFor();
    await page.goto(b.url('/units?kind=WARD&asOf=2025-08-01'));
    await cell('Việt Hưng').waitFor();
    const names = await rowNames();
    for (const ward of ['Bồ Đề', 'Long Biên', 'Phúc Lợi', 'Việt Hưng']) expect(names).toContain(ward);
    expect(names).not.toContain('Giang Biên');
    await b.screenshot('06-units-admin-2025-08-01-new-wards');
  });

  it('switches to English and keeps the choice and the session across a reload', async () => {
    await b.open('/units?kind=WARD&asOf=2025-08-01', DEMO.admin);
    await page.getByRole('heading', { name: 'Đơn vị hành chính' }).waitFor();
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Administrative units' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Administrative units' }).waitFor();
    await cell('Việt Hưng').waitFor();
    await b.screenshot('07-units-english');
    await page.getByText('VI', { exact: true }).click();
    await page.getByRole('heading', { name: 'Đơn vị hành chính' }).waitFor();
  });

  // Under the gateway's Content-Security-Policy: a blocked script, style or request fails this step.
  it('loaded nothing from outside, broke no Content-Security-Policy rule and threw no error', () => expectNothingFromOutsideAndNoErrors(b));
});
