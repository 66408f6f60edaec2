import { describe, expect, it } from 'vitest';
import { createMembershipInput, createPersonInput, createResidenceContactReviewInput, updatePersonInput } from './index.js';
import { parseInput } from './parse-input.js';
import { codesAt, parsedValue, violationsOf } from './test-support/expect-result.js';

const an = { fullName: 'Nguyễn Văn An', sex: 'MALE', birthYear: 1985 };

describe('createPersonInput', () => {
  it('normalises names, citizen IDs and phones', () => {
    const person = parsedValue(
      parseInput(createPersonInput, {
        ...an,
        fullName: '  Nguyễn   Văn\tAn '.normalize('NFD'),
        citizenId: ' 001 085 012 345 ',
        phone: '+84 912 345 678',
        birthDate: '1985-04-12',
      }),
    );
    expect(person.fullName).toBe('Nguyễn Văn An');
    expect(person.fullName.normalize('NFC')).toBe(person.fullName);
    expect(person.citizenId).toBe('001085012345');
    expect(person.phone).toBe('0912345678');
  });

  it.each(['84912345678', '0912.345.678', '(091) 234-5678'])('accepts the phone written %j', (phone) => {
    expect(parsedValue(parseInput(createPersonInput, { ...an, phone })).phone).toBe('0912345678');
  });

  it('reads blank optional fields as "none"', () => {
    const person = parsedValue(parseInput(createPersonInput, { ...an, citizenId: '  ', phone: '', residenceUnitId: ' ' }));
    expect(person).toMatchObject({ citizenId: null, phone: null, residenceUnitId: null });
  });

  it('lists every problem at once, with the right code and path', () => {
    const violations = violationsOf(
      parseInput(createPersonInput, {
        fullName: '',
        sex: 'FEMALE',
        birthYear: 1986,
        birthDate: '1985-04-12',
        citizenId: '001085012345',
        phone: '0212345678',
      }),
    );
    expect(codesAt(violations)).toEqual([
      'REQUIRED_FIELD@fullName',
      'PHONE_FORMAT@phone',
      'INVALID_VALUE@birthDate',
      'CITIZEN_ID_MISMATCH@citizenId',
      'CITIZEN_ID_MISMATCH@citizenId',
    ]);
    const mismatch = violations.filter((v) => v.code === 'CITIZEN_ID_MISMATCH').map((v) => v.message.vi);
    expect(mismatch).toEqual([
      'Số định danh *********345 cho biết năm sinh 1985 nhưng năm sinh đã khai là 1986.',
      'Số định danh *********345 cho biết giới tính nam nhưng giới tính đã khai là nữ.',
    ]);
  });

  it('reports a malformed citizen ID once, as CITIZEN_ID_FORMAT, not also as a mismatch', () => {
    expect(codesAt(violationsOf(parseInput(createPersonInput, { ...an, citizenId: '00108501234' })))).toEqual([
      'CITIZEN_ID_FORMAT@citizenId',
    ]);
  });

  it('does not compare the citizen ID with a birth year or sex that is itself invalid', () => {
    expect(codesAt(violationsOf(parseInput(createPersonInput, { ...an, birthYear: 3000, sex: 'X', citizenId: '001185012345' })))).toEqual([
      'INVALID_VALUE@sex',
      'INVALID_VALUE@birthYear',
    ]);
  });

  it('accepts the century boundary when the ID agrees (born 2000, female → digit 3)', () => {
    expect(parseInput(createPersonInput, { fullName: 'Trần Thị Bình', sex: 'FEMALE', birthYear: 2000, citizenId: '001300012345' }).ok).toBe(
      true,
    );
  });
});

describe('updatePersonInput', () => {
  it('checks the citizen ID against the birth year and sex sent in the same update', () => {
    const violations = violationsOf(parseInput(updatePersonInput, { id: 'an', version: 4, birthYear: 1990, citizenId: '001085012345' }));
    expect(codesAt(violations)).toEqual(['CITIZEN_ID_MISMATCH@citizenId']);
    expect(violations[0]?.message.en).toContain('born 1985 but the birth year given is 1990');
  });

  it('lets a citizen ID be cleared with a blank', () => {
    expect(parsedValue(parseInput(updatePersonInput, { id: 'an', version: 4, citizenId: '' }))).toEqual({
      id: 'an',
      version: 4,
      citizenId: null,
    });
  });

  it('refuses an empty name', () => {
    expect(codesAt(violationsOf(parseInput(updatePersonInput, { id: 'an', version: 4, fullName: ' ' })))).toEqual([
      'REQUIRED_FIELD@fullName',
    ]);
  });
});

describe('periods', () => {
  const membership = { personId: 'an', organizationId: 'cell-5', role: 'SECRETARY', validFrom: '2020-05-01' };

  it.each([
    ['2020-05-02', true],
    ['2020-05-01', false], // an empty period
    ['2020-04-30', false],
    [null, true],
  ])('validTo %j after validFrom 2020-05-01: accepted %s', (validTo, accepted) => {
    const result = parseInput(createMembershipInput, { ...membership, validTo });
    if (accepted) expect(result.ok).toBe(true);
    else expect(codesAt(violationsOf(result))).toEqual(['PERIOD_ORDER@validTo']);
  });

  it('says which dates are out of order', () => {
    const [v] = violationsOf(parseInput(createMembershipInput, { ...membership, validTo: '2019-01-01' }));
    expect(v?.message).toEqual({
      vi: 'Ngày kết thúc (01/01/2019) phải sau ngày bắt đầu (01/05/2020).',
      en: 'End date (2019-01-01) must be after the start date (2020-05-01).',
    });
  });

  it('reports a bad role and a reversed period together', () => {
    expect(codesAt(violationsOf(parseInput(createMembershipInput, { ...membership, role: 'BOSS', validTo: '2019-01-01' })))).toEqual([
      'INVALID_VALUE@role',
      'PERIOD_ORDER@validTo',
    ]);
  });
});

describe('createResidenceContactReviewInput', () => {
  it('needs a non-empty comment and a whole-number year', () => {
    expect(
      codesAt(
        violationsOf(
          parseInput(createResidenceContactReviewInput, { residenceContactId: 'rc', year: '2023', reviewedOn: '2023-12-15', comment: '' }),
        ),
      ),
    ).toEqual(['INVALID_VALUE@year', 'REQUIRED_FIELD@comment']);
  });
});
