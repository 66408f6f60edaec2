import { describe, expect, it } from 'vitest';
import { DEMO, expectNothingFromOutsideAndNoErrors, stored, useAdminWebBrowser } from './support/admin-web-browser.js';

/**
 * The hierarchy explorer: Long Biên's places and bodies before and after the 2025 reorganisation,
 * the reorganisations as events, and recording a new one (a residential group moved to another
 * ward from 01/12/2026, after today) that then shows in the tree and among the events.
 */
describe('hierarchy explorer in Chromium', () => {
  const b = useAdminWebBrowser('explorer');
  const page = b.page;

  const tree = () => page.getByTestId('explorer-tree');
  const treeNode = (text: string | RegExp) => tree().locator('.ant-tree-treenode').filter({ hasText: text });
  const treeTexts = () => tree().locator('.ant-tree-treenode .ant-tree-title').allTextContents();
  const details = () => page.getByTestId('explorer-place');
  const events = () => page.getByTestId('explorer-event');

  /** Types into an antd select (labelled by its form item) and picks the option whose title starts with `option`. */
  async function choose(label: string, search: string, option: string): Promise<void> {
    await b.pickOption(label, option, { search, prefix: true });
  }

  const typeDate = (label: string, date: string) => b.typeDate(label, date);

  /** Opens the district's node by hand (the city is opened by default). */
  async function openDistrict(): Promise<void> {
    await treeNode(/^Quận Long Biên/)
      .locator('.ant-tree-switcher')
      .click();
  }

  /** The explorer on 01/12/2022 as the administrator, Giang Biên selected in the tree. */
  async function selectGiangBien(): Promise<void> {
    await b.open('/explorer?asOf=2022-12-01', DEMO.admin);
    await openDistrict();
    await treeNode(/^Phường Giang Biên/)
      .locator('.ant-tree-title')
      .click();
    await page.waitForURL((u) => u.searchParams.has('unit'));
    await details().getByRole('heading', { name: 'Phường Giang Biên' }).waitFor();
  }

  it('shows the administrator the 14 wards of Long Biên district as of 01/12/2022', async () => {
    await b.open('/explorer', DEMO.admin);
    await b.setAsOf('01/12/2022');
    // The city is opened by default; the district is opened by hand.
    await openDistrict();
    await expect.poll(async () => (await treeTexts()).filter((t) => t.startsWith('Phường ')).length).toBe(14);
    const texts = await treeTexts();
    for (const ward of ['Giang Biên', 'Ngọc Thụy', 'Sài Đồng', 'Bồ Đề'])
      expect(texts.some((t) => t.startsWith(`Phường ${ward}`))).toBe(true);
    expect(texts.find((t) => t.startsWith('Phường Ngọc Thụy'))).toContain('00118');
    await b.screenshot('01-explorer-2022-12-01-wards');
  });

  it('selects Giang Biên and lists the bodies serving it, its party committee with its cells', async () => {
    await selectGiangBien();
    expect(await details().textContent()).toContain('00121');
    const committee = details().getByRole('link', { name: 'Đảng ủy phường Giang Biên', exact: true });
    await committee.waitFor();
    expect(await committee.getAttribute('href')).toMatch(/^\/organizations\/[^?]+\?asOf=2022-12-01$/);
    // Its sub-organisations (party cells) are counted and open below it.
    const committeeNode = page
      .getByTestId('explorer-bodies')
      .locator('.ant-tree-treenode')
      .filter({ hasText: 'Đảng ủy phường Giang Biên' });
    expect(await committeeNode.textContent()).toMatch(/\d+ tổ chức trực thuộc/);
    await committeeNode.locator('.ant-tree-switcher').click();
    await page.getByTestId('explorer-bodies').getByText('Chi bộ', { exact: false }).first().waitFor();
    await b.screenshot('02-explorer-giang-bien-bodies');
  });

  it('opens a residential group onto its buildings, and a building onto its management board', async () => {
    await b.open('/explorer?asOf=2022-12-01', DEMO.admin);
    await openDistrict();
    await treeNode(/^Phường Giang Biên/)
      .locator('.ant-tree-switcher')
      .click();
    // Group 3 of Giang Biên holds two buildings of the sample (spec.ts): the group is no leaf any more.
    const group = treeNode(/^Tổ dân phố số 3(?!\d)/);
    await group.locator('.ant-tree-switcher').click();
    const building = treeNode('Khu nhà ở Giang Biên CT1');
    await building.waitFor();
    expect(await tree().getByRole('link', { name: 'Khu nhà ở Giang Biên CT2' }).getAttribute('href')).toMatch(
      /^\/buildings\/[^?]+\?asOf=2022-12-01$/,
    );
    await building.locator('.ant-tree-switcher').click();
    const board = tree().getByRole('link', { name: /^Ban quản trị .*CT1$/i });
    await board.waitFor();
    expect(await board.getAttribute('href')).toMatch(/^\/organizations\/[^?]+\?asOf=2022-12-01$/);
    await b.screenshot('02b-explorer-group-buildings-boards');
    await page.setViewportSize({ width: 390, height: 844 });
    await board.waitFor();
    await b.screenshot('02b-explorer-group-buildings-boards-phone');
  });

  it('switches to 01/08/2025: the new wards directly under Hà Nội, Giang Biên no more', async () => {
    await selectGiangBien();
    await b.setAsOf('01/08/2025');
    // Hồng Hà did not exist before: the tree of the new date has loaded.
    await treeNode(/^Phường Hồng Hà/).waitFor();
    const texts = await treeTexts();
    for (const ward of ['Bồ Đề', 'Phúc Lợi', 'Việt Hưng', 'Long Biên'])
      expect(texts.some((t) => t.startsWith(`Phường ${ward}`))).toBe(true);
    expect(texts.some((t) => t.includes('Giang Biên'))).toBe(false);
    expect(texts.some((t) => t.startsWith('Quận'))).toBe(false);
    // 00118 now means Bồ Đề.
    expect(texts.find((t) => t.startsWith('Phường Bồ Đề'))).toContain('00118');
    // The selected ward ended: the panel says so and offers its last day.
    await details().getByText('Giang Biên không tồn tại vào ngày 01/08/2025').waitFor();
    await b.screenshot('03-explorer-2025-08-01-new-wards');
  });

  it('lists the reorganisations of 2025 as events, and shows the map the day before one', async () => {
    await b.open('/explorer?asOf=2025-08-01', DEMO.admin);
    const restructure = events().filter({ hasText: 'Nghị quyết 1656/NQ-UBTVQH15' });
    await restructure.waitFor();
    expect(await restructure.textContent()).toContain('Sắp xếp lại');
    expect(await events().filter({ hasText: 'Nghị quyết 1286/NQ-UBTVQH15' }).textContent()).toContain('Giải thể');
    await expect
      .poll(() => page.locator('.ant-timeline-item').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('01/07/2025'), expect.stringContaining('01/01/2025')]));
    await restructure.getByRole('button', { name: 'Xem trước, ngày 30/06/2025' }).click();
    await page.waitForURL((u) => u.searchParams.get('asOf') === '2025-06-30');
    await treeNode(/^Quận Long Biên/).waitFor();
    // Sài Đồng was dissolved on 01/01/2025: 13 wards on 30/06/2025.
    await openDistrict();
    await expect.poll(async () => (await treeTexts()).filter((t) => t.startsWith('Phường ')).length).toBe(13);
    await b.screenshot('04-explorer-2025-06-30-before');
    await restructure.getByRole('button', { name: 'Xem sau, ngày 01/07/2025' }).click();
    await page.waitForURL((u) => u.searchParams.get('asOf') === '2025-07-01');
    await treeNode(/^Phường Phúc Lợi/).waitFor();
  });

  const MOVED_GROUP = 'Tổ dân phố số 3';
  /** The explorer's address after the move was recorded (the group selected, on its effective date). */
  let recordedMove = '';

  it('records a residential group moved from Việt Hưng to Phúc Lợi from 01/12/2026, checked as the user types', async () => {
    await b.open('/explorer?asOf=2025-07-01', DEMO.admin);
    // The explorer's date is carried to the form: its day after is the effective date proposed.
    await page.getByRole('link', { name: 'Ghi nhận sắp xếp đơn vị' }).click();
    await page.waitForURL((u) => u.pathname === '/reorganisations/new' && u.searchParams.get('on') === '2025-07-02');
    await page.getByRole('heading', { name: 'Ghi nhận sắp xếp đơn vị hành chính' }).waitFor();
    // Submitting an empty form names every missing field at once, nothing is sent.
    await page.getByRole('button', { name: 'Ghi nhận sắp xếp' }).click();
    await page.getByText('Nhập căn cứ pháp lý (số nghị quyết, quyết định).').waitFor();
    await page.getByText('Chọn ít nhất một đơn vị cần chuyển.').waitFor();

    await typeDate('Ngày hiệu lực', '01/12/2026');
    await page.getByLabel('Căn cứ pháp lý').fill('Nghị quyết 99/NQ-HĐND (thử nghiệm)');
    await expect.poll(() => page.getByText('Nhập căn cứ pháp lý (số nghị quyết, quyết định).').count()).toBe(0);
    await choose('Đơn vị cấp trên hiện tại', 'viet hung', 'Phường Việt Hưng');
    await choose('Các đơn vị chuyển đi', 'so 3', MOVED_GROUP);
    // Moving to the same ward is refused as the user chooses it.
    await choose('Chuyển sang trực thuộc', 'viet hung', 'Phường Việt Hưng');
    await page.getByText('Đơn vị cấp trên mới phải khác đơn vị cấp trên hiện tại.').waitFor();
    await choose('Chuyển sang trực thuộc', 'phuc loi', 'Phường Phúc Lợi');
    await expect.poll(() => page.getByText('Đơn vị cấp trên mới phải khác đơn vị cấp trên hiện tại.').count()).toBe(0);
    await page.getByLabel('Ghi chú').fill('Điều chỉnh địa giới thử nghiệm');
    await b.screenshot('05-reorganisation-form');

    await page.getByRole('button', { name: 'Ghi nhận sắp xếp' }).click();
    await page.waitForURL((u) => u.pathname === '/explorer' && u.searchParams.get('asOf') === '2026-12-01' && u.searchParams.has('unit'));
    await page.getByText('Đã ghi nhận việc sắp xếp theo Nghị quyết 99/NQ-HĐND (thử nghiệm), có hiệu lực từ ngày 01/12/2026.').waitFor();
    const { pathname, search } = new URL(page.url());
    recordedMove = `${pathname}${search}`;
  });

  it('shows the group under Phúc Lợi from the effective date, under Việt Hưng the day before, and the new event', async () => {
    await b.open(stored(recordedMove, 'the move recorded by "records a residential group moved…"'), DEMO.admin);
    await details().getByRole('heading', { name: MOVED_GROUP }).waitFor();
    const parent = () => details().getByTestId('explorer-place-parent');
    await expect.poll(() => parent().textContent()).toBe('Phường Phúc Lợi');
    // The tree opened the path to the selected group.
    const selected = tree().locator('.ant-tree-treenode-selected');
    await selected.waitFor();
    expect(await selected.textContent()).toContain(MOVED_GROUP);
    const event = events().filter({ hasText: 'Nghị quyết 99/NQ-HĐND (thử nghiệm)' });
    await event.waitFor();
    expect(await event.textContent()).toContain('Điều chỉnh một phần');
    expect(await event.textContent()).toContain('Điều chỉnh địa giới thử nghiệm');
    expect(await event.textContent()).toContain('Phường Việt Hưng');
    expect(await event.textContent()).toContain('Phường Phúc Lợi');
    await b.screenshot('06-explorer-after-recorded-move');

    await event.getByRole('button', { name: 'Xem trước, ngày 30/11/2026' }).click();
    await page.waitForURL((u) => u.searchParams.get('asOf') === '2026-11-30');
    await expect.poll(() => parent().textContent()).toBe('Phường Việt Hưng');
    await b.screenshot('07-explorer-before-recorded-move');
  });

  it("puts the server's refusal of a merge on the field it concerns (a code another ward still holds)", async () => {
    // The events counted at the end: the two of 2025 and the move recorded above.
    stored(recordedMove, 'the move recorded by "records a residential group moved…"');
    await b.open('/explorer?asOf=2026-11-30', DEMO.admin);
    await page.getByRole('link', { name: 'Ghi nhận sắp xếp đơn vị' }).click();
    await page.waitForURL((u) => u.pathname === '/reorganisations/new' && u.searchParams.get('on') === '2026-12-01');
    await page.getByText('Nhập đơn vị (hoặc đổi tên)').click();
    await typeDate('Ngày hiệu lực', '01/12/2026');
    await page.getByLabel('Căn cứ pháp lý').fill('Nghị quyết 100/NQ-HĐND (thử nghiệm)');
    await choose('Đơn vị cấp trên hiện tại', 'ha noi', 'Thành phố Hà Nội');
    await choose('Các đơn vị nhập (kết thúc từ ngày hiệu lực)', 'hong ha', 'Phường Hồng Hà');
    await choose('Các đơn vị nhập (kết thúc từ ngày hiệu lực)', 'long bien', 'Phường Long Biên');
    // The new place is prefilled from the places merged: a ward under Hà Nội.
    await expect.poll(() => page.getByLabel('Tên loại đơn vị').inputValue()).toBe('Phường');
    await page.getByLabel('Tên đơn vị mới').fill('Long Biên Hồng Hà');
    await page.getByLabel('Mã đơn vị hành chính').fill('00118');
    // What the merge moves along: the wards' groups and the bodies serving them.
    await page.getByText(/Khi ghi nhận: \d+ đơn vị trực thuộc và \d+ lượt tổ chức phụ trách sẽ chuyển sang đơn vị mới\./).waitFor();
    await page.getByRole('button', { name: 'Ghi nhận sắp xếp' }).click();
    // 00118 is Bồ Đề's code, and Bồ Đề continues: the server refuses, nothing is written.
    const codeItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('Mã đơn vị hành chính') });
    await codeItem.getByText('Mã "00118" đang được dùng cho "Bồ Đề"').waitFor();
    expect(new URL(page.url()).pathname).toBe('/reorganisations/new');
    await b.screenshot('08-reorganisation-merge-refused');
    await b.open('/explorer?asOf=2026-12-01', DEMO.admin);
    await treeNode(/^Phường Hồng Hà/).waitFor();
    // The timeline loads beside the tree: wait for it (the suite's UI timeout), not for the tree alone.
    await expect.poll(() => events().count()).toBe(3);
  });

  it('explains to the district officer that the territory ended, instead of an empty tree', async () => {
    await b.open('/explorer', DEMO.district);
    // Opens on the territory's last day, with the district as the root.
    expect(await page.getByLabel('Ngày xem dữ liệu').inputValue()).toBe('30/06/2025');
    await page.getByText('Địa bàn Quận Long Biên đã kết thúc từ ngày 01/07/2025').waitFor();
    await treeNode(/^Phường Giang Biên/).waitFor();
    await b.setAsOf('01/08/2025');
    await page.getByText('Địa bàn Quận Long Biên đã kết thúc từ ngày 01/07/2025, trước ngày đang xem (01/08/2025)').waitFor();
    await page.getByText('Không có đơn vị nào của địa bàn tài khoản vào ngày này.').waitFor();
    await b.screenshot('09-explorer-district-after-end');
  });

  it('shows read-only accounts no way to record a reorganisation', async () => {
    await b.open('/explorer?asOf=2025-08-01', DEMO.viewer);
    await treeNode(/^Phường Việt Hưng/).waitFor();
    expect(await page.getByRole('link', { name: 'Ghi nhận sắp xếp đơn vị' }).count()).toBe(0);
    await b.open('/reorganisations/new', DEMO.viewer);
    await page.getByText('Không có quyền ghi nhận').waitFor();
  });

  it('loaded nothing from outside and threw no error', () => expectNothingFromOutsideAndNoErrors(b));
});
