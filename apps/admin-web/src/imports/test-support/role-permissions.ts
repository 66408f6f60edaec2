import type { AccountRole } from '@coso/domain';
import type { SessionUser } from '../../session/session';

/**
 * The permissions the server sends for each role, as API.md's table of roles states them (written
 * here by hand, not taken from the server's code): the oracle of the import entry's and the
 * template download's tests.
 */
export const PERMISSIONS: Record<AccountRole, SessionUser['permissions']> = {
  SYSTEM_ADMIN: { admin: true, canWrite: true, downloadsTemplates: true, seesPartyData: true, seesPersonalData: true, territorial: false },
  DISTRICT_STAFF: {
    admin: false,
    canWrite: true,
    downloadsTemplates: true,
    seesPartyData: true,
    seesPersonalData: true,
    territorial: true,
  },
  WARD_STAFF: { admin: false, canWrite: true, downloadsTemplates: true, seesPartyData: true, seesPersonalData: true, territorial: true },
  ANALYST: { admin: false, canWrite: false, downloadsTemplates: true, seesPartyData: false, seesPersonalData: false, territorial: false },
  VIEWER: { admin: false, canWrite: false, downloadsTemplates: true, seesPartyData: false, seesPersonalData: false, territorial: false },
};
