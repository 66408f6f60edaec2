import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRAINING_TOPIC_LABELS } from '../i18n/labels.js';
import { createApartmentBuildingInput } from '../inputs/buildings.js';
import { createTrainingInput } from '../inputs/directive.js';
import { createPersonInput } from '../inputs/people.js';
import { readCell } from './cells.js';
import { columnsOf, type ImportColumn } from './columns.js';

const people = columnsOf(createPersonInput, { references: { residenceUnitId: 'AdministrativeUnit' } });
const buildings = columnsOf(createApartmentBuildingInput, { references: { residentialGroupId: 'AdministrativeUnit' } });
const column = (cols: ImportColumn[], key: string): ImportColumn => {
  const c = cols.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c;
};

describe('columns from the input schema (#14 item 1)', () => {
  it('a person: source key, then every field of createPersonInput with its label, required as the schema says', () => {
    expect(people.map((c) => [c.key, c.label.vi, c.required, c.type.kind])).toEqual([
      ['sourceKey', 'Mã nguồn', false, 'text'],
      ['fullName', 'Họ và tên', true, 'text'],
      ['sex', 'Giới tính', true, 'enum'],
      ['birthDate', 'Ngày sinh', false, 'date'],
      ['birthYear', 'Năm sinh', true, 'integer'],
      ['citizenId', 'Số định danh cá nhân', false, 'citizenId'],
      ['phone', 'Số điện thoại di động', false, 'text'],
      ['residenceUnitId', 'Nơi thường trú', false, 'reference'],
    ]);
    expect(column(people, 'sex').type).toEqual({
      kind: 'enum',
      values: ['MALE', 'FEMALE'],
      labels: { MALE: { vi: 'Nam', en: 'Male' }, FEMALE: { vi: 'Nữ', en: 'Female' } },
    });
  });

  it('a building: booleans, counts, the period', () => {
    const kinds = Object.fromEntries(buildings.map((c) => [c.key, [c.type.kind, c.required]]));
    expect(kinds).toMatchObject({
      multipleOwners: ['boolean', true],
      apartmentCount: ['integer', true],
      validFrom: ['date', true],
      validTo: ['date', false],
      residentialGroupId: ['reference', true],
    });
  });
});

describe('cells (#14 item 2)', () => {
  const citizenId = column(people, 'citizenId');
  it('a citizen ID Excel turned into a number is reported with its length, never padded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), (n) => {
        const r = readCell(citizenId, n);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.violation.code).toBe('CITIZEN_ID_FORMAT');
          expect(r.violation.path).toEqual(['citizenId']);
          expect(r.violation.message.vi).toContain(`${String(n).length} chữ số`);
        }
      }),
    );
    expect(readCell(citizenId, '001 085 012 345')).toEqual({ ok: true, value: '001085012345' });
  });

  it('enums by value or by either label, whatever the case and diacritics', () => {
    const sex = column(people, 'sex');
    for (const v of ['Nữ', 'nu', 'NỮ', 'Female', 'FEMALE']) expect(readCell(sex, v)).toEqual({ ok: true, value: 'FEMALE' });
    const bad = readCell(sex, 'Khác');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.violation.message.vi).toBe('Giới tính "Khác" không thuộc danh sách: Nam, Nữ.');
  });

  it('a list of enum values (a training’s topics): any of them, by value or either label, separated by ; or new lines', () => {
    const topics = column(columnsOf(createTrainingInput, {}), 'topics');
    expect(topics.type).toEqual({ kind: 'enum', values: Object.keys(TRAINING_TOPIC_LABELS), labels: TRAINING_TOPIC_LABELS, list: true });
    const values = Object.keys(TRAINING_TOPIC_LABELS) as Array<keyof typeof TRAINING_TOPIC_LABELS>;
    const written = (v: (typeof values)[number], how: number) =>
      [v, TRAINING_TOPIC_LABELS[v].vi, TRAINING_TOPIC_LABELS[v].en.toUpperCase(), TRAINING_TOPIC_LABELS[v].vi.normalize('NFD')][how] ?? v;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...values), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(';', '; ', '\n', ' ;\n'),
        (picked, separator) => {
          const cell = picked.map(([v, how]) => written(v, how)).join(separator);
          expect(readCell(topics, cell)).toEqual({ ok: true, value: picked.map(([v]) => v) });
          const bad = readCell(topics, `${cell}${separator}Bơi lội`);
          expect(bad.ok ? null : [bad.violation.code, bad.violation.path, bad.violation.message.vi]).toEqual([
            'INVALID_VALUE',
            ['topics'],
            `Nội dung tập huấn "Bơi lội" không thuộc danh sách: ${values.map((v) => TRAINING_TOPIC_LABELS[v].vi).join(', ')}.`,
          ]);
        },
      ),
    );
  });

  it('blank is not given; numbers, booleans and dates by type', () => {
    expect(readCell(column(people, 'fullName'), '  ')).toEqual({ ok: true, value: undefined });
    expect(readCell(column(people, 'birthYear'), '1985')).toEqual({ ok: true, value: 1985 });
    expect(readCell(column(people, 'birthYear'), 1985)).toEqual({ ok: true, value: 1985 });
    expect(readCell(column(people, 'birthYear'), 'năm 85').ok).toBe(false);
    expect(readCell(column(buildings, 'multipleOwners'), 'Có')).toEqual({ ok: true, value: true });
    expect(readCell(column(buildings, 'multipleOwners'), 'không')).toEqual({ ok: true, value: false });
    expect(readCell(column(people, 'birthDate'), '05/03/1985')).toEqual({ ok: true, value: '1985-03-05' });
    const bad = readCell(column(people, 'birthDate'), '31/02/1985');
    expect(bad.ok ? null : bad.violation.code).toBe('DATE_FORMAT');
  });
});
