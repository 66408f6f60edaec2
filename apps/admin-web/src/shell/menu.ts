import type { ComponentType } from 'react';
import { translate } from '../i18n/dictionary';
import type { Words } from '../lists/registry/list-entry';
import { LIST_ENTRIES } from '../lists/registry/list-registry';
import type { SessionUser } from '../session/session';
import { SECTIONS, type Section } from './sections';

/** A menu item: its path (the route and the item's key), its label in both languages, its icon when the entry brings one. */
export interface MenuItem {
  path: string;
  label: Words;
  order: number;
  adminOnly: boolean;
  /** Shown only to users whose permissions it accepts (a section's `shownTo`). */
  shownTo?: Section['shownTo'];
  /** A registry list's icon; the other sections' icons are in section-icons.tsx. */
  icon?: ComponentType;
}

/** Every menu item, sections and registry lists together, in menu order. */
export function menuItems(): MenuItem[] {
  const sections = SECTIONS.map((s) => ({
    path: s.path,
    label: { vi: translate('vi', s.label), en: translate('en', s.label) },
    order: s.order,
    adminOnly: s.adminOnly ?? false,
    ...(s.shownTo ? { shownTo: s.shownTo } : {}),
  }));
  const lists = LIST_ENTRIES.map((e) => ({
    path: e.path,
    label: e.menu.label,
    order: e.menu.order,
    adminOnly: e.menu.adminOnly ?? false,
    icon: e.menu.icon,
  }));
  return [...sections, ...lists].sort((a, b) => a.order - b.order);
}

/** The menu a user sees, by the permissions the server sent: administrators' items only for them, a section's `shownTo` asked. */
export function visibleMenuItems(permissions: SessionUser['permissions']): MenuItem[] {
  return menuItems().filter((item) => (!item.adminOnly || permissions.admin) && (item.shownTo?.(permissions) ?? true));
}

/** Pages whose first path segment is no menu item, by that segment: the section they are part of. */
const SECTION_OF_SEGMENT: Readonly<Record<string, string>> = {
  // A reorganisation is started from an administrative unit.
  reorganisations: 'units',
};

/** The menu section a body's page belongs to: a board under "Ban quản trị", a party cell under "Chi bộ tổ dân phố". */
export function organizationSection(kind: string): string {
  if (kind === 'MANAGEMENT_BOARD') return 'boards';
  if (kind === 'PARTY_CELL') return 'party-cells';
  return 'organizations';
}

/**
 * The menu item to highlight on `pathname`: the section the page declared (a body's page knows
 * its kind once loaded), else the item its first segment names (a list, a record of that list, its
 * forms), else the section that segment's pages belong to; none on an unknown address.
 */
export function selectedMenuKey(pathname: string, declared: string | null): string | null {
  const known = new Set(menuItems().map((item) => item.path));
  if (declared && known.has(declared)) return declared;
  const segment = decodeURIComponent(pathname.split('/')[1] ?? '');
  if (known.has(segment)) return segment;
  return SECTION_OF_SEGMENT[segment] ?? null;
}
