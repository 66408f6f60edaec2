import type { Writer } from '../store/transaction.js';
import type { Access } from './access.js';
import { readsBackNeeded, unreadableAfterWrite, unreadableWriteViolations } from './read-back.js';
import { actorName, type Viewer } from './viewer.js';

/**
 * The audit trail's writer for a request. The entries themselves are written by the database: each
 * record table's trigger adds one per changed row (who, when, operation, entity, before/after) in
 * the same transaction as the change, so a change without its entry cannot commit. The table
 * refuses UPDATE and DELETE (migration trigger). Secrets (password hashes) never reach the trail.
 */
export function requestWriter(viewer: Viewer, requestId: string | undefined, access: Access): Writer {
  return {
    actor: actorName(viewer),
    accountId: viewer.kind === 'account' ? viewer.accountId : null,
    requestId: requestId ?? null,
    // After a write the request's access decisions re-read what changed (a new ward, a new post).
    changed: (entityTypes) => access.noteChanges(entityTypes),
    // No write its author cannot read: refused before the commit (read-back.ts); not asked for those who read everything.
    ...(readsBackNeeded(access)
      ? { readsBack: async (tx, changed) => unreadableWriteViolations(await unreadableAfterWrite(tx, access, changed)) }
      : {}),
    today: access.today,
  };
}
