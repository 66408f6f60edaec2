import { describe, expect, it } from 'vitest';
import { columnSortOrder, sortChange, sortFromParams } from './use-sort';

const FIELDS = ['NAME', 'BIRTH_YEAR'] as const;
const fallback = { field: 'NAME', direction: 'ASC' } as const;

describe('list order in the address', () => {
  it('reads a known field and direction, else the default', () => {
    expect(sortFromParams(new URLSearchParams('sort=BIRTH_YEAR&dir=DESC'), FIELDS, fallback)).toEqual({
      field: 'BIRTH_YEAR',
      direction: 'DESC',
    });
    expect(sortFromParams(new URLSearchParams('sort=BIRTH_YEAR'), FIELDS, fallback)).toEqual({ field: 'BIRTH_YEAR', direction: 'ASC' });
    expect(sortFromParams(new URLSearchParams('sort=DROP_TABLE'), FIELDS, fallback)).toEqual(fallback);
  });

  it("gives antd the column's order", () => {
    expect(columnSortOrder({ field: 'NAME', direction: 'DESC' }, 'NAME')).toBe('descend');
    expect(columnSortOrder({ field: 'NAME', direction: 'DESC' }, 'BIRTH_YEAR')).toBeNull();
  });

  it('turns a header click into address changes', () => {
    expect(sortChange({ columnKey: 'BIRTH_YEAR', order: 'descend' }, FIELDS)).toEqual({ sort: 'BIRTH_YEAR', dir: 'DESC' });
    expect(sortChange({ columnKey: 'NAME', order: 'ascend' }, FIELDS)).toEqual({ sort: 'NAME', dir: null });
    expect(sortChange({ columnKey: 'NAME', order: undefined }, FIELDS)).toEqual({ sort: null, dir: null });
    expect(sortChange({ columnKey: 'OTHER', order: 'ascend' }, FIELDS)).toEqual({ sort: null, dir: null });
  });
});
