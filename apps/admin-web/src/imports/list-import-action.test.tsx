import { ACCOUNT_ROLES, type AccountRole } from '@coso/domain';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/dictionary';
import { importMessages } from '../i18n/messages/imports';
import type { SessionUser } from '../session/session';
import { visibleMenuItems } from '../shell/menu';
import { ListImportActionView } from './import-from-excel-button';
import { listImportAction, mayDownloadTemplates } from './may-import';
import { PERMISSIONS } from './test-support/role-permissions';

/**
 * The template download follows the server's one rule (#14): an account that may import
 * (`me.permissions.canWrite`) sees the import entry; every signed-in account may download a kind's
 * template, empty or filled as it reads the kind's list (`me.permissions.downloadsTemplates`,
 * the check of `GET /imports/templates` and `GET /exports/templates`). So a reader's list offers
 * "Tải mẫu Excel", where it used to offer nothing. Over every role of the domain, with the
 * permissions the server sends for it as API.md's table of roles states them (test-support/role-permissions.ts, written by hand).
 */
/** What a list shows beside its title, by role (API.md: staff import; every role reads and so downloads templates). */
const SHOWN: Record<AccountRole, { label: string; testId: string }> = {
  SYSTEM_ADMIN: { label: 'Nhập từ Excel', testId: 'import-from-excel' },
  DISTRICT_STAFF: { label: 'Nhập từ Excel', testId: 'import-from-excel' },
  WARD_STAFF: { label: 'Nhập từ Excel', testId: 'import-from-excel' },
  ANALYST: { label: 'Tải mẫu Excel', testId: 'list-template' },
  VIEWER: { label: 'Tải mẫu Excel', testId: 'list-template' },
};

function rendered(permissions: SessionUser['permissions'], language: 'vi' | 'en' = 'vi'): string {
  const t = translator(language, [importMessages]);
  return renderToStaticMarkup(
    <MemoryRouter>
      <ListImportActionView action={listImportAction(permissions)} kind="people" t={t} language={language} />
    </MemoryRouter>,
  );
}

describe('the import entry and the template download beside a list, for every role', () => {
  it.each(ACCOUNT_ROLES.map((role) => [role] as const))('%s: the import entry to importers, the template to every other reader', (role) => {
    const html = rendered(PERMISSIONS[role]);
    expect(html).toContain(`data-testid="${SHOWN[role].testId}"`);
    expect(html).toContain(SHOWN[role].label);
    // One of the two, never both: an importer's template is on the import page.
    expect(html.includes('import-from-excel') && html.includes('list-template')).toBe(false);
    if (SHOWN[role].testId === 'import-from-excel') expect(html).toContain('href="/imports?kind=people"');
    // The import entry in the menu stays the importers' alone.
    expect(visibleMenuItems(PERMISSIONS[role]).some((i) => i.path === 'imports')).toBe(PERMISSIONS[role].canWrite);
  });

  it('follows the capability the server sends, not the role: an account the server lets download nothing sees nothing', () => {
    const none = { ...PERMISSIONS.VIEWER, downloadsTemplates: false };
    expect(mayDownloadTemplates(none)).toBe(false);
    expect(rendered(none)).toBe('');
    expect(rendered(PERMISSIONS.VIEWER, 'en')).toContain('Download the Excel template');
  });
});
