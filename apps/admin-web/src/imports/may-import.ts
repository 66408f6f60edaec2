import type { SessionUser } from '../session/session';

type Permissions = SessionUser['permissions'];

/**
 * Whether the signed-in user may import: the server's own rule, sent as `me.permissions.canWrite`
 * (`canWrite` in packages/schema, which `POST /imports` checks) — the staff who keep the records.
 * The menu item, the import page and the lists' "Nhập từ Excel" all ask this, never a list of roles.
 */
export function mayImport(permissions: Pick<Permissions, 'canWrite'>): boolean {
  return permissions.canWrite;
}

/**
 * Whether the signed-in user may download a kind's template — empty, or filled with the records as
 * they read them: the server's own rule, sent as `me.permissions.downloadsTemplates`
 * (`mayDownloadTemplates` in packages/schema, which `GET /imports/templates` and
 * `GET /exports/templates` check). Readers who may not import may still download it.
 */
export function mayDownloadTemplates(permissions: Pick<Permissions, 'downloadsTemplates'>): boolean {
  return permissions.downloadsTemplates;
}

/** What a list offers beside its title: the import entry to those who may import, else its template to those who may download it. */
export type ListImportAction = 'import' | 'template' | null;

export function listImportAction(permissions: Pick<Permissions, 'canWrite' | 'downloadsTemplates'>): ListImportAction {
  if (mayImport(permissions)) return 'import';
  return mayDownloadTemplates(permissions) ? 'template' : null;
}
