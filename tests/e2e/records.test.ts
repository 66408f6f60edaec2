import { describe, expect, it } from 'vitest';
import { DEMO, expectNothingFromOutsideAndNoErrors, stored, useAdminWebBrowser } from './support/admin-web-browser.js';

/**
 * Detail pages and the person form: checks as the user types, saving, the history with its actor,
 * a stale-version conflict that keeps what was typed, ending a record, and what a viewer sees.
 */
describe('records: person form, detail pages and history', () => {
  const b = useAdminWebBrowser('records');
  const page = b.page;

  /**
   * The person the steps work on, and how far they got: each step needs the one before it to have
   * left the record as it expects (a missing one fails at once, naming the step).
   */
  let personPath = '';
  let personId = '';
  let renamed = false;
  let reconciled = false;
  const person = () => stored(personPath, 'the person saved by "saves the person and opens the detail page…"');
  const after = (done: boolean, step: string) => {
    stored(done || undefined, `the person as "${step}" left it`);
    return person();
  };

  const field = (label: string) => page.getByLabel(label, { exact: true });
  const fieldErrors = (name: string) => page.locator(`#${name}_help .ant-form-item-explain-error`).allTextContents();
  const history = () => page.getByTestId('record-history');
  const historyRows = () => history().locator('.ant-table-tbody tr.ant-table-row');

  let boardPath = '';

  /** dd/mm/yyyy of today in Hanoi plus `days`. */
  function hanoiDate(days: number): string {
    const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  }

  it("shows the domain's Vietnamese citizen-ID messages while typing, before any submit", async () => {
    await b.open('/people/new', DEMO.admin);
    await page.getByRole('heading', { name: 'Thêm người' }).waitFor();
    await field('Họ và tên').fill('Phạm Thị Hoa');
    await page.getByRole('radio', { name: 'Nữ' }).check();
    await field('Năm sinh').fill('1990');
    await field('Số định danh cá nhân').fill('00119001234');
    await expect.poll(() => fieldErrors('citizenId')).toEqual(['Số định danh cá nhân phải gồm đúng 12 chữ số.']);
    // 12 digits, but the sex digit says male (0 = male born 1900–1999).
    await field('Số định danh cá nhân').fill('001090012345');
    await expect
      .poll(() => fieldErrors('citizenId'))
      .toEqual(['Số định danh *********345 cho biết giới tính nam nhưng giới tính đã khai là nữ.']);
    // Untouched fields are not reported while the user is still typing.
    expect(await fieldErrors('phone')).toEqual([]);
    await b.screenshot('01-person-form-citizen-id-mismatch');

    await field('Số định danh cá nhân').fill('001 190 012 345');
    await expect.poll(() => fieldErrors('citizenId')).toEqual([]);
    await fillValidRest();
    await b.screenshot('02-person-form-valid');
  });

  /** The phone and the residence of the new person (after name, sex, birth year and citizen ID). */
  async function fillValidRest(): Promise<void> {
    await field('Số điện thoại di động').fill('+84 912 345 678');
    // Typed without diacritics; the server's search also finds "số 15", "số 25"…: pick number 5 itself.
    await field('Nơi thường trú').fill('so 5');
    const option = page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^Tổ dân phố số 5 — / })
      .first();
    await option.waitFor();
    await option.click();
  }

  it('saves the person and opens the detail page, with the creation in the history', async () => {
    await b.open('/people/new', DEMO.admin);
    await page.getByRole('heading', { name: 'Thêm người' }).waitFor();
    await field('Họ và tên').fill('Phạm Thị Hoa');
    await page.getByRole('radio', { name: 'Nữ' }).check();
    await field('Năm sinh').fill('1990');
    await field('Số định danh cá nhân').fill('001 190 012 345');
    await expect.poll(() => fieldErrors('citizenId')).toEqual([]);
    await fillValidRest();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL((u) => /^\/people\/[^/]+$/.test(u.pathname) && u.pathname !== '/people/new');
    await page.getByText('Đã thêm Phạm Thị Hoa.').waitFor();
    personPath = new URL(page.url()).pathname;
    personId = decodeURIComponent(personPath.split('/')[2] ?? '');
    await page.getByRole('heading', { name: 'Phạm Thị Hoa' }).waitFor();
    await page.getByText('001190012345', { exact: true }).waitFor();
    await page.getByText('0912345678', { exact: true }).waitFor();
    await page
      .getByRole('link', { name: /Tổ dân phố số 5/ })
      .first()
      .waitFor();
    await expect.poll(() => historyRows().count()).toBe(1);
    const created = await historyRows().first().textContent();
    expect(created).toContain('Tạo mới');
    expect(created).toContain('admin');
    expect(created).toContain('Họ và tên: Phạm Thị Hoa');
    // The residence is named (one nodes(ids:) request for the trail), not a "#034d0609" code,
    // and links to the unit's page.
    await expect.poll(async () => historyRows().first().textContent()).toContain('Nơi thường trú: Tổ dân phố số 5');
    expect(await historyRows().first().textContent()).not.toMatch(/#[0-9a-f]{8}/);
    const residence = historyRows().first().getByRole('link', { name: 'Tổ dân phố số 5', exact: true });
    // The same unit page as the facts' link (the global id made in the browser is the server's).
    const factsHref = await page
      .getByRole('link', { name: /Tổ dân phố số 5/ })
      .first()
      .getAttribute('href');
    expect(await residence.getAttribute('href')).toBe(factsHref?.split('?')[0]);
    expect(factsHref).toMatch(/^\/units\/[^/?]+/);
    await b.screenshot('03-person-detail-created');
  });

  it('edits the name; the history shows the change, before → after, with the actor', async () => {
    const personPath = person();
    await b.open(personPath, DEMO.admin);
    await page.getByRole('heading', { name: 'Phạm Thị Hoa' }).waitFor();
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    await page.waitForURL(/\/edit$/);
    await expect.poll(() => field('Họ và tên').inputValue()).toBe('Phạm Thị Hoa');
    await field('Họ và tên').fill('Phạm Thị Thu Hoa');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL((u) => u.pathname === personPath);
    await page.getByText('Đã lưu thông tin của Phạm Thị Thu Hoa.').waitFor();
    await page.getByRole('heading', { name: 'Phạm Thị Thu Hoa' }).waitFor();
    await expect.poll(() => historyRows().count()).toBe(2);
    renamed = true;
    const newest = await historyRows().first().textContent();
    expect(newest).toContain('Sửa');
    expect(newest).toContain('admin');
    expect(newest).toContain('Họ và tên: Phạm Thị Hoa → Phạm Thị Thu Hoa');
    expect(newest).not.toContain('Số định danh');
    await b.screenshot('04-person-history-after-edit');
  });

  it('explains a stale-version conflict; the reload keeps the typed name and takes the other change', async () => {
    const personPath = after(renamed, 'edits the name…');
    await b.open(personPath, DEMO.admin);
    await page.getByRole('heading', { name: 'Phạm Thị Thu Hoa' }).waitFor();
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    await page.waitForURL(/\/edit$/);
    await expect.poll(() => field('Họ và tên').inputValue()).toBe('Phạm Thị Thu Hoa');

    // Someone else (the same account, through the API) changes the phone behind the form's back.
    const read = await b.graphql<{ node: { version: number } | null }>(
      DEMO.admin,
      'query ($id: ID!) { node(id: $id) { ... on Person { version } } }',
      { id: personId },
    );
    const written = await b.graphql<{ updatePerson: { __typename: string } }>(
      DEMO.admin,
      'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { __typename } }',
      { input: { id: personId, version: read.node?.version, phone: '0987654321' } },
    );
    expect(written.updatePerson.__typename).toBe('MutationUpdatePersonSuccess');

    await field('Họ và tên').fill('Phạm Thu Hoa');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Bản ghi vừa được người khác cập nhật' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('những gì anh/chị đã nhập vẫn được giữ nguyên');
    expect(page.url()).toMatch(/\/edit$/);
    await b.screenshot('05-person-form-conflict');

    await alert.getByRole('button', { name: 'Tải lại bản mới nhất' }).click();
    await alert.getByText('Đã tải bản mới nhất').waitFor();
    expect(await field('Họ và tên').inputValue()).toBe('Phạm Thu Hoa');
    // A field the user did not touch shows the other person's change.
    await expect.poll(() => field('Số điện thoại di động').inputValue()).toBe('0987654321');
    await b.screenshot('06-person-form-reloaded');

    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL((u) => u.pathname === personPath);
    await page.getByRole('heading', { name: 'Phạm Thu Hoa' }).waitFor();
    await page.getByText('0987654321', { exact: true }).waitFor();
    await expect.poll(() => historyRows().count()).toBe(4);
    reconciled = true;
    expect(await historyRows().first().textContent()).toContain('Phạm Thị Thu Hoa → Phạm Thu Hoa');
    expect(await historyRows().nth(1).textContent()).toContain('0912345678 → 0987654321');
  });

  it('ends the record from a date after a check as the date is picked; the history records it', async () => {
    await b.open(after(reconciled, 'explains a stale-version conflict…'), DEMO.admin);
    await page.getByRole('heading', { name: 'Phạm Thu Hoa' }).waitFor();
    await expect.poll(() => historyRows().count()).toBe(4);
    await page.getByRole('button', { name: 'Kết thúc hồ sơ' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Kết thúc hồ sơ người: Phạm Thu Hoa').waitFor();
    const on = dialog.getByLabel('Không còn hiệu lực từ ngày');
    await on.click();
    await on.press('ControlOrMeta+a');
    await on.pressSequentially('01/01/1990'); // the record starts then (birth year 1990)
    await on.press('Enter');
    await dialog.getByText(/Ngày kết thúc phải sau ngày bắt đầu/).waitFor();
    const endOn = hanoiDate(7);
    await on.click();
    await on.press('ControlOrMeta+a');
    await on.pressSequentially(endOn);
    await on.press('Enter');
    await dialog.getByText(`Ngày cuối cùng còn hiệu lực: ${hanoiDate(6)}.`).waitFor();
    await b.screenshot('07-person-end-dialog');
    await dialog.getByRole('button', { name: 'Kết thúc' }).click();
    await page.getByText(`Đã kết thúc từ ngày ${endOn}.`).waitFor();
    await expect.poll(() => historyRows().count()).toBe(5);
    expect(await historyRows().first().textContent()).toContain('Kết thúc');
    expect(await page.getByRole('button', { name: 'Kết thúc hồ sơ' }).count()).toBe(0);
  });

  it('opens the residence unit from the person page: its codes, parent and history', async () => {
    await b.open(person(), DEMO.admin);
    // The facts' link (the history names the residence with a link too).
    await page
      .getByRole('link', { name: /Tổ dân phố số 5/ })
      .first()
      .click();
    await page.waitForURL(/\/units\//);
    await page.getByRole('heading', { name: 'Tổ dân phố số 5' }).waitFor();
    await page.getByText('Đơn vị cấp trên').waitFor();
    await page.getByText('Mã qua các thời kỳ').waitFor();
    await history().waitFor();
    await b.screenshot('08-unit-detail');
  });

  it('shows a building without a board the way to establish one, and a board the way to consolidate it', async () => {
    const { buildings } = await b.graphql<{
      buildings: { nodes: Array<{ id: string; name: string; complex: { id: string } | null; board: { id: string; name: string } | null }> };
    }>(DEMO.admin, '{ buildings(first: 200) { nodes { id name complex { id } board { id name } } } }');
    const without = buildings.nodes.find((x) => !x.board && !x.complex);
    const withBoard = buildings.nodes.find((x) => x.board);
    if (!without || !withBoard?.board) throw new Error('the sample data should have buildings with and without a board');

    await b.open(`/buildings/${encodeURIComponent(without.id)}`, DEMO.admin);
    await page.getByRole('heading', { name: without.name }).waitFor();
    await page.getByText(/Nhà chung cư chưa có Ban quản trị vào ngày/).waitFor();
    await b.screenshot('09-building-without-board');
    await page.getByRole('button', { name: 'Thành lập Ban quản trị' }).click();
    await page.waitForURL((u) => u.pathname === '/boards/establish' && u.searchParams.get('buildingId') === without.id);

    await b.open(`/buildings/${encodeURIComponent(withBoard.id)}`, DEMO.admin);
    await page.getByRole('link', { name: withBoard.board.name }).click();
    await page.waitForURL(/\/organizations\//);
    await page.getByRole('heading', { name: withBoard.board.name }).waitFor();
    boardPath = new URL(page.url()).pathname;
    await page.getByText('Nhiệm kỳ', { exact: true }).first().waitFor();
    const members = page.locator('.ant-card').filter({ hasText: 'Thành viên vào ngày' }).locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => members.count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Kiện toàn Ban quản trị' }).waitFor();
    await b.screenshot('10-board-detail');
  });

  it('shows the viewer the citizen ID and phone masked, and no edit or end button', async () => {
    const personPath = after(reconciled, 'explains a stale-version conflict…');
    const board = stored(boardPath, 'the board opened by "shows a building without a board the way to establish one…"');
    await b.open(personPath, DEMO.viewer);
    await page.getByRole('heading', { name: 'Phạm Thu Hoa' }).waitFor();
    await page.getByText('*********345', { exact: true }).waitFor();
    expect(await page.getByText('001190012345').count()).toBe(0);
    expect(await page.getByText('đã che', { exact: true }).count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Sửa thông tin' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Kết thúc hồ sơ' }).count()).toBe(0);
    // Party records are not for this role: the page says so, without a territory warning.
    expect(await page.getByText('Không hiển thị: vai trò của tài khoản không được xem thông tin về đảng viên.').count()).toBe(2);
    expect(await page.getByText('nằm ngoài địa bàn').count()).toBe(0);
    // The history shows personal values masked too.
    expect(await history().textContent()).not.toContain('0987654321');
    await b.screenshot('11-person-detail-viewer-masked');

    await b.open(`${personPath}/edit`, DEMO.viewer);
    await page.getByText('Không có quyền thực hiện').waitFor();

    await b.open(board, DEMO.viewer);
    await page.getByText('Thành viên vào ngày', { exact: false }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Kiện toàn Ban quản trị' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Kết thúc' }).count()).toBe(0);
  });

  it('says clearly when a record does not exist', async () => {
    await b.open('/people/khong-co', DEMO.viewer);
    await page.getByText('Không tìm thấy bản ghi').waitFor();
    await b.screenshot('12-person-not-found');
    // An organisation's page given a person's id.
    person();
    await b.open(`/organizations/${encodeURIComponent(personId)}`, DEMO.viewer);
    await page.getByText('Không tìm thấy bản ghi').waitFor();
  });

  it('loaded nothing from outside and threw no error', () => expectNothingFromOutsideAndNoErrors(b));
});
