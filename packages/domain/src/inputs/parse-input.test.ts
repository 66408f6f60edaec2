import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RULES } from '../rules/catalog.js';
import type { Violation } from '../validation/result.js';
import { FIELD_LABELS } from './field-labels.js';
import { addIssue } from './fields.js';
import { createPersonInput, establishBoardInput } from './index.js';
import { describeField, issueToViolation, parseInput } from './parse-input.js';
import { codesAt, violationsOf } from './test-support/expect-result.js';
import { CREATE_SAMPLES, UPDATE_SCHEMAS } from './test-support/samples.js';

function expectWellFormed(v: Violation): void {
  // The safety net for a schema that throws must never be what catches bad input.
  expect(v.message.en).not.toBe('The input could not be read.');
  expect(Object.hasOwn(RULES, v.code), v.code).toBe(true);
  expect(v.severity).toBe('error');
  expect(Array.isArray(v.path)).toBe(true);
  for (const p of v.path) expect(['string', 'number']).toContain(typeof p);
  expect(v.message.vi.trim()).not.toBe('');
  expect(v.message.en.trim()).not.toBe('');
  expect(v.message.vi.normalize('NFC')).toBe(v.message.vi);
}

const ALL_SCHEMAS = [
  ...CREATE_SAMPLES.map(([name, s]) => [`create ${name}`, s] as const),
  ...UPDATE_SCHEMAS.map(([name, s]) => [`update ${name}`, s] as const),
];

describe('parseInput never throws', () => {
  it.each(ALL_SCHEMAS)('%s: on anything at all', (_name, schema) => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withSparseArray: true }),
        (data) => {
          const result = parseInput(schema, data);
          if (!result.ok) for (const v of result.violations) expectWellFormed(v);
        },
      ),
      { numRuns: 60 },
    );
  });

  /** Objects with the schemas' own field names holding garbage reach the cross-field checks. */
  const garbageRecords = fc.dictionary(
    fc.constantFrom(...Object.keys(FIELD_LABELS)),
    fc.oneof(fc.anything(), fc.string(), fc.array(fc.anything(), { maxLength: 3 })),
    {
      maxKeys: 12,
    },
  );

  it.each(ALL_SCHEMAS)('%s: on records of its own field names holding garbage', (_name, schema) => {
    fc.assert(
      fc.property(garbageRecords, (data) => {
        const result = parseInput(schema, data);
        if (!result.ok) for (const v of result.violations) expectWellFormed(v);
      }),
      { numRuns: 60 },
    );
  });

  it('turns a schema that throws into a violation rather than an exception', () => {
    const throwing = z.string().transform(() => {
      throw new Error('bug');
    });
    expect(codesAt(violationsOf(parseInput(throwing, 'x')))).toEqual(['INVALID_VALUE@']);
  });
});

describe('parseInput results', () => {
  it.each([null, undefined, 42, 'Nguyễn Văn An', [], true])('refuses %j as a whole, at the root, with one violation', (data) => {
    const violations = violationsOf(parseInput(establishBoardInput, data));
    expect(violations).toEqual([
      {
        code: 'INVALID_VALUE',
        severity: 'error',
        path: [],
        message: {
          vi: 'Dữ liệu nhập phải là một đối tượng với các trường cần thiết.',
          en: 'The input must be an object with the required fields.',
        },
      },
    ]);
  });

  it('names the field in both languages', () => {
    const base = { sex: 'MALE', birthYear: 1985 };
    const [empty] = violationsOf(parseInput(createPersonInput, { ...base, fullName: '   ' }));
    expect(empty?.message).toEqual({ vi: 'Họ và tên không được để trống.', en: 'Full name must not be empty.' });
    const [missing] = violationsOf(parseInput(createPersonInput, base));
    expect(missing?.message).toEqual({ vi: 'Họ và tên là bắt buộc.', en: 'Full name is required.' });
    const [nulled] = violationsOf(parseInput(createPersonInput, { ...base, fullName: null }));
    expect(nulled?.code).toBe('REQUIRED_FIELD');
  });

  it('maps each kind of problem to its code', () => {
    const violations = violationsOf(
      parseInput(createPersonInput, {
        fullName: 42,
        sex: 'NAM',
        birthYear: 1899,
        birthDate: '1985-13-01',
        phone: '12345',
        citizenId: '0010850123',
      }),
    );
    expect(codesAt(violations)).toEqual([
      'INVALID_VALUE@fullName',
      'INVALID_VALUE@sex',
      'DATE_FORMAT@birthDate',
      'INVALID_VALUE@birthYear',
      'CITIZEN_ID_FORMAT@citizenId',
      'PHONE_FORMAT@phone',
    ]);
    const byPath = new Map(violations.map((v) => [v.path.join('.'), v.message]));
    expect(byPath.get('fullName')).toEqual({ vi: 'Họ và tên phải là chuỗi ký tự (nhận được 42).', en: 'Full name must be text (got 42).' });
    expect(byPath.get('birthYear')).toEqual({
      vi: 'Năm sinh phải ít nhất là 1900 (nhận được 1899).',
      en: 'Birth year must be at least 1900 (got 1899).',
    });
    expect(byPath.get('birthDate')).toEqual({
      vi: 'Ngày sinh phải là một ngày có thật từ 1900-01-01 đến 9999-12-31, viết dạng YYYY-MM-DD (nhận được "1985-13-01").',
      en: 'Date of birth must be a real date from 1900-01-01 to 9999-12-31 written YYYY-MM-DD (got "1985-13-01").',
    });
    expect(byPath.get('sex')?.en).toBe('Sex must be one of: MALE, FEMALE (got "NAM").');
  });

  it('reports a date of the wrong type as DATE_FORMAT too', () => {
    expect(
      codesAt(violationsOf(parseInput(createPersonInput, { fullName: 'An', sex: 'MALE', birthYear: 1985, birthDate: 19850412 }))),
    ).toEqual(['DATE_FORMAT@birthDate']);
  });

  it('names list entries by their position', () => {
    const violations = violationsOf(
      parseInput(establishBoardInput, {
        buildingId: 'b',
        electedOn: '2024-01-01',
        validFrom: '2024-01-01',
        validTo: '2027-01-01',
        members: [{ personId: 'a', role: 'HEAD' }, { role: 'MEMBER' }],
      }),
    );
    expect(violations).toEqual([
      {
        code: 'REQUIRED_FIELD',
        severity: 'error',
        path: ['members', 1, 'personId'],
        message: { vi: 'Người (Thành viên thứ 2) là bắt buộc.', en: 'Person (Members #2) is required.' },
      },
    ]);
  });

  it('keeps the code and message our own checks attach, and gives a catalog code a generic message when none is attached', () => {
    const schema = z.object({ x: z.string() }).superRefine((_v, ctx) => {
      addIssue(ctx, 'GROUP_HEAD_AGE', ['x'], 'y', { vi: 'Tổ trưởng chưa đủ 21 tuổi.', en: 'The group head is under 21.' });
      addIssue(ctx, 'ADMIN_CODE_UNIQUE', ['x'], 'y');
    });
    expect(violationsOf(parseInput(schema, { x: 'y' }))).toEqual([
      {
        code: 'GROUP_HEAD_AGE',
        severity: 'error',
        path: ['x'],
        message: { vi: 'Tổ trưởng chưa đủ 21 tuổi.', en: 'The group head is under 21.' },
      },
      {
        code: 'ADMIN_CODE_UNIQUE',
        severity: 'error',
        path: ['x'],
        message: {
          vi: 'x: mã đơn vị hành chính đã được dùng trong cùng thời gian (nhận được "y").',
          en: 'x: the administrative code is already in use during that period (got "y").',
        },
      },
    ]);
  });

  it('treats a custom issue without our params as INVALID_VALUE', () => {
    const v = issueToViolation({ code: 'custom', path: ['fullName'], message: 'nope', input: 'x' });
    expect(v).toEqual({
      code: 'INVALID_VALUE',
      severity: 'error',
      path: ['fullName'],
      message: { vi: 'Họ và tên không hợp lệ.', en: 'Full name is not valid.' },
    });
  });
});

describe('describeField', () => {
  it.each([
    [[], 'Dữ liệu nhập', 'Input'],
    [['fullName'], 'Họ và tên', 'Full name'],
    [['members', 2, 'role'], 'Vai trò (Thành viên thứ 3)', 'Role (Members #3)'],
    [['topics', 0], 'Nội dung tập huấn thứ 1', 'Training topics #1'],
    [['recognition', 'decidedOn'], 'Ngày quyết định (Quyết định công nhận)', 'Decision date (Recognition decision)'],
    [[3], 'Mục thứ 4', 'Entry #4'],
    [['somethingNew'], 'somethingNew', 'somethingNew'],
  ] as const)('%j → %s / %s', (path, vi, en) => {
    expect(describeField(path)).toEqual({ vi, en });
  });
});
