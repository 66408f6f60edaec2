import type { z } from 'zod';
import * as labels from '../i18n/labels.js';
import { fieldLabel } from '../inputs/field-labels.js';
import { citizenIdField, dateField } from '../inputs/fields.js';
import type { LocalizedText } from '../validation/result.js';
import type { HeaderColumn } from './headers.js';

/**
 * The columns of an import kind, derived from the domain's create schema (which fields, which are
 * required, what type each holds) and the field labels: nothing about a field is written twice.
 * The caller says which fields are references and to what (the schema knows its GraphQL ids).
 */
export type ColumnType =
  | { kind: 'text' }
  | { kind: 'integer' }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'citizenId' }
  /** `list`: one or more values in one cell, separated by `;` or new lines (a training's topics). */
  | { kind: 'enum'; values: readonly string[]; labels: Readonly<Record<string, LocalizedText>>; list?: boolean }
  /** `list`: several references in one cell, separated by `;` or new lines (a board's members). */
  | { kind: 'reference'; typename: string; list?: boolean };

/**
 * A column of an import: how its header is recognised, whether it is required, and the type its cells
 * are read as.
 */
export interface ImportColumn extends HeaderColumn {
  required: boolean;
  type: ColumnType;
}

/** Other names officials' sheets use for a field, besides its labels. */
export const COLUMN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  citizenId: ['CCCD', 'Số CCCD', 'Căn cước công dân', 'Số căn cước', 'CMND/CCCD', 'Số CMND/CCCD', 'Mã định danh'],
  fullName: ['Họ tên', 'Họ và tên đệm và tên'],
  phone: ['Điện thoại', 'Số điện thoại', 'SĐT', 'Di động'],
  birthDate: ['Ngày tháng năm sinh'],
  residenceUnitId: ['Thường trú', 'Tổ dân phố thường trú'],
  residentialGroupId: ['Tổ', 'TDP', 'Thuộc tổ dân phố'],
  parentId: ['Phường', 'Phường/Xã', 'Thuộc phường'],
};

/** A column the import adds to every kind: the sheet's own id of the row (kept per import source). */
export const SOURCE_KEY_COLUMN: ImportColumn = {
  key: 'sourceKey',
  label: { vi: 'Mã nguồn', en: 'Source key' },
  aliases: ['STT gốc', 'Mã dòng', 'ID'],
  required: false,
  type: { kind: 'text' },
};

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; entries?: Record<string, string>; element?: z.ZodType };

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema under optional / nullable / default wrappers and the input side of a transform. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
}

function isLabelRecord(value: unknown): value is Record<string, LocalizedText> {
  if (typeof value !== 'object' || value === null) return false;
  const entries = Object.values(value);
  return entries.length > 0 && entries.every((v) => typeof v === 'object' && v !== null && 'vi' in v && 'en' in v);
}

/** The label record of an enum: the one of `i18n/labels.ts` whose keys are exactly its values. */
export function enumLabels(values: readonly string[]): Record<string, LocalizedText> {
  const found = Object.values(labels).find(
    (record) => isLabelRecord(record) && Object.keys(record).length === values.length && values.every((v) => Object.hasOwn(record, v)),
  );
  return isLabelRecord(found) ? found : Object.fromEntries(values.map((v) => [v, { vi: v, en: v }]));
}

/** The type of one field of an input schema. */
export function columnType(field: z.ZodType, reference?: string): ColumnType {
  if (reference)
    return defOf(unwrap(field)).type === 'array'
      ? { kind: 'reference', typename: reference, list: true }
      : { kind: 'reference', typename: reference };
  if (field === citizenIdField) return { kind: 'citizenId' };
  const base = unwrap(field);
  if (base === dateField) return { kind: 'date' };
  const def = defOf(base);
  if (def.type === 'number') return { kind: 'integer' };
  if (def.type === 'boolean') return { kind: 'boolean' };
  if (def.type === 'enum' && def.entries) {
    const values = Object.values(def.entries);
    return { kind: 'enum', values, labels: enumLabels(values) };
  }
  // A list of enum values (a training's topics): one cell, the values separated by `;`.
  const element = def.type === 'array' && def.element ? defOf(unwrap(def.element)) : undefined;
  if (element?.type === 'enum' && element.entries) {
    const values = Object.values(element.entries);
    return { kind: 'enum', values, labels: enumLabels(values), list: true };
  }
  return { kind: 'text' };
}

/** Whether a field must be given: its schema refuses "not given". */
export function isRequired(field: z.ZodType): boolean {
  return !field.safeParse(undefined).success;
}

/**
 * How the import columns of an entity are derived from its create schema: reference fields and fields
 * fixed or left out.
 */
export interface ColumnsOptions {
  /** Reference fields → the type they name. */
  references?: Readonly<Record<string, string>>;
  /** Fields the kind fixes (a residential group's `kind`) or leaves out. */
  omit?: readonly string[];
  /** Fields outside the schema's shape that the write takes (a unit's first code and parent). */
  extra?: Readonly<Record<string, z.ZodType>>;
}

/** The columns of a create schema (a zod object), in its field order, the source key first. */
export function columnsOf(schema: z.ZodType, options: ColumnsOptions = {}): ImportColumn[] {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  const fields = { ...shape, ...(options.extra ?? {}) };
  const columns = Object.entries(fields)
    .filter(([key]) => !(options.omit ?? []).includes(key))
    .map(([key, field]) => ({
      key,
      label: fieldLabel(key),
      aliases: COLUMN_ALIASES[key] ?? [],
      required: isRequired(field),
      type: columnType(field, options.references?.[key]),
    }));
  return [SOURCE_KEY_COLUMN, ...columns];
}

const UNIT_REFERENCE: LocalizedText = {
  vi: 'Tên và phường, xã sau dấu phẩy ("Tổ dân phố số 5, Giang Biên"), hoặc mã đơn vị, hoặc mã nguồn của một lần nhập trước',
  en: 'The name and, after a comma, its ward or commune ("Tổ dân phố số 5, Giang Biên"), or the unit code, or the source key from an earlier import',
};

/** What a column takes, in words, for the template's explanation sheet and the wizard. */
export function describeColumn(column: ImportColumn): LocalizedText {
  const t = column.type;
  switch (t.kind) {
    case 'text':
      return column.key === 'sourceKey'
        ? {
            vi: 'Mã riêng của dòng trong bảng của bạn (không bắt buộc): nhập lại cùng mã thì cập nhật thay vì tạo trùng; tệp sau có thể dùng mã này để chỉ tới bản ghi',
            en: 'Your sheet’s own id of the row (optional): importing the same key again updates instead of duplicating; later files may use it to refer to the record',
          }
        : { vi: 'Văn bản', en: 'Text' };
    case 'integer':
      return { vi: 'Số nguyên', en: 'Whole number' };
    case 'boolean':
      return { vi: 'Có hoặc Không', en: 'Có (yes) or Không (no)' };
    case 'date':
      return { vi: 'Ngày, dạng dd/mm/yyyy (ví dụ 01/07/2025)', en: 'A date, dd/mm/yyyy (e.g. 01/07/2025)' };
    case 'citizenId':
      return {
        vi: '12 chữ số, định dạng ô là Văn bản để Excel không bỏ số 0 ở đầu',
        en: '12 digits; format the cells as Text so Excel keeps the leading zeros',
      };
    case 'enum':
      return t.list
        ? {
            vi: `Một hoặc nhiều trong: ${t.values.map((v) => t.labels[v]?.vi ?? v).join('; ')} (nhiều thì cách nhau bởi dấu ;)`,
            en: `One or more of: ${t.values.map((v) => t.labels[v]?.en ?? v).join('; ')} (several separated by ;)`,
          }
        : {
            vi: `Một trong: ${t.values.map((v) => t.labels[v]?.vi ?? v).join('; ')}`,
            en: `One of: ${t.values.map((v) => t.labels[v]?.en ?? v).join('; ')}`,
          };
    case 'reference': {
      const one = describeReference(t.typename);
      return t.list ? { vi: `${one.vi}; nhiều người/bản ghi thì cách nhau bởi dấu ;`, en: `${one.en}; several, separated by ;` } : one;
    }
  }
}

function describeReference(typename: string): LocalizedText {
  if (typename === 'AdministrativeUnit') return UNIT_REFERENCE;
  if (typename === 'Person')
    return {
      vi: 'Số định danh cá nhân (12 số) của người đó, hoặc mã nguồn của một lần nhập trước',
      en: 'The person’s citizen ID (12 digits), or the source key from an earlier import',
    };
  return { vi: 'Tên, hoặc mã nguồn của một lần nhập trước', en: 'The name, or the source key from an earlier import' };
}
