import type { CellValue } from '@coso/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../graphql/schema.js';
import { columnsOfKind, importKind } from './kinds.js';
import { fileAsOfDate, rowDate } from './row-date.js';

/**
 * The date a row's references are resolved on: its own, else the file's "Ngày số liệu", else
 * today. Generated title blocks (label written in any case, with or without diacritics; the date
 * after a colon or in the next cell; dd/mm/yyyy, d/m/yyyy, ISO or an Excel serial number; other
 * title lines around it) above the people template's headers; the expected date is the one the
 * generator wrote, its serial computed here from the calendar (days since 30/12/1899).
 */
buildSchema();
const people = importKind('people');
if (!people) throw new Error('no people kind');
const columns = columnsOfKind(people);
const HEADERS = columns.map((c) => c.label.vi);
const TODAY = '2026-12-03';

const day = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => ({
  y: d.getUTCFullYear(),
  m: d.getUTCMonth() + 1,
  d: d.getUTCDate(),
}));
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (x: { y: number; m: number; d: number }) => `${x.y}-${pad(x.m)}-${pad(x.d)}`;
const serial = (x: { y: number; m: number; d: number }) => (Date.UTC(x.y, x.m - 1, x.d) - Date.UTC(1899, 11, 30)) / 86_400_000;

const label = fc.constantFrom('Ngày số liệu', 'NGÀY SỐ LIỆU', 'Ngay so lieu', 'ngày  số liệu', 'Ngày số liệu (as of)');
const written = (x: { y: number; m: number; d: number }) =>
  fc.constantFrom<CellValue>(`${pad(x.d)}/${pad(x.m)}/${x.y}`, `${x.d}/${x.m}/${x.y}`, iso(x), serial(x));
const otherLine = fc.constantFrom<CellValue[]>(
  ['DANH SÁCH NHÂN KHẨU'],
  ['Phạm vi: Phường Giang Biên'],
  ['Người xuất: quan.longbien, ngày 03/12/2026'],
  ['Tổng số: 12'],
  [],
  ['UBND PHƯỜNG PHÚC LỢI', null, null],
);
const titleBlock = day.chain((x) =>
  fc
    .record({
      label,
      value: written(x),
      inOneCell: fc.boolean(),
      before: fc.array(otherLine, { maxLength: 4 }),
      after: fc.array(otherLine, { maxLength: 3 }),
    })
    .map(({ label: l, value, inOneCell, before, after }) => {
      // A serial number cannot sit after a colon in text: it is then its own cell.
      const line: CellValue[] = inOneCell && typeof value === 'string' ? [`${l}: ${value}`] : [`${l}:`, null, value];
      return { expected: iso(x), rows: [...before, line, ...after] };
    }),
);
const dataRow: CellValue[] = [
  'VD-01',
  'Nguyễn Thị Mai',
  'Nữ',
  '12/05/1990',
  1990,
  '001190123456',
  '0912 345 678',
  'Tổ dân phố số 1, Giang Biên',
];

describe('the date a row resolves its references on (#14)', () => {
  it('is the "Ngày số liệu" of the title block above the header row, however it is written', () => {
    fc.assert(
      fc.property(titleBlock, ({ expected, rows }) => {
        const table: CellValue[][] = [...rows.map((r) => [...r]), HEADERS, dataRow];
        expect(fileAsOfDate(table, columns)).toBe(expected);
        // The same, with the header row chosen by the user instead of found.
        expect(fileAsOfDate(table, columns, rows.length)).toBe(expected);
        expect(rowDate(undefined, fileAsOfDate(table, columns), TODAY)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a row’s own date wins over the file’s; a file without one leaves today', () => {
    fc.assert(
      fc.property(day, titleBlock, (own, { expected, rows }) => {
        const file = fileAsOfDate([...rows.map((r) => [...r]), HEADERS, dataRow], columns);
        expect(file).toBe(expected);
        expect(rowDate(iso(own), file, TODAY)).toBe(iso(own));
        expect(rowDate(undefined, null, TODAY)).toBe(TODAY);
        expect(rowDate('', null, TODAY)).toBe(TODAY);
      }),
      { numRuns: 100 },
    );
  });

  it('only the title block counts: a date line below the header row, an unreadable date, or no header row is no file date', () => {
    expect(fileAsOfDate([HEADERS, ['Ngày số liệu: 01/12/2022'], dataRow], columns)).toBeNull();
    expect(fileAsOfDate([['Ngày số liệu: hôm qua'], HEADERS, dataRow], columns)).toBeNull();
    expect(fileAsOfDate([['Ngày số liệu:'], HEADERS, dataRow], columns)).toBeNull();
    expect(fileAsOfDate([['Ngày số liệu: 01/12/2022'], ['không có tiêu đề']], columns)).toBeNull();
    expect(fileAsOfDate([['Ngày lập: 01/12/2022'], HEADERS, dataRow], columns)).toBeNull();
  });
});
