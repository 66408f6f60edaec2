import { readsBackNeeded, unreadableAfterWrite, unreadableWriteViolations } from '../auth/read-back.js';
import type { EntityType } from '../entities/definitions.js';
import { changedRecords, type Tx } from '../store/transaction.js';
import type { UseCaseContext } from '../use-cases/context.js';
import type { CheckedRow, ImportError } from './engine.js';

/**
 * The import's rows the importer could not read back once written (auth/read-back.ts), as errors
 * on those rows — in the dry run too, which rolls back before the commit's own check would run: the
 * preview names the row a commit would be refused for.
 *
 * Two checks, each reading every record once, so a run reads back in proportion to its rows:
 * - after each chunk, the records that chunk changed (its audit entries after the last one read):
 *   early errors on the chunk's rows, as the preview goes;
 * - at the end, every record the run changed, decided on the database as the whole file left it —
 *   a later row may have made an earlier record readable (a person given a residence by a later row
 *   of the same citizen ID), or a later write an earlier record unreadable (a building moved away
 *   from its complex). Whatever differs from what the chunks told is told again (`ReadBackChange`).
 * A record is named once, on the last row that wrote it, or as an error of the file when no row
 * did (a board's member that its board's row wrote); a row once per type of record.
 */
export interface ReadBackChange {
  rowNumber: number;
  /** The row's read-back errors now, in place of those told before (none: it reads back). */
  errors: ImportError[];
  /** How many were told before. */
  told: number;
}

/** Ids read back by one query at the end (a 10,000-row file in a few). */
const END_BATCH = 5_000;

export class RunReadBack {
  private readonly needed: boolean;
  /** The last audit entry of the run's transaction already read back. */
  private mark = 0n;
  /** The record → the last row (with no error of its own) that wrote it. */
  private readonly rowOf = new Map<string, number>();
  /** Rows told a read-back error, and those errors. */
  private readonly told = new Map<number, ImportError[]>();

  constructor(private readonly ctx: Pick<UseCaseContext, 'access'>) {
    this.needed = readsBackNeeded(ctx.access);
  }

  /** The chunk's records the importer cannot read back, as errors on its rows (pushed onto them). */
  async afterChunk(tx: Tx, chunk: CheckedRow[]): Promise<void> {
    if (!this.needed) return;
    for (const row of chunk) if (row.recordId !== null && row.errors.length === 0) this.rowOf.set(row.recordId, row.rowNumber);
    const lost = await unreadableAfterWrite(tx, this.ctx.access, await this.changedSinceMark(tx));
    const byRow = this.errorsByRow(lost);
    for (const row of chunk) {
      const errors = byRow.get(row.rowNumber);
      if (!errors) continue;
      row.errors.push(...errors);
      this.told.set(row.rowNumber, errors);
    }
  }

  /**
   * The final check over every record the run changed: the rows whose read-back errors differ from
   * those told (in the sheet's order), and the file's own (records no row wrote).
   */
  async atEnd(tx: Tx): Promise<{ changes: ReadBackChange[]; fileErrors: ImportError[] }> {
    if (!this.needed) return { changes: [], fileErrors: [] };
    const changed = await changedRecords(tx);
    const lost = new Map<EntityType, string[]>();
    for (let at = 0; at < changed.length; at += END_BATCH) {
      for (const [type, ids] of await unreadableAfterWrite(tx, this.ctx.access, changed.slice(at, at + END_BATCH))) {
        lost.set(type, [...(lost.get(type) ?? []), ...ids]);
      }
    }
    const byRow = this.errorsByRow(lost);
    const rows = new Set<number>([...this.told.keys()]);
    for (const key of byRow.keys()) if (key !== null) rows.add(key);
    const changes: ReadBackChange[] = [];
    for (const rowNumber of [...rows].sort((a, b) => a - b)) {
      const now = byRow.get(rowNumber) ?? [];
      const before = this.told.get(rowNumber) ?? [];
      if (JSON.stringify(now) !== JSON.stringify(before)) changes.push({ rowNumber, errors: now, told: before.length });
    }
    return { changes, fileErrors: byRow.get(null) ?? [] };
  }

  /** The records the run's transaction changed since the last read (its audit entries after the mark). */
  private async changedSinceMark(tx: Tx): Promise<Array<{ entityType: string; entityId: string }>> {
    const rows = await tx.$queryRaw<Array<{ entity_type: string; entity_id: string; last: bigint }>>`
      SELECT entity_type, entity_id, max(id) AS last FROM audit_entries
      WHERE transaction_id = txid_current() AND id > ${this.mark}
      GROUP BY entity_type, entity_id`;
    for (const r of rows) if (r.last > this.mark) this.mark = r.last;
    return rows.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id }));
  }

  /** The errors naming `lost`, by row (null: the file): one a row and type. */
  private errorsByRow(lost: ReadonlyMap<EntityType, readonly string[]>): Map<number | null, ImportError[]> {
    const byRow = new Map<number | null, ImportError[]>();
    for (const [type, ids] of lost) {
      const [violation] = unreadableWriteViolations(new Map([[type, ids]]));
      if (!violation) continue;
      const named = new Set<number | null>();
      for (const id of ids) {
        const at = this.rowOf.get(id) ?? null;
        if (named.has(at)) continue;
        named.add(at);
        const errors = byRow.get(at) ?? [];
        errors.push({ rowNumber: at, column: null, code: violation.code, message: violation.message });
        byRow.set(at, errors);
      }
    }
    // In one order whichever record of the row came first, so the chunk's and the end's compare.
    for (const errors of byRow.values()) errors.sort((a, b) => a.message.en.localeCompare(b.message.en));
    return byRow;
  }
}
