import { describe, expect, it } from 'vitest';
import { accountEndViolations, accountViolations, isTerritorialRole, normaliseUsername, passwordProblem } from './accounts.js';

const codes = (input: Parameters<typeof accountViolations>[0]) => accountViolations(input).map((v) => `${v.code}@${v.path.join('.')}`);

describe('account rules', () => {
  it('accepts a well-formed ward officer', () => {
    expect(codes({ username: 'phuong.bode', role: 'WARD_STAFF', scopeUnitId: 'u1', password: 'mot-mat-khau-dai' })).toEqual([]);
  });

  it('refuses a username with diacritics or spaces, naming the field in Vietnamese', () => {
    const [v] = accountViolations({ username: 'phường bồ đề' });
    expect(v?.path).toEqual(['username']);
    expect(v?.message.vi).toBe('Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm, gạch.');
    expect(codes({ username: '  Quan.LongBien ' })).toEqual([]); // stored trimmed, lower case
    expect(normaliseUsername('  Quan.LongBien ')).toBe('quan.longbien');
  });

  it('needs a territory exactly for district and ward staff', () => {
    expect(codes({ role: 'DISTRICT_STAFF', scopeUnitId: null })).toEqual(['REQUIRED_FIELD@scopeUnitId']);
    expect(codes({ role: 'ANALYST', scopeUnitId: 'u1' })).toEqual(['INVALID_VALUE@scopeUnitId']);
    expect(codes({ role: 'ANALYST', scopeUnitId: null })).toEqual([]);
    // An update that does not touch the territory is not checked for it.
    expect(codes({ role: 'WARD_STAFF' })).toEqual([]);
    expect(isTerritorialRole('WARD_STAFF')).toBe(true);
    expect(isTerritorialRole('VIEWER')).toBe(false);
  });

  it('wants passwords of at least 10 characters', () => {
    expect(passwordProblem('ngan')?.vi).toBe('Mật khẩu phải có ít nhất 10 ký tự.');
    expect(passwordProblem('du-dai-roi-day')).toBeNull();
    expect(codes({ password: 'ngan' })).toEqual(['INVALID_VALUE@password']);
  });
});

describe('locking an account', () => {
  it('needs a lock date after the start', () => {
    expect(accountEndViolations('2026-11-26', '2026-11-27')).toEqual([]);
    const [v] = accountEndViolations('2026-11-26', '2026-11-26');
    expect(v?.path).toEqual(['on']);
    expect(v?.message.vi).toBe('Ngày khóa phải sau ngày tài khoản bắt đầu hoạt động (26/11/2026).');
  });
});
