import { addDays, formatViDate, todayInVietnam } from '@coso/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  type AdminWebBrowser,
  DEMO,
  expectNothingFromOutsideAndNoErrors,
  stored,
  useAdminWebBrowser,
} from './support/admin-web-browser.js';

/**
 * Findings as work (issue #15), as an officer of the new Phúc Lợi ward works them today: assign a
 * gap to the ward with a due date, mark one resolved and accept another, filter by work state,
 * and see open / overdue / resolved per ward on the dashboard. Each step opens its own page;
 * screenshots at 1366×768 and at a phone's 390×844.
 */
describe('findings as work in Chromium', () => {
  const b = useAdminWebBrowser('findings-work');
  const page = b.page;
  const today = todayInVietnam();
  let wardId: string | undefined;

  /** The current Phúc Lợi ward (after the 2025 reorganisation), by the API. */
  async function phucLoi(): Promise<string> {
    if (wardId) return wardId;
    const r = await b.graphql<{ units: { nodes: Array<{ id: string; name: string }> } }>(
      DEMO.admin,
      `query($d: Date!) { units(asOf: $d, filter: { kindIn: [WARD] }, first: 200) { nodes { id name } } }`,
      { d: today },
    );
    wardId = stored(r.units.nodes.find((u) => u.name === 'Phúc Lợi')?.id, 'the Phúc Lợi ward');
    return wardId;
  }

  const findingsUrl = async (extra = '') => `/findings?scope=${encodeURIComponent(await phucLoi())}&asOf=${today}${extra}`;
  const rows = () => page.locator('.ant-table-tbody tr.ant-table-row');

  async function shots(p: Page, browser: AdminWebBrowser, name: string): Promise<void> {
    await p.setViewportSize({ width: 1366, height: 768 });
    await browser.screenshot(`${name}-1366`);
    await p.setViewportSize({ width: 390, height: 844 });
    await browser.screenshot(`${name}-390`);
    await p.setViewportSize({ width: 1366, height: 768 });
  }

  it('assigns a finding to the ward with a due date', async () => {
    await b.open(await findingsUrl('&work=open'), DEMO.admin);
    const row = rows().first();
    await row.getByTestId('finding-work-actions').waitFor();
    const message = (await row.locator('td').nth(2).textContent()) ?? '';
    await row.getByRole('button', { name: 'Giao' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Giao xử lý tồn tại').waitFor();
    const due = addDays(today, 14);
    // Typed into the picker and confirmed with Enter (Escape would close the dialog itself).
    const dueInput = page.getByLabel('Hạn xử lý', { exact: true });
    await dueInput.click();
    await dueInput.pressSequentially(formatViDate(due));
    await dueInput.press('Enter');
    await dialog.getByRole('button', { name: 'Giao việc' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const assigned = rows().filter({ hasText: message });
    await assigned.getByText('Giao cho: Phúc Lợi').waitFor();
    await assigned.getByText(`Hạn: ${formatViDate(due)}`).waitFor();
    await shots(page, b, '01-assigned');
    expectNothingFromOutsideAndNoErrors(b);
  });

  it('marks one finding resolved and accepts another, then filters by work state', async () => {
    await b.open(await findingsUrl('&work=open'), DEMO.admin);
    await rows().first().getByTestId('finding-work-actions').waitFor();
    const first = (await rows().nth(0).locator('td').nth(2).textContent()) ?? '';
    const second = (await rows().nth(1).locator('td').nth(2).textContent()) ?? '';
    const dialog = page.getByRole('dialog');

    await rows().filter({ hasText: first }).getByRole('button', { name: 'Đã khắc phục' }).click();
    await dialog.getByText('Đánh dấu đã khắc phục').waitFor();
    // Empty text: the server says what is missing, in Vietnamese, and nothing changes.
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Cần ghi cách đã khắc phục.').waitFor();
    await page.getByLabel('Đã khắc phục thế nào').fill('Đã hướng dẫn hội nghị nhà chung cư bầu Ban quản trị.');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The open list is read again: the resolved finding leaves it before the next one is acted on.
    await rows().filter({ hasText: first }).waitFor({ state: 'detached' });

    await rows().filter({ hasText: second }).getByRole('button', { name: 'Chấp nhận' }).click();
    await dialog.getByText('Chấp nhận, không khắc phục').first().waitFor();
    await page.getByLabel('Lý do').fill('Nhà chung cư sắp phá dỡ để cải tạo.');
    await dialog.getByRole('button', { name: 'Chấp nhận' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Resolved and accepted findings leave the open list and are listed under "Đã xử lý".
    await page.getByTestId('findings-work-filter').getByText('Đã xử lý').click();
    await page.waitForURL((url) => url.searchParams.get('work') === 'closed');
    await rows().filter({ hasText: first }).getByTestId('finding-work-cell').getByText('Đã khắc phục').waitFor();
    await rows().filter({ hasText: second }).getByTestId('finding-work-cell').getByText('Chấp nhận, không khắc phục').waitFor();
    expect(await rows().filter({ hasText: first }).textContent()).toContain('Đã hướng dẫn hội nghị nhà chung cư bầu Ban quản trị.');
    await shots(page, b, '02-resolved-and-accepted');
    // Nothing is overdue: the one due date set is two weeks ahead.
    await page.getByTestId('findings-work-filter').getByText('Quá hạn').click();
    await page.waitForURL((url) => url.searchParams.get('work') === 'overdue');
    await page.getByText('Không có tồn tại nào khớp với điều kiện đã chọn.').waitFor();
    expectNothingFromOutsideAndNoErrors(b);
  });

  it('shows open, overdue and resolved per ward on the dashboard', async () => {
    const scope = await phucLoi();
    const summary = await b.graphql<{
      findingWorkSummary: Array<{ wardName: string; open: number; overdue: number; resolved: number; accepted: number }>;
    }>(DEMO.admin, `query($s: ID!) { findingWorkSummary(scopeId: $s) { wardName open overdue resolved accepted } }`, { s: scope });
    const ward = stored(
      summary.findingWorkSummary.find((w) => w.wardName === 'Phúc Lợi'),
      'the Phúc Lợi summary',
    );
    await b.open(`/dashboard?scope=${encodeURIComponent(scope)}&to=${today}`, DEMO.admin);
    const card = page.getByTestId('finding-work-card');
    const row = card.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: 'Phúc Lợi' });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells).toEqual(['Phúc Lợi', String(ward.open), String(ward.overdue), String(ward.resolved + ward.accepted)]);
    await shots(page, b, '03-dashboard-card');
    expectNothingFromOutsideAndNoErrors(b);
  });
});
