import { type CellValue, type LocalizedText, sheetRow } from '@coso/domain';
import { READ_BACK_CODE } from '../auth/read-back.js';
import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from '../store/transaction.js';
import { batchBusy } from './engine.js';
import type { ReadBackChange } from './read-back-rows.js';
import type { Table } from './read-file.js';

/**
 * An upload's rows as rows of `import_rows` (issue #14 item 7): written in batches while the file is
 * read, read back a chunk at a time by a preview or a commit, each row's outcome of the last run
 * written beside its cells, and pages of them read for the wizard. Nothing here holds a whole sheet.
 */
export type Db = Pick<Tx, '$executeRaw' | '$queryRaw'>;

/** Rows written by one INSERT while a file is read. */
export const INSERT_ROWS = 1_000;

/** Collects rows as the file is read and inserts them a thousand at a time. */
export class RowWriter {
  private sheets: string[] = [];
  private indexes: number[] = [];
  private cells: string[] = [];

  constructor(
    private readonly db: Db,
    private readonly batchId: string,
  ) {}

  async add(sheet: string, index: number, cells: readonly CellValue[]): Promise<void> {
    this.sheets.push(sheet);
    this.indexes.push(index);
    this.cells.push(JSON.stringify(cells));
    if (this.sheets.length >= INSERT_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.sheets.length === 0) return;
    const [sheets, indexes, cells] = [this.sheets, this.indexes, this.cells];
    this.sheets = [];
    this.indexes = [];
    this.cells = [];
    await this.db.$executeRaw`
      INSERT INTO import_rows (batch_id, sheet, row_index, cells)
      SELECT ${this.batchId}::uuid, r.sheet, r.row_index, r.cells::jsonb
      FROM unnest(${sheets}::text[], ${indexes}::int[], ${cells}::text[]) AS r(sheet, row_index, cells)`;
  }
}

/** A stored row: its index in the sheet (0-based) and its cells. */
export interface StoredRow {
  index: number;
  cells: CellValue[];
}

/**
 * The sheet's first rows, up to `upTo` (excluded), as a table (a row with no cell: []), padded to
 * the sheet's length when it is shorter: what the header row and a title block are found in.
 */
export async function headOf(db: Db, batchId: string, sheet: string, upTo: number): Promise<Table> {
  const rows = await db.$queryRaw<Array<{ row_index: number; cells: CellValue[] }>>`
    SELECT row_index, cells FROM import_rows
    WHERE batch_id = ${batchId}::uuid AND sheet = ${sheet} AND row_index < ${upTo}
    ORDER BY row_index`;
  const table: Table = [];
  for (const row of rows) {
    while (table.length < row.row_index) table.push([]);
    table[row.row_index] = row.cells;
  }
  return table;
}

/** The heads of every sheet of a batch, by sheet (one query). */
export async function headsOf(db: Db, batchId: string, upTo: number): Promise<Map<string, Table>> {
  const rows = await db.$queryRaw<Array<{ sheet: string; row_index: number; cells: CellValue[] }>>`
    SELECT sheet, row_index, cells FROM import_rows
    WHERE batch_id = ${batchId}::uuid AND row_index < ${upTo}
    ORDER BY sheet, row_index`;
  const heads = new Map<string, Table>();
  for (const row of rows) {
    const table = heads.get(row.sheet) ?? [];
    heads.set(row.sheet, table);
    while (table.length < row.row_index) table.push([]);
    table[row.row_index] = row.cells;
  }
  return heads;
}

/** How many stored rows of the sheet come after `index`. */
export async function countAfter(db: Db, batchId: string, sheet: string, index: number): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM import_rows WHERE batch_id = ${batchId}::uuid AND sheet = ${sheet} AND row_index > ${index}`;
  return row?.n ?? 0;
}

/** The sheet's rows after `index`, `size` at a time, in order (each chunk one query on the key). */
export async function* chunksAfter(db: Db, batchId: string, sheet: string, index: number, size: number): AsyncGenerator<StoredRow[]> {
  let after = index;
  for (;;) {
    const rows = await db.$queryRaw<Array<{ row_index: number; cells: CellValue[] }>>`
      SELECT row_index, cells FROM import_rows
      WHERE batch_id = ${batchId}::uuid AND sheet = ${sheet} AND row_index > ${after}
      ORDER BY row_index LIMIT ${size}`;
    if (rows.length === 0) return;
    yield rows.map((r) => ({ index: r.row_index, cells: r.cells }));
    after = (rows[rows.length - 1] as { row_index: number }).row_index;
    if (rows.length < size) return;
  }
}

/** A row's outcome as a run stores it. */
export interface StoredOutcome {
  rowNumber: number;
  action: string | null;
  recordId: string | null;
  errors: Array<{ column: string | null; code: string; message: LocalizedText }>;
}

/** The claim a run writes under (run-claim.ts). */
export interface HeldRun {
  batchId: string;
  runId: string;
}

/**
 * Keeps a chunk's outcomes beside its rows (one statement), only while the run holds the batch's
 * claim and the batch is not committed; a run that lost its claim stops here (IMPORT_BATCH_BUSY).
 */
export async function writeOutcomes(db: Db, run: HeldRun, sheet: string, outcomes: readonly StoredOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await whileHeld(
    db,
    run,
    Prisma.sql`
      UPDATE import_rows AS r SET action = o.action, record_id = o.record_id, errors = o.errors::jsonb
      FROM held, unnest(
        ${outcomes.map((o) => o.rowNumber - 1)}::int[],
        ${outcomes.map((o) => o.action)}::text[],
        ${outcomes.map((o) => o.recordId)}::uuid[],
        ${outcomes.map((o) => JSON.stringify(o.errors))}::text[]
      ) AS o(row_index, action, record_id, errors)
      WHERE r.batch_id = held.id AND r.sheet = ${sheet} AND r.row_index = o.row_index
      RETURNING 1`,
  );
}

/**
 * Runs `write` (an UPDATE of `import_rows` … FROM held, where `held` is the batch row) in the
 * statement that renews the run's claim, and only if the run still holds it and the batch is not
 * committed; else writes nothing and refuses (IMPORT_BATCH_BUSY).
 */
async function whileHeld(db: Db, run: HeldRun, write: Prisma.Sql): Promise<void> {
  const [held] = await db.$queryRaw<Array<{ held: number }>>`
    WITH held AS (
      UPDATE import_batches SET run_seen_at = now()
      WHERE id = ${run.batchId}::uuid AND run_id = ${run.runId}::uuid AND status <> 'COMMITTED'
      RETURNING id
    ), written AS (${write})
    SELECT count(*)::int AS held FROM held`;
  if (!held?.held) throw batchBusy();
}

/** The rows' read-back errors (WRITE_OUTSIDE_OWN_READ) as the whole file decided them, in place of those a chunk told. */
export async function writeReadBack(db: Db, run: HeldRun, sheet: string, changes: readonly ReadBackChange[]): Promise<void> {
  if (changes.length === 0) return;
  await whileHeld(
    db,
    run,
    Prisma.sql`
      UPDATE import_rows AS r
      SET errors = coalesce(
        (SELECT jsonb_agg(e ORDER BY n) FROM jsonb_array_elements(r.errors) WITH ORDINALITY AS x(e, n)
          WHERE e ->> 'code' <> ${READ_BACK_CODE}), '[]'::jsonb) || c.errors::jsonb
      FROM held, unnest(
        ${changes.map((c) => c.rowNumber - 1)}::int[],
        ${changes.map((c) => JSON.stringify(c.errors.map(({ column, code, message }) => ({ column, code, message }))))}::text[]
      ) AS c(row_index, errors)
      WHERE r.batch_id = held.id AND r.sheet = ${sheet} AND r.row_index = c.row_index
      RETURNING 1`,
  );
}

/** A page of the last run's rows, with their cells by column key as text. */
export interface OutcomeRow extends StoredOutcome {
  values: Record<string, string>;
}

export interface PageOf {
  offset: number;
  first: number;
  /** Only the rows with an error. */
  withErrors: boolean;
}

/** A page of the rows the last run checked, in the sheet's order. */
export async function outcomePage(
  db: Db,
  batchId: string,
  sheet: string,
  mapping: Readonly<Record<string, number>>,
  page: PageOf,
): Promise<OutcomeRow[]> {
  const rows = await db.$queryRaw<
    Array<{ row_index: number; cells: CellValue[]; action: string | null; record_id: string | null; errors: StoredOutcome['errors'] }>
  >`
    SELECT row_index, cells, action, record_id, errors FROM import_rows
    WHERE batch_id = ${batchId}::uuid AND sheet = ${sheet} AND errors IS NOT NULL
      AND (NOT ${page.withErrors} OR jsonb_array_length(errors) > 0)
    ORDER BY row_index OFFSET ${page.offset} LIMIT ${page.first}`;
  return rows.map((r) => ({
    rowNumber: r.row_index + 1,
    action: r.action,
    recordId: r.record_id,
    errors: r.errors,
    values: valuesOf(r.row_index, r.cells, mapping),
  }));
}

/** A page of the errors of the last run's rows, in the sheet's order (a row's in the order found). */
export async function errorPage(
  db: Db,
  batchId: string,
  sheet: string,
  page: Pick<PageOf, 'offset' | 'first'>,
): Promise<Array<StoredOutcome['errors'][number] & { rowNumber: number }>> {
  const rows = await db.$queryRaw<Array<{ row_index: number; error: StoredOutcome['errors'][number] }>>`
    SELECT r.row_index, e.error FROM import_rows r, jsonb_array_elements(r.errors) WITH ORDINALITY AS e(error, n)
    WHERE r.batch_id = ${batchId}::uuid AND r.sheet = ${sheet} AND r.errors IS NOT NULL
    ORDER BY r.row_index, e.n OFFSET ${page.offset} LIMIT ${page.first}`;
  return rows.map((r) => ({ ...r.error, rowNumber: r.row_index + 1 }));
}

/**
 * The cells of a row by column key, as text ('' for a blank), as the preview shows them: in the
 * sheet's order of columns (a mapping read back from jsonb has its keys in jsonb's order).
 */
function valuesOf(index: number, cells: readonly CellValue[], mapping: Readonly<Record<string, number>>): Record<string, string> {
  const ordered = Object.fromEntries(Object.entries(mapping).sort(([a, x], [b, y]) => x - y || a.localeCompare(b)));
  const read = sheetRow(cells, index, ordered);
  return Object.fromEntries(Object.entries(read?.cells ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]));
}
