import { describe, expect, it } from 'vitest';
import { barOf, chartMax, totalCells, wardTable } from './ward-table';

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

describe('barOf', () => {
  it('fills a progress bar by the share done, so 3/3 and 7/7 are both full and 1/4 a quarter', () => {
    const max = chartMax([
      { value: 3, denominator: 3 },
      { value: 7, denominator: 7 },
      { value: 1, denominator: 4 },
    ]);
    expect(barOf({ value: 3, denominator: 3 }, max)).toEqual({ kind: 'share', share: 1 });
    expect(barOf({ value: 7, denominator: 7 }, max)).toEqual({ kind: 'share', share: 1 });
    expect(barOf({ value: 1, denominator: 4 }, max)).toEqual({ kind: 'share', share: 0.25 });
    expect(barOf({ value: 0, denominator: 5 }, max)).toEqual({ kind: 'share', share: 0 });
  });

  it('says “not applicable” for 0 of 0 (nothing to do), not a full or an empty bar', () => {
    expect(barOf({ value: 0, denominator: 0 }, 7)).toEqual({ kind: 'not-applicable' });
  });

  it('scales a count without a denominator to the largest ward', () => {
    expect(barOf({ value: 5, denominator: null }, 20)).toEqual({ kind: 'share', share: 0.25 });
    expect(barOf({ value: 0, denominator: null }, 1)).toEqual({ kind: 'share', share: 0 });
  });

  it('keeps every bar between empty and full, for every value and denominator up to 6', () => {
    for (let denominator = 0; denominator <= 6; denominator++) {
      for (let value = 0; value <= 6; value++) {
        const bar = barOf({ value, denominator }, 6);
        if (denominator === 0) expect(bar.kind).toBe('not-applicable');
        else expect(bar).toEqual({ kind: 'share', share: Math.min(1, value / denominator) });
      }
    }
  });
});

describe('totalCells', () => {
  it('takes each figure’s own total (the report’s, which is right even when wards overlap), not a sum of rows', () => {
    const totals = totalCells(
      [
        { key: 'apartmentGroupsWithCell', value: 3, denominator: 3, byWard: figures[0]?.byWard ?? [] },
        { key: 'presentations', value: 3, denominator: null, byWard: figures[1]?.byWard ?? [] },
      ],
      ['apartmentGroupsWithCell', 'presentations', 'missing'],
    );
    expect(totals).toEqual({ apartmentGroupsWithCell: { value: 3, denominator: 3 }, presentations: { value: 3, denominator: null } });
  });
});
