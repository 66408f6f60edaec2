import { compactCitizenId, isUuid, parseCitizenId, searchKey, type Violation } from '@coso/domain';
import { modelFacts } from '../entities/data-model.js';
import { definitionOf, isEntityType } from '../entities/definitions.js';
import { activeOnWhere } from '../store/db-dates.js';
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

/** The search key of a name, as `nameSearch` holds it. */
const nameKey = (name: string): string => searchKey(name);

/**
 * References resolved together (a chunk of an import's rows): one query per way of naming and per
 * date — the source keys, the citizen IDs, the unit codes, the names, the units' parents — instead
 * of a few per reference; then each answered by the same steps, in the same order, as one alone: a
 * source key first; a citizen ID for a person; a unit's code when it names one unit; its name
 * ("name, parent" for a unit, or the name without its kind word); exactly one match, or an error.
 */
export async function resolveReferences(tx: Tx, queries: readonly ReferenceQuery[]): Promise<Resolved[]> {
  const qs = queries.map((q) => ({ ...q, text: q.text.trim() }));
  const bySource = await sourceKeyRecords(
    tx,
    qs.map((q) => ({ source: q.source, entityType: q.typename, key: q.text })),
  );
  const open = qs.filter((q) => !bySource.has(sourceKeyOf(q.source, q.typename, q.text)));
  const byId = await existingIds(
    tx,
    open.filter((q) => isUuid(q.text)),
  );

  const citizenIds = [
    ...new Set(open.filter((q) => q.typename === 'Person' && parseCitizenId(q.text)).map((q) => compactCitizenId(q.text))),
  ];
  const people = new Map(
    citizenIds.length
      ? (await tx.person.findMany({ where: { citizenId: { in: citizenIds } }, select: { id: true, citizenId: true } })).map((p) => [
          p.citizenId,
          p.id,
        ])
      : [],
  );

  // Per date: unit codes, names (by the search key of each form a query may take) and unit parents.
  const dates = [...new Set(open.map((q) => q.on))];
  const codes = new Map<string, Map<string, string[]>>();
  const names = new Map<string, Map<string, Map<string, string[]>>>();
  const parents = new Map<string, Map<string, string[]>>();
  for (const on of dates) {
    const ofDate = open.filter((q) => q.on === on);
    const codeTexts = [
      ...new Set(ofDate.filter((q) => q.typename === 'AdministrativeUnit' && /^\d{2,5}$/u.test(q.text)).map((q) => q.text)),
    ];
    const found = codeTexts.length
      ? await tx.unitCode.findMany({ where: { code: { in: codeTexts }, ...activeOnWhere(on) }, select: { unitId: true, code: true } })
      : [];
    codes.set(
      on,
      groupBy(
        found,
        (c) => c.code,
        (c) => c.unitId,
      ),
    );
    const named = new Map<string, Map<string, string[]>>();
    for (const typename of new Set(ofDate.map((q) => q.typename))) {
      const facts = modelFacts(typename);
      const keys = [...new Set(ofDate.filter((q) => q.typename === typename && !isCitizenQuery(q)).flatMap((q) => nameForms(q)))];
      const delegate = (
        tx as unknown as Record<string, { findMany(a: object): Promise<Array<{ id: string; nameSearch: string }>> } | undefined>
      )[facts.delegate];
      if (!facts.searchable || !delegate || keys.length === 0) continue;
      const alive = facts.dates.has('validFrom') ? activeOnWhere(on) : {};
      const rows = await delegate.findMany({ where: { nameSearch: { in: keys }, ...alive }, select: { id: true, nameSearch: true } });
      named.set(
        typename,
        groupBy(
          rows,
          (r) => r.nameSearch,
          (r) => r.id,
        ),
      );
    }
    names.set(on, named);
    const commaQueries = ofDate.filter((q) => q.typename === 'AdministrativeUnit' && q.text.lastIndexOf(',') > 0);
    const units = named.get('AdministrativeUnit');
    const childIds = [...new Set(commaQueries.flatMap((q) => units?.get(nameKey(q.text.slice(0, q.text.lastIndexOf(',')))) ?? []))];
    const links = childIds.length
      ? await tx.unitParent.findMany({
          where: { unitId: { in: childIds }, ...activeOnWhere(on), parent: { ...activeOnWhere(on) } },
          select: { unitId: true, parent: { select: { nameSearch: true } } },
        })
      : [];
    parents.set(
      on,
      groupBy(
        links,
        (l) => l.unitId,
        (l) => l.parent.nameSearch,
      ),
    );
  }

  return qs.map((q) => {
    const label = isEntityType(q.typename) ? definitionOf(q.typename).label.vi : 'bản ghi';
    const source = bySource.get(sourceKeyOf(q.source, q.typename, q.text));
    if (source) return { ok: true, id: source };
    // A record's own id (an export's file imported back into the database it came from).
    if (byId.has(`${q.typename}:${q.text.toLowerCase()}`)) return { ok: true, id: q.text.toLowerCase() };
    if (isCitizenQuery(q)) {
      const person = people.get(compactCitizenId(q.text));
      return person ? { ok: true, id: person } : notFound(q, label);
    }
    if (q.typename === 'AdministrativeUnit' && /^\d{2,5}$/u.test(q.text)) {
      const units = codes.get(q.on)?.get(q.text) ?? [];
      if (units.length === 1 && units[0]) return { ok: true, id: units[0] };
    }
    const named = names.get(q.on)?.get(q.typename);
    if (!named) return notFound(q, label);
    const byName = (key: string): string[] => named.get(key) ?? [];
    let ids = byName(nameKey(q.text));
    const comma = q.text.lastIndexOf(',');
    if (q.typename === 'AdministrativeUnit' && comma > 0) {
      // "name, parent": the units of that name whose parent on the date has the parent's name.
      const parentKey = stripKindWord(searchKey(q.text.slice(comma + 1)));
      const inParent = byName(nameKey(q.text.slice(0, comma))).filter((id) => (parents.get(q.on)?.get(id) ?? []).includes(parentKey));
      ids = [...new Set([...ids, ...inParent])];
    }
    if (q.typename === 'AdministrativeUnit' && ids.length === 0) ids = byName(nameKey(stripKindWord(searchKey(q.text))));
    if (ids.length === 1 && ids[0]) return { ok: true, id: ids[0] };
    return ids.length === 0 ? notFound(q, label) : ambiguous(q, ids.length);
  });
}

/**
 * The queries whose text is the id of an existing record of their type, as `type:id`: an export
 * names a record without a code or citizen ID by its id (import/export.ts), which is also the source
 * key the export of its own kind gave it — so the file resolves in the database it came from and,
 * through the source keys, in an empty one.
 */
async function existingIds(tx: Tx, queries: readonly ReferenceQuery[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const typename of new Set(queries.map((q) => q.typename))) {
    const delegate = (tx as unknown as Record<string, { findMany(a: object): Promise<Array<{ id: string }>> } | undefined>)[
      modelFacts(typename).delegate
    ];
    const ids = [...new Set(queries.filter((q) => q.typename === typename).map((q) => q.text.toLowerCase()))];
    if (!delegate || ids.length === 0) continue;
    for (const r of await delegate.findMany({ where: { id: { in: ids } }, select: { id: true } })) out.add(`${typename}:${r.id}`);
  }
  return out;
}

function isCitizenQuery(q: ReferenceQuery): boolean {
  return q.typename === 'Person' && parseCitizenId(q.text) !== null;
}

/** The search keys a query may be found under: the whole text; for a unit, the name before the comma, and the name without its kind word. */
function nameForms(q: ReferenceQuery): string[] {
  const forms = [nameKey(q.text)];
  if (q.typename !== 'AdministrativeUnit') return forms;
  const comma = q.text.lastIndexOf(',');
  if (comma > 0) forms.push(nameKey(q.text.slice(0, comma)));
  forms.push(nameKey(stripKindWord(searchKey(q.text))));
  return forms;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string, value: (t: T) => string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(value(item));
    else map.set(k, [value(item)]);
  }
  return map;
}

const sourceKeyOf = (source: string, entityType: string, key: string): string => JSON.stringify([source, entityType, key]);

/** The records source keys name, in one query: a map from `sourceKeyOf(source, entityType, key)` to the record's id. */
export async function sourceKeyRecords(
  tx: Tx,
  keys: ReadonlyArray<{ source: string; entityType: string; key: string }>,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (keys.length === 0) return found;
  const rows = await tx.importSourceKey.findMany({
    where: {
      source: { in: [...new Set(keys.map((k) => k.source))] },
      entityType: { in: [...new Set(keys.map((k) => k.entityType))] },
      key: { in: [...new Set(keys.map((k) => k.key))] },
    },
    select: { source: true, entityType: true, key: true, recordId: true },
  });
  for (const r of rows) found.set(sourceKeyOf(r.source, r.entityType, r.key), r.recordId);
  return found;
}

/** The record one source key names: the one-key case of `sourceKeyRecords` (one path for both). */
export async function sourceKeyRecord(tx: Tx, source: string, entityType: string, key: string): Promise<string | null> {
  return sourceKeyFound(await sourceKeyRecords(tx, [{ source, entityType, key }]), source, entityType, key);
}

/** The record a key names among `sourceKeyRecords`' answer. */
export function sourceKeyFound(found: ReadonlyMap<string, string>, source: string, entityType: string, key: string): string | null {
  return found.get(sourceKeyOf(source, entityType, key)) ?? null;
}
