import { fieldLabel, type LocalizedText, type Violation } from '@coso/domain';
import { modelFacts } from '../entities/data-model.js';
import type { EntitySpec } from '../graphql/entity-mutations.js';
import { activeOnWhere } from '../store/db-dates.js';
import type { Tx } from '../store/transaction.js';

/**
 * A row that names a record already there (its source key or natural key) may only change what
 * `updateX` can change. The rest — a unit's parent and code, a body's parent and areas (create-only
 * fields, kept in their own dated tables) and every field of an entity without `updateX` — the
 * update would silently drop: a re-import that moves a group to another ward would report
 * "unchanged" and leave it where it was. Such a cell is an error on its row instead; moving a
 * record is a reorganisation (dated), not a correction.
 */
type Reader = (tx: Tx, id: string, on: string) => Promise<unknown>;

/** What a record holds, as of a date, for each create-only field: one reader per field of every spec that has them. */
export const CREATE_ONLY_READERS: Readonly<Record<string, Readonly<Record<string, Reader>>>> = {
  Unit: {
    parentId: async (tx, id, on) =>
      (await tx.unitParent.findFirst({ where: { unitId: id, ...activeOnWhere(on) }, select: { parentId: true } }))?.parentId ?? null,
    code: async (tx, id, on) =>
      (await tx.unitCode.findFirst({ where: { unitId: id, ...activeOnWhere(on) }, select: { code: true } }))?.code ?? null,
  },
  Organization: {
    parentId: async (tx, id, on) =>
      (await tx.organizationParent.findFirst({ where: { organizationId: id, ...activeOnWhere(on) }, select: { parentId: true } }))
        ?.parentId ?? null,
    unitIds: async (tx, id, on) =>
      (await tx.organizationArea.findMany({ where: { organizationId: id, ...activeOnWhere(on) }, select: { unitId: true } }))
        .map((a) => a.unitId)
        .sort(),
  },
};

/** The fields of a spec that an existing record keeps whatever a row says (not in its update schema). */
export function fixedFields(spec: EntitySpec): string[] {
  const all = Object.keys({ ...spec.fields, ...(spec.createOnly ?? {}) });
  const updatable = new Set(Object.keys((spec.updateSchema as { shape?: object } | undefined)?.shape ?? {}));
  return all.filter((k) => !updatable.has(k));
}

function comparable(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'null';
  return JSON.stringify(Array.isArray(value) ? [...value].sort() : value);
}

/** A referenced record's name (or title: a training, a review), for a message a person can read (its id otherwise). */
async function shown(tx: Tx, typename: string | undefined, value: unknown): Promise<string> {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return (await Promise.all(value.map((v) => shown(tx, typename, v)))).join('; ') || '—';
  if (!typename || typeof value !== 'string') return String(value);
  const facts = modelFacts(typename);
  const column = ['name', 'title'].find((c) => facts.columns.has(c));
  if (!column) return value;
  const delegate = (tx as unknown as Record<string, { findUnique(a: object): Promise<Record<string, unknown> | null> }>)[facts.delegate];
  const row = await delegate?.findUnique({ where: { id: value }, select: { [column]: true } }).catch(() => null);
  return typeof row?.[column] === 'string' ? row[column] : value;
}

/**
 * The violations of a row naming record `id`: one per fixed field whose value (as read from the
 * row, references resolved) differs from the record's as of `on`. Fields the row leaves out are not compared.
 */
export async function fixedFieldChanges(
  tx: Tx,
  spec: EntitySpec,
  id: string,
  record: Record<string, unknown>,
  values: Record<string, unknown>,
  on: string,
  labels: Readonly<Record<string, LocalizedText>> = {},
): Promise<Violation[]> {
  const all = { ...spec.fields, ...(spec.createOnly ?? {}) };
  const current: Record<string, unknown> = {};
  const typenames: Record<string, string | undefined> = {};
  for (const key of fixedFields(spec)) {
    if (values[key] === undefined) continue;
    const reader = CREATE_ONLY_READERS[spec.noun]?.[key];
    current[key] = reader ? await reader(tx, id, on) : record[key];
    typenames[key] = all[key]?.idOf;
  }
  return disagreements(tx, spec.label, current, values, typenames, on, labels);
}

/**
 * One IMPORT_FIXED_FIELD violation per key of `current` whose value the row gives differently
 * (lists compared as sets); `typenames` names the records a reference field points to, for the message.
 */
export async function disagreements(
  tx: Tx,
  label: LocalizedText,
  current: Record<string, unknown>,
  values: Record<string, unknown>,
  typenames: Readonly<Record<string, string | undefined>>,
  on: string,
  labels: Readonly<Record<string, LocalizedText>> = {},
): Promise<Violation[]> {
  const out: Violation[] = [];
  for (const [key, was] of Object.entries(current)) {
    if (values[key] === undefined || comparable(was) === comparable(values[key])) continue;
    const field = labels[key] ?? fieldLabel(key);
    const [shownWas, given] = [await shown(tx, typenames[key], was), await shown(tx, typenames[key], values[key])];
    out.push({
      code: 'IMPORT_FIXED_FIELD',
      severity: 'error',
      path: [key],
      message: {
        vi: `Dòng này chỉ tới ${label.vi.toLowerCase()} đã có, nhưng ghi ${field.vi} "${given}" trong khi bản ghi đang là "${shownWas}" (ngày ${on}); nhập lại không đổi được trường này. Để chuyển đi, hãy ghi nhận việc sắp xếp lại, hoặc kết thúc bản ghi cũ và nhập một mã nguồn mới.`,
        en: `This row names an existing ${label.en.toLowerCase()}, but gives ${field.en} "${given}" where the record has "${shownWas}" (on ${on}); a re-import cannot change this field. To move it, record a reorganisation, or end the old record and import it under a new source key.`,
      },
    });
  }
  return out;
}
