import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/dictionary';
import type { SessionUser } from '../../session/session';
import buildingsList from './entries/buildings';
import unitsList from './entries/units';
import type { ListEntry, ListRow } from './list-entry';
import { type ColumnsContext, renderCell } from './registry-columns';
import { filterFromParams } from './registry-filters';

const officer = (canWrite: boolean): SessionUser => ({
  username: 'phuong.giangbien',
  displayName: 'Cán bộ phường',
  role: 'WARD_STAFF',
  scopeUnit: null,
  permissions: { admin: false, canWrite, downloadsTemplates: true, seesPartyData: false, seesPersonalData: true, territorial: true },
});

function context(entry: ListEntry, options: { language?: 'vi' | 'en'; canWrite?: boolean; forbidden?: string[] } = {}): ColumnsContext {
  const language = options.language ?? 'vi';
  return {
    asOf: '2022-12-01',
    language,
    user: officer(options.canWrite ?? true),
    t: translator(language, []),
    list: entry.list,
    forbidden: new Set(options.forbidden ?? []),
    sort: entry.defaultSort,
  };
}

/** A cell as the browser gets it: its markup, and its text without tags. */
function cell(entry: ListEntry, key: string, row: ListRow, index: number, ctx: ColumnsContext): { html: string; text: string } {
  const column = entry.columns.find((c) => c.key === key);
  if (!column) throw new Error(`${entry.path} has no column ${key}`);
  const node: ReactNode = renderCell(column, row, index, ctx);
  const html = renderToStaticMarkup(<MemoryRouter>{node}</MemoryRouter>);
  return { html, text: html.replace(/<[^>]+>/g, '').replaceAll('&amp;', '&') };
}

const ward = {
  id: 'VW5pdDox',
  name: 'Giang Biên',
  kind: 'WARD',
  kindLabel: 'Phường',
  code: '00118',
  validFrom: '2003-01-01',
  validTo: '2025-07-01',
};
const group = {
  id: 'VW5pdDoy',
  name: 'Tổ dân phố số 5',
  kind: 'RESIDENTIAL_GROUP',
  kindLabel: null,
  code: null,
  validFrom: '2020-01-01',
  validTo: null,
};

describe('registry list cells (hand-computed)', () => {
  it('links a unit to its page as of the list’s date', () => {
    const { html, text } = cell(unitsList, 'NAME', { ...ward, parent: null }, 0, context(unitsList));
    expect(text).toBe('Giang Biên');
    expect(html).toContain('href="/units/VW5pdDox?asOf=2022-12-01"');
  });

  it('names the kind by the unit’s own word in Vietnamese and by the enum’s label in English', () => {
    const row = { ...ward, kindLabel: 'Thị trấn', parent: null };
    expect(cell(unitsList, 'KIND', row, 0, context(unitsList)).text).toBe('Thị trấn');
    expect(cell(unitsList, 'KIND', row, 0, context(unitsList, { language: 'en' })).text).toBe('Ward');
    expect(cell(unitsList, 'KIND', { ...group, parent: null }, 0, context(unitsList)).text).toBe('Tổ dân phố');
  });

  it('writes the period with its last day in force, or from its start while open', () => {
    expect(cell(unitsList, 'VALID_FROM', { ...ward, parent: null }, 0, context(unitsList)).text).toBe('01/01/2003 – 30/06/2025');
    expect(cell(unitsList, 'VALID_FROM', { ...group, parent: null }, 0, context(unitsList)).text).toBe('từ 01/01/2020');
    expect(cell(unitsList, 'VALID_FROM', { ...group, parent: null }, 0, context(unitsList, { language: 'en' })).text).toBe(
      'from 01/01/2020',
    );
  });

  it('shows an empty code as a dash, a parent outside the territory as such, only at the row the server withheld it', () => {
    const row = { ...group, parent: null };
    expect(cell(unitsList, 'code', row, 3, context(unitsList)).text).toBe('—');
    const ctx = context(unitsList, { forbidden: ['units.nodes.3.parent'] });
    expect(cell(unitsList, 'parent', row, 3, ctx).text).toBe('Ngoài địa bàn');
    expect(cell(unitsList, 'parent', row, 4, ctx).text).toBe('—');
    expect(cell(unitsList, 'parent', { ...group, parent: { id: 'p', name: 'Giang Biên', kindLabel: 'Phường' } }, 3, ctx).text).toBe(
      'Phường Giang Biên',
    );
  });

  const building = {
    id: 'QnVpbGRpbmc6Nw==',
    name: 'Nhà ở cho thuê Sài Đồng',
    address: 'Số 1 phố Sài Đồng',
    blockCount: 2,
    apartmentCount: 1234,
    residentialGroup: {
      id: 'VW5pdDoy',
      name: 'Tổ dân phố số 5',
      kindLabel: 'Tổ dân phố',
      parent: { id: 'VW5pdDox', name: 'Sài Đồng', kindLabel: 'Phường' },
    },
    complex: null,
    board: null,
  };

  it('shows a building’s address under its name, its group with the ward under it, sizes in Vietnamese digits', () => {
    const name = cell(buildingsList, 'NAME', building, 0, context(buildingsList));
    expect(name.text).toBe('Nhà ở cho thuê Sài ĐồngSố 1 phố Sài Đồng');
    expect(name.html).toContain('href="/buildings/QnVpbGRpbmc6Nw%3D%3D?asOf=2022-12-01"');
    const groupCell = cell(buildingsList, 'group', building, 0, context(buildingsList));
    expect(groupCell.text).toBe('Tổ dân phố số 5Phường Sài Đồng');
    expect(groupCell.html).toContain('href="/units/VW5pdDoy?asOf=2022-12-01"');
    const outside = { ...building, residentialGroup: { ...building.residentialGroup, parent: null } };
    expect(
      cell(buildingsList, 'group', outside, 1, context(buildingsList, { forbidden: ['buildings.nodes.1.residentialGroup.parent'] })).text,
    ).toBe('Tổ dân phố số 5Ngoài địa bàn');
    expect(cell(buildingsList, 'APARTMENT_COUNT', building, 0, context(buildingsList)).text).toBe('1.234');
  });

  it('offers to establish a board for a building without one, to those who may write, unless it belongs to a complex', () => {
    const writer = cell(buildingsList, 'board', building, 0, context(buildingsList));
    expect(writer.text).toBe('Chưa cóThành lập');
    expect(writer.html).toContain('href="/boards/establish?buildingId=QnVpbGRpbmc6Nw%3D%3D"');
    expect(cell(buildingsList, 'board', building, 0, context(buildingsList, { canWrite: false })).text).toBe('Chưa có');
    expect(cell(buildingsList, 'board', { ...building, complex: { id: 'c' } }, 0, context(buildingsList)).text).toBe('Chưa có');
    const withBoard = cell(
      buildingsList,
      'board',
      { ...building, board: { id: 'T3JnOjk=', name: 'Ban quản trị nhà A' } },
      0,
      context(buildingsList),
    );
    expect(withBoard.text).toBe('Ban quản trị nhà A');
    expect(withBoard.html).toContain('href="/organizations/T3JnOjk%3D?asOf=2022-12-01"');
  });
});

describe("a registry list's filters from its address", () => {
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['units', '', {}],
    ['units', 'q=giang+bien&kind=WARD', { name: { search: 'giang bien' }, kind: 'WARD' }],
    ['units', 'kind=CITY&ward=x&board=yes', {}],
    ['buildings', 'ward=VW5pdDox&board=no', { withinUnitId: 'VW5pdDox', hasBoard: false }],
    ['buildings', 'board=yes&q=sai+dong&kind=WARD', { hasBoard: true, name: { search: 'sai dong' } }],
    ['buildings', 'board=maybe&asOf=2022-12-01&sort=NAME', {}],
  ];
  const entries: Record<string, ListEntry> = { units: unitsList, buildings: buildingsList };
  it.each(cases)('/%s?%s', (path, address, expected) => {
    const entry = entries[path];
    if (!entry) throw new Error(`no entry ${path}`);
    expect(filterFromParams(entry.filters, new URLSearchParams(address))).toEqual(expected);
  });
});
