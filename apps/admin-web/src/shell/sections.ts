import type { MessageKey } from '../i18n/dictionary';

/**
 * The app's sections, in menu order. `ready: false` sections route to the "coming soon" page
 * until they are built, so the shell is complete from the start.
 */
export interface Section {
  path: string;
  label: MessageKey;
  ready: boolean;
  /** Shown only to system administrators. */
  adminOnly?: boolean;
}

export const SECTIONS: readonly Section[] = [
  { path: 'dashboard', label: 'menu.dashboard', ready: false },
  { path: 'units', label: 'menu.units', ready: true },
  { path: 'explorer', label: 'menu.explorer', ready: false },
  { path: 'organizations', label: 'menu.organizations', ready: false },
  { path: 'people', label: 'menu.people', ready: false },
  { path: 'buildings', label: 'menu.buildings', ready: false },
  { path: 'directive-report', label: 'menu.directiveReport', ready: false },
  { path: 'findings', label: 'menu.findings', ready: false },
  { path: 'accounts', label: 'menu.accounts', ready: false, adminOnly: true },
];

/** Where a signed-in user lands. */
export const HOME_PATH = '/units';
