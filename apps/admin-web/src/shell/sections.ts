import type { BaseKey } from '../i18n/dictionary';
import { mayImport } from '../imports/may-import';
import type { SessionUser } from '../session/session';

/**
 * The app's sections that are not registry lists, in menu order. The lists of the registry
 * (lists/registry/list-registry.ts) join them by their `menu.order`: keep the gaps.
 */
export interface Section {
  path: string;
  label: BaseKey;
  /** Position in the menu, ascending. */
  order: number;
  /** Shown only to system administrators. */
  adminOnly?: boolean;
  /** Shown only to users these permissions (the server's, `me.permissions`) let use it. */
  shownTo?: (permissions: SessionUser['permissions']) => boolean;
}

export const SECTIONS: readonly Section[] = [
  { path: 'dashboard', label: 'menu.dashboard', order: 10 },
  { path: 'explorer', label: 'menu.explorer', order: 30 },
  { path: 'boards', label: 'menu.boards', order: 50 },
  { path: 'party-cells', label: 'menu.partyCells', order: 60 },
  { path: 'organizations', label: 'menu.organizations', order: 70 },
  { path: 'people', label: 'menu.people', order: 80 },
  { path: 'directive-report', label: 'menu.directiveReport', order: 90 },
  { path: 'findings', label: 'menu.findings', order: 100 },
  { path: 'imports', label: 'menu.imports', order: 105, shownTo: mayImport },
  { path: 'accounts', label: 'menu.accounts', order: 110, adminOnly: true },
];

/** Where a signed-in user lands. */
export const HOME_PATH = '/dashboard';
