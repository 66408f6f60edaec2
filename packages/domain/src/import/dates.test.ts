import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToDate, parseDateCell } from './dates.js';

/** Days from 1970-01-01 to a day, by the platform's own calendar (an oracle independent of the parser). */
const DAY_MS = 86_400_000;
/** Excel's serial of 1970-01-01 in the 1900 date system (documented by Microsoft). */
const UNIX_EPOCH_SERIAL = 25_569;

const days = fc.integer({ min: Date.UTC(1900, 2, 1) / DAY_MS, max: Date.UTC(9999, 11, 31) / DAY_MS });
const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

describe('dates in cells (#14 item 2)', () => {
  it('reads any day written dd/mm/yyyy, d/m/yyyy, ISO, or as its Excel serial', () => {
    fc.assert(
      fc.property(days, fc.constantFrom('/', '-', '.'), fc.boolean(), (day, sep, pad) => {
        const d = iso(day);
        const [y, m, dd] = d.split('-') as [string, string, string];
        const unpad = (s: string) => (pad ? s : String(Number(s)));
        expect(parseDateCell(`${unpad(dd)}${sep}${unpad(m)}${sep}${y}`)).toBe(d);
        expect(parseDateCell(d)).toBe(d);
        expect(parseDateCell(day + UNIX_EPOCH_SERIAL)).toBe(d);
        expect(parseDateCell(day + UNIX_EPOCH_SERIAL + 0.75)).toBe(d);
      }),
      { numRuns: 300 },
    );
  });

  it('knows the serials people meet: 45839 is 01/07/2025, 1 is 01/01/1900, 61 is 01/03/1900, 60 is no day', () => {
    expect(excelSerialToDate(45839)).toBe('2025-07-01');
    expect(excelSerialToDate(1)).toBe('1900-01-01');
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(60)).toBeNull();
    expect(parseDateCell('45839')).toBe('2025-07-01');
  });

  it('refuses what is no date: impossible days, a year alone, text', () => {
    for (const s of ['31/02/2025', '2025-13-01', '1985', '12/2025', 'hôm qua', '', '00/01/2025']) expect(parseDateCell(s)).toBeNull();
    expect(parseDateCell(true)).toBeNull();
    expect(parseDateCell(null)).toBeNull();
  });
});
