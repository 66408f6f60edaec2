import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldDiacritics, matchesSearch, searchKey } from './fold.js';

const nfd = (s: string) => s.normalize('NFD');
const nfc = (s: string) => s.normalize('NFC');

/** Strings made of Vietnamese letters (every tone on every vowel), spaces and digits, in NFC. */
const VIETNAMESE_UNITS = [
  ...'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ',
  ...'AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ',
  ...'bcdghklmnpqrstvxBCDGHKLMNPQRSTVX0123456789 ',
];
const vietnamese = fc.string({ unit: fc.constantFrom(...VIETNAMESE_UNITS), maxLength: 30 });
/** Vietnamese text or arbitrary Unicode: the properties must hold for both. */
const anyText = fc.oneof(vietnamese, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

describe('foldDiacritics', () => {
  it.each([
    ['Phường Giang Biên', 'Phuong Giang Bien'],
    ['Đức Giang', 'Duc Giang'],
    ['đường Nguyễn Văn Cừ', 'duong Nguyen Van Cu'],
    ['Thượng Thanh', 'Thuong Thanh'],
    ['Cự Khối', 'Cu Khoi'],
    ['Ngọc Thụy', 'Ngoc Thuy'],
    ['ĂÂÊÔƠƯĐ ăâêôơưđ', 'AAEOOUD aaeooud'],
    [nfd('Bồ Đề'), 'Bo De'],
    ['Long Bien 004', 'Long Bien 004'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });

  it('leaves the marks of non-Latin scripts alone', () => {
    expect(foldDiacritics('हिन्दी')).toBe('हिन्दी');
  });

  it('maps every Vietnamese letter to a plain ASCII letter', () => {
    for (const c of VIETNAMESE_UNITS) expect(foldDiacritics(c)).toMatch(/^[A-Za-z0-9 ]$/);
  });

  it('is idempotent and returns NFC', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = foldDiacritics(s);
        expect(foldDiacritics(once)).toBe(once);
        expect(nfc(once)).toBe(once);
      }),
    );
  });

  it('gives the same result for NFC and NFD input', () => {
    fc.assert(fc.property(anyText, (s) => foldDiacritics(nfd(s)) === foldDiacritics(nfc(s))));
  });
});

describe('searchKey', () => {
  it.each([
    ['  Phường   GIANG Biên ', 'phuong giang bien'],
    [nfd('ĐỨC GIANG'), 'duc giang'],
    ['Tổ dân phố\tsố 5', 'to dan pho so 5'],
  ])('%j → %j', (input, expected) => {
    expect(searchKey(input)).toBe(expected);
  });

  it('is the same for the NFD and NFC forms of any string', () => {
    fc.assert(fc.property(anyText, (s) => searchKey(nfd(s)) === searchKey(nfc(s))));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(anyText, (s) => searchKey(searchKey(s)) === searchKey(s)));
  });
});

describe('matchesSearch', () => {
  it.each([
    ['Phường Giang Biên', 'giang bien', true],
    ['Phường Giang Biên', 'Giang Bien', true],
    ['Phường Giang Biên', 'biên giang', true],
    ['Đức Giang', 'duc giang', true],
    ['duc', 'Đức', true],
    [nfd('Phường Đức Giang'), 'đức', true],
    ['Phường Đức Giang', nfd('ĐỨC'), true],
    ['Phường Ngọc Thụy', 'thuy', true],
    ['Phường Ngọc Thụy', 'thuy  ngoc  ', true],
    ['Phường Ngọc Thụy', 'ngoc lam', false],
    ['Phường Giang Biên', 'giang bienn', false],
    ['Cự Khối', 'cuc', false],
    ['Cự Khối', '', true],
    ['Cự Khối', '   ', true],
    ['', 'a', false],
  ])('%j matches %j: %s', (text, query, expected) => {
    expect(matchesSearch(text, query)).toBe(expected);
  });

  it('finds any non-empty text by itself, in either normal form', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        fc.pre(s.length > 0);
        expect(matchesSearch(s, s)).toBe(true);
        expect(matchesSearch(nfc(s), nfd(s))).toBe(true);
        expect(matchesSearch(nfd(s), nfc(s))).toBe(true);
      }),
    );
  });

  it('finds a text by its folded form and by any of its words', () => {
    fc.assert(
      fc.property(vietnamese, fc.nat(), (s, pick) => {
        expect(matchesSearch(s, foldDiacritics(s))).toBe(true);
        const words = s.split(' ').filter((w) => w.length > 0);
        const word = words[pick % Math.max(words.length, 1)];
        if (word !== undefined) expect(matchesSearch(s, word)).toBe(true);
      }),
    );
  });
});
