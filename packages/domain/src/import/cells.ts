import type { RuleCode } from '../rules/catalog.js';
import type { LocalizedText, Violation } from '../validation/result.js';
import type { ImportColumn } from './columns.js';
import { type CellValue, parseDateCell } from './dates.js';
import { headerKey } from './headers.js';

/**
 * A cell read as its column's type: the value an input schema takes, nothing when blank, or a
 * violation at the column saying what is wrong. Nothing is guessed: a citizen ID that lost its
 * leading zeros (Excel reads 001085012345 as the number 1085012345) is reported, never padded.
 */
export type CellResult = { ok: true; value: unknown } | { ok: false; violation: Violation };

const YES = new Set(['co', 'x', 'yes', 'true', '1', 'dung']);
const NO = new Set(['khong', 'no', 'false', '0', 'sai']);

function violation(code: RuleCode, column: ImportColumn, vi: string, en: string): CellResult {
  return { ok: false, violation: { code, severity: 'error', path: [column.key], message: { vi, en } } };
}

function shown(value: CellValue): string {
  const s = String(value);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** True for an empty spreadsheet cell (nothing, or only spaces). */
export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** Reads one spreadsheet cell as the column's type, or gives the violation that says why it cannot. */
export function readCell(column: ImportColumn, value: CellValue): CellResult {
  if (isBlank(value)) return { ok: true, value: undefined };
  const label: LocalizedText = column.label;
  const text = String(value).trim();
  switch (column.type.kind) {
    case 'text':
    case 'reference':
      return { ok: true, value: text };
    case 'integer': {
      const n = typeof value === 'number' ? value : /^-?\d+$/u.test(text) ? Number(text) : Number.NaN;
      if (Number.isInteger(n)) return { ok: true, value: n };
      return violation(
        'INVALID_VALUE',
        column,
        `${label.vi} phải là số nguyên (ô ghi "${shown(value)}").`,
        `${label.en} must be a whole number (the cell says "${shown(value)}").`,
      );
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      const k = headerKey(text);
      if (YES.has(k)) return { ok: true, value: true };
      if (NO.has(k)) return { ok: true, value: false };
      return violation(
        'INVALID_VALUE',
        column,
        `${label.vi}: ghi "Có" hoặc "Không" (ô ghi "${shown(value)}").`,
        `${label.en}: write "Có" (yes) or "Không" (no) (the cell says "${shown(value)}").`,
      );
    }
    case 'date': {
      const date = parseDateCell(value);
      if (date !== null) return { ok: true, value: date };
      return violation(
        'DATE_FORMAT',
        column,
        `${label.vi} "${shown(value)}" không phải ngày hợp lệ; ghi dạng dd/mm/yyyy.`,
        `${label.en} "${shown(value)}" is not a valid date; write it as dd/mm/yyyy.`,
      );
    }
    case 'enum': {
      const { values, labels } = column.type;
      const one = (part: string): string | undefined => {
        const k = headerKey(part);
        return values.find(
          (v) => v === part || headerKey(v) === k || headerKey(labels[v]?.vi ?? '') === k || headerKey(labels[v]?.en ?? '') === k,
        );
      };
      // A list cell holds one or more values separated by `;` or new lines (labels may hold commas).
      const parts = column.type.list
        ? text
            .split(/[;\n]/u)
            .map((p) => p.trim())
            .filter((p) => p !== '')
        : [text];
      const found = parts.map(one);
      const wrong = parts.find((_p, i) => found[i] === undefined);
      if (wrong === undefined) return { ok: true, value: column.type.list ? found : found[0] };
      const vi = values.map((v) => labels[v]?.vi ?? v).join(', ');
      const en = values.map((v) => labels[v]?.en ?? v).join(', ');
      return violation(
        'INVALID_VALUE',
        column,
        `${label.vi} "${shown(wrong)}" không thuộc danh sách: ${vi}.`,
        `${label.en} "${shown(wrong)}" is not one of: ${en}.`,
      );
    }
    case 'citizenId': {
      const digits = typeof value === 'number' ? String(value) : text.replace(/\s+/gu, '');
      if (/^\d{1,11}$/u.test(digits)) {
        return violation(
          'CITIZEN_ID_FORMAT',
          column,
          `${label.vi} "${digits}" chỉ có ${digits.length} chữ số (cần 12): có thể Excel đã bỏ các số 0 ở đầu; hãy định dạng cột là Văn bản và nhập lại đủ 12 số.`,
          `${label.en} "${digits}" has only ${digits.length} digits (12 needed): Excel may have dropped its leading zeros; format the column as Text and enter all 12 digits.`,
        );
      }
      return { ok: true, value: digits };
    }
  }
}
