import {
  addDays,
  fieldLabel,
  formatViDate,
  isIsoDate,
  isUuid,
  type LocalizedText,
  ORGANIZATION_KIND_LABELS,
  PARTY_STATUS_LABELS,
  RESIDENCE_CONTACT_CATEGORY_LABELS,
  ROLE_LABELS,
  SEX_LABELS,
  UNIT_KIND_LABELS,
} from '@coso/domain';
import type { Language } from '../i18n/dictionary';

/** One field an audited change touched: its value before and after (undefined: not there). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping the trail records but a reader does not care about. */
const HIDDEN_FIELDS = new Set(['id', 'version', 'createdAt', 'updatedAt', 'nameSearch']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields that differ between an entry's `before` and `after` (full records, or only the keys a
 * workflow wrote). A creation lists what was set, an end what was ended; a null value and a
 * missing one count as the same (nothing).
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  return keys
    .filter((k) => !HIDDEN_FIELDS.has(k) && !same(b[k], a[k]))
    .map((field) => ({ field, before: b[field] ?? undefined, after: a[field] ?? undefined }));
}

/** An audit trail (oldest first, as `history` returns it) newest first, without changing it. */
export function newestFirst<T>(entries: readonly T[]): T[] {
  return [...entries].reverse();
}

/** Enum values the trail stores as codes, by the field that holds them. */
const ENUM_LABELS: Record<string, ReadonlyArray<Record<string, LocalizedText>>> = {
  sex: [SEX_LABELS],
  kind: [UNIT_KIND_LABELS, ORGANIZATION_KIND_LABELS],
  role: [ROLE_LABELS],
  status: [PARTY_STATUS_LABELS],
  category: [RESIDENCE_CONTACT_CATEGORY_LABELS],
};

/**
 * A stored value as a reader reads it: dates dd/mm/yyyy, enum codes by their label, yes/no,
 * record ids shortened (they are references, not meaning), nothing as "—".
 */
export function displayValue(field: string, value: unknown, language: Language): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return language === 'vi' ? (value ? 'Có' : 'Không') : value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return displayText(field, value, language);
  if (Array.isArray(value)) return value.map((v) => displayValue(field, v, language)).join(', ');
  // A value made of fields (a member: its role and person): each field by its label, never raw JSON.
  if (isRecord(value)) {
    return Object.entries(value)
      .filter(([key, v]) => !HIDDEN_FIELDS.has(key) && v !== null && v !== undefined)
      .map(([key, v]) => `${fieldName(key, language)}: ${displayValue(key, v, language)}`)
      .join('; ');
  }
  return String(value);
}

function displayText(field: string, text: string, language: Language): string {
  // IsoDate is a plain string, so the guard would narrow `text` to never below: test a copy.
  const maybeDate: unknown = text;
  if (isIsoDate(maybeDate)) {
    // An end date is stored exclusive (the first day no longer in force): say which day was the last.
    if (field === 'validTo') {
      const last = formatViDate(addDays(maybeDate, -1));
      return `${formatViDate(maybeDate)} (${language === 'vi' ? 'ngày cuối' : 'last day'}: ${last})`;
    }
    return formatViDate(maybeDate);
  }
  for (const labels of ENUM_LABELS[field] ?? []) {
    const label = labels[text];
    if (label) return label[language];
  }
  return isUuid(text) ? `#${text.slice(0, 8)}` : text;
}

/** The label of a field in the trail (the forms' labels, from the domain). */
export function fieldName(field: string, language: Language): string {
  return fieldLabel(field)[language];
}

export type OperationKind = 'create' | 'update' | 'end' | 'cascade' | 'workflow';

/** What kind of write an operation name (`createPerson`, `endUnit`, `end (cascade)`, `consolidateBoard`) is. */
export function operationKind(operation: string): OperationKind {
  if (operation === 'end (cascade)') return 'cascade';
  if (/^create[A-Z]/.test(operation)) return 'create';
  if (/^update[A-Z]/.test(operation)) return 'update';
  if (/^end[A-Z]/.test(operation)) return 'end';
  return 'workflow';
}

/** `2026-11-25T03:04:05.000Z` → `25/11/2026 10:04` (Hanoi time, as the users live it). */
export function displayDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}
