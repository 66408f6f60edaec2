import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withDisplayDates } from './dates.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** A real date, written both ways from its parts by the test (not by the code under test). */
const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => {
  const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return { iso: `${pad(y, 4)}-${pad(m)}-${pad(dd)}`, shown: `${pad(dd)}/${pad(m)}/${pad(y, 4)}` };
});
const words = fc.constantFrom('', 'on ', 'từ ', '(', 'Term ended on ', '"');
const after = fc.constantFrom('', '.', ')', ' and', ', ', '"');

describe('withDisplayDates', () => {
  it('writes every date of a text dd/mm/yyyy, the rest unchanged', () => {
    fc.assert(
      fc.property(words, day, after, day, (before, a, end, b) => {
        expect(withDisplayDates(`${before}${a.iso}${end} ${b.iso}`)).toBe(`${before}${a.shown}${end} ${b.shown}`);
      }),
    );
  });

  it('leaves alone what is not a date of the text: a date-time, a longer code or number, an impossible date', () => {
    fc.assert(
      fc.property(day, (d) => {
        for (const text of [`${d.iso}T10:00:00Z`, `${d.iso}-3`, `1${d.iso}`, `x-${d.iso}`]) expect(withDisplayDates(text)).toBe(text);
      }),
    );
    expect(withDisplayDates('got "1985-13-01" and 2025-02-30')).toBe('got "1985-13-01" and 2025-02-30');
    // A message about the API's input format shows its range in that format.
    const format = 'Date "x" is not valid; use YYYY-MM-DD, from 1900-01-01 to 9999-12-31.';
    expect(withDisplayDates(format)).toBe(format);
  });
});
