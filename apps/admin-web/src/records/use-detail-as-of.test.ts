import { addDays, type IsoDate } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { dateInPeriod, detailAsOf, type RecordPeriod } from './use-detail-as-of';

/** Twelve consecutive days across a month end: every date and period below is made of them. */
const DAYS: IsoDate[] = Array.from({ length: 12 }, (_, i) => addDays('2026-10-26', i));

/** Every period over DAYS: each start, with each later end or none (still open). */
const PERIODS: RecordPeriod[] = DAYS.flatMap((validFrom, i) => [
  { validFrom, validTo: null },
  ...DAYS.slice(i + 1).map((validTo) => ({ validFrom, validTo })),
]);

/** The oracle: the days of the period (listed one by one), and among them the one nearest to `date`. */
function nearestDayInside(date: IsoDate, period: RecordPeriod): IsoDate {
  const inside = DAYS.filter((d) => d >= period.validFrom && (!period.validTo || d < period.validTo));
  const distance = (d: IsoDate) => Math.abs(DAYS.indexOf(d) - DAYS.indexOf(date));
  return inside.reduce((best, d) => (distance(d) < distance(best) ? d : best));
}

describe('the date a detail page opens on', () => {
  it('is, for every date and period, the nearest day on which the record exists', () => {
    for (const period of PERIODS) {
      for (const date of DAYS) {
        expect(dateInPeriod(date, period), `${date} in ${period.validFrom}–${period.validTo ?? '…'}`).toBe(nearestDayInside(date, period));
      }
    }
  });

  it('moves the default (today, or the territory’s last day) into the record’s life when the address names no date', () => {
    // A board established on 01/11/2026, opened by an account whose district ended on 30/06/2025.
    expect(detailAsOf(null, '2025-06-30', { validFrom: '2026-11-01', validTo: null })).toBe('2026-11-01');
    // A unit abolished on 01/07/2025, opened today.
    expect(detailAsOf(null, '2026-12-03', { validFrom: '2020-01-01', validTo: '2025-07-01' })).toBe('2025-06-30');
    expect(detailAsOf('not-a-date', '2026-12-03', { validFrom: '2026-12-05', validTo: null })).toBe('2026-12-05');
  });

  it('keeps a date the address names, even outside the record’s life, and the default until the record is known', () => {
    for (const period of PERIODS) {
      for (const date of DAYS) expect(detailAsOf(date, '2026-11-01', period)).toBe(date);
    }
    expect(detailAsOf(null, '2026-11-01', null)).toBe('2026-11-01');
  });
});
