import { ORGANIZATION_KIND_LABELS } from '@coso/domain';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routes } from '../app-routes';
import { LIST_ENTRIES } from '../lists/registry/list-registry';
import { menuItems, organizationSection, selectedMenuKey } from './menu';

/** Every path of the app's routes, nested paths joined (`units/:id`, `boards/:id/consolidate`, `:list`). */
function routePaths(list: readonly RouteObject[], prefix = ''): string[] {
  return list.flatMap((route) => {
    const path = route.path ? `${prefix}/${route.path}`.replace(/\/+/g, '/') : prefix;
    return [...(route.path ? [path] : []), ...routePaths(route.children ?? [], path)];
  });
}

/** An address each route answers: ids filled in, `:list` as every registry list. */
function addresses(path: string): string[] {
  if (path === '/:list') return LIST_ENTRIES.map((e) => `/${e.path}`);
  return [path.replace(/:id/g, encodeURIComponent('T3JnYW5pemF0aW9uOjE='))];
}

const SHELL_PAGES = routePaths(routes).filter((p) => p !== '/login' && p !== '/*');
const MENU = new Set(menuItems().map((item) => item.path));

/** The section a page belongs to, by hand: the section whose list leads to it. */
const EXPECTED: Record<string, string> = {
  '/dashboard': 'dashboard',
  '/units/:id': 'units',
  '/explorer': 'explorer',
  '/reorganisations/new': 'units',
  '/buildings/:id': 'buildings',
  '/boards': 'boards',
  '/boards/establish': 'boards',
  '/boards/:id/consolidate': 'boards',
  '/party-cells': 'party-cells',
  '/organizations': 'organizations',
  '/organizations/:id': 'organizations',
  '/people': 'people',
  '/people/new': 'people',
  '/people/:id': 'people',
  '/people/:id/edit': 'people',
  '/directive-report': 'directive-report',
  '/findings': 'findings',
  '/accounts': 'accounts',
  '/imports': 'imports',
  '/imports/:id': 'imports',
};

describe('the highlighted menu item', () => {
  it('is, on every route of the app, the section the page belongs to', () => {
    expect(SHELL_PAGES.length).toBeGreaterThan(10);
    for (const path of SHELL_PAGES) {
      for (const address of addresses(path)) {
        const expected = path === '/:list' ? address.slice(1) : EXPECTED[path];
        expect(expected, `${path} has a section in EXPECTED`).toBeDefined();
        expect(MENU.has(expected as string), `${expected} is a menu item`).toBe(true);
        expect(selectedMenuKey(address, null), address).toBe(expected);
      }
    }
  });

  it('is, on a body’s page, the list of its kind: a board under “Ban quản trị”, a party cell under its list', () => {
    for (const kind of Object.keys(ORGANIZATION_KIND_LABELS)) {
      const expected = kind === 'MANAGEMENT_BOARD' ? 'boards' : kind === 'PARTY_CELL' ? 'party-cells' : 'organizations';
      expect(selectedMenuKey('/organizations/T3JnOjE%3D', organizationSection(kind)), kind).toBe(expected);
    }
    expect(menuItems().find((item) => item.path === 'boards')?.label.vi).toBe('Ban quản trị');
  });

  it('is none on an address the app does not have', () => {
    expect(selectedMenuKey('/no-such-page', null)).toBeNull();
    expect(selectedMenuKey('/', null)).toBeNull();
  });
});
