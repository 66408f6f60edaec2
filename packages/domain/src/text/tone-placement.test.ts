import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modernTonePlacements, traditionalTonePlacement } from './tone-placement.js';

/** The five tone marks, as combining characters (NFD), applied to a vowel by the test itself. */
const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;
const toned = (vowel: string, tone: number) => (vowel + TONES[tone]).normalize('NFC');

const ONSETS = ['', 'h', 'kh', 'th', 't', 'x', 'l', 'ng', 'tr', 'h', 'H', 'Kh', 'Th', 'T'];
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['o', 'a'],
  ['o', 'e'],
  ['u', 'y'],
  ['O', 'A'],
  ['U', 'Y'],
];
const FINALS = ['n', 'ng', 'nh', 't', 'c', 'ch'];

/** A syllable with oa/oe/uy: its two spellings, built from its parts (not by the code under test). */
const syllable = fc
  .record({
    onset: fc.constantFrom(...ONSETS),
    pair: fc.constantFrom(...PAIRS),
    tone: fc.integer({ min: 0, max: 4 }),
    final: fc.option(fc.constantFrom(...FINALS), { nil: undefined }),
  })
  .map(({ onset, pair: [first, second], tone, final }) => ({
    modern: `${onset}${first}${toned(second, tone)}${final ?? ''}`,
    traditional: final ? `${onset}${first}${toned(second, tone)}${final}` : `${onset}${toned(first, tone)}${second}`,
    open: final === undefined,
  }));

describe('tone placement on oa, oe, uy', () => {
  it('finds the modern placement in an open syllable and rewrites it traditionally; a closed syllable is the same in both', () => {
    fc.assert(
      fc.property(
        syllable,
        fc.constantFrom('', 'Bản ', '('),
        fc.constantFrom('', ' đơn', '.', ')'),
        ({ modern, traditional, open }, before, after) => {
          const text = `${before}${modern}${after}`;
          const found = modernTonePlacements(text);
          expect(found.map((f) => [f.word, f.traditional])).toEqual(open ? [[modern, traditional]] : []);
          expect(traditionalTonePlacement(text)).toBe(`${before}${traditional}${after}`);
          // The traditional spelling has nothing left to find, in NFC or NFD.
          expect(modernTonePlacements(`${before}${traditional}${after}`.normalize('NFD'))).toEqual([]);
        },
      ),
    );
  });

  it('leaves "qu" alone: its u is part of the consonant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.constantFrom('q', 'Q'), (tone, q) => {
        for (const word of [`${q}u${toned('y', tone)}`, `${q}u${toned('a', tone)}`, `${q}u${toned('e', tone)}`]) {
          expect(modernTonePlacements(word)).toEqual([]);
          expect(traditionalTonePlacement(word)).toBe(word);
        }
      }),
    );
  });

  it('knows the words of the issue', () => {
    const text = 'Khoá tài khoản, huỷ, xoá, hoá đơn, Thuỵ, toà nhà, Uỷ ban, quý, hoàn thành, HOÁ';
    expect(modernTonePlacements(text).map((f) => f.traditional)).toEqual(['Khóa', 'hủy', 'xóa', 'hóa', 'Thụy', 'tòa', 'Ủy', 'HÓA']);
    expect(traditionalTonePlacement(text)).toBe('Khóa tài khoản, hủy, xóa, hóa đơn, Thụy, tòa nhà, Ủy ban, quý, hoàn thành, HÓA');
  });
});
