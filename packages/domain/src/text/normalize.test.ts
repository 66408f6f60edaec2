import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseName, toNfc } from './normalize.js';

const nfd = (s: string) => s.normalize('NFD');

describe('toNfc', () => {
  it('composes decomposed Vietnamese', () => {
    const decomposed = nfd('Phường Bồ Đề');
    expect(decomposed).not.toBe('Phường Bồ Đề');
    expect(toNfc(decomposed)).toBe('Phường Bồ Đề');
  });
});

describe('normaliseName', () => {
  it.each([
    ['  Nguyễn   Văn  An ', 'Nguyễn Văn An'],
    ['Tổ dân phố\tsố\n5', 'Tổ dân phố số 5'],
    ['\u00a0Ngọc\u00a0Thụy\u00a0', 'Ngọc Thụy'],
    [nfd('Đức Giang'), 'Đức Giang'],
    ['   ', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it('is idempotent and yields NFC with no leading, trailing or double whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const n = normaliseName(s);
        expect(normaliseName(n)).toBe(n);
        expect(n.normalize('NFC')).toBe(n);
        expect(n).not.toMatch(/^\s|\s$|\s\s/u);
      }),
    );
  });
});
