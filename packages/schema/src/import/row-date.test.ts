import type { CellValue } from '@coso/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../graphql/schema.js';
import { columnsOfKind, importKind } from './kinds.js';
import { fileAsOfDate, fileAsOfViolations, rowDate } from './row-date.js';

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

  it('only the title block counts: a date line below the header row, or no header row, is no file date', () => {
    expect(fileAsOfDate([HEADERS, ['Ngày số liệu: 01/12/2022'], dataRow], columns)).toBeNull();
    expect(fileAsOfDate([['Ngày số liệu: 01/12/2022'], ['không có tiêu đề']], columns)).toBeNull();
    expect(fileAsOfDate([['Ngày lập: 01/12/2022'], HEADERS, dataRow], columns)).toBeNull();
    expect(fileAsOfViolations([HEADERS, ['Ngày số liệu: hôm qua'], dataRow], columns)).toEqual([]);
    expect(fileAsOfViolations([['Ngày lập: hôm qua'], HEADERS, dataRow], columns)).toEqual([]);
  });
});

/** A1-style address of a cell (0-based row and column), computed here: column letters A…Z, AA…. */
const address = (row: number, col: number): string => {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
};

describe('an unreadable "Ngày số liệu" is a sheet error, not today (#14)', () => {
  // Values a title line may hold that name no date: words, impossible days, a month 13, blanks.
  const unreadable = fc.oneof(
    fc.constantFrom('hôm qua', 'đang cập nhật', '31/02/2022', '2022-13-01', '00/12/2022', '12/2022', 'tháng 12 năm 2022', '01-12', '?'),
    fc
      .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 13, max: 99 }), fc.integer({ min: 1950, max: 2099 }))
      .map(([d, m, y]) => `${pad(d)}/${m}/${y}`),
  );
  const block = fc
    .record({
      label,
      value: fc.option(unreadable, { nil: '' }),
      inOneCell: fc.boolean(),
      indent: fc.integer({ min: 0, max: 3 }),
      before: fc.array(otherLine, { maxLength: 4 }),
      after: fc.array(otherLine, { maxLength: 3 }),
    })
    .map(({ label: l, value, inOneCell, indent, before, after }) => {
      const pre: CellValue[] = Array(indent).fill(null);
      // In one cell after a colon, or the label alone and the value in a later cell (none when blank).
      const line: CellValue[] = inOneCell ? [...pre, `${l}: ${value}`] : [...pre, `${l}:`, null, ...(value === '' ? [] : [value])];
      const at = inOneCell || value === '' ? indent : indent + 2;
      return { rows: [...before, line, ...after], cell: address(before.length, at), value };
    });

  it('names the rule, the cell and what it read, in Vietnamese and English; the file has no date', () => {
    fc.assert(
      fc.property(block, ({ rows, cell, value }) => {
        const table: CellValue[][] = [...rows.map((r) => [...r]), HEADERS, dataRow];
        const violations = fileAsOfViolations(table, columns);
        expect(violations.map((v) => [v.code, v.severity])).toEqual([['IMPORT_AS_OF_UNREADABLE', 'error']]);
        const [v] = violations;
        for (const text of [v?.message.vi, v?.message.en]) {
          expect(text).toContain(cell);
          if (value !== '') expect(text).toContain(`"${value}"`);
        }
        expect(v?.message.vi).toContain('Ngày số liệu');
        expect(v?.message.vi.normalize('NFC')).toBe(v?.message.vi);
        // The header row chosen by the user finds the same line.
        expect(fileAsOfViolations(table, columns, rows.length)).toEqual(violations);
        expect(fileAsOfDate(table, columns)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('a readable line, or none, is no error', () => {
    fc.assert(
      fc.property(titleBlock, fc.array(otherLine, { maxLength: 5 }), ({ rows }, plain) => {
        expect(fileAsOfViolations([...rows.map((r) => [...r]), HEADERS, dataRow], columns)).toEqual([]);
        expect(fileAsOfViolations([...plain.map((r) => [...r]), HEADERS, dataRow], columns)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
