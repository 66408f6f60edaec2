import { describe, expect, it } from 'vitest';
import { maskPhone, normaliseMobile, validateMobile } from './phone.js';

describe('normaliseMobile', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0312345678', '0312345678'],
    ['0512345678', '0512345678'],
    ['0712345678', '0712345678'],
    ['0812345678', '0812345678'],
    ['+84912345678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['0912-345-678', '0912345678'],
    ['(+84) 912-345-678', '0912345678'],
    ['(091) 234 5678', '0912345678'],
    [' 0912345678 ', '0912345678'],
  ])('%j → %s', (input, expected) => {
    expect(normaliseMobile(input)).toBe(expected);
  });

  it.each([
    '091234567', // 9 digits
    '09123456789', // 11 digits starting 0
    '0212345678', // 02x is a landline prefix
    '0412345678',
    '0612345678',
    '0012345678',
    '1912345678', // no leading 0
    '+8491234567', // +84 then 8 digits
    '+840912345678', // +84 then the national 0
    '8491234567', // 84 then 8 digits
    '849123456789',
    '+85912345678', // another country
    '0912 345 67a',
    '0912/345/678', // slash is not a separator we accept
    '',
    '+84',
  ])('%j is not a Vietnamese mobile number', (input) => {
    expect(normaliseMobile(input)).toBeNull();
  });
});

describe('validateMobile', () => {
  it('accepts every writing normaliseMobile accepts', () => {
    expect(validateMobile('+84 912 345 678', ['phone'])).toEqual([]);
  });

  it('refuses a bad number with PHONE_FORMAT at the given path', () => {
    const violations = validateMobile('0212345678', ['people', 0, 'phone']);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ code: 'PHONE_FORMAT', severity: 'error', path: ['people', 0, 'phone'] });
    expect(violations[0]?.message.vi).toMatch(/^Số điện thoại di động không hợp lệ/);
    expect(violations[0]?.message.en).toMatch(/^The mobile number is not valid/);
  });
});

describe('maskPhone', () => {
  it.each([
    ['0912345689', '*******689'],
    ['+84 912 345 689', '*******689'],
    ['123456789', '******789'], // not a mobile number: still masked, never shown whole
    ['12345', '*****'],
  ])('%j → %j', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});
