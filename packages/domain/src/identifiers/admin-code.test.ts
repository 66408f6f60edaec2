import { describe, expect, it } from 'vitest';
import type { UnitCode, UnitKind } from '../model/places.js';
import { findCodeConflicts, validateAdminCode } from './admin-code.js';

describe('validateAdminCode', () => {
  it.each([
    ['01', 'PROVINCE'],
    ['96', 'PROVINCE'],
    ['004', 'DISTRICT'],
    ['00118', 'WARD'],
    ['00001', 'COMMUNE'],
  ] as const)('accepts %s for a %s', (code, kind) => {
    expect(validateAdminCode(code, kind, ['code'])).toEqual([]);
  });

  it.each([
    ['1', 'PROVINCE'], // one digit short
    ['001', 'PROVINCE'], // a district's length
    ['04', 'DISTRICT'],
    ['0004', 'DISTRICT'],
    ['0118', 'WARD'], // one digit short
    ['000118', 'WARD'], // one digit too many
    ['00118', 'DISTRICT'],
    ['0011a', 'WARD'],
    [' 0118', 'WARD'],
    ['００１１８', 'WARD'], // full-width digits are not ASCII digits
    ['', 'WARD'],
    ['00', 'PROVINCE'], // numbering starts at 01
    ['00000', 'COMMUNE'],
    ['5', 'RESIDENTIAL_GROUP'], // residential groups have no official code at all
    ['00118', 'RESIDENTIAL_GROUP'],
  ] as const)('refuses %j for a %s', (code, kind: UnitKind) => {
    const violations = validateAdminCode(code, kind, ['units', 0, 'code']);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ code: 'ADMIN_CODE_FORMAT', severity: 'error', path: ['units', 0, 'code'] });
  });

  it('says how many digits the kind needs, in both languages', () => {
    const [v] = validateAdminCode('0118', 'WARD', ['code']);
    expect(v?.message.vi).toBe('Mã đơn vị hành chính "0118" của phường phải gồm 5 chữ số và khác toàn số 0.');
    expect(v?.message.en).toBe('The administrative code "0118" of a ward must have 5 digits, not all zero.');
  });

  it('says a residential group has no code', () => {
    const [v] = validateAdminCode('07', 'RESIDENTIAL_GROUP', ['code']);
    expect(v?.message.vi).toMatch(/^Tổ dân phố không có mã đơn vị hành chính chính thức/);
    expect(v?.message.en).toMatch(/^A residential group has no official administrative code/);
  });

  it.each([
    ['01', true],
    ['004', true],
    ['00118', true],
    ['0118', false],
    ['1', false],
    ['000', false],
    ['000118', false],
  ])('with an unknown kind, %s is accepted: %s', (code, accepted) => {
    expect(validateAdminCode(code, null, ['code']).length === 0).toBe(accepted);
  });
});

describe('findCodeConflicts', () => {
  // Real history: 00118 was Ngọc Thụy until 1/7/2025, then Bồ Đề (new ward).
  const existing: UnitCode[] = [
    { id: 'c1', unitId: 'ngoc-thuy', code: '00118', validFrom: '2003-12-06', validTo: '2025-07-01' },
    { id: 'c2', unitId: 'bo-de-old', code: '00139', validFrom: '2003-12-06', validTo: '2025-07-01' },
    { id: 'c3', unitId: 'long-bien', code: '00145', validFrom: '2003-12-06', validTo: null },
  ];

  it('lets Bồ Đề take 00118 from the day Ngọc Thụy gave it up', () => {
    expect(findCodeConflicts(existing, { unitId: 'bo-de-new', code: '00118', validFrom: '2025-07-01', validTo: null }, [])).toEqual([]);
  });

  it('refuses 00118 for another unit one day before Ngọc Thụy gave it up', () => {
    const violations = findCodeConflicts(existing, { unitId: 'bo-de-new', code: '00118', validFrom: '2025-06-30', validTo: null }, [
      'unitCodes',
      3,
    ]);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      code: 'ADMIN_CODE_UNIQUE',
      severity: 'error',
      path: ['unitCodes', 3],
      entity: { type: 'AdministrativeUnit', id: 'ngoc-thuy' },
    });
    expect(violations[0]?.message.vi).toContain('từ 06/12/2003 đến trước 01/07/2025');
    expect(violations[0]?.message.en).toContain('The administrative code 00118 is held by unit "ngoc-thuy"');
  });

  it('refuses a period that ends inside an existing holder’s open-ended period', () => {
    const violations = findCodeConflicts(existing, { unitId: 'x', code: '00145', validFrom: '1990-01-01', validTo: '2003-12-07' }, []);
    expect(violations.map((v) => v.entity?.id)).toEqual(['long-bien']);
  });

  it('accepts a period that ends the day the existing holder starts (periods are half-open)', () => {
    expect(findCodeConflicts(existing, { unitId: 'x', code: '00145', validFrom: '1990-01-01', validTo: '2003-12-06' }, [])).toEqual([]);
  });

  it('lets the same unit hold its code again, and ignores other codes', () => {
    expect(findCodeConflicts(existing, { unitId: 'ngoc-thuy', code: '00118', validFrom: '2010-01-01', validTo: null }, [])).toEqual([]);
    expect(findCodeConflicts(existing, { unitId: 'x', code: '00121', validFrom: '2010-01-01', validTo: null }, [])).toEqual([]);
  });

  it('reports every conflicting holder', () => {
    const twice: UnitCode[] = [...existing, { id: 'c4', unitId: 'other', code: '00118', validFrom: '2025-07-01', validTo: null }];
    const violations = findCodeConflicts(twice, { unitId: 'x', code: '00118', validFrom: '2020-01-01', validTo: null }, []);
    expect(violations.map((v) => v.entity?.id)).toEqual(['ngoc-thuy', 'other']);
  });
});
