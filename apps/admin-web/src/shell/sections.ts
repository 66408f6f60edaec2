import type { BaseKey } from '../i18n/dictionary';

/** The app's sections, in menu order. */
export interface Section {
  path: string;
  label: BaseKey;
  /** Shown only to system administrators. */
  adminOnly?: boolean;
}

export const SECTIONS: readonly Section[] = [
  { path: 'dashboard', label: 'menu.dashboard' },
  { path: 'units', label: 'menu.units' },
  { path: 'explorer', label: 'menu.explorer' },
  { path: 'buildings', label: 'menu.buildings' },
  { path: 'boards', label: 'menu.boards' },
  { path: 'party-cells', label: 'menu.partyCells' },
  { path: 'organizations', label: 'menu.organizations' },
  { path: 'people', label: 'menu.people' },
  { path: 'directive-report', label: 'menu.directiveReport' },
  { path: 'findings', label: 'menu.findings' },
  { path: 'accounts', label: 'menu.accounts', adminOnly: true },
];

/** Where a signed-in user lands. */
export const HOME_PATH = '/dashboard';
