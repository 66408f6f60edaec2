import { describe, expect, it } from 'vitest';
import { establishmentDate } from './boards.js';

describe('establishmentDate: the day a board counts as established', () => {
  it('is the recognition decision’s date when the first term is recognised', () => {
    expect(
      establishmentDate({
        electedOn: '2022-05-20',
        recognition: { decisionNumber: '12/QĐ-UBND', decidedOn: '2022-06-03', issuerId: 'ubnd-long-bien' },
      }),
    ).toBe('2022-06-03');
  });
  it('is the election day while no recognition is recorded', () => {
    expect(establishmentDate({ electedOn: '2022-05-20', recognition: null })).toBe('2022-05-20');
    expect(establishmentDate({ electedOn: '2022-05-20' })).toBe('2022-05-20');
  });
});
