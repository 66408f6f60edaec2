import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVietnamese, sortVietnamese } from './collation.js';

describe('compareVietnamese', () => {
  it('uses a Node build with full ICU (Vietnamese collation is available)', () => {
    expect(Intl.Collator.supportedLocalesOf(['vi'])).toEqual(['vi']);
  });

  it('sorts the Long Biên wards in Vietnamese order (Đ after D, not after Z)', () => {
    const wards = ['Đức Giang', 'Bồ Đề', 'Cự Khối', 'Dương Nội', 'Ngọc Lâm', 'Ngọc Thụy'];
    expect(sortVietnamese(wards)).toEqual(['Bồ Đề', 'Cự Khối', 'Dương Nội', 'Đức Giang', 'Ngọc Lâm', 'Ngọc Thụy']);
    // Code-point order is wrong, which is why the collator is needed.
    expect([...wards].sort()).not.toEqual(sortVietnamese(wards));
  });

  it('follows the Vietnamese alphabet letter by letter', () => {
    const alphabet = [
      'a',
      'ă',
      'â',
      'b',
      'c',
      'd',
      'đ',
      'e',
      'ê',
      'g',
      'h',
      'i',
      'k',
      'l',
      'm',
      'n',
      'o',
      'ô',
      'ơ',
      'p',
      'q',
      'r',
      's',
      't',
      'u',
      'ư',
      'v',
      'x',
      'y',
    ];
    const shuffled = [...alphabet].reverse();
    expect(sortVietnamese(shuffled)).toEqual(alphabet);
    for (let i = 1; i < alphabet.length; i++) {
      expect(compareVietnamese(alphabet[i - 1] ?? '', alphabet[i] ?? '')).toBeLessThan(0);
    }
  });

  it('orders numbers by value, so group 2 comes before group 10', () => {
    expect(sortVietnamese(['Tổ dân phố số 10', 'Tổ dân phố số 2', 'Tổ dân phố số 1'])).toEqual([
      'Tổ dân phố số 1',
      'Tổ dân phố số 2',
      'Tổ dân phố số 10',
    ]);
  });

  it('treats NFC and NFD of the same name as equal', () => {
    expect(compareVietnamese('Thạch Bàn', 'Thạch Bàn'.normalize('NFD'))).toBe(0);
    expect(compareVietnamese('Thạch Bàn', 'Thượng Thanh')).toBeLessThan(0);
    expect(compareVietnamese('Thượng Thanh', 'Thạch Bàn')).toBeGreaterThan(0);
  });
});

describe('sortVietnamese', () => {
  it('sorts records by a key and returns a new array', () => {
    const units = [
      { id: 'w1', name: 'Phúc Lợi' },
      { id: 'w2', name: 'Bồ Đề' },
      { id: 'w3', name: 'Phúc Đồng' },
    ];
    const sorted = sortVietnamese(units, (u) => u.name);
    expect(sorted.map((u) => u.id)).toEqual(['w2', 'w3', 'w1']);
    expect(units.map((u) => u.id)).toEqual(['w1', 'w2', 'w3']);
    expect(sorted).not.toBe(units);
  });

  const names = fc.array(
    fc.record({
      id: fc.nat(),
      name: fc.oneof(
        fc.constantFrom('Bồ Đề', 'Bo De', 'Đức Giang', 'Duc Giang', 'Ngọc Lâm', 'Cự Khối', 'Thạch Bàn', 'số 2', 'số 10'),
        fc.string({ unit: 'grapheme', maxLength: 8 }),
      ),
    }),
    { maxLength: 40 },
  );

  it('returns a permutation of its input', () => {
    fc.assert(
      fc.property(names, (items) => {
        const sorted = sortVietnamese(items, (i) => i.name);
        expect(sorted).toHaveLength(items.length);
        expect(new Set(sorted)).toEqual(new Set(items));
      }),
    );
  });

  it('is ordered by the comparator and keeps input order among equal keys', () => {
    fc.assert(
      fc.property(names, (items) => {
        const sorted = sortVietnamese(items, (i) => i.name);
        for (let i = 1; i < sorted.length; i++) {
          const prev = sorted[i - 1];
          const cur = sorted[i];
          if (prev === undefined || cur === undefined) throw new Error('index out of range');
          const c = compareVietnamese(prev.name, cur.name);
          expect(c).toBeLessThanOrEqual(0);
          if (c === 0) expect(items.indexOf(prev)).toBeLessThan(items.indexOf(cur));
        }
      }),
    );
  });
});
