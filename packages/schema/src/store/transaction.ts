import type { Violation } from '@coso/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { closingFixedFindings } from '../report/finding-closure.js';
import { constraintViolation } from './constraint-rules.js';
import { ValidationError } from './write-errors.js';

/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Who writes, for the audit trail. The database records every changed row itself (a trigger on
 * each record table, migration audit_by_trigger); a transaction only names its writer and the
 * operation, once, before any write.
 */
export interface Writer {
  actor: string;
  accountId: string | null;
  requestId: string | null;
  /** Told, after the commit, which entity types the transaction changed (access decisions refresh). */
  changed?: (entityTypes: readonly string[]) => void;
  /** The writer's day (Vietnam), which findings closed by the write are computed on; default today. */
  today?: string;
  /**
   * Asked before the commit with every record the transaction changed (its audit entries): any
   * violation refuses the whole write (auth/read-back.ts: no write its author cannot read).
   */
  readsBack?: (tx: Tx, changed: ReadonlyArray<{ entityType: string; entityId: string }>) => Promise<Violation[]>;
}

/** The platform itself (seed, migrations' data, maintenance): recorded as 'system'. */
export const SYSTEM_WRITER: Writer = { actor: 'system', accountId: null, requestId: null };

/** Names the transaction's writer for the audit triggers (transaction-local settings). */
export async function stampWriter(tx: Tx, writer: Writer, operation: string): Promise<void> {
  await tx.$queryRaw`SELECT set_config('coso.actor', ${writer.actor}, true), set_config('coso.account_id', ${writer.accountId ?? ''}, true),
    set_config('coso.request_id', ${writer.requestId ?? ''}, true), set_config('coso.operation', ${operation}, true)`;
}

/**
 * Runs a write in one transaction under the writer's name. A constraint the database enforces
 * (exclusion on periods, uniqueness, the rules' triggers) becomes a typed ValidationError with the
 * rule code it backs (store/constraint-rules.ts), never a 500.
 */
export async function writeTransaction<T>(
  prisma: PrismaClient,
  operation: string,
  writer: Writer,
  work: (tx: Tx) => Promise<T>,
  /** How long the transaction may run (a bulk import of thousands of rows runs for minutes); 60 s by default. */
  options: { timeout?: number } = {},
): Promise<T> {
  let changed: string[] = [];
  try {
    const result = await prisma.$transaction(
      async (tx) => {
        await stampWriter(tx, writer, operation);
        // Open findings the write fixes close in the same transaction (report/finding-closure.ts).
        const result = await closingFixedFindings(prisma, tx, operation, writer, () => work(tx));
        if (writer.readsBack) {
          const refused = await writer.readsBack(tx, await changedRecords(tx));
          if (refused.length) throw new ValidationError(refused);
        }
        if (writer.changed) changed = await changedTypes(tx);
        return result;
      },
      { timeout: options.timeout ?? 60_000, maxWait: 10_000 },
    );
    if (changed.length) writer.changed?.(changed);
    return result;
  } catch (error) {
    const violation = constraintViolation(error);
    if (violation) throw new ValidationError([violation]);
    throw error;
  }
}

/** The records this transaction changed, as its audit entries name them. */
export async function changedRecords(tx: Tx): Promise<Array<{ entityType: string; entityId: string }>> {
  const rows = await tx.$queryRaw<Array<{ entity_type: string; entity_id: string }>>`
    SELECT DISTINCT entity_type, entity_id FROM audit_entries WHERE transaction_id = txid_current()`;
  return rows.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id }));
}

/** The entity types this transaction changed, as its audit entries name them. */
async function changedTypes(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ entity_type: string }>>`
    SELECT DISTINCT entity_type FROM audit_entries WHERE transaction_id = txid_current()`;
  return rows.map((r) => r.entity_type);
}
