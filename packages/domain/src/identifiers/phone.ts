import type { FieldPath, Violation } from '../validation/result.js';
import { maskTail } from './masking.js';
import { identifierViolation } from './violation.js';

/**
 * Vietnamese mobile numbers: 10 digits, 0 then a network prefix 3/5/7/8/9 then 8 digits. People
 * also write the country code (+84 912 345 678, 84912345678) and group digits with spaces, dots,
 * dashes or parentheses; all of those mean the same number, stored as 0912345678.
 */
const SEPARATORS = /[\s.\-()]/gu;
const NATIONAL = /^0[35789]\d{8}$/;

/** The number as stored (`0912345678`), or null when it is not a Vietnamese mobile number. */
export function normaliseMobile(s: string): string | null {
  const compact = s.replace(SEPARATORS, '');
  let national: string;
  if (/^\+84\d{9}$/.test(compact)) national = `0${compact.slice(3)}`;
  else if (/^84\d{9}$/.test(compact)) national = `0${compact.slice(2)}`;
  else national = compact;
  return NATIONAL.test(national) ? national : null;
}

/** PHONE_FORMAT when `value` is not a Vietnamese mobile number in any accepted writing. */
export function validateMobile(value: string, path: FieldPath): Violation[] {
  if (normaliseMobile(value) !== null) return [];
  return [
    identifierViolation(
      'PHONE_FORMAT',
      path,
      'Số điện thoại di động không hợp lệ: cần 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (hoặc +84 rồi 9 chữ số).',
      'The mobile number is not valid: it needs 10 digits starting 03, 05, 07, 08 or 09 (or +84 and 9 digits).',
    ),
  ];
}

/** Shows the last 3 digits only: 0912345689 → *******689. Normalises first when it can. */
export function maskPhone(s: string): string {
  return maskTail(normaliseMobile(s) ?? s.replace(SEPARATORS, ''));
}
