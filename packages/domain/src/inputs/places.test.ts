import { describe, expect, it } from 'vitest';
import {
  createAdministrativeUnitInput,
  createUnitCodeInput,
  createUnitParentInput,
  updateAdministrativeUnitInput,
  updateUnitCodeInput,
} from './index.js';
import { parseInput } from './parse-input.js';
import { codesAt, parsedValue, violationsOf } from './test-support/expect-result.js';

const ward = { kind: 'WARD', name: 'Ngọc Thụy', validFrom: '2003-12-06', validTo: '2025-07-01' };

describe('createAdministrativeUnitInput', () => {
  it('normalises the name and trims the code', () => {
    const unit = parsedValue(
      parseInput(createAdministrativeUnitInput, { ...ward, name: ' Ngọc  Thụy '.normalize('NFD'), code: ' 00118 ' }),
    );
    expect(unit).toEqual({ ...ward, code: '00118' });
  });

  it.each([
    ['PROVINCE', '01', true],
    ['DISTRICT', '004', true],
    ['WARD', '00118', true],
    ['WARD', '0118', false],
    ['DISTRICT', '00118', false],
    ['RESIDENTIAL_GROUP', '05', false],
    ['RESIDENTIAL_GROUP', '', true], // no code: fine
  ] as const)('a %s with code %j: accepted %s', (kind, code, accepted) => {
    const result = parseInput(createAdministrativeUnitInput, { ...ward, kind, code });
    if (accepted) expect(result.ok).toBe(true);
    else expect(codesAt(violationsOf(result))).toEqual(['ADMIN_CODE_FORMAT@code']);
  });

  it('still checks the code for an official length when the kind itself is invalid', () => {
    expect(codesAt(violationsOf(parseInput(createAdministrativeUnitInput, { ...ward, kind: 'TOWN', code: '0118' })))).toEqual([
      'INVALID_VALUE@kind',
      'ADMIN_CODE_FORMAT@code',
    ]);
  });

  it('lists every problem at once', () => {
    const violations = violationsOf(
      parseInput(createAdministrativeUnitInput, { kind: 'WARD', name: ' ', validFrom: '2025-07-01', validTo: '2003-12-06', code: '118' }),
    );
    expect(codesAt(violations)).toEqual(['REQUIRED_FIELD@name', 'PERIOD_ORDER@validTo', 'ADMIN_CODE_FORMAT@code']);
    expect(violations[0]?.message).toEqual({ vi: 'Tên không được để trống.', en: 'Name must not be empty.' });
  });
});

describe('updateAdministrativeUnitInput', () => {
  it('leaves the end date alone when it is not sent, and clears it when null is sent', () => {
    expect(parsedValue(parseInput(updateAdministrativeUnitInput, { id: 'u', version: 1, name: 'Bồ Đề' }))).toEqual({
      id: 'u',
      version: 1,
      name: 'Bồ Đề',
    });
    expect(parsedValue(parseInput(updateAdministrativeUnitInput, { id: 'u', version: 1, validTo: null }))).toEqual({
      id: 'u',
      version: 1,
      validTo: null,
    });
  });

  it('checks period order when both dates are sent', () => {
    expect(
      codesAt(
        violationsOf(parseInput(updateAdministrativeUnitInput, { id: 'u', version: 1, validFrom: '2025-07-01', validTo: '2025-07-01' })),
      ),
    ).toEqual(['PERIOD_ORDER@validTo']);
  });
});

describe('unit codes and parents', () => {
  it('accepts any official code length for a code record on its own', () => {
    for (const code of ['01', '004', '00118'])
      expect(parseInput(createUnitCodeInput, { unitId: 'u', code, validFrom: '2025-07-01' }).ok).toBe(true);
  });

  it.each(['1', '0118', '000', 'abc'])('refuses the code %j', (code) => {
    expect(codesAt(violationsOf(parseInput(createUnitCodeInput, { unitId: 'u', code, validFrom: '2025-07-01' })))).toEqual([
      'ADMIN_CODE_FORMAT@code',
    ]);
  });

  it('reports a blank code as missing, not as a format error', () => {
    expect(codesAt(violationsOf(parseInput(updateUnitCodeInput, { id: 'c', version: 0, code: '  ' })))).toEqual(['REQUIRED_FIELD@code']);
  });

  it('refuses a unit as its own parent', () => {
    const violations = violationsOf(parseInput(createUnitParentInput, { unitId: 'bo-de', parentId: ' bo-de ', validFrom: '2025-07-01' }));
    expect(codesAt(violations)).toEqual(['INVALID_VALUE@parentId']);
    expect(violations[0]?.message.vi).toBe('Đơn vị cấp trên không được trùng với đơn vị hành chính.');
  });
});
