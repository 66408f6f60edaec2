import { addYears, formatViDate, todayInVietnam } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { DEMO, expectNothingFromOutsideAndNoErrors, stored, useAdminWebBrowser } from './support/admin-web-browser.js';

/**
 * The management-board workflows in the admin web: establishing a board for the one building
 * of the sample data that still has none today (Chung cư Cự Khối Riverside, handed over in 2023,
 * single block, no apartments recorded, so any resident may sit on its board), being told why a
 * board of two is refused, then consolidating it — once plainly, once after someone else changed
 * it meanwhile (a stale version).
 */
describe('management-board workflows in Chromium', () => {
  const b = useAdminWebBrowser('board-workflows');
  const page = b.page;

  const BUILDING = 'Chung cư Cự Khối Riverside';
  const BOARD = `Ban quản trị ${BUILDING}`;
  const TWO_MEMBERS = `Ban quản trị "${BOARD}" có 2 thành viên; tòa nhà một khối cần ít nhất 3.`;
  /** The members chosen in the establish form, in order (typed search, option). */
  const MEMBERS = [
    ['quach van dung', 'Quách Văn Dũng (1943)'],
    ['ly thi yen', 'Lý Thị Yến (1968)'],
    ['ha thi dieu minh', 'Hà Thị Diệu Minh (1950)'],
  ] as const;
  /** The established board's id in its address, once established; then once consolidated. */
  let boardPath = '';
  let consolidatedBoardPath = '';
  const establishedBoard = () => stored(boardPath, 'the board established by "adds a third member… and establishes the board"');

  // Today in Hanoi, as the app and the server count it (the forms default to it).
  const TODAY = todayInVietnam();

  /** Types into the select labelled `label` and picks the option titled `title` (server search). */
  async function pick(label: string, typed: string, title: string): Promise<void> {
    await b.pickOption(label, title, { search: typed });
  }

  const typeDate = (label: string, date: string) => b.typeDate(label, date);

  const fieldErrors = (field: string) => page.locator(`[data-field-errors="${field}"]`);
  const memberRows = () => page.locator('[data-testid="members-row"]');

  /** The establish form as the administrator opens it. */
  async function openEstablishForm(): Promise<void> {
    await b.open('/boards/establish', DEMO.admin);
    await page.getByRole('heading', { name: 'Thành lập Ban quản trị nhà chung cư' }).waitFor();
  }

  /** The establish form for the building, conference on 01/11/2026, with the first `members` of MEMBERS. */
  async function fillEstablishForm(members: number): Promise<void> {
    await openEstablishForm();
    await pick('Nhà chung cư', 'cu khoi riverside', BUILDING);
    await expect.poll(() => page.getByLabel('Tên Ban quản trị', { exact: true }).inputValue()).toBe(BOARD);
    await typeDate('Ngày hội nghị bầu Ban quản trị', '01/11/2026');
    for (const [index, [typed, title]] of MEMBERS.slice(0, members).entries()) {
      await page.getByRole('button', { name: 'Thêm thành viên' }).click();
      await pick(`Người — thành viên ${index + 1}`, typed, title);
    }
    await expect.poll(() => memberRows().count()).toBe(members);
  }

  it('opens the establish form for the administrator, with the 05-TT/QU directive by default', async () => {
    await openEstablishForm();
    await page.getByText('05-TT/QU (30/09/2021)').waitFor();
    // The term lasts 3 years from today by default.
    expect(await page.getByLabel('Nhiệm kỳ bắt đầu từ ngày', { exact: true }).inputValue()).toBe(formatViDate(TODAY));
    expect(await page.getByLabel('Nhiệm kỳ kết thúc (ngày hết hiệu lực)', { exact: true }).inputValue()).toBe(
      formatViDate(addYears(TODAY, 3)),
    );
  });

  it('finds the building without a board by typing its name without diacritics, and names the board after it', async () => {
    await openEstablishForm();
    await pick('Nhà chung cư', 'cu khoi riverside', BUILDING);
    await expect.poll(() => page.getByLabel('Tên Ban quản trị', { exact: true }).inputValue()).toBe(BOARD);
    await page.getByText('Số khối nhà: 1.').waitFor();
    // The term follows the conference date until the user sets it.
    await typeDate('Ngày hội nghị bầu Ban quản trị', '01/11/2026');
    expect(await page.getByLabel('Nhiệm kỳ bắt đầu từ ngày', { exact: true }).inputValue()).toBe('01/11/2026');
    expect(await page.getByLabel('Nhiệm kỳ kết thúc (ngày hết hiệu lực)', { exact: true }).inputValue()).toBe('01/11/2029');
    await page.getByText('Ngày cuối cùng của nhiệm kỳ: 31/10/2029.').waitFor();
  });

  it('is told, in Vietnamese and before saving, why a board with two members is refused', async () => {
    await fillEstablishForm(0);
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    await pick('Người — thành viên 1', 'quach van dung', 'Quách Văn Dũng (1943)');
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    await pick('Người — thành viên 2', 'ly thi yen', 'Lý Thị Yến (1968)');
    // Roles fill in order: the head, then a deputy.
    await expect.poll(() => memberRows().count()).toBe(2);
    expect(await memberRows().nth(0).textContent()).toContain('Trưởng ban');
    expect(await memberRows().nth(1).textContent()).toContain('Phó ban');
    await fieldErrors('members').getByText(TWO_MEMBERS).waitFor();
    expect(await fieldErrors('members').textContent()).toContain('ít nhất 3');
    await b.screenshot('01-establish-two-members-live-check');
  });

  it("submits anyway and sees the server's refusal: nothing is saved", async () => {
    await fillEstablishForm(2);
    await fieldErrors('members').getByText(TWO_MEMBERS).waitFor();
    await page.getByRole('button', { name: 'Thành lập Ban quản trị' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Chưa lưu: dữ liệu nhập chưa đúng quy định' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Máy chủ đã kiểm tra và từ chối; không có gì được lưu.');
    await fieldErrors('members').getByText(TWO_MEMBERS).waitFor();
    expect(new URL(page.url()).pathname).toBe('/boards/establish');
    await b.screenshot('02-establish-two-members-server-refusal');
  });

  it('adds a third member, the reasons go away, and establishes the board', async () => {
    await fillEstablishForm(2);
    await fieldErrors('members').getByText(TWO_MEMBERS).waitFor();
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    await pick('Người — thành viên 3', 'ha thi dieu minh', 'Hà Thị Diệu Minh (1950)');
    expect(await memberRows().nth(2).textContent()).toContain('Ủy viên');
    await fieldErrors('members').waitFor({ state: 'detached' });
    await b.screenshot('03-establish-three-members');
    await page.getByRole('button', { name: 'Thành lập Ban quản trị' }).click();
    await page.waitForURL(/\/organizations\/[^/?]+/);
    await page.getByText(`Đã thành lập ${BOARD}.`).waitFor();
    const path = new URL(page.url()).pathname.replace('/organizations/', '');
    expect(decodeURIComponent(path)).not.toBe('');
    boardPath = path;
    // The board as of a day it exists, with its three members; said once (no toast beside the page's notice).
    await page.getByText('3 người').waitFor();
    expect(await page.getByText(`Đã thành lập ${BOARD}.`).count()).toBe(1);
    // The menu highlights the board's section, not "Tổ chức".
    await expect.poll(() => page.locator('nav .ant-menu-item-selected').textContent()).toBe('Ban quản trị');
    await b.screenshot('04-established');
  });

  it('opens the new board, for a district officer whose district has ended, as of a day the board exists', async () => {
    const board = establishedBoard();
    // Long Biên district ended with the 2025 reorganisation: lists open on its last day (30/06/2025),
    // before the board was elected; its page moves to the board's first day instead of an empty board.
    await b.open(`/organizations/${board}`, DEMO.district);
    await page.waitForURL(/asOf=2026-11-01/);
    await page.getByRole('heading', { name: BOARD }).waitFor();
    await page.getByText('3 người').waitFor();
    await expect.poll(() => page.locator('nav .ant-menu-item-selected').textContent()).toBe('Ban quản trị');
    await b.screenshot('04b-established-district-officer');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByText('3 người').waitFor();
    await b.screenshot('04b-established-district-officer-phone');
  });

  it('consolidates it: replaces a member from a date, checking the board as it will be', async () => {
    const board = establishedBoard();
    await b.open(`/boards/${board}/consolidate`, DEMO.admin);
    await page.getByRole('heading', { name: `Rà soát, kiện toàn Ban quản trị: ${BOARD}` }).waitFor();
    await typeDate('Ngày kiện toàn', '20/11/2026');
    await expect.poll(() => page.getByTestId('current-member').count()).toBe(3);
    // Ending the deputy would leave two members and no deputy: said at once.
    await page.getByRole('radiogroup', { name: 'Thay đổi với Lý Thị Yến' }).getByText('Cho thôi').click();
    await fieldErrors('members').getByText(`Ban quản trị "${BOARD}" có 0 phó ban; cần từ 1 đến 2.`).waitFor();
    await fieldErrors('members').getByText(TWO_MEMBERS).waitFor();
    await page.getByRole('radiogroup', { name: 'Thay đổi với Lý Thị Yến' }).getByText('Giữ nguyên').click();
    await fieldErrors('members').waitFor({ state: 'detached' });

    await page.getByRole('radiogroup', { name: 'Thay đổi với Hà Thị Diệu Minh' }).getByText('Thay thế').click();
    await pick('Người thay Hà Thị Diệu Minh', 'dang minh nhung', 'Đặng Minh Nhung (1972)');
    await page.getByTestId('board-result').getByText('3 thành viên: 1 trưởng ban, 1 phó ban.').waitFor();
    await page.getByLabel('Số quyết định', { exact: true }).fill('45/QĐ-UBND');
    await b.screenshot('05-consolidate-replace');
    await page.getByRole('button', { name: 'Lưu kiện toàn' }).click();
    await page.waitForURL((u) => u.pathname === `/organizations/${board}`);
    await page.getByText(`Đã kiện toàn ${BOARD}.`).waitFor();
    consolidatedBoardPath = board;
  });

  it('explains a stale version, reloads without losing the typed change, and saves', async () => {
    const board = stored(consolidatedBoardPath, 'the board consolidated by "consolidates it: replaces a member…"');
    await b.open(`/boards/${board}/consolidate`, DEMO.admin);
    await expect.poll(() => page.getByTestId('current-member').count()).toBe(3);
    const rows = (await page.getByTestId('current-member').allTextContents()).join(' | ');
    for (const name of ['Quách Văn Dũng', 'Lý Thị Yến', 'Đặng Minh Nhung']) expect(rows).toContain(name);
    expect(rows).not.toContain('Hà Thị Diệu Minh');
    await page.getByRole('radiogroup', { name: 'Thay đổi với Đặng Minh Nhung' }).getByText('Thay thế').click();
    await pick('Người thay Đặng Minh Nhung', 'le quang nam', 'Lê Quang Nam (1972)');

    // Meanwhile someone else adds a member to the same board (through the API, as another tab would).
    const boardId = decodeURIComponent(board);
    const { people } = await b.graphql<{ people: { nodes: Array<{ id: string; fullName: string }> } }>(
      DEMO.admin,
      'query($s: String!) { people(filter: { name: { search: $s } }, first: 5) { nodes { id fullName } } }',
      { s: 'do quang thanh' },
    );
    const person = people.nodes.find((p) => p.fullName === 'Đỗ Quang Thành');
    expect(person, 'Đỗ Quang Thành in the sample data').toBeDefined();
    const { node } = await b.graphql<{ node: { version: number } }>(
      DEMO.admin,
      'query($id: ID!) { node(id: $id) { ... on Organization { version } } }',
      { id: boardId },
    );
    const done = await b.graphql<{ consolidateBoard: { __typename: string } }>(
      DEMO.admin,
      'mutation($input: ConsolidateBoardInput!) { consolidateBoard(input: $input) { __typename } }',
      { input: { boardId, version: node.version, on: TODAY, add: [{ personId: person?.id, role: 'MEMBER' }] } },
    );
    expect(done.consolidateBoard.__typename).toBe('MutationConsolidateBoardSuccess');

    await page.getByRole('button', { name: 'Lưu kiện toàn' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Bản ghi vừa được người khác cập nhật' });
    await conflict.waitFor();
    expect(new URL(page.url()).pathname).toBe(`/boards/${board}/consolidate`);
    await b.screenshot('06-consolidate-version-conflict');
    await conflict.getByRole('button', { name: 'Tải lại bản mới nhất' }).click();
    await conflict.getByText('Đã tải bản mới nhất.', { exact: false }).waitFor();
    // The other change is there, and so is what the user typed.
    await expect.poll(() => page.getByTestId('current-member').count()).toBe(4);
    await page.getByTestId('current-member').filter({ hasText: 'Đỗ Quang Thành' }).waitFor();
    expect(await page.getByTestId('current-member').filter({ hasText: 'Đặng Minh Nhung' }).textContent()).toContain('Lê Quang Nam (1972)');
    await page.getByTestId('board-result').getByText('4 thành viên: 1 trưởng ban, 1 phó ban.').waitFor();
    await b.screenshot('07-consolidate-reloaded');
    await page.getByRole('button', { name: 'Lưu kiện toàn' }).click();
    await page.waitForURL((u) => u.pathname === `/organizations/${board}`);
    await page.getByText(`Đã kiện toàn ${BOARD}.`).waitFor();
  });

  it('tells a ward officer, in Vietnamese, that a building outside the ward is not theirs to give a board', async () => {
    // The Sài Đồng rental building, read as the administrator: it lies outside Giang Biên.
    const { buildings } = await b.graphql<{ buildings: { nodes: Array<{ id: string; name: string }> } }>(
      DEMO.admin,
      '{ buildings(filter: { name: { search: "cho thue sai dong" } }) { nodes { id name } } }',
    );
    const buildingId = buildings.nodes.find((n) => n.name === 'Nhà ở cho thuê Sài Đồng')?.id ?? '';
    expect(buildingId).not.toBe('');
    await b.open(`/boards/establish?buildingId=${encodeURIComponent(buildingId)}`, DEMO.ward);
    await page.getByText('Không tải được thông tin nhà chung cư: bản ghi nằm ngoài địa bàn của tài khoản.').waitFor();
    await page.getByText('Nhà chung cư chưa xem được').waitFor();
    expect(await page.getByText(buildingId).count()).toBe(0);
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    await pick('Người — thành viên 1', 'nguyen van viet', 'Nguyễn Văn Việt (1955)');
    await page.getByRole('button', { name: 'Thành lập Ban quản trị' }).click();
    await page.getByText('Không lưu được: bản ghi này nằm ngoài địa bàn tài khoản của anh/chị được phép cập nhật.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/boards/establish');
    await b.screenshot('08-ward-outside-territory');
  });

  it('shows a read-only account why it may not establish a board', async () => {
    await b.open('/boards/establish', DEMO.viewer);
    await page.getByText('Không có quyền cập nhật').waitFor();
    expect(await page.getByLabel('Nhà chung cư', { exact: true }).count()).toBe(0);
    await b.screenshot('09-viewer-forbidden');
  });

  it('loaded nothing from outside and threw no error', () => expectNothingFromOutsideAndNoErrors(b));
});
