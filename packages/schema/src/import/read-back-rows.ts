import { readsBackNeeded, unreadableAfterWrite, unreadableWriteViolations } from '../auth/read-back.js';
import { changedRecords, type Tx } from '../store/transaction.js';
import type { UseCaseContext } from '../use-cases/context.js';
import type { CheckedRow, ImportError } from './engine.js';

/**
 * The import's rows the importer could not read back once written (auth/read-back.ts), as errors
 * on those rows — in the dry run too, which rolls back before the commit's own check would run: the
 * preview names the row a commit would be refused for. Asked after each chunk (the run keeps no rows:
 * a chunk's rows are handed on once checked), for the records written so far; `reported` holds the
 * records already named, so each is named once, on its row when the chunk holds it, else as an error
 * of the file (a board's member that no row wrote).
 */
export async function readBackErrors(
  tx: Tx,
  ctx: Pick<UseCaseContext, 'access'>,
  chunk: CheckedRow[],
  reported: Set<string>,
): Promise<ImportError[]> {
  if (!readsBackNeeded(ctx.access)) return [];
  const lost = await unreadableAfterWrite(tx, ctx.access, await changedRecords(tx));
  const fileErrors: ImportError[] = [];
  for (const [type, ids] of lost) {
    const [violation] = unreadableWriteViolations(new Map([[type, ids]]));
    if (!violation) continue;
    const rowsNamed = new Set<number | null>();
    for (const id of ids) {
      if (reported.has(id)) continue;
      reported.add(id);
      const row = chunk.find((r) => r.recordId === id);
      const at = row?.rowNumber ?? null;
      if (rowsNamed.has(at)) continue;
      rowsNamed.add(at);
      const error: ImportError = { rowNumber: at, column: null, code: violation.code, message: violation.message };
      if (row) row.errors.push(error);
      else fileErrors.push(error);
    }
  }
  return fileErrors;
}
