import type { ComponentType } from 'react';
import { translate } from '../i18n/dictionary';
import type { Words } from '../lists/registry/list-entry';
import { LIST_ENTRIES } from '../lists/registry/list-registry';
import { SECTIONS } from './sections';

/** A menu item: its path (the route and the item's key), its label in both languages, its icon when the entry brings one. */
export interface MenuItem {
  path: string;
  label: Words;
  order: number;
  adminOnly: boolean;
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

/** The menu a user sees: administrators' items only for them. */
export function visibleMenuItems(admin: boolean): MenuItem[] {
  return menuItems().filter((item) => !item.adminOnly || admin);
}
