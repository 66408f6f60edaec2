import { randomUUID } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.js';
import { alreadyCommitted, batchBusy } from './engine.js';
import type { Db } from './stored-rows.js';

/**
 * One run of a stored batch at a time (#14). A preview or commit writes its rows' outcomes and the
 * batch's lastRun through the client, outside its transaction (a preview's rolls back): two runs of
 * one batch at once — two tabs, a script beside the wizard — would clear and overwrite each other's
 * outcomes, and two commits could both write. So a run first claims the batch: `run_id` taken in ONE
 * statement, only while the batch is not COMMITTED and no live run holds it. Every later write of
 * the run (outcomes, lastRun, the commit's status inside its transaction) is conditional on still
 * holding that claim, so a run that lost it writes nothing. The run says it is alive every few
 * seconds (`run_seen_at`); a claim not renewed for `STALE_AFTER_MS` (a crashed gateway) may be taken.
 */
export interface RunClaim {
  batchId: string;
  runId: string;
  /**
   * Stops renewing the claim and gives it up (the batch is free for the next run), writing the
   * run's lastRun; false when the run no longer held it (its stale claim was taken: nothing written).
   */
  release(lastRun: Prisma.InputJsonObject): Promise<boolean>;
}

/** How often a running run renews its claim. */
export const RENEW_EVERY_MS = 10_000;
/** A claim not renewed for so long is a crashed run's: the next run may take it. */
export const STALE_AFTER_MS = 120_000;

/**
 * Claims the batch for a new run, clearing the last run's outcomes and lastRun in the same
 * statement (from here on they are this run's, so no page mixes two runs); or refuses —
 * IMPORT_ALREADY_COMMITTED, IMPORT_BATCH_BUSY — changing nothing.
 */
export async function claimRun(db: Db, batchId: string, options: { renewEveryMs?: number } = {}): Promise<RunClaim> {
  const runId = randomUUID();
  const stale = `${STALE_AFTER_MS} milliseconds`;
  const claimed = await db.$queryRaw<Array<{ id: string }>>`
    WITH claim AS (
      UPDATE import_batches SET run_id = ${runId}::uuid, run_seen_at = now(), last_run = NULL
      WHERE id = ${batchId}::uuid AND status <> 'COMMITTED'
        AND (run_id IS NULL OR run_seen_at < now() - ${stale}::interval)
      RETURNING id
    ), cleared AS (
      UPDATE import_rows SET action = NULL, record_id = NULL, errors = NULL
      WHERE batch_id IN (SELECT id FROM claim) AND errors IS NOT NULL
    )
    SELECT id::text FROM claim`;
  if (claimed.length === 0) {
    const [batch] = await db.$queryRaw<Array<{ status: string }>>`SELECT status FROM import_batches WHERE id = ${batchId}::uuid`;
    throw batch?.status === 'COMMITTED' ? alreadyCommitted() : batchBusy();
  }
  const renew = setInterval(() => {
    void db.$executeRaw`UPDATE import_batches SET run_seen_at = now() WHERE id = ${batchId}::uuid AND run_id = ${runId}::uuid`.catch(() => {
      // A renewal that fails (the database away for a moment) is tried again at the next tick.
    });
  }, options.renewEveryMs ?? RENEW_EVERY_MS);
  renew.unref();
  return {
    batchId,
    runId,
    release: async (lastRun) => {
      clearInterval(renew);
      const released = await db.$executeRaw`
        UPDATE import_batches SET last_run = ${JSON.stringify(lastRun)}::jsonb, run_id = NULL, run_seen_at = NULL
        WHERE id = ${batchId}::uuid AND run_id = ${runId}::uuid`;
      return released === 1;
    },
  };
}

/** Whether a live run holds the batch (a stale claim is a crashed run's: nothing runs). */
export function runningNow(batch: { runId: string | null; runSeenAt: Date | null }, now: Date = new Date()): boolean {
  return batch.runId !== null && batch.runSeenAt !== null && now.getTime() - batch.runSeenAt.getTime() < STALE_AFTER_MS;
}
