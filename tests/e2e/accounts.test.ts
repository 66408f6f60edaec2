import { describe, expect, it } from 'vitest';
import { type Account, DEMO, expectNothingFromOutsideAndNoErrors, stored, useAdminWebBrowser } from './support/admin-web-browser.js';

/** The administrator creates a ward officer's account (the domain's rules as they type), the officer signs in, the account is locked. */
describe('accounts in Chromium', () => {
  const b = useAdminWebBrowser('accounts');
  const page = b.page;
  const dialog = () => page.getByRole('dialog');
  const field = (label: string) => dialog().getByLabel(label, { exact: true });
  const fieldError = (text: string) => dialog().locator('.ant-form-item-explain-error', { hasText: text });
  const row = (username: string) => page.locator('.ant-table-tbody tr.ant-table-row', { hasText: username });

  const WARD_OFFICER: Account = ['phuong.bode', 'mat-khau-bo-de-2026'];
  /** The ward officer's account, once the step creating it has saved it. */
  let created: Account | undefined;

  it('lists the accounts for the administrator only', async () => {
    await b.open('/units', DEMO.district);
    expect(await page.getByRole('menuitem', { name: 'Tài khoản' }).count()).toBe(0);
    await b.signInAs(DEMO.admin);
    await page.getByRole('menuitem', { name: 'Tài khoản' }).click();
    await page.waitForURL(/\/accounts$/);
    await row('quan.longbien').waitFor();
    expect(await row('quan.longbien').textContent()).toContain('Cán bộ quận');
    // The system asks for reduced motion (the harness' default): Ant Design's transitions are off.
    expect(await b.motionDuration()).toBe('0s');
    await b.screenshot('01-accounts');
  });

  it('checks the account rules as the administrator types', async () => {
    await b.open('/accounts', DEMO.admin);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await field('Tên đăng nhập').fill('Phường Bồ Đề');
    await fieldError('Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm, gạch.').waitFor();
    await field('Tên đăng nhập').fill('phuong.bode');
    await fieldError('Tên đăng nhập gồm').waitFor({ state: 'detached' });
    await field('Tên hiển thị').fill('Cán bộ Phường Bồ Đề');
    await field('Mật khẩu').fill('ngan');
    await fieldError('Mật khẩu phải có ít nhất 10 ký tự.').waitFor();
    await field('Mật khẩu').fill('mat-khau-bo-de-2026');
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    // Ward staff need a territory: said on the field, nothing sent.
    await fieldError('Cán bộ quận/phường phải có địa bàn.').waitFor();
    await b.screenshot('02-account-rules');
  });

  it('creates the ward officer with a territory found by typing without diacritics', async () => {
    await b.open('/accounts', DEMO.admin);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const [username, password] = WARD_OFFICER;
    await field('Tên đăng nhập').fill(username);
    await field('Tên hiển thị').fill('Cán bộ Phường Bồ Đề');
    await field('Mật khẩu').fill(password);
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await fieldError('Cán bộ quận/phường phải có địa bàn.').waitFor();
    await field('Địa bàn').click();
    await field('Địa bàn').pressSequentially('bo de');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'Bồ Đề' })
      .first()
      .click();
    await fieldError('Cán bộ quận/phường phải có địa bàn.').waitFor({ state: 'detached' });
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu tài khoản phuong.bode.').waitFor();
    created = WARD_OFFICER;
    await row('phuong.bode').waitFor();
    expect(await row('phuong.bode').textContent()).toContain('Bồ Đề');
    await b.screenshot('03-account-created');
  });

  it('lets the new officer sign in to the territory', async () => {
    await b.signInAs(stored(created, 'the ward officer\'s account saved by "creates the ward officer…"'));
    const user = page.getByTestId('signed-in-user');
    await expect.poll(() => user.textContent()).toContain('Cán bộ phường');
    expect(await user.textContent()).toContain('Bồ Đề');
  });

  it('locks an account now: its holder can no longer sign in', async () => {
    await b.open('/accounts', DEMO.admin);
    await row('Người xem').getByRole('button', { name: 'Khóa' }).click();
    await page.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await page.getByText(/Đã khóa tài khoản xem ngay/).waitFor();
    await expect.poll(async () => row('Người xem').textContent()).toContain('Đã khóa');
    await b.screenshot('04-account-locked');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/login/);
    await b.signIn(...DEMO.viewer);
    await page.getByRole('alert').getByText('Tài khoản đã bị khóa.').waitFor();
  });

  it('loaded nothing from outside and threw no error', () => expectNothingFromOutsideAndNoErrors(b));
});
