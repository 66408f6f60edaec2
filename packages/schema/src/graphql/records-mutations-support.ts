import { isActiveOn, isUuid, type LocalizedText, ORGANIZATION_KIND_LABELS, UNIT_KIND_LABELS, type Violation } from '@coso/domain';
import { activeOnWhere, fromDbDate } from '../store/db-dates.js';
import type { Tx } from '../store/transaction.js';
import { type DomainRecord, delegateOf } from './entity-mutations.js';

/**
 * Shared pieces of the record mutations (records-mutations-*.ts): the period fields, and the
 * reference checks every write runs in its transaction, so a missing, ended or wrong-kind record
 * is a ValidationError at the field that names it — never a foreign-key failure.
 */

export const period = {
  validFrom: { type: 'Date' as const, required: true, description: 'Ngày bắt đầu (tính cả ngày này) / First day it holds.' },
  validTo: { type: 'Date' as const, description: 'Ngày kết thúc (không tính) / First day it no longer holds; empty = current.' },
};

/** A reference field of a record: the type it points to and, for bodies and places, the kinds allowed. */
export interface RefRule {
  /** GraphQL typename, which is also the Prisma model's name. */
  typename: string;
  label: LocalizedText;
  /** Allowed `kind` values (Organization or AdministrativeUnit). */
  kinds?: readonly string[];
  /**
   * Whether the referenced record must be alive (its own period) on the record's date. Off for
   * references that may legitimately precede their target (a nomination to a board still to be
   * established).
   */
  alive?: boolean;
}

type Row = Record<string, unknown>;

function kindLabel(typename: string, kind: string): LocalizedText {
  const labels: Record<string, LocalizedText> =
    typename === 'Organization' ? ORGANIZATION_KIND_LABELS : typename === 'AdministrativeUnit' ? UNIT_KIND_LABELS : {};
  return labels[kind] ?? { vi: kind, en: kind };
}

function rowName(row: Row): string {
  return String(row.name ?? row.fullName ?? row.title ?? row.code ?? row.number ?? row.id);
}

function modelOf(typename: string): string {
  return typename.charAt(0).toLowerCase() + typename.slice(1);
}

export function notFoundViolation(path: Array<string | number>, label: LocalizedText, id: string, on?: string): Violation {
  return {
    code: 'ENTITY_NOT_FOUND',
    severity: 'error',
    path,
    message: on
      ? { vi: `${label.vi} "${id}" không tồn tại vào ngày ${on}.`, en: `${label.en} "${id}" does not exist on ${on}.` }
      : { vi: `Không tìm thấy ${lower(label.vi)} "${id}".`, en: `No ${lower(label.en)} "${id}" exists.` },
  };
}

export function invalid(path: Array<string | number>, vi: string, en: string): Violation {
  return { code: 'INVALID_VALUE', severity: 'error', path, message: { vi, en } };
}

function lower(s: string): string {
  const [first = '', second = ''] = [...s];
  if (second !== '' && second === second.toUpperCase() && second !== second.toLowerCase()) return s;
  return first.toLowerCase() + s.slice(first.length);
}

/**
 * Checks each reference of `rec` that is set: the record exists, has an allowed kind, and (unless
 * the rule says otherwise) is alive on `on`. Returns the rows found, for further checks. The one-record
 * case of `checkRefsMany`.
 */
export async function checkRefs(
  tx: Tx,
  rec: DomainRecord,
  refs: Record<string, RefRule>,
  on?: string,
): Promise<{ violations: Violation[]; rows: Record<string, Row> }> {
  const [one] = await checkRefsMany(tx, [rec], refs, () => on);
  if (!one) throw new Error('checkRefsMany answered no record');
  return one;
}

/**
 * `checkRefs` for several records at once: the records they name are read in one query per type,
 * then each record's references are judged on its own date (`onOf`).
 */
export async function checkRefsMany(
  tx: Tx,
  recs: readonly DomainRecord[],
  refs: Record<string, RefRule>,
  onOf: (rec: DomainRecord) => string | undefined = () => undefined,
): Promise<Array<{ violations: Violation[]; rows: Record<string, Row> }>> {
  const wanted = new Map<string, Set<string>>();
  for (const rec of recs) {
    for (const [key, rule] of Object.entries(refs)) {
      const id = rec[key];
      if (!isUuid(id)) continue;
      const ids = wanted.get(rule.typename) ?? new Set<string>();
      ids.add(String(id).toLowerCase());
      wanted.set(rule.typename, ids);
    }
  }
  const found = new Map<string, Map<string, Row>>();
  for (const [typename, ids] of wanted) {
    const rows = await delegateOf(tx, modelOf(typename)).findMany({ where: { id: { in: [...ids] } } });
    found.set(typename, new Map(rows.map((r) => [String(r.id).toLowerCase(), r])));
  }
  return recs.map((rec) => judgeRefs(rec, refs, found, onOf(rec)));
}

/**
 * Rules that read nothing but the records a record names, as `checkMany` (see RecordSpec): one read
 * per type for all the records. Not for an entity naming its own type (a record could name one
 * written before it in the same list, which these reads would not see).
 */
export function refsOnlyCheck(
  typename: string,
  refs: Record<string, RefRule>,
  onOf: (rec: DomainRecord) => string | undefined = () => undefined,
): (tx: Tx, recs: readonly DomainRecord[]) => Promise<Violation[][]> {
  if (Object.values(refs).some((r) => r.typename === typename)) throw new Error(`${typename} names its own type: check one at a time`);
  return async (tx, recs) => (await checkRefsMany(tx, recs, refs, onOf)).map((r) => r.violations);
}

function judgeRefs(
  rec: DomainRecord,
  refs: Record<string, RefRule>,
  found: ReadonlyMap<string, ReadonlyMap<string, Row>>,
  on: string | undefined,
): { violations: Violation[]; rows: Record<string, Row> } {
  const violations: Violation[] = [];
  const rows: Record<string, Row> = {};
  for (const [key, rule] of Object.entries(refs)) {
    const id = rec[key];
    if (id === undefined || id === null) continue;
    const row = isUuid(id) ? found.get(rule.typename)?.get(String(id).toLowerCase()) : undefined;
    if (!row) {
      violations.push(notFoundViolation([key], rule.label, String(id)));
      continue;
    }
    rows[key] = row;
    const kind = typeof row.kind === 'string' ? row.kind : undefined;
    if (rule.kinds && kind !== undefined && !rule.kinds.includes(kind)) {
      const is = kindLabel(rule.typename, kind);
      const wanted = rule.kinds.map((k) => kindLabel(rule.typename, k));
      violations.push(
        invalid(
          [key],
          `${rule.label.vi} "${rowName(row)}" là ${is.vi}; phải là ${wanted.map((w) => w.vi).join(' hoặc ')}.`,
          `${rule.label.en} "${rowName(row)}" is a ${is.en}; it must be a ${wanted.map((w) => w.en).join(' or ')}.`,
        ),
      );
    }
    if (on !== undefined && rule.alive !== false && row.validFrom instanceof Date) {
      const p = { validFrom: fromDbDate(row.validFrom), validTo: row.validTo instanceof Date ? fromDbDate(row.validTo) : null };
      if (!isActiveOn(p, on)) violations.push(notFoundViolation([key], rule.label, rowName(row), on));
    }
  }
  return { violations, rows };
}

/** A dated event must not precede the record it belongs to (a status change before the petition arrived). */
export function notBefore(path: Array<string | number>, date: unknown, start: unknown, what: LocalizedText): Violation[] {
  const d = typeof date === 'string' ? date : undefined;
  const s = start instanceof Date ? fromDbDate(start) : typeof start === 'string' ? start : undefined;
  if (d === undefined || s === undefined || d >= s) return [];
  return [
    {
      code: 'PERIOD_ORDER',
      severity: 'error',
      path,
      message: { vi: `Ngày ${d} trước ngày ${lower(what.vi)} (${s}).`, en: `The date ${d} is before the ${lower(what.en)} (${s}).` },
    },
  ];
}

/** Other records of `model` matching `where`, except the record itself (its stored version, on update). */
export async function others(tx: Tx, model: string, where: object, selfId: string): Promise<Row[]> {
  const delegate = (tx as unknown as Record<string, { findMany(a: object): Promise<Row[]> }>)[model];
  if (!delegate) return [];
  return delegate.findMany({ where: { ...where, NOT: { id: selfId } } });
}

/** Records of `model` matching `where` still open on `on` (valid_to after it, or none). */
export async function openOn(tx: Tx, model: string, where: object, on: string): Promise<number> {
  const delegate = (tx as unknown as Record<string, { count(a: object): Promise<number> }>)[model];
  if (!delegate) return 0;
  const { validFrom: _from, ...stillOpen } = activeOnWhere(on);
  return delegate.count({ where: { ...where, ...stillOpen } });
}

export { oneBoardPerTarget } from '../use-cases/board-checks.js';
