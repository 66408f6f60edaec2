import { describe, expect, it } from 'vitest';
import { compareNamed, unitDisplayName } from './text.js';

describe('report text helpers share the text module', () => {
  it('sorts record lists in Vietnamese order with numbers as numbers', () => {
    const groups = ['Tổ dân phố số 10', 'Tổ dân phố số 2', 'Tổ dân phố số 11', 'Tổ dân phố số 1'].map((name, i) => ({ id: `g${i}`, name }));
    expect([...groups].sort(compareNamed).map((g) => g.name)).toEqual([
      'Tổ dân phố số 1',
      'Tổ dân phố số 2',
      'Tổ dân phố số 10',
      'Tổ dân phố số 11',
    ]);
  });

  it('names a place one way: the kind word from the label, or from the kind when there is none', () => {
    expect(unitDisplayName({ kind: 'WARD', kindLabel: null, name: 'Giang Biên' })).toBe('Phường Giang Biên');
    expect(unitDisplayName({ kind: 'DISTRICT', kindLabel: 'Huyện', name: 'Gia Lâm' })).toBe('Huyện Gia Lâm');
    expect(unitDisplayName({ kind: 'RESIDENTIAL_GROUP', name: 'Tổ dân phố số 5' })).toBe('Tổ dân phố số 5');
  });
});
