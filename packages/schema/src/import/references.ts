import { compactCitizenId, parseCitizenId, searchKey, type Violation } from '@coso/domain';
import { modelFacts } from '../entities/data-model.js';
import { definitionOf, isEntityType } from '../entities/definitions.js';
import { activeOnWhere, toDbDate } from '../store/db-dates.js';
import type { Tx } from '../store/transaction.js';

/**
 * References as people write them, resolved to database ids as of the row's date: a source key
 * from an earlier import (of the same source), a unit's code, a person's citizen ID, or a name —
 * for a unit optionally followed by its parent's name after the last comma ("Tổ dân phố số 5,
 * Giang Biên", "Tổ dân phố số 5, phường Giang Biên"). A reference that names nothing, or more than
 * one record, is a violation at its column; nothing is guessed.
 */
export interface ReferenceQuery {
  typename: string;
  column: string;
  text: string;
  on: string;
  source: string;
}

export type Resolved = { ok: true; id: string } | { ok: false; violation: Violation };

/** Words that name a unit's kind before its name ("phường Giang Biên"). */
const KIND_WORDS = ['thanh pho', 'tinh', 'quan', 'huyen', 'thi xa', 'phuong', 'xa', 'thi tran', 'to dan pho'];

function stripKindWord(key: string): string {
  const word = KIND_WORDS.find((w) => key.startsWith(`${w} `));
  return word ? key.slice(word.length + 1) : key;
}

function notFound(q: ReferenceQuery, label: string): Resolved {
  return {
    ok: false,
    violation: {
      code: 'ENTITY_NOT_FOUND',
      severity: 'error',
      path: [q.column],
      message: {
        vi: `Không tìm thấy ${label} "${q.text}" vào ngày ${q.on}.`,
        en: `No ${label === 'bản ghi' ? 'record' : q.typename} "${q.text}" exists on ${q.on}.`,
      },
    },
  };
}

function ambiguous(q: ReferenceQuery, count: number): Resolved {
  const unit = q.typename === 'AdministrativeUnit';
  return {
    ok: false,
    violation: {
      code: 'INVALID_VALUE',
      severity: 'error',
      path: [q.column],
      message: {
        vi: `"${q.text}" khớp với ${count} bản ghi vào ngày ${q.on}; ${unit ? 'ghi thêm phường, xã sau dấu phẩy, hoặc dùng mã' : 'dùng mã nguồn để chỉ rõ'}.`,
        en: `"${q.text}" matches ${count} records on ${q.on}; ${unit ? 'add the ward or commune after a comma, or use the code' : 'use a source key to say which'}.`,
      },
    },
  };
}

export async function sourceKeyRecord(tx: Tx, source: string, entityType: string, key: string): Promise<string | null> {
  const row = await tx.importSourceKey.findUnique({ where: { source_entityType_key: { source, entityType, key } } });
  return row?.recordId ?? null;
}

export async function resolveReference(tx: Tx, q: ReferenceQuery): Promise<Resolved> {
  const text = q.text.trim();
  const label = isEntityType(q.typename) ? definitionOf(q.typename).label.vi : 'bản ghi';
  const bySource = await sourceKeyRecord(tx, q.source, q.typename, text);
  if (bySource) return { ok: true, id: bySource };
  const facts = modelFacts(q.typename);
  const dated = facts.dates.has('validFrom');
  const alive = dated ? activeOnWhere(q.on) : {};

  if (q.typename === 'Person' && parseCitizenId(text)) {
    const person = await tx.person.findFirst({ where: { citizenId: compactCitizenId(text) }, select: { id: true } });
    return person ? { ok: true, id: person.id } : notFound(q, label);
  }
  if (q.typename === 'AdministrativeUnit' && /^\d{2,5}$/u.test(text)) {
    const codes = await tx.unitCode.findMany({ where: { code: text, ...activeOnWhere(q.on) }, select: { unitId: true } });
    if (codes.length === 1 && codes[0]) return { ok: true, id: codes[0].unitId };
  }
  if (!facts.searchable) return notFound(q, label);

  const delegate = (tx as unknown as Record<string, { findMany(a: object): Promise<Array<{ id: string }>> }>)[facts.delegate];
  if (!delegate) return notFound(q, label);
  const byName = async (name: string) =>
    (await delegate.findMany({ where: { nameSearch: searchKey(name), ...alive }, select: { id: true } })).map((r) => r.id);
  let ids = await byName(text);
  const comma = text.lastIndexOf(',');
  if (q.typename === 'AdministrativeUnit' && comma > 0) {
    // "name, parent": the units of that name whose parent on the date has the parent's name.
    const named = await byName(text.slice(0, comma));
    const parentKey = stripKindWord(searchKey(text.slice(comma + 1)));
    const links = named.length
      ? await tx.unitParent.findMany({
          where: { unitId: { in: named }, ...activeOnWhere(q.on), parent: { ...activeOnWhere(q.on) } },
          select: { unitId: true, parent: { select: { nameSearch: true } } },
        })
      : [];
    const inParent = links.filter((l) => l.parent.nameSearch === parentKey).map((l) => l.unitId);
    ids = [...new Set([...ids, ...inParent])];
  }
  if (q.typename === 'AdministrativeUnit' && ids.length === 0) ids = await byName(stripKindWord(searchKey(text)));
  if (ids.length === 1 && ids[0]) return { ok: true, id: ids[0] };
  return ids.length === 0 ? notFound(q, label) : ambiguous(q, ids.length);
}

/** A date's database form, for callers comparing stored dates. */
export { toDbDate };
