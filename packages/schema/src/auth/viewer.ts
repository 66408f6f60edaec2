import { type AccountRole, isTerritorialRole } from '@coso/domain';
import type { CredentialProblem } from './credentials.js';

/** Who is asking, decided once per request by the gateway from the session token. */
export { ACCOUNT_ROLES, type AccountRole } from '@coso/domain';

export interface AccountViewer {
  kind: 'account';
  accountId: string;
  username: string;
  displayName: string;
  role: AccountRole;
  /** District or ward the account is bound to (district and ward staff only). */
  scopeUnitId: string | null;
  /** Staff of a party organisation: may see party membership. */
  partyOrganisation: boolean;
  sessionId: string;
}

export type Viewer =
  /** No session; `credential` says why (none sent, or one that opens no session), for the sign-in error. */
  | { kind: 'anonymous'; credential?: CredentialProblem }
  /** The platform itself: CLI, seeding, tests of the data layer. Never reachable over HTTP. */
  | { kind: 'system' }
  | AccountViewer;

export function isSignedIn(v: Viewer): boolean {
  return v.kind !== 'anonymous';
}

export function isAdmin(v: Viewer): boolean {
  return v.kind === 'system' || (v.kind === 'account' && v.role === 'SYSTEM_ADMIN');
}

/** District and ward staff write within their territory; admins everywhere; others never. */
export function canWrite(v: Viewer): boolean {
  return isAdmin(v) || (v.kind === 'account' && isTerritorialRole(v.role));
}

/**
 * May download a kind's import template — empty (`GET /imports/templates`), or filled with the
 * kind's records as it reads them (`GET /exports/templates`, masked and scoped like its lists):
 * every signed-in account, whether or not it may import (`canWrite`). Both routes ask this, and
 * `me.permissions.downloadsTemplates` sends it to the web app.
 */
export function mayDownloadTemplates(v: Viewer): v is AccountViewer {
  return v.kind === 'account';
}

/** Bound to a territory: reads and writes are limited to it. */
export function isTerritorial(v: Viewer): v is AccountViewer {
  return v.kind === 'account' && isTerritorialRole(v.role) && v.scopeUnitId !== null;
}

/** Citizen IDs and phones unmasked: roles whose work needs them (staff who keep the records). */
export function seesPersonalData(v: Viewer): boolean {
  return canWrite(v);
}

/** Party membership (sensitive: political opinion) only for party-organisation staff and admins. */
export function seesPartyData(v: Viewer): boolean {
  return isAdmin(v) || (v.kind === 'account' && v.partyOrganisation && (v.role === 'DISTRICT_STAFF' || v.role === 'WARD_STAFF'));
}

export function actorName(v: Viewer): string {
  return v.kind === 'account' ? v.username : v.kind;
}
