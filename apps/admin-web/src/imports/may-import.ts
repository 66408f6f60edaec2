import type { SessionUser } from '../session/session';

/**
 * Whether the signed-in user may import: the server's own rule, sent as `me.permissions.canWrite`
 * (`canWrite` in packages/schema, which `POST /imports` checks) — the staff who keep the records.
 * The menu item, the import page and the lists' "Nhập từ Excel" all ask this, never a list of roles.
 */
export function mayImport(permissions: Pick<SessionUser['permissions'], 'canWrite'>): boolean {
  return permissions.canWrite;
}
