import { type DomainState, emptyState, searchKey } from '@coso/domain';
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

/** Domain table → Prisma delegate, in an order that satisfies foreign keys on insert. */
export const TABLES: ReadonlyArray<[Table, string]> = [
  ['units', 'administrativeUnit'],
  ['unitCodes', 'unitCode'],
  ['unitParents', 'unitParent'],
  ['complexes', 'apartmentComplex'],
  ['buildings', 'apartmentBuilding'],
  ['blocks', 'buildingBlock'],
  ['apartments', 'apartment'],
  ['organizations', 'organization'],
  ['organizationParents', 'organizationParent'],
  ['organizationAreas', 'organizationArea'],
  ['people', 'person'],
  ['posts', 'post'],
  ['memberships', 'membership'],
  ['partyMemberships', 'partyMembership'],
  ['residenceContacts', 'residenceContact'],
  ['residenceContactReviews', 'residenceContactReview'],
  ['ownerships', 'apartmentOwnership'],
  ['boardTerms', 'boardTerm'],
  ['directives', 'directive'],
  ['boardChanges', 'boardChange'],
  ['reviews', 'implementationReview'],
  ['presentations', 'presentation'],
  ['commendations', 'commendation'],
  ['nominations', 'nomination'],
  ['trainings', 'training'],
  ['trainingAttendances', 'trainingAttendance'],
  ['petitions', 'petition'],
  ['petitionStatusChanges', 'petitionStatusChange'],
  ['coordinationRegulations', 'coordinationRegulation'],
  ['coordinationRegulationEvents', 'coordinationRegulationEvent'],
  ['reorganisations', 'reorganisationEvent'],
];

const DATE_KEYS = new Set([
  'validFrom',
  'validTo',
  'birthDate',
  'admittedOn',
  'reviewedOn',
  'handoverStartedOn',
  'halfHandedOverOn',
  'firstConferenceOn',
  'handedOverOn',
  'electedOn',
  'on',
  'issuedOn',
  'heldOn',
  'decidedOn',
  'nominatedOn',
  'receivedOn',
  'signedOn',
  'effectiveOn',
  'filedOn',
]);

/** Columns that exist only in the database (search keys, versions, timestamps). */
const DB_ONLY = new Set(['nameSearch', 'version', 'createdAt', 'updatedAt']);

const NAME_COLUMN: Partial<Record<Table, string>> = {
  units: 'name',
  organizations: 'name',
  people: 'fullName',
  buildings: 'name',
  complexes: 'name',
};

/** Keys that end in "Id" but hold a value, not a reference to another record. */
const VALUE_KEYS = new Set(['citizenId']);

function isIdKey(key: string): boolean {
  return key === 'id' || (key.endsWith('Id') && !VALUE_KEYS.has(key));
}

type Row = Record<string, unknown>;

/** A domain record as a database row. */
export function toRow(table: Table, record: object): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || key === 'originalUnitIds' || key === 'resultingUnitIds' || key === 'recognition') continue;
    if (isIdKey(key)) row[key] = typeof value === 'string' ? stableUuid(value) : null;
    else if (DATE_KEYS.has(key)) row[key] = typeof value === 'string' ? toDbDate(value) : null;
    else row[key] = value;
  }
  const nameColumn = NAME_COLUMN[table];
  if (nameColumn) row.nameSearch = searchKey(String(row[nameColumn] ?? ''));
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
  const record: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (DB_ONLY.has(key) || key.startsWith('recognition') || key === 'units') continue;
    record[key] = value instanceof Date && DATE_KEYS.has(key) ? fromDbDate(value) : value;
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
