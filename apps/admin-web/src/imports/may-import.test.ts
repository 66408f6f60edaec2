import { ACCOUNT_ROLES, type AccountRole } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../session/session';
import { visibleMenuItems } from '../shell/menu';
import { mayImport } from './may-import';

/**
 * "Nhập từ Excel" is offered to the roles the server lets import (#14): the menu item and the
 * list pages' button follow `me.permissions.canWrite` — the server's own `canWrite`, the check of
 * `POST /imports` (packages/schema/src/import/who-imports.test.ts holds the two equal for every
 * role) — never a list of roles kept here. Over every role of the domain, with the permissions
 * the server sends for it as API.md's table of roles states them (written here by hand).
 */
const PERMISSIONS: Record<AccountRole, SessionUser['permissions']> = {
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
/** Who may import, by API.md: the staff who keep the records (administrators, district and ward staff). */
const IMPORTS: Record<AccountRole, boolean> = {
  SYSTEM_ADMIN: true,
  DISTRICT_STAFF: true,
  WARD_STAFF: true,
  ANALYST: false,
  VIEWER: false,
};

describe('the import entry, for every role', () => {
  it.each(ACCOUNT_ROLES.map((role) => [role] as const))('%s: the menu shows "Nhập từ Excel" exactly when the role may import', (role) => {
    const permissions = PERMISSIONS[role];
    expect(mayImport(permissions)).toBe(IMPORTS[role]);
    const item = visibleMenuItems(permissions).find((i) => i.path === 'imports');
    if (IMPORTS[role]) expect(item?.label).toEqual({ vi: 'Nhập từ Excel', en: 'Import from Excel' });
    else expect(item).toBeUndefined();
  });

  it('read-only roles keep every other section the menu showed them', () => {
    const writer = visibleMenuItems({ ...PERMISSIONS.ANALYST, canWrite: true }).map((i) => i.path);
    const reader = visibleMenuItems(PERMISSIONS.ANALYST).map((i) => i.path);
    expect(reader).toEqual(writer.filter((p) => p !== 'imports'));
  });
});
