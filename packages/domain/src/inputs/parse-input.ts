import type { z } from 'zod';
import { RULES, type RuleCode } from '../rules/catalog.js';
import { MAX_DATE, MIN_DATE } from '../time/dates.js';
import { type FieldPath, fail, type LocalizedText, ok, type Result, type Violation } from '../validation/result.js';
import { fieldLabel, INPUT_LABEL } from './field-labels.js';
import { type InputIssueParams, lowerFirst } from './fields.js';

/**
 * Parses untrusted input (a GraphQL argument, a form) with one of the input schemas. Never
 * throws: a failure lists every problem at once as violations with a stable code, the path of
 * the field and a message in Vietnamese and English naming the field.
 */
export function parseInput<T>(schema: z.ZodType<T>, data: unknown): Result<T> {
  let parsed: z.ZodSafeParseResult<T>;
  try {
    // `reportInput` keeps each issue's input, which tells a missing field from a wrong one.
    parsed = schema.safeParse(data, { reportInput: true });
  } catch {
    // Only a bug in a schema can get here (zod reports bad input as issues); the caller still gets a Result.
    return fail([violation('INVALID_VALUE', [], { vi: 'Không đọc được dữ liệu nhập.', en: 'The input could not be read.' })]);
  }
  if (parsed.success) return ok(parsed.data);
  return fail(issuesToViolations(parsed.error.issues));
}

/** For callers that run a schema themselves (a form library's resolver): zod issues as violations. */
export function issuesToViolations(issues: readonly z.core.$ZodIssue[]): Violation[] {
  return issues.map(issueToViolation);
}

/**
 * One zod issue as a violation with a catalogued code, the field's path and a message in Vietnamese
 * and English.
 */
export function issueToViolation(issue: z.core.$ZodIssue): Violation {
  const path: FieldPath = issue.path.map((p) => (typeof p === 'symbol' ? String(p.description) : p));
  const params = ourParams(issue);
  // Our own checks know best what they found.
  if (params?.message) return violation(params.code, path, params.message);

  const field = describeField(path);
  if (path.length === 0) {
    return violation(params?.code ?? 'INVALID_VALUE', path, {
      vi: `${field.vi} phải là một đối tượng với các trường cần thiết.`,
      en: `The ${lowerFirst(field.en)} must be an object with the required fields.`,
    });
  }
  if (issue.input === undefined || issue.input === null) {
    return violation('REQUIRED_FIELD', path, { vi: `${field.vi} là bắt buộc.`, en: `${field.en} is required.` });
  }
  if (params) return violation(params.code, path, messageForCode(params.code, field, issue.input));
  return fromZodIssue(issue, path, field);
}

function fromZodIssue(issue: z.core.$ZodIssue, path: FieldPath, field: LocalizedText): Violation {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? { vi: 'có kiểu dữ liệu khác', en: 'be of another type' };
      return violation('INVALID_VALUE', path, {
        vi: `${field.vi} phải ${expected.vi} (nhận được ${describeInput(input).vi}).`,
        en: `${field.en} must ${expected.en} (got ${describeInput(input).en}).`,
      });
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if ((issue.origin === 'string' || issue.origin === 'array') && Number(issue.minimum) === 1) {
        return issue.origin === 'string'
          ? violation('REQUIRED_FIELD', path, { vi: `${field.vi} không được để trống.`, en: `${field.en} must not be empty.` })
          : violation('REQUIRED_FIELD', path, { vi: `${field.vi} cần ít nhất một mục.`, en: `${field.en} needs at least one entry.` });
      }
      const bound = issue.inclusive === false ? { vi: 'lớn hơn', en: 'more than' } : { vi: 'ít nhất là', en: 'at least' };
      const unit = UNITS[issue.origin] ?? { vi: '', en: '' };
      return violation('INVALID_VALUE', path, {
        vi: `${field.vi} phải ${bound.vi} ${min}${unit.vi} (nhận được ${describeInput(input).vi}).`,
        en: `${field.en} must be ${bound.en} ${min}${unit.en} (got ${describeInput(input).en}).`,
      });
    }
    case 'too_big': {
      const max = String(issue.maximum);
      const bound = issue.inclusive === false ? { vi: 'nhỏ hơn', en: 'less than' } : { vi: 'nhiều nhất là', en: 'at most' };
      const unit = UNITS[issue.origin] ?? { vi: '', en: '' };
      return violation('INVALID_VALUE', path, {
        vi: `${field.vi} phải ${bound.vi} ${max}${unit.vi} (nhận được ${describeInput(input).vi}).`,
        en: `${field.en} must be ${bound.en} ${max}${unit.en} (got ${describeInput(input).en}).`,
      });
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v)).join(', ');
      return violation('INVALID_VALUE', path, {
        vi: `${field.vi} phải là một trong các giá trị: ${values} (nhận được ${describeInput(input).vi}).`,
        en: `${field.en} must be one of: ${values} (got ${describeInput(input).en}).`,
      });
    }
    default:
      return violation('INVALID_VALUE', path, { vi: `${field.vi} không hợp lệ.`, en: `${field.en} is not valid.` });
  }
}

function messageForCode(code: string, field: LocalizedText, input: unknown): LocalizedText {
  const got = describeInput(input);
  if (code === 'DATE_FORMAT') {
    return {
      vi: `${field.vi} phải là một ngày có thật từ ${MIN_DATE} đến ${MAX_DATE}, viết dạng YYYY-MM-DD (nhận được ${got.vi}).`,
      en: `${field.en} must be a real date from ${MIN_DATE} to ${MAX_DATE} written YYYY-MM-DD (got ${got.en}).`,
    };
  }
  const title = isRuleCode(code) ? RULES[code].title : { vi: 'Giá trị không hợp lệ', en: 'The value is not valid' };
  return { vi: `${field.vi}: ${lowerFirst(title.vi)} (nhận được ${got.vi}).`, en: `${field.en}: ${lowerFirst(title.en)} (got ${got.en}).` };
}

const EXPECTED: Partial<Record<string, LocalizedText>> = {
  string: { vi: 'là chuỗi ký tự', en: 'be text' },
  number: { vi: 'là một số', en: 'be a number' },
  int: { vi: 'là số nguyên', en: 'be a whole number' },
  boolean: { vi: 'là có hoặc không (true/false)', en: 'be yes or no (true/false)' },
  array: { vi: 'là một danh sách', en: 'be a list' },
  object: { vi: 'là một đối tượng', en: 'be an object' },
};

const UNITS: Partial<Record<string, LocalizedText>> = {
  string: { vi: ' ký tự', en: ' characters' },
  array: { vi: ' mục', en: ' entries' },
};

/**
 * The field as a message names it: its label, with the list entry or nested record it sits in,
 * e.g. ['members', 2, 'personId'] → "Người (Thành viên thứ 3)" / "Person (Members #3)".
 */
export function describeField(path: FieldPath): LocalizedText {
  const parts: LocalizedText[] = [];
  path.forEach((segment, i) => {
    if (typeof segment === 'string') {
      const label = fieldLabel(segment);
      const next = path[i + 1];
      parts.push(typeof next === 'number' ? { vi: `${label.vi} thứ ${next + 1}`, en: `${label.en} #${next + 1}` } : label);
    } else if (i === 0 || typeof path[i - 1] !== 'string') {
      parts.push({ vi: `Mục thứ ${segment + 1}`, en: `Entry #${segment + 1}` });
    }
  });
  const main = parts.pop();
  if (main === undefined) return INPUT_LABEL;
  if (parts.length === 0) return main;
  return {
    vi: `${main.vi} (${parts.map((p) => p.vi).join(' › ')})`,
    en: `${main.en} (${parts.map((p) => p.en).join(' › ')})`,
  };
}

/** A short, safe rendering of what was received, for messages. */
function describeInput(input: unknown): LocalizedText {
  if (typeof input === 'string') {
    const chars = [...input];
    const shown = chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : input;
    return { vi: `"${shown}"`, en: `"${shown}"` };
  }
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint') return { vi: String(input), en: String(input) };
  if (input === null || input === undefined) return { vi: 'không có giá trị', en: 'nothing' };
  if (Array.isArray(input)) return { vi: 'một danh sách', en: 'a list' };
  if (typeof input === 'object') return { vi: 'một đối tượng', en: 'an object' };
  return { vi: `giá trị kiểu ${typeof input}`, en: `a ${typeof input}` };
}

function ourParams(issue: z.core.$ZodIssue): InputIssueParams | undefined {
  if (issue.code !== 'custom') return undefined;
  const params: unknown = issue.params;
  // A code outside the catalogue (a partner's own refinement) reads as any other issue of zod's.
  if (typeof params !== 'object' || params === null || !('code' in params) || typeof params.code !== 'string' || !isRuleCode(params.code)) {
    return undefined;
  }
  const message = 'message' in params ? asLocalizedText(params.message) : undefined;
  return message ? { code: params.code, message } : { code: params.code };
}

function asLocalizedText(v: unknown): LocalizedText | undefined {
  if (typeof v !== 'object' || v === null || !('vi' in v) || !('en' in v)) return undefined;
  return typeof v.vi === 'string' && typeof v.en === 'string' ? { vi: v.vi, en: v.en } : undefined;
}

function isRuleCode(code: string): code is RuleCode {
  return Object.hasOwn(RULES, code);
}

function violation(code: RuleCode, path: FieldPath, message: LocalizedText): Violation {
  const severity = RULES[code].severity;
  return { code, severity, path, message: { vi: message.vi.normalize('NFC'), en: message.en } };
}
