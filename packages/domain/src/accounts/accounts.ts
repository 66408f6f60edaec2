import { formatViDate } from '../time/dates.js';
import type { LocalizedText, Violation } from '../validation/result.js';

/** The roles of a coso account (who may see and change what). */
export const ACCOUNT_ROLES = ['SYSTEM_ADMIN', 'DISTRICT_STAFF', 'WARD_STAFF', 'ANALYST', 'VIEWER'] as const;
/** An account's role: system administrator, district or ward staff, analyst, or viewer. */
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** The roles' names in Vietnamese and English, as the admin web shows them. */
export const ACCOUNT_ROLE_LABELS: Record<AccountRole, LocalizedText> = {
  SYSTEM_ADMIN: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  DISTRICT_STAFF: { vi: 'Cán bộ quận', en: 'District staff' },
  WARD_STAFF: { vi: 'Cán bộ phường', en: 'Ward staff' },
  ANALYST: { vi: 'Chuyên viên phân tích', en: 'Analyst' },
  VIEWER: { vi: 'Người xem', en: 'Viewer' },
};

/** District and ward staff work in a territory (a unit and everything below it); the others do not. */
export function isTerritorialRole(role: AccountRole): boolean {
  return role === 'DISTRICT_STAFF' || role === 'WARD_STAFF';
}

/** The fewest characters a password may have. */
export const MIN_PASSWORD_LENGTH = 10;

/** What is wrong with a new password (vi, en), or null. */
export function passwordProblem(password: string): LocalizedText | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return {
      vi: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
      en: `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
    };
  }
  return null;
}

const USERNAME = /^[a-z0-9._-]{3,40}$/;

/** A username as it is stored: trimmed, lower case. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * The rules of an account's fields, for the form as the administrator types and for the server:
 * the username's shape, a territory exactly for district and ward staff, the password's strength.
 * Fields left out (undefined) are not checked, so an update checks only what it changes.
 */
export function accountViolations(input: {
  username?: string | null;
  role?: AccountRole | null;
  scopeUnitId?: string | null;
  password?: string | null;
}): Violation[] {
  const out: Violation[] = [];
  if (input.username != null && !USERNAME.test(normaliseUsername(input.username))) {
    out.push({
      code: 'INVALID_VALUE',
      severity: 'error',
      path: ['username'],
      message: {
        vi: 'Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm, gạch.',
        en: 'A username has 3–40 lower-case letters, digits, dots or dashes.',
      },
    });
  }
  if (input.role != null && input.scopeUnitId !== undefined) {
    const territorial = isTerritorialRole(input.role);
    if (territorial !== (input.scopeUnitId != null)) {
      out.push({
        code: territorial ? 'REQUIRED_FIELD' : 'INVALID_VALUE',
        severity: 'error',
        path: ['scopeUnitId'],
        message: territorial
          ? { vi: 'Cán bộ quận/phường phải có địa bàn.', en: 'District and ward staff need a territory.' }
          : { vi: 'Chỉ cán bộ quận/phường có địa bàn.', en: 'Only district and ward staff have a territory.' },
      });
    }
  }
  const weak = input.password != null ? passwordProblem(input.password) : null;
  if (weak) out.push({ code: 'INVALID_VALUE', severity: 'error', path: ['password'], message: weak });
  return out;
}

/**
 * Locking an account from `on`: its period must not be empty (an account created today is locked
 * from tomorrow at the earliest; until then, a new password keeps its holder out).
 */
export function accountEndViolations(validFrom: string, on: string): Violation[] {
  if (on > validFrom) return [];
  return [
    {
      code: 'PERIOD_ORDER',
      severity: 'error',
      path: ['on'],
      message: {
        vi: `Ngày khóa phải sau ngày tài khoản bắt đầu hoạt động (${formatViDate(validFrom)}).`,
        en: `The lock date must be after the day the account started (${validFrom}).`,
      },
    },
  ];
}
