import type { AccountViewer } from '../auth/viewer.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { stableUuid } from '../store/stable-id.js';

/**
 * The viewer of a stored account, as the gateway would make it from a session (one per account:
 * its session id is stable). For tests and the in-process benches.
 */
export async function viewerOf(prisma: PrismaClient, username: string): Promise<AccountViewer> {
  const a = await prisma.account.findUniqueOrThrow({ where: { username } });
  return {
    kind: 'account',
    accountId: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    scopeUnitId: a.scopeUnitId,
    partyOrganisation: a.partyOrganisation,
    sessionId: stableUuid(`session-${username}`),
  };
}
