import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPersonInput } from '../inputs/people.js';
import { columnsOf } from './columns.js';
import { findHeaderRow, matchHeaders } from './headers.js';

const columns = columnsOf(createPersonInput, { references: { residenceUnitId: 'AdministrativeUnit' } });

/** Diacritics a Vietnamese letter may carry, decomposed: any of them may be lost or kept in a header. */
const MARK = /^[\u0300-\u036f]$/u;

/** A variant of a header as people type it: case per letter, diacritics dropped or kept, spacing and punctuation around words. */
function variant(header: string) {
  const letters = [...header.normalize('NFD')];
  return fc
    .tuple(
      fc.array(fc.boolean(), { minLength: letters.length, maxLength: letters.length }),
      fc.array(fc.boolean(), { minLength: letters.length, maxLength: letters.length }),
      fc.constantFrom('', ' ', '  ', '\t'),
      fc.constantFrom('', ':', ' *', ' (*)', '.'),
      fc.constantFrom(' ', '  ', '_', ''),
    )
    .map(
      ([upper, dropMark, pad, suffix, space]) =>
        pad +
        letters
          .map((c, i) => (MARK.test(c) && dropMark[i] ? '' : c))
          .map((c, i) => (c === ' ' ? space : upper[i] ? c.toUpperCase() : c.toLowerCase()))
          .join('')
          .normalize('NFC') +
        suffix +
        pad,
    );
}

describe('header matching (#14 item 2)', () => {
  it('any case, diacritics, spacing or punctuation variant of a label or alias names its column', () => {
    const names = columns.flatMap((c) => [c.label.vi, c.label.en, ...(c.aliases ?? [])].map((name) => ({ key: c.key, name })));
    fc.assert(
      fc.property(
        fc.constantFrom(...names).chain(({ key, name }) => variant(name).map((header) => ({ key, header }))),
        ({ key, header }) => {
          expect(matchHeaders(['STT', header], columns)).toEqual({ [key]: 1 });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads the examples of the issue: "Số CCCD", "so cccd" and "CCCD" are the citizen ID', () => {
    for (const h of ['Số CCCD', 'so cccd', 'CCCD', 'Số định danh cá nhân']) expect(matchHeaders([h], columns)).toEqual({ citizenId: 0 });
  });

  it('a header names one column, and the first header naming a column wins', () => {
    expect(matchHeaders(['Họ và tên', 'Ho ten', 'Giới tính'], columns)).toEqual({ fullName: 0, sex: 2 });
  });

  it('finds the header row below a title block', () => {
    const rows = [
      ['UBND PHƯỜNG PHÚC LỢI', '', ''],
      ['DANH SÁCH NHÂN KHẨU', '', ''],
      [],
      ['STT', 'Họ và tên', 'Giới tính', 'Năm sinh', 'Số CCCD'],
      ['1', 'Nguyễn Văn A', 'Nam', '1985', '001085012345'],
    ];
    expect(findHeaderRow(rows, columns)).toBe(3);
    expect(findHeaderRow([['a'], ['b']], columns)).toBeNull();
  });
});
