import { findingKey, todayInVietnam } from '@coso/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Tx, Writer } from '../store/transaction.js';
import { sqlFindings } from './sql-findings.js';

/**
 * A finding that disappears because the data was fixed closes itself, with the change that fixed
 * it (issue #15). Done at write time, inside the writing transaction, so it is exact: the findings
 * of the wards with open work are computed as of the day before and after the write; an open item
 * present before and gone after was fixed by this transaction (its audit entries share its
 * transaction id, recorded on the item). An item already gone before the write ended with the date
 * (a recorded end came), not by a change: it closes with no transaction. Reads say the same in the
 * meantime (use-cases/finding-work.ts shows an open item whose finding is gone as resolved).
 */
export async function closingFixedFindings<T>(tx: Tx, operation: string, writer: Writer, work: () => Promise<T>): Promise<T> {
  const open = await tx.findingWork.findMany({ where: { state: 'OPEN' }, select: { id: true, findingKey: true, wardId: true } });
  if (open.length === 0) return work();
  const today = writer.today ?? todayInVietnam();
  const wards = [...new Set(open.map((w) => w.wardId))];
  const before = await presentFindingKeys(tx, wards, today);
  const result = await work();
  const after = await presentFindingKeys(tx, wards, today);
  const gone = open.filter((w) => after.get(w.wardId)?.has(w.findingKey) === false);
  if (gone.length > 0) {
    const [row] = await tx.$queryRaw<Array<{ txid: bigint }>>`SELECT txid_current()::bigint AS txid`;
    for (const w of gone) {
      const fixedHere = before.get(w.wardId)?.has(w.findingKey) === true;
      await tx.findingWork.update({
        where: { id: w.id },
        data: {
          state: 'RESOLVED',
          closedAutomatically: true,
          resolvedOn: new Date(`${today}T00:00:00Z`),
          resolvedBy: writer.actor,
          closedByTransactionId: fixedHere ? (row?.txid ?? null) : null,
          closedByOperation: fixedHere ? operation : null,
        },
      });
    }
  }
  return result;
}

/**
 * The keys of the findings in each ward on a day; a ward that does not exist on the day (merged
 * away) is left out: what became of its findings is unknown there, so nothing is closed.
 */
export async function presentFindingKeys(db: Tx | PrismaClient, wardIds: readonly string[], on: string): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const wardId of wardIds) {
    const r = await sqlFindings(db as PrismaClient, { scopeUnitId: wardId, on });
    if (r.ok) out.set(wardId, new Set(r.value.map(findingKey)));
  }
  return out;
}
