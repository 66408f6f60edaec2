import { describe, expect, it } from 'vitest';
import { groupProgress } from './group-progress';

describe('progress per residential group', () => {
  const groups = [
    { id: 'g1', name: 'Tổ dân phố số 1' },
    { id: 'g2', name: 'Tổ dân phố số 2' },
    { id: 'g3', name: 'Tổ dân phố số 3' },
  ];

  it('lists every group, those with gaps first (most first), the others in the given order', () => {
    const rows = groupProgress(groups, [
      { code: 'BUILDING_WITHOUT_BOARD', residentialGroupId: 'g3' },
      { code: 'GROUP_WITHOUT_CELL', residentialGroupId: 'g2' },
      { code: 'BUILDING_WITHOUT_BOARD', residentialGroupId: 'g2' },
      { code: 'BUILDING_WITHOUT_BOARD', residentialGroupId: 'g2' },
    ]);
    expect(rows.map((r) => [r.groupId, r.gaps, r.codes])).toEqual([
      ['g2', 3, ['GROUP_WITHOUT_CELL', 'BUILDING_WITHOUT_BOARD']],
      ['g3', 1, ['BUILDING_WITHOUT_BOARD']],
      ['g1', 0, []],
    ]);
  });

  it('leaves out findings placed in no group of the ward', () => {
    const rows = groupProgress(groups, [
      { code: 'GROUP_WITHOUT_CELL', residentialGroupId: 'elsewhere' },
      { code: 'GROUP_WITHOUT_CELL', residentialGroupId: null },
    ]);
    expect(rows.every((r) => r.gaps === 0)).toBe(true);
    expect(rows).toHaveLength(3);
  });
});
