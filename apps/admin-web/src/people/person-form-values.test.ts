import { describe, expect, it } from 'vitest';
import { type PersonRecord, personChanges, personFormValues, validatePerson } from './person-form-values';

const record: PersonRecord = {
  id: 'UGVyc29uOjE=',
  version: 3,
  fullName: 'Nguyễn Văn An',
  sex: 'MALE',
  birthYear: 1985,
  birthDate: null,
  citizenId: '001085012345',
  phone: null,
  residenceUnit: { id: 'unit-1' },
};

describe('validatePerson', () => {
  it("reports the domain's Vietnamese messages on the fields they concern", () => {
    const result = validatePerson({ fullName: 'Lê Thị Cúc', sex: 'FEMALE', birthYear: 1990, citizenId: '12345' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations).toEqual([
      expect.objectContaining({
        code: 'CITIZEN_ID_FORMAT',
        path: ['citizenId'],
        message: expect.objectContaining({ vi: 'Số định danh cá nhân phải gồm đúng 12 chữ số.' }),
      }),
    ]);
  });

  it('checks the citizen ID against birth year and sex', () => {
    const result = validatePerson({ fullName: 'Lê Thị Cúc', sex: 'FEMALE', birthYear: 1990, citizenId: '001085012345' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations.map((x) => x.code)).toEqual(['CITIZEN_ID_MISMATCH', 'CITIZEN_ID_MISMATCH']);
    expect(result.violations.every((x) => x.path[0] === 'citizenId')).toBe(true);
  });

  it('requires a cleared birth year instead of leaving it unchanged', () => {
    const result = validatePerson({ ...personFormValues(record), birthYear: null });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.violations[0]).toMatchObject({ code: 'REQUIRED_FIELD', path: ['birthYear'] });
  });

  it('normalises what it accepts (spaces in the ID, blanks as nothing, the phone)', () => {
    const result = validatePerson({
      fullName: '  Nguyễn  Văn An ',
      sex: 'MALE',
      birthYear: 1985,
      citizenId: '001 085 012 345',
      phone: '+84 912 345 678',
    });
    expect(result.ok && result.value).toMatchObject({ fullName: 'Nguyễn Văn An', citizenId: '001085012345', phone: '0912345678' });
  });
});

describe('personChanges', () => {
  it('sends only what differs from the record read last, null clearing a field', () => {
    const values = { ...personFormValues(record), fullName: 'Nguyễn Văn Ân', citizenId: '', phone: '0912345678' };
    const result = validatePerson(values);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(personChanges(result.value, record)).toEqual({ fullName: 'Nguyễn Văn Ân', citizenId: null, phone: '0912345678' });
  });

  it('finds nothing to send when the form is the record', () => {
    const result = validatePerson(personFormValues(record));
    expect(result.ok && personChanges(result.value, record)).toEqual({});
  });
});
