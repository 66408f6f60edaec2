import { ACCOUNT_ROLES, type AccountRole } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { visibleMenuItems } from '../shell/menu';
import { mayImport } from './may-import';
import { PERMISSIONS } from './test-support/role-permissions';

/**
 * "Nhập từ Excel" is offered to the roles the server lets import (#14): the menu item and the
 * list pages' button follow `me.permissions.canWrite` — the server's own `canWrite`, the check of
 * `POST /imports` (packages/schema/src/import/who-imports.test.ts holds the two equal for every
 * role) — never a list of roles kept here. Over every role of the domain, with the permissions
 * the server sends for it as API.md's table of roles states them (test-support/role-permissions.ts, written by hand).
 */
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
