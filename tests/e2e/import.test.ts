import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Account, DEMO, expectNothingFromOutsideAndNoErrors, stored, useAdminWebBrowser } from './support/admin-web-browser.js';

/**
 * Issue #14's journey (Done when, 1): the district officer downloads the people template from the
 * people list; a ward fills 30 rows — two with errors: a citizen ID Excel turned into a number
 * (leading zeros lost) and a residence in a group of another ward — uploads it, sees exactly those
 * two errors on their cells, fixes them, uploads again, commits, finds the people in the list;
 * the same file imported again duplicates nothing; the people list and the findings are exported
 * through the UI buttons and read back. Screenshots: tests/artifacts/import/.
 *
 * Who imports: a ward officer of Phúc Lợi as it stands today (created by the administrator). The
 * demo district's and Giang Biên's territories ended on 1/7/2025 (they keep what they held on their
 * last day), and a people row has no date: its residence resolves as of today. Of today's wards,
 * Phúc Lợi's officer writes only Phúc Lợi's groups; a group of Long Biên ward is a real FORBIDDEN
 * (the write-access check on the residence), not a made-up one.
 */

const OFFICER: Account = ['phuong.phucloi.e2e', 'coso-phucloi-e2e-2026'];
const FAMILY = 'Khổng';
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh'];
const GIVEN_2 = ['Long', 'Mai', 'Minh', 'Nam', 'Nga', 'Ngọc', 'Phúc', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trung', 'Tuấn', 'Vân'];
/** Data rows (0-based) with the two errors. */
const BAD_CITIZEN_ID = 6;
const OTHER_WARD = 19;

interface Person {
  sourceKey: string;
  fullName: string;
  sex: 'Nam' | 'Nữ';
  birthDate: string;
  birthYear: number;
  citizenId: string;
  phone: string;
  residence: string;
}

/** The 30 people, as a ward's list would have them (citizen IDs: Hà Nội 001, the century-and-sex digit, the year, a serial). */
function thirtyPeople(groups: readonly string[]): Person[] {
  return [...GIVEN, ...GIVEN_2].map((given, i) => {
    const male = i % 2 === 0;
    const year = 1950 + i;
    return {
      sourceKey: `PL-${String(i + 1).padStart(3, '0')}`,
      fullName: `${FAMILY} ${male ? 'Văn' : 'Thị'} ${given}`,
      sex: male ? 'Nam' : 'Nữ',
      birthDate: `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${year}`,
      birthYear: year,
      citizenId: `001${male ? '0' : '1'}${String(year % 100).padStart(2, '0')}9${String(i + 1).padStart(5, '0')}`,
      phone: `0912 345 ${String(100 + i)}`,
      residence: groups[i % groups.length] as string,
    };
  });
}

describe('importing people from Excel through the admin web (#14)', () => {
  const b = useAdminWebBrowser('import');
  const page = b.page;
  const dir = mkdtempSync(join(tmpdir(), 'coso-import-e2e-'));
  let template: string | undefined;
  let people: Person[] | undefined;
  let outsideGroup: string | undefined;
  let columnsOf: Record<string, number> | undefined;
  let headerRow: number | undefined;
  let firstBatch: string | undefined;
  let fixedFile: string | undefined;

  /** Every person of the sample and the import, as the administrator counts them today. */
  async function peopleCount(): Promise<number> {
    const data = await b.graphql<{ people: { totalCount: number } }>(
      DEMO.admin,
      'query ImportE2eCount { people(first: 1) { totalCount } }',
    );
    return data.people.totalCount;
  }

  it('sets up a ward officer of Phúc Lợi (today) and reads the places the rows name', async () => {
    type Units = { units: { nodes: Array<{ id: string; name: string; parent: { name: string } | null }> } };
    const wards = await b.graphql<Units>(
      DEMO.admin,
      `query ImportE2eWards { units(first: 20, filter: { kind: WARD }) { nodes { id name parent { name } } } }`,
    );
    const ward = (name: string) => stored(wards.units.nodes.find((w) => w.name === name)?.id, `today's ward ${name}`);
    // Groups named once in their ward today: "Tổ dân phố số 1, Phúc Lợi" is two groups since the merger (an ambiguous reference, another error).
    const groupsOf = async (id: string) => {
      const data = await b.graphql<Units>(
        DEMO.admin,
        `query ImportE2eGroups($id: ID!) { units(first: 200, filter: { kind: RESIDENTIAL_GROUP, withinUnitId: $id }, orderBy: [{ field: NAME }]) { nodes { id name parent { name } } } }`,
        { id },
      );
      const names = data.units.nodes.map((u) => `${u.name}, ${stored(u.parent?.name, `the ward of ${u.name}`)}`);
      return names.filter((n) => names.indexOf(n) === names.lastIndexOf(n));
    };
    const phucLoi = ward('Phúc Lợi');
    const mine = (await groupsOf(phucLoi)).slice(0, 3);
    expect(mine).toHaveLength(3);
    outsideGroup = stored((await groupsOf(ward('Long Biên')))[0], 'a group of Long Biên ward');
    people = thirtyPeople(mine);
    const created = await b.graphql<{ createAccount: { __typename: string } }>(
      DEMO.admin,
      `mutation ImportE2eAccount($input: CreateAccountInput!) { createAccount(input: $input) { __typename } }`,
      {
        input: {
          username: OFFICER[0],
          password: OFFICER[1],
          displayName: 'Đảng ủy phường Phúc Lợi',
          role: 'WARD_STAFF',
          scopeUnitId: phucLoi,
          partyOrganisation: true,
        },
      },
    );
    expect(created.createAccount.__typename).toBe('MutationCreateAccountSuccess');
  });

  it('the district officer downloads the people template from the people list', async () => {
    await b.open('/people', DEMO.district);
    await page.getByTestId('import-from-excel').click();
    await page.waitForURL((u) => u.pathname === '/imports' && u.searchParams.get('kind') === 'people');
    await page.getByRole('heading', { name: 'Nhập từ Excel' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    expect(download.suggestedFilename()).toBe('Mẫu nhập nhân khẩu.xlsx');
    template = join(dir, 'template.xlsx');
    await download.saveAs(template);
    await page.getByTestId('import-template-result').getByText('Đã lưu mẫu “Mẫu nhập nhân khẩu.xlsx”.').waitFor();
    await b.screenshot('01-template');

    // Its columns are the API's, headed in Vietnamese: where each one is, for filling it in.
    const kinds = await b.graphql<{ importKinds: Array<{ name: string; columns: Array<{ key: string; label: { vi: string } }> }> }>(
      DEMO.district,
      'query ImportE2eKinds { importKinds { name columns { key label { vi } } } }',
    );
    const labels = stored(
      kinds.importKinds.find((k) => k.name === 'people'),
      'the people kind',
    ).columns;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const sheet = stored(workbook.worksheets[0], 'the template’s first sheet');
    sheet.eachRow((row, number) => {
      const cells = (row.values as unknown[]).map((v) => (typeof v === 'string' ? v.trim() : v));
      if (headerRow === undefined && labels.every((c) => cells.includes(c.label.vi))) {
        headerRow = number;
        columnsOf = Object.fromEntries(labels.map((c) => [c.key, cells.indexOf(c.label.vi)]));
      }
    });
    expect(headerRow, 'a row of the template heads every column').toBeDefined();
  });

  /** The template filled with the 30 people (`mend`: the two errors fixed), saved as `name`. */
  async function filled(name: string, mend: boolean): Promise<string> {
    const columns = stored(columnsOf, 'the template’s columns');
    const header = stored(headerRow, 'the template’s header row');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(stored(template, 'the downloaded template'));
    const sheet = stored(workbook.worksheets[0], 'the template’s first sheet');
    for (const [i, p] of stored(people, 'the 30 people').entries()) {
      const row = sheet.getRow(header + 1 + i);
      const set = (key: string, value: string | number) => {
        row.getCell(stored(columns[key], `the template's column ${key}`)).value = value;
      };
      set('sourceKey', p.sourceKey);
      set('fullName', p.fullName);
      set('sex', p.sex);
      set('birthDate', p.birthDate);
      set('birthYear', p.birthYear);
      // Excel turned this one into a number: its leading zeros are gone.
      set('citizenId', !mend && i === BAD_CITIZEN_ID ? Number(p.citizenId) : p.citizenId);
      set('phone', p.phone);
      set('residenceUnitId', !mend && i === OTHER_WARD ? stored(outsideGroup, 'a group of another ward') : p.residence);
      row.commit();
    }
    const path = join(dir, name);
    await workbook.xlsx.writeFile(path);
    return path;
  }

  /** A spreadsheet column's letter from exceljs's 1-based index (the templates have fewer than 27 columns). */
  const columnName = (index: number | undefined) => String.fromCharCode(64 + stored(index, 'a column'));
  const sheetRow = (i: number) => stored(headerRow, 'the header row') + 1 + i;

  it('uploads 30 rows and sees exactly the two errors, each on its cell', async () => {
    const file = await filled('nhan-khau-phuc-loi.xlsx', false);
    await b.open('/imports?kind=people', OFFICER);
    // The kind is chosen (from the address) once the kinds have loaded: the upload takes files then.
    await page.getByTestId('import-template').waitFor();
    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(file);
    await page.waitForURL((u) => /^\/imports\/[^/]+$/.test(u.pathname));
    firstBatch = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
    await page.getByTestId('import-preview-summary').getByText('30 dòng: 28 thêm mới, 0 cập nhật, 0 không đổi.').waitFor();
    await page.getByTestId('import-preview-errors').getByText('2 dòng có lỗi, 2 lỗi.', { exact: false }).waitFor();
    const errors = page.getByTestId('import-error');
    expect(await errors.count()).toBe(2);
    const idCell = page.getByTestId(`import-cell-${sheetRow(BAD_CITIZEN_ID)}-citizenId`);
    expect(await idCell.getByTestId('import-error').getAttribute('data-code')).toBe('CITIZEN_ID_FORMAT');
    expect(await idCell.getByTestId('import-error').textContent()).toContain('chỉ có 10 chữ số');
    const placeCell = page.getByTestId(`import-cell-${sheetRow(OTHER_WARD)}-residenceUnitId`);
    expect(await placeCell.getByTestId('import-error').getAttribute('data-code')).toBe('FORBIDDEN');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await b.screenshot('02-preview-two-errors');
    // The English switch shows the same errors in English, codes unchanged.
    await page.getByText('EN', { exact: true }).click();
    await page.getByTestId('import-preview-summary').getByText('30 rows: 28 new, 0 updated, 0 unchanged.').waitFor();
    expect(await idCell.getByTestId('import-error').getAttribute('data-code')).toBe('CITIZEN_ID_FORMAT');
    expect(await idCell.getByTestId('import-error').textContent()).not.toContain('chỉ có 10 chữ số');
    await b.screenshot('03-preview-two-errors-english');
  });

  it('corrects the column matching: a column read from no header is not checked, and back', async () => {
    await b.open(`/imports/${encodeURIComponent(stored(firstBatch, 'the first upload'))}`, OFFICER);
    await page.getByTestId('import-preview-errors').waitFor();
    await page.getByText('Dòng tiêu đề và ghép cột').click();
    // The server matched every column of the template to its header: row 1, "Số định danh cá nhân" from column F.
    expect(await page.getByLabel('Dòng tiêu đề (số dòng trong bảng tính)').inputValue()).toBe(String(stored(headerRow, 'the header row')));
    await b.pickOption('Số định danh cá nhân', '— không có trong tệp —');
    // Without the column the citizen IDs are not read: only the other ward's group is left.
    await page.getByTestId('import-preview-summary').getByText('30 dòng: 29 thêm mới, 0 cập nhật, 0 không đổi.').waitFor();
    expect(await page.getByTestId('import-error').count()).toBe(1);
    expect(await page.getByTestId(`import-cell-${sheetRow(BAD_CITIZEN_ID)}-citizenId`).textContent()).toBe('');
    await b.screenshot('03b-column-matching');
    await b.pickOption('Số định danh cá nhân', `${columnName(stored(columnsOf, 'the columns').citizenId)}: Số định danh cá nhân`);
    await page.getByTestId('import-preview-summary').getByText('30 dòng: 28 thêm mới, 0 cập nhật, 0 không đổi.').waitFor();
    expect(await page.getByTestId('import-error').count()).toBe(2);
  });

  it('fixes both rows, uploads the file again and commits it', async () => {
    const before = await peopleCount();
    fixedFile = await filled('nhan-khau-phuc-loi-da-sua.xlsx', true);
    await b.open(`/imports/${encodeURIComponent(stored(firstBatch, 'the first upload'))}`, OFFICER);
    await page.getByTestId('import-preview-errors').waitFor();
    await page.getByTestId('import-retry-upload').locator('input[type=file]').setInputFiles(fixedFile);
    await page.waitForURL((u) => /^\/imports\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith(encodeURIComponent(firstBatch ?? '')));
    await page.getByTestId('import-preview-summary').getByText('30 dòng: 30 thêm mới, 0 cập nhật, 0 không đổi.').waitFor();
    await page.getByTestId('import-preview-clean').waitFor();
    expect(await page.getByTestId('import-error').count()).toBe(0);
    await b.screenshot('04-preview-fixed');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-commit-confirm').click();
    await page.getByTestId('import-result-summary').getByText('30 thêm mới, 0 cập nhật, 0 không đổi', { exact: false }).waitFor();
    // Each row links to the person it created, by name.
    const first = stored(people?.[0], 'the first person');
    const link = page.getByTestId('import-results').getByRole('link', { name: first.fullName });
    await link.waitFor();
    await b.screenshot('05-committed');
    expect(await peopleCount()).toBe(before + 30);
    await link.click();
    await page.waitForURL((u) => u.pathname.startsWith('/people/'));
    await page.getByRole('heading', { name: first.fullName }).first().waitFor();
  });

  it('finds the 30 people in the people list', async () => {
    await b.open(`/people?q=${encodeURIComponent(FAMILY)}`, OFFICER);
    await page.getByTestId('people-total').getByText('30 người').waitFor();
    for (const p of [stored(people?.[BAD_CITIZEN_ID], 'the mended row'), stored(people?.[OTHER_WARD], 'the moved row')])
      await page.getByRole('link', { name: p.fullName }).waitFor();
    await b.screenshot('06-people-list');
  });

  it('imports the same file again: every row unchanged, nobody duplicated', async () => {
    const before = await peopleCount();
    await b.open('/imports?kind=people', OFFICER);
    // The kind is chosen (from the address) once the kinds have loaded: the upload takes files then.
    await page.getByTestId('import-template').waitFor();
    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(stored(fixedFile, 'the fixed file'));
    await page.waitForURL((u) => /^\/imports\/[^/]+$/.test(u.pathname));
    await page.getByTestId('import-preview-summary').getByText('30 dòng: 0 thêm mới, 0 cập nhật, 30 không đổi.').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-commit-confirm').click();
    await page.getByTestId('import-result-summary').getByText('0 thêm mới, 0 cập nhật, 30 không đổi', { exact: false }).waitFor();
    expect(await peopleCount()).toBe(before);
    // The batches list shows the three uploads, the last two written.
    await b.open('/imports', OFFICER);
    const history = page.getByTestId('import-history');
    await history.getByText('nhan-khau-phuc-loi.xlsx').waitFor();
    expect(await history.getByText('Đã ghi').count()).toBe(2);
    expect(await history.getByText('Chưa ghi').count()).toBe(1);
    await b.screenshot('07-batches');
  });

  it('exports the people list to Excel and reads the 30 people back', async () => {
    await b.open(`/people?q=${encodeURIComponent(FAMILY)}`, OFFICER);
    await page.getByTestId('people-total').getByText('30 người').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export-xlsx').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = stored(workbook.worksheets[0], 'the export’s sheet');
    const texts: string[] = [];
    sheet.eachRow((row) => {
      for (const v of row.values as unknown[]) if (typeof v === 'string') texts.push(v);
    });
    const names = stored(people, 'the 30 people').map((p) => p.fullName);
    expect(texts.filter((t) => names.includes(t)).sort()).toEqual([...names].sort());
    expect(texts).toContain('Nhân sự');
  });

  it('exports the findings to CSV and reads them back', async () => {
    await b.open('/directive-report?to=2022-12-01', DEMO.district);
    await page.getByTestId('figure-residentialGroups').getByText('222', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Xem các tồn tại, hạn chế' }).click();
    await page.waitForURL((url) => url.pathname === '/findings');
    await page.getByTestId('findings-total').getByText('20 tồn tại').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export-csv').click()]);
    const rows = parseCsv(readFileSync(await download.path(), 'utf8'), { bom: true, relax_column_count: true }) as string[][];
    const blank = rows.findIndex((r) => r.every((v) => v === ''));
    expect(rows[0]?.[0]).toBe('Tồn tại, hạn chế');
    // After the title block: a header row, then one row per finding on screen.
    expect(rows.slice(blank + 2)).toHaveLength(20);
    await b.screenshot('08-findings');
  });

  it('loaded nothing from outside the gateway and raised no page error', () => {
    expectNothingFromOutsideAndNoErrors(b);
  });
});
