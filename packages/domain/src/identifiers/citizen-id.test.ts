import { describe, expect, it } from 'vitest';
import { maskCitizenId, parseCitizenId, validateCitizenId } from './citizen-id.js';

describe('parseCitizenId', () => {
  it.each([
    ['001085012345', '001', 'MALE', 1985],
    ['001185012345', '001', 'FEMALE', 1985],
    ['001099000000', '001', 'MALE', 1999],
    ['079100123456', '079', 'FEMALE', 1900],
    ['079000123456', '079', 'MALE', 1900],
    ['001200123456', '001', 'MALE', 2000],
    ['001305123456', '001', 'FEMALE', 2005],
    ['036299123456', '036', 'MALE', 2099],
    ['001401123456', '001', 'MALE', 2101],
    ['001500123456', '001', 'FEMALE', 2100],
    ['001600123456', '001', 'MALE', 2200],
    ['001700123456', '001', 'FEMALE', 2200],
    ['001899123456', '001', 'MALE', 2399],
    ['001999123456', '001', 'FEMALE', 2399],
    ['001 085 012 345', '001', 'MALE', 1985],
    [' 001085012345\t', '001', 'MALE', 1985],
  ] as const)('%j → province %s, %s, born %i', (id, provinceCode, sex, birthYear) => {
    expect(parseCitizenId(id)).toEqual({ provinceCode, sex, birthYear });
  });

  it.each([
    '00108501234', // 11 digits
    '0010850123456', // 13 digits
    '00108501234a',
    '001-085-012-345', // only spaces are ignored
    '０01085012345', // full-width digit
    '',
  ])('%j is not a citizen ID', (id) => {
    expect(parseCitizenId(id)).toBeNull();
  });
});

describe('validateCitizenId', () => {
  it('accepts an ID that agrees with the declared birth year and sex', () => {
    expect(validateCitizenId('001085012345', { birthYear: 1985, sex: 'MALE' }, ['citizenId'])).toEqual([]);
    expect(validateCitizenId('001 305 012 345', { birthYear: 2005, sex: 'FEMALE' }, ['citizenId'])).toEqual([]);
  });

  it('reports a malformed ID as CITIZEN_ID_FORMAT only', () => {
    const violations = validateCitizenId('12345', { birthYear: 1985, sex: 'MALE' }, ['people', 1, 'citizenId']);
    expect(violations).toEqual([
      {
        code: 'CITIZEN_ID_FORMAT',
        severity: 'error',
        path: ['people', 1, 'citizenId'],
        message: { vi: 'Số định danh cá nhân phải gồm đúng 12 chữ số.', en: 'A citizen ID must have exactly 12 digits.' },
      },
    ]);
  });

  it('names the birth year when it disagrees (showing the ID masked)', () => {
    const violations = validateCitizenId('001085012345', { birthYear: 1986, sex: 'MALE' }, ['citizenId']);
    expect(violations).toEqual([
      {
        code: 'CITIZEN_ID_MISMATCH',
        severity: 'error',
        path: ['citizenId'],
        message: {
          vi: 'Số định danh *********345 cho biết năm sinh 1985 nhưng năm sinh đã khai là 1986.',
          en: 'Citizen ID *********345 says born 1985 but the birth year given is 1986.',
        },
      },
    ]);
  });

  it('names the sex when it disagrees', () => {
    const [v, ...rest] = validateCitizenId('001185012345', { birthYear: 1985, sex: 'MALE' }, ['citizenId']);
    expect(rest).toEqual([]);
    expect(v?.code).toBe('CITIZEN_ID_MISMATCH');
    expect(v?.message.vi).toBe('Số định danh *********345 cho biết giới tính nữ nhưng giới tính đã khai là nam.');
    expect(v?.message.en).toBe('Citizen ID *********345 says female but the sex given is male.');
  });

  it('reports both when both disagree', () => {
    const violations = validateCitizenId('001285012345', { birthYear: 1985, sex: 'FEMALE' }, ['citizenId']);
    expect(violations.map((v) => v.code)).toEqual(['CITIZEN_ID_MISMATCH', 'CITIZEN_ID_MISMATCH']);
    expect(violations[0]?.message.en).toContain('born 2085');
    expect(violations[1]?.message.en).toContain('says male');
  });

  it('at the century boundary, 1999 and 2000 are told apart by the century digit', () => {
    expect(validateCitizenId('001099012345', { birthYear: 1999 }, [])).toEqual([]);
    expect(validateCitizenId('001099012345', { birthYear: 2099 }, [])).toHaveLength(1);
    expect(validateCitizenId('001200012345', { birthYear: 2000 }, [])).toEqual([]);
    expect(validateCitizenId('001000012345', { birthYear: 2000 }, [])).toHaveLength(1);
  });

  it('checks only what was declared', () => {
    expect(validateCitizenId('001185012345', {}, [])).toEqual([]);
    expect(validateCitizenId('001185012345', { birthYear: null, sex: 'FEMALE' }, [])).toEqual([]);
  });
});

describe('maskCitizenId', () => {
  it.each([
    ['001085012345', '*********345'],
    ['001 085 012 345', '*********345'],
    ['123456789', '******789'],
    ['12345678', '********'],
    ['', ''],
  ])('%j → %j', (id, masked) => {
    expect(maskCitizenId(id)).toBe(masked);
  });
});
