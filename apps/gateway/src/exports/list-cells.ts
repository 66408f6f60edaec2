import { formatViDate, type LocalizedText, type UnitKind, unitDisplayName } from '@coso/domain';
import type { ColumnType } from './list-shape.js';

/** A cell as a file holds it: text, a number, a calendar date (ISO), or nothing. */
export type Cell = string | number | { date: string } | null;

const YES_NO = { true: 'Có', false: 'Không' } as const;

/** Words for a related record: a localized text's Vietnamese, a place "Tổ dân phố số 5, Phường Giang Biên", a person's or body's name. */
export function recordText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(recordText).filter(Boolean).join('; ');
  if (typeof value !== 'object') return String(value);
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.nodes)) return recordText(record.nodes);
  if (typeof record.vi === 'string') return record.vi;
  const own =
    typeof record.name === 'string'
      ? unitDisplayName({
          name: record.name,
          kind: typeof record.kind === 'string' ? (record.kind as UnitKind) : undefined,
          kindLabel: typeof record.kindLabel === 'string' ? record.kindLabel : undefined,
        })
      : typeof record.fullName === 'string'
        ? record.fullName
        : typeof record.label === 'string'
          ? record.label
          : typeof record.code === 'string'
            ? record.code
            : (Object.values(record).find((v): v is string => typeof v === 'string' && v !== '') ?? '');
  // The place above (a group's ward): how people tell two groups of the same name apart, and what the import reads back.
  const above = record.parent && typeof record.parent === 'object' ? recordText(record.parent) : '';
  return above ? `${own}, ${above}` : own;
}

/** A row's value in a column, as the file holds it. */
export function cellOf(type: ColumnType, value: unknown): Cell {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'number':
      return typeof value === 'number' ? value : String(value);
    case 'boolean':
      return typeof value === 'boolean' ? YES_NO[`${value}`] : String(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { date: value } : String(value);
    case 'enum':
      return wordFor(type.labels, value);
    case 'text':
      return type.values && typeof value === 'string'
        ? wordFor(type.values, value)
        : Array.isArray(value)
          ? recordText(value)
          : String(value);
    case 'record':
      // A count of related records (`children { totalCount }`) is a number.
      return isCount(value) ? value.totalCount : recordText(value);
  }
}

function isCount(value: unknown): value is { totalCount: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).every((k) => k === 'totalCount' || k === '__typename') &&
    typeof (value as { totalCount?: unknown }).totalCount === 'number'
  );
}

function wordFor(labels: Readonly<Record<string, LocalizedText>>, value: unknown): string {
  const key = String(value);
  return Object.hasOwn(labels, key) ? (labels[key] as LocalizedText).vi : key;
}

/**
 * Text a spreadsheet would read as a formula when it opens a CSV (OWASP "CSV injection"): one
 * starting with `=`, `+`, `-`, `@`, a tab or a carriage return. Such text gets a leading `'`, which
 * spreadsheets show as text and do not run. In `.xlsx` cells are typed: text is stored as text and
 * is never a formula, so it is kept as is there.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): formula-safe, quoted when it holds a separator, a quote, a line break or edge spaces. */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = typeof cell === 'string' ? formulaSafe(cell) : formatViDate(cell.date);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}
