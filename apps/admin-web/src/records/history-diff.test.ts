import { ROLE_LABELS } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { changedFields, displayDateTime, displayValue, fieldName, newestFirst, operationKind } from './history-diff';

describe('changedFields', () => {
  it('lists the fields an update changed, before → after, without bookkeeping', () => {
    const before = { id: 'p1', version: 1, fullName: 'Nguyễn Văn An', phone: null, birthYear: 1985 };
    const after = { id: 'p1', version: 2, fullName: 'Nguyễn Văn Ân', phone: '0912345678', birthYear: 1985 };
    expect(changedFields(before, after)).toEqual([
      { field: 'fullName', before: 'Nguyễn Văn An', after: 'Nguyễn Văn Ân' },
      { field: 'phone', before: undefined, after: '0912345678' },
    ]);
  });

  it('lists what a creation set (before is null), leaving out empty values', () => {
    expect(changedFields(null, { id: 'x', fullName: 'Trần Thị Bình', citizenId: null, sex: 'FEMALE' })).toEqual([
      { field: 'fullName', before: undefined, after: 'Trần Thị Bình' },
      { field: 'sex', before: undefined, after: 'FEMALE' },
    ]);
  });

  it('treats a missing key and null as the same, and keeps keys only before', () => {
    expect(changedFields({ validTo: null, note: 'a' }, { validTo: '2025-07-01' })).toEqual([
      { field: 'validTo', before: undefined, after: '2025-07-01' },
      { field: 'note', before: 'a', after: undefined },
    ]);
    expect(changedFields({ a: null }, {})).toEqual([]);
  });

  it('compares nested values by content', () => {
    expect(changedFields({ topics: ['A', 'B'] }, { topics: ['A', 'B'] })).toEqual([]);
    expect(changedFields({ topics: ['A'] }, { topics: ['A', 'B'] })).toHaveLength(1);
  });

  it('reads anything that is not an object as nothing', () => {
    expect(changedFields('x', 3)).toEqual([]);
  });
});

describe('displayValue', () => {
  it('shows dates, enum codes, yes/no, ids and nothing as a reader reads them', () => {
    expect(displayValue('validFrom', '2025-07-01', 'vi')).toBe('01/07/2025');
    expect(displayValue('validTo', '2025-07-01', 'vi')).toBe('01/07/2025 (ngày cuối: 30/06/2025)');
    expect(displayValue('validTo', '2025-07-01', 'en')).toBe('01/07/2025 (last day: 30/06/2025)');
    expect(displayValue('sex', 'FEMALE', 'vi')).toBe('Nữ');
    expect(displayValue('sex', 'FEMALE', 'en')).toBe('Female');
    expect(displayValue('kind', 'WARD', 'vi')).toBe('Phường');
    expect(displayValue('kind', 'PARTY_CELL', 'vi')).toBe('Chi bộ');
    expect(displayValue('role', 'HEAD', 'en')).toBe('Head');
    expect(displayValue('multipleOwners', true, 'vi')).toBe('Có');
    expect(displayValue('residenceUnitId', '0b7c9a52-1f7e-4a3b-9c1d-2e3f4a5b6c7d', 'vi')).toBe('#0b7c9a52');
    expect(displayValue('phone', null, 'vi')).toBe('—');
    expect(displayValue('citizenId', '*********345', 'vi')).toBe('*********345');
    expect(displayValue('birthDate', '1985-**-**', 'vi')).toBe('1985-**-**');
    expect(displayValue('birthYear', 1985, 'vi')).toBe('1985');
  });
});

describe('operationKind', () => {
  it('tells creations, corrections, ends, cascades and workflows apart', () => {
    expect(operationKind('createPerson')).toBe('create');
    expect(operationKind('updatePerson')).toBe('update');
    expect(operationKind('endOrganization')).toBe('end');
    expect(operationKind('end (cascade)')).toBe('cascade');
    expect(operationKind('consolidateBoard')).toBe('workflow');
    expect(operationKind('endorse')).toBe('workflow');
  });
});

describe('newestFirst and displayDateTime', () => {
  it('reverses the trail without touching it', () => {
    const trail = [1, 2, 3];
    expect(newestFirst(trail)).toEqual([3, 2, 1]);
    expect(trail).toEqual([1, 2, 3]);
  });

  it('shows an instant in Hanoi time', () => {
    expect(displayDateTime('2026-11-24T17:30:00.000Z')).toBe('25/11/2026 00:30');
    expect(displayDateTime('not a date')).toBe('not a date');
  });
});

describe('displayValue of a value made of fields', () => {
  it('shows each field by its label and value, never raw JSON', () => {
    const shown = displayValue('members', { role: 'HEAD', validFrom: '2026-11-01', id: 'x' }, 'vi');
    expect(shown).toBe(`${fieldName('role', 'vi')}: ${ROLE_LABELS.HEAD.vi}; ${fieldName('validFrom', 'vi')}: 01/11/2026`);
    expect(shown).not.toContain('{');
  });
});
