import { todayInVietnam } from '@coso/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Tx, Writer } from '../store/transaction.js';
import { wardsFindingKeys } from './sql-findings.js';
import { touchedWards } from './touched-wards.js';

/**
 * A finding that disappears because the data was fixed closes itself, with the change that fixed
 * it (issue #15). Done at write time, inside the writing transaction, so it is exact: after the
 * write, the findings of the wards it touched (`touched-wards.ts`) that have open work are computed
 * as of the writer's day, in one statement; an open item whose finding is gone was fixed by this
 * transaction if its finding was there just before the write (its audit entries share its
 * transaction id, recorded on the item). A ward the write did not touch cannot have a finding
 * fixed by it, so it is not computed. An item already gone before the write ended with the date (a
 * recorded end came), not by a change: it closes with no transaction. Reads say the same in the
 * meantime (use-cases/finding-work.ts shows an open item whose finding is gone as resolved).
 *
 * "Just before the write" is read from the transaction's own starting snapshot
 * (`pg_export_snapshot`, imported by a short read-only transaction), only for the wards where work
 * is to close — seldom, and never computed when nothing closes.
 */
export async function closingFixedFindings<T>(
  prisma: PrismaClient,
  tx: Tx,
  operation: string,
  writer: Writer,
  work: () => Promise<T>,
): Promise<T> {
  const anyOpen = await tx.findingWork.findFirst({ where: { state: 'OPEN' }, select: { id: true } });
  if (!anyOpen) return work();
  const [exported] = await tx.$queryRaw<Array<{ snapshot: string }>>`SELECT pg_export_snapshot() AS snapshot`;
  const result = await work();
  const touched = await touchedWards(tx);
  if (touched.length === 0) return result;
  const open = await tx.findingWork.findMany({
    where: { state: 'OPEN', wardId: { in: touched } },
    select: { id: true, findingKey: true, wardId: true },
  });
  if (open.length === 0) return result;
  const today = writer.today ?? todayInVietnam();
  const after = await wardsFindingKeys(tx as PrismaClient, [...new Set(open.map((w) => w.wardId))], today);
  const gone = open.filter((w) => after.get(w.wardId)?.has(w.findingKey) === false);
  if (gone.length === 0) return result;
  const before = await findingKeysBefore(prisma, exported?.snapshot ?? '', [...new Set(gone.map((w) => w.wardId))], today);
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
  return result;
}

/**
 * The wards' finding keys as the database stood when the writing transaction exported `snapshot`
 * (before its write): a read-only transaction on another connection adopts that snapshot.
 */
async function findingKeysBefore(prisma: PrismaClient, snapshot: string, wardIds: string[], on: string): Promise<Map<string, Set<string>>> {
  // A snapshot id is hex words and dashes; it is spliced (SET takes no parameter), so it is checked.
  if (!/^[0-9A-F]+(-[0-9A-F]+)+$/i.test(snapshot)) throw new Error(`not a snapshot id: ${snapshot}`);
  return prisma.$transaction(
    async (before) => {
      await before.$executeRawUnsafe(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
      return wardsFindingKeys(before as PrismaClient, wardIds, on);
    },
    { isolationLevel: 'RepeatableRead', timeout: 60_000, maxWait: 10_000 },
  );
}
