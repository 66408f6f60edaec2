import { readsBackNeeded, unreadableAfterWrite, unreadableWriteViolations } from '../auth/read-back.js';
import { changedRecords, type Tx } from '../store/transaction.js';
import type { UseCaseContext } from '../use-cases/context.js';
import type { ImportError, RowOutcome } from './engine.js';

/**
 * The import's rows the importer could not read back once written (auth/read-back.ts), as errors
 * on those rows — in the dry run too, which rolls back before the commit's own check would run: the
 * preview names the row a commit would be refused for. A record no row wrote (a board's member) is
 * an error of the file.
 */
export async function readBackErrors(tx: Tx, ctx: Pick<UseCaseContext, 'access'>, rows: readonly RowOutcome[]): Promise<ImportError[]> {
  if (!readsBackNeeded(ctx.access)) return [];
  const lost = await unreadableAfterWrite(tx, ctx.access, await changedRecords(tx));
  const errors: ImportError[] = [];
  for (const [type, ids] of lost) {
    const [violation] = unreadableWriteViolations(new Map([[type, ids]]));
    if (!violation) continue;
    const at = ids.map((id) => rows.find((r) => r.recordId === id)?.rowNumber ?? null);
    for (const rowNumber of new Set(at)) errors.push({ rowNumber, column: null, code: violation.code, message: violation.message });
  }
  return errors;
}
