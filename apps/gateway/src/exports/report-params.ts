import {
  type DirectiveReportQuery,
  failResult,
  isIsoDate,
  okResult,
  type Result,
  RULES,
  reportPeriodOrderViolation,
  type Violation,
} from '@coso/domain';
import { recordIdOf } from '@coso/schema';
import type { PartyDocumentParams } from './party-document.js';

/** The query string of an export: `directiveId`, `scopeId` (UUIDs or global ids), `to` and an optional `from` (YYYY-MM-DD). */
export type ReportQueryString = Record<string, unknown>;

/**
 * Reads the report parameters from the query string, or lists every problem with them (Vietnamese
 * first, then English), so one answer tells the caller all there is to fix.
 */
export function parseReportParams(query: ReportQueryString): Result<DirectiveReportQuery> {
  const violations: Violation[] = [];
  const directiveId = idParam(query, 'directiveId', 'Directive', 'văn bản chỉ đạo', violations);
  const scopeUnitId = idParam(query, 'scopeId', 'AdministrativeUnit', 'đơn vị hành chính', violations);
  const to = dateParam(query, 'to', true, violations);
  const from = dateParam(query, 'from', false, violations);
  if (from !== undefined && to !== undefined && from > to) violations.push(reportPeriodOrderViolation(from, to));
  if (violations.length > 0 || directiveId === undefined || scopeUnitId === undefined || to === undefined) return failResult(violations);
  return okResult({ directiveId, scopeUnitId, to, ...(from === undefined ? {} : { from }) });
}

/** A value as quoted back in a message: cut short, so a long query string is not echoed whole. */
export function quoted(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

function stringParam(query: ReportQueryString, name: string, required: boolean, violations: Violation[]): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') {
    if (required) {
      violations.push({
        code: RULES.REQUIRED_FIELD.code,
        severity: 'error',
        path: [name],
        message: { vi: `Thiếu tham số "${name}"`, en: `The parameter "${name}" is missing` },
      });
    }
    return undefined;
  }
  if (typeof value === 'string') return value;
  violations.push({
    code: RULES.INVALID_VALUE.code,
    severity: 'error',
    path: [name],
    message: { vi: `Tham số "${name}" chỉ được có một giá trị`, en: `The parameter "${name}" must be given once` },
  });
  return undefined;
}

function idParam(query: ReportQueryString, name: string, typename: string, what: string, violations: Violation[]): string | undefined {
  const value = stringParam(query, name, true, violations);
  if (value === undefined) return undefined;
  const id = recordIdOf(value, typename);
  if (id === undefined) {
    violations.push({
      code: RULES.INVALID_VALUE.code,
      severity: 'error',
      path: [name],
      message: {
        vi: `"${quoted(value)}" không phải mã ${what} hợp lệ (UUID hoặc mã toàn cục ${typename})`,
        en: `"${quoted(value)}" is not a valid ${typename} id (a UUID or a ${typename} global id)`,
      },
    });
  }
  return id;
}

function dateParam(query: ReportQueryString, name: string, required: boolean, violations: Violation[]): string | undefined {
  const value = stringParam(query, name, required, violations);
  if (value === undefined || isIsoDate(value)) return value;
  violations.push({
    code: RULES.DATE_FORMAT.code,
    severity: 'error',
    path: [name],
    message: {
      vi: `Ngày "${quoted(value)}" (tham số "${name}") không hợp lệ: phải có dạng YYYY-MM-DD và có thật`,
      en: `The date "${quoted(value)}" (parameter "${name}") is not valid: write a real date as YYYY-MM-DD`,
    },
  });
  return undefined;
}

/** The longest text a document field takes (a recipient list is at most this many lines of it). */
const MAX_FIELD = 200;
const MAX_RECIPIENTS = 30;

/**
 * The Word export's own parameters, each optional: `number` (the document's number, e.g. "15"),
 * `recipients` (one a line), `signerPosition`, `signerName`, `date` (YYYY-MM-DD, the document's
 * date) and `lang` (`vi` by default; `en` or `vi,en` add an English summary). Every problem listed.
 */
export function parseDocumentParams(query: ReportQueryString): Result<PartyDocumentParams> {
  const violations: Violation[] = [];
  const text = (name: string, max = MAX_FIELD) => {
    const value = stringParam(query, name, false, violations)?.normalize('NFC').trim();
    if (value !== undefined && value.length > max) {
      violations.push({
        code: RULES.INVALID_VALUE.code,
        severity: 'error',
        path: [name],
        message: {
          vi: `Tham số "${name}" dài ${value.length} ký tự, tối đa ${max}`,
          en: `The parameter "${name}" is ${value.length} characters long, at most ${max}`,
        },
      });
      return undefined;
    }
    return value || undefined;
  };
  const number = text('number', 20);
  if (number !== undefined && !/^[0-9]+[A-Za-z]?$/.test(number)) {
    violations.push({
      code: RULES.INVALID_VALUE.code,
      severity: 'error',
      path: ['number'],
      message: {
        vi: `Số văn bản "${quoted(number)}" không hợp lệ: chỉ ghi số (ví dụ 15), ký hiệu "-BC/…" do hệ thống thêm`,
        en: `The document number "${quoted(number)}" is not valid: write the number only (e.g. 15); "-BC/…" is added`,
      },
    });
  }
  const recipients = text('recipients', MAX_FIELD * MAX_RECIPIENTS)
    ?.split(/\r?\n/)
    .map((l) =>
      l
        .trim()
        .replace(/^[-–]\s*/, '')
        .replace(/[,.;]$/, ''),
    )
    .filter(Boolean);
  if (recipients && recipients.length > MAX_RECIPIENTS) {
    violations.push({
      code: RULES.INVALID_VALUE.code,
      severity: 'error',
      path: ['recipients'],
      message: {
        vi: `Tối đa ${MAX_RECIPIENTS} nơi nhận (có ${recipients.length})`,
        en: `At most ${MAX_RECIPIENTS} recipients (${recipients.length} given)`,
      },
    });
  }
  const signerPosition = text('signerPosition');
  const signerName = text('signerName');
  const date = dateParam(query, 'date', false, violations);
  const lang = stringParam(query, 'lang', false, violations);
  const languages = (lang ?? 'vi').split(',').map((l) => l.trim());
  if (languages.some((l) => l !== 'vi' && l !== 'en')) {
    violations.push({
      code: RULES.INVALID_VALUE.code,
      severity: 'error',
      path: ['lang'],
      message: {
        vi: `Ngôn ngữ "${quoted(lang ?? '')}" không hợp lệ: dùng vi, en hoặc vi,en`,
        en: `The language "${quoted(lang ?? '')}" is not valid: use vi, en or vi,en`,
      },
    });
  }
  if (violations.length > 0) return failResult(violations);
  return okResult({
    ...(number ? { number } : {}),
    ...(recipients?.length ? { recipients } : {}),
    ...(signerPosition ? { signerPosition } : {}),
    ...(signerName ? { signerName } : {}),
    ...(date ? { date } : {}),
    english: languages.includes('en'),
  });
}
