import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addWorkingDays, addYears, ageOn, daysBetween, formatViDate, isIsoDate, todayInVietnam } from './dates.js';
import { isActiveOn, isWellFormed, periodsOverlap } from './period.js';

describe('ISO dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2025-07-01', true],
    ['2025-13-01', false],
    ['2025-7-1', false],
    ['01/07/2025', false],
    [20250701, false],
    // The range (issue #12): 1900-01-01 .. 9999-12-31, both ends included.
    ['1900-01-01', true],
    ['1899-12-31', false],
    ['0000-01-01', false],
    ['0001-01-01', false],
    ['9999-12-31', true],
    ['+10000-01-01', false],
  ])('isIsoDate(%s) is %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('adds days, months, years and working days', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addYears('2021-09-30', 3)).toBe('2024-09-30');
    // Friday 2025-06-27 + 7 working days skips two weekends.
    expect(addWorkingDays('2025-06-27', 7)).toBe('2025-07-08');
    expect(daysBetween('2025-01-01', '2025-07-01')).toBe(181);
  });

  it('computes age on a date, birthday inclusive', () => {
    expect(ageOn('2004-07-01', '2025-06-30')).toBe(20);
    expect(ageOn('2004-07-01', '2025-07-01')).toBe(21);
  });
});

describe('periods are half-open [validFrom, validTo)', () => {
  const p = { validFrom: '2022-01-01', validTo: '2025-07-01' };
  it('is active from its first day up to the day before its end', () => {
    expect(isActiveOn(p, '2021-12-31')).toBe(false);
    expect(isActiveOn(p, '2022-01-01')).toBe(true);
    expect(isActiveOn(p, '2025-06-30')).toBe(true);
    expect(isActiveOn(p, '2025-07-01')).toBe(false);
    expect(isActiveOn({ validFrom: '2022-01-01', validTo: null }, '2999-01-01')).toBe(true);
  });
  it('overlaps only when sharing a day', () => {
    expect(periodsOverlap(p, { validFrom: '2025-07-01', validTo: null })).toBe(false);
    expect(periodsOverlap(p, { validFrom: '2025-06-30', validTo: null })).toBe(true);
    expect(periodsOverlap({ validFrom: '2020-01-01', validTo: null }, p)).toBe(true);
  });
  it('refuses empty or reversed periods', () => {
    expect(isWellFormed({ validFrom: '2022-01-01', validTo: '2022-01-01' })).toBe(false);
    expect(isWellFormed({ validFrom: '2022-01-02', validTo: '2022-01-01' })).toBe(false);
    expect(isWellFormed(p)).toBe(true);
  });
});

describe('Vietnam dates', () => {
  it('gives the date in Vietnam, which turns at 17:00 UTC', () => {
    expect(todayInVietnam(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(todayInVietnam(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
  });

  it('writes dates as Vietnamese documents do', () => {
    expect(formatViDate('2022-12-01')).toBe('01/12/2022');
    expect(formatViDate('not a date')).toBe('not a date');
  });
});
