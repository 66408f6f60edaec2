import type { Prisma } from '../generated/prisma/client.js';
import type { ChangeSink } from '../store/transaction.js';
import { actorName, type Viewer } from './viewer.js';

/**
 * The audit trail: every change a mutation makes becomes an append-only entry (who, when,
 * operation, entity, before/after), written in the same transaction as the change, so a change
 * without its entry cannot commit. The table refuses UPDATE and DELETE (migration trigger).
 */
export function auditTrail(viewer: Viewer, requestId?: string): ChangeSink {
  return async (tx, changes) => {
    if (!changes.length) return;
    await tx.auditEntry.createMany({
      data: changes.map((c) => ({
        accountId: viewer.kind === 'account' ? viewer.accountId : null,
        actor: actorName(viewer),
        operation: c.operation,
        entityType: c.entityType,
        entityId: c.entityId,
        before: json(c.before),
        after: json(c.after),
        requestId: requestId ?? null,
      })),
    });
  };
}

/** Plain JSON for the jsonb columns (dates as ISO strings); secrets never reach the trail. */
function json(value: Record<string, unknown> | null): Prisma.InputJsonValue | undefined {
  if (value === null) return undefined;
  const { passwordHash: _p, password: _q, ...rest } = value;
  return JSON.parse(JSON.stringify(rest)) as Prisma.InputJsonValue;
}
