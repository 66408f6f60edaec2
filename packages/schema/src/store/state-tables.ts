import { type DomainState, emptyState, searchKey } from '@coso/domain';
import { insertOrder, type ModelFacts, modelFacts } from '../entities/data-model.js';
import { definitionOf, ENTITY_LIST, type EntityType } from '../entities/definitions.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { fromDbDate, toDbDate } from './db-dates.js';
import { stableUuid } from './stable-id.js';
import { SYSTEM_WRITER, stampWriter, type Writer } from './transaction.js';

/**
 * One mapping between the domain's plain records (`DomainState`, ISO date strings, any ids) and
 * the database rows (Date columns, UUIDs, folded search columns). Every table goes through it,
 * so seeding, imports and reading state back for the domain reference behave alike.
 */
type Table = keyof DomainState;

/** Each domain table's model facts, from its entity definition and the Prisma data model. */
const TABLE_FACTS: ReadonlyMap<Table, ModelFacts & { displayName?: string }> = new Map(
  ENTITY_LIST.flatMap(([type, def]) => (def.table ? [[def.table, { ...modelFacts(type), displayName: def.displayName }] as const] : [])),
);

/** Domain table → Prisma delegate, in an order that satisfies foreign keys on insert. */
export const TABLES: ReadonlyArray<[Table, string]> = insertOrder(ENTITY_LIST.filter(([, d]) => d.table).map(([t]) => t)).map((type) => {
  const table = definitionOf(type as EntityType).table;
  if (!table) throw new Error(`${type} has no table`);
  return [table, modelFacts(type).delegate];
});

function factsOf(table: Table): ModelFacts & { displayName?: string } {
  const facts = TABLE_FACTS.get(table);
  if (!facts) throw new Error(`No entity definition has table ${table}`);
  return facts;
}

/** Columns that exist only in the database (search keys, versions, timestamps). */
const DB_ONLY = new Set(['nameSearch', 'version', 'createdAt', 'updatedAt']);

type Row = Record<string, unknown>;

/** A domain record as a database row. */
export function toRow(table: Table, record: object): Row {
  const facts = factsOf(table);
  const columns = new Set(facts.scalars);
  const row: Row = {};
  for (const [key, value] of Object.entries(record)) {
    // Keys that are not columns (a reorganisation's unit lists, a term's recognition) are mapped below.
    if (value === undefined || !columns.has(key)) continue;
    if (facts.ids.has(key)) row[key] = typeof value === 'string' ? stableUuid(value) : null;
    else if (facts.dates.has(key)) row[key] = typeof value === 'string' ? toDbDate(value) : null;
    else row[key] = value;
  }
  // A partial record (an update's changes) refolds the search key only when it carries the name.
  if (facts.searchable && facts.displayName && facts.displayName in row) row.nameSearch = searchKey(String(row[facts.displayName] ?? ''));
  if (table === 'people') {
    const r = record as { birthDate?: string | null; birthYear?: number; validFrom?: string; validTo?: string | null };
    // A person's record is valid from birth unless the record says otherwise. A partial record (an
    // update's changes) leaves the period as stored: no "undefined-01-01", no silent un-ending.
    const from = r.validFrom ?? r.birthDate ?? (r.birthYear === undefined ? undefined : `${r.birthYear}-01-01`);
    if (from !== undefined) row.validFrom = toDbDate(from);
    if (r.validTo !== undefined) row.validTo = r.validTo ? toDbDate(r.validTo) : null;
  }
  // Only when the record carries it: an update that does not touch the recognition keeps it.
  if (table === 'boardTerms' && 'recognition' in record && (record as { recognition?: unknown }).recognition !== undefined) {
    const rec = (
      record as { recognition?: { filedOn?: string | null; decisionNumber: string; decidedOn: string; issuerId: string } | null }
    ).recognition;
    row.recognitionFiledOn = rec?.filedOn ? toDbDate(rec.filedOn) : null;
    row.recognitionDecisionNumber = rec?.decisionNumber ?? null;
    row.recognitionDecidedOn = rec ? toDbDate(rec.decidedOn) : null;
    row.recognitionIssuerId = rec ? stableUuid(rec.issuerId) : null;
  }
  return row;
}

/** A database row as a domain record. */
export function fromRow(table: Table, row: Row): Row {
  const dates = factsOf(table).dates;
  const record: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (DB_ONLY.has(key) || key.startsWith('recognition') || key === 'units') continue;
    record[key] = value instanceof Date && dates.has(key) ? fromDbDate(value) : value;
  }
  if (table === 'boardTerms') {
    record.recognition =
      row.recognitionDecidedOn instanceof Date
        ? {
            filedOn: row.recognitionFiledOn instanceof Date ? fromDbDate(row.recognitionFiledOn) : null,
            decisionNumber: row.recognitionDecisionNumber,
            decidedOn: fromDbDate(row.recognitionDecidedOn),
            issuerId: row.recognitionIssuerId,
          }
        : null;
  }
  if (table === 'reorganisations') {
    const units = (row.units as Array<{ unitId: string; role: string }> | undefined) ?? [];
    record.originalUnitIds = units.filter((u) => u.role === 'ORIGINAL').map((u) => u.unitId);
    record.resultingUnitIds = units.filter((u) => u.role === 'RESULTING').map((u) => u.unitId);
  }
  return record;
}

/**
 * Rows of one table as that table's domain records. The mapping is generic over the tables, so the
 * record type is asserted here, once; the round trip of the sample dataset through every table
 * (entities/definitions.test.ts) is what backs it.
 */
export function recordsOf<T extends Table>(table: T, rows: readonly object[]): DomainState[T] {
  return rows.map((r) => fromRow(table, r as Row)) as unknown as DomainState[T];
}

type Delegate = { createMany(args: { data: Row[] }): Promise<unknown>; findMany(args?: object): Promise<Row[]> };

function delegate(prisma: PrismaClient | object, name: string): Delegate {
  return (prisma as unknown as Record<string, Delegate>)[name] as Delegate;
}

/**
 * Writes a whole state (e.g. a dataset) in one transaction. Ids are mapped with `stableUuid`, so
 * the same dataset always gets the same ids. The audit trail records every row as written by the
 * given writer (the platform itself unless told otherwise) under `operation`.
 */
export async function writeState(
  prisma: PrismaClient,
  state: DomainState,
  options: { writer?: Writer; operation?: string } = {},
): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await stampWriter(tx, options.writer ?? SYSTEM_WRITER, options.operation ?? 'seed');
      for (const [table, model] of TABLES) {
        const rows = (state[table] as object[]).map((r) => toRow(table, r));
        if (rows.length) await delegate(tx, model).createMany({ data: rows });
      }
      const links = state.reorganisations.flatMap((e) => [
        ...e.originalUnitIds.map((u) => ({ eventId: stableUuid(e.id), unitId: stableUuid(u), role: 'ORIGINAL' })),
        ...e.resultingUnitIds.map((u) => ({ eventId: stableUuid(e.id), unitId: stableUuid(u), role: 'RESULTING' })),
      ]);
      if (links.length) await delegate(tx, 'reorganisationUnit').createMany({ data: links });
    },
    { timeout: 120_000 },
  );
}

/** Reads every table back as a `DomainState` (ids are the database UUIDs). */
export async function readState(prisma: PrismaClient): Promise<DomainState> {
  const state = emptyState();
  for (const [table, model] of TABLES) {
    const rows = await delegate(prisma, model).findMany(table === 'reorganisations' ? { include: { units: true } } : {});
    (state as unknown as Record<Table, Row[]>)[table] = rows.map((r) => fromRow(table, r));
  }
  return state;
}
