import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskCitizenId, parseCitizenId } from './citizen-id.js';
import { maskBirthDate, maskTail } from './masking.js';
import { maskPhone, normaliseMobile } from './phone.js';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const shownDigits = (masked: string) => masked.replace(/\D/g, '').length;
/** A Vietnamese mobile number as stored, and written the other ways people write it. */
const mobile = fc.tuple(fc.constantFrom('3', '5', '7', '8', '9'), digits(8)).map(([net, rest]) => `0${net}${rest}`);
const written = mobile.chain((m) =>
  fc.constantFrom(
    m,
    `+84${m.slice(1)}`,
    `84${m.slice(1)}`,
    `${m.slice(0, 4)} ${m.slice(4, 7)} ${m.slice(7)}`,
    `${m.slice(0, 4)}.${m.slice(4)}`,
  ),
);

describe('masked personal identifiers reveal at most 3 digits, none derived from sex or birth year', () => {
  it('a citizen ID: the last 3 digits only, whatever the first 9 (province, century/sex, year)', () => {
    fc.assert(
      fc.property(digits(12), digits(9), (id, otherHead) => {
        const masked = maskCitizenId(id);
        expect(shownDigits(masked)).toBeLessThanOrEqual(3);
        // Another person of any sex, birth year and province with the same last 3 digits looks the same.
        expect(maskCitizenId(`${otherHead}${id.slice(9)}`)).toBe(masked);
        // Nothing in the mask parses back to a sex or a year.
        expect(parseCitizenId(masked)).toBeNull();
      }),
    );
  });

  it('a citizen ID written in groups masks like the compact one', () => {
    fc.assert(
      fc.property(digits(12), (id) => {
        expect(maskCitizenId(`${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6)}`)).toBe(maskCitizenId(id));
      }),
    );
  });

  it('a mobile number, however written: the last 3 digits only, the network prefix hidden', () => {
    fc.assert(
      fc.property(written, mobile, (phone, other) => {
        const masked = maskPhone(phone);
        expect(shownDigits(masked)).toBeLessThanOrEqual(3);
        // Any other number (another network) ending in the same 3 digits looks the same.
        const national = normaliseMobile(phone) as string;
        expect(maskPhone(`${other.slice(0, 7)}${national.slice(7)}`)).toBe(masked);
      }),
    );
  });

  it('any text at all: at most 3 characters shown, and none of a short value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const masked = maskTail(s);
        expect([...masked].filter((c) => c !== '*').length).toBeLessThanOrEqual(3);
        if ([...s].length < 9) expect(masked).toBe('*'.repeat([...s].length));
        expect(shownDigits(maskPhone(s))).toBeLessThanOrEqual(3);
        expect(shownDigits(maskCitizenId(s))).toBeLessThanOrEqual(3);
      }),
    );
  });

  it('a date of birth shows its year only (the birth year every reader sees)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(maskBirthDate(iso)).toBe(`${iso.slice(0, 4)}-**-**`);
      }),
    );
    expect(maskBirthDate('not a date')).toBe('**********');
  });
});
