import { describe, expect, it } from 'vitest';
import { chartMax, wardTable } from './ward-table';

const figures = [
  {
    key: 'apartmentGroupsWithCell',
    byWard: [
      { wardId: 'w1', wardName: 'Bồ Đề', value: 3, denominator: 3 },
      { wardId: 'w2', wardName: 'Cự Khối', value: 0, denominator: 0 },
    ],
  },
  {
    key: 'presentations',
    byWard: [
      { wardId: 'w2', wardName: 'Cự Khối', value: 1, denominator: null },
      { wardId: null, wardName: '(chưa xác định phường)', value: 2, denominator: null },
      { wardId: 'w1', wardName: 'Bồ Đề', value: 0, denominator: null },
    ],
  },
];

describe('wardTable', () => {
  it('puts each ward on one row with every chosen figure, records in no ward last', () => {
    const rows = wardTable(figures, ['apartmentGroupsWithCell', 'presentations', 'missing']);
    expect(rows.map((r) => r.wardName)).toEqual(['Bồ Đề', 'Cự Khối', '(chưa xác định phường)']);
    expect(rows[0]?.cells).toEqual({
      apartmentGroupsWithCell: { value: 3, denominator: 3 },
      presentations: { value: 0, denominator: null },
    });
    expect(rows[2]?.cells.apartmentGroupsWithCell).toBeUndefined();
    expect(rows[0]?.cells.missing).toBeUndefined();
  });

  it('is empty without figures', () => {
    expect(wardTable([], ['apartmentGroupsWithCell'])).toEqual([]);
  });
});

describe('chartMax', () => {
  it('scales to the largest value or denominator, at least 1', () => {
    expect(chartMax([{ value: 3, denominator: 7 }, { value: 5, denominator: null }, undefined])).toBe(7);
    expect(chartMax([{ value: 0, denominator: 0 }])).toBe(1);
    expect(chartMax([])).toBe(1);
  });
});
