import { describe, expect, it } from 'vitest';
import { countByCode, countByWard } from './finding-counts';

describe('finding counts', () => {
  it("counts by code in the catalogue's order, unknown codes last", () => {
    const found = [
      { code: 'BOARD_HEAD_WITHOUT_FIRE_TRAINING' },
      { code: 'NEW_RULE' },
      { code: 'GROUP_WITHOUT_CELL' },
      { code: 'BOARD_HEAD_WITHOUT_FIRE_TRAINING' },
    ];
    expect(countByCode(found)).toEqual([
      { code: 'GROUP_WITHOUT_CELL', count: 1 },
      { code: 'BOARD_HEAD_WITHOUT_FIRE_TRAINING', count: 2 },
      { code: 'NEW_RULE', count: 1 },
    ]);
    expect(countByCode([])).toEqual([]);
  });

  it('counts by ward', () => {
    const counts = countByWard([{ wardId: 'a' }, { wardId: 'a' }, { wardId: null }]);
    expect(counts.get('a')).toBe(2);
    expect(counts.get(null)).toBe(1);
    expect(counts.get('b')).toBeUndefined();
  });
});
