import { describe, expect, it } from 'vitest';
import { menuItems, visibleMenuItems } from './menu';

/**
 * The menu as it was before lists moved onto the registry (sections.ts and core.ts of that time,
 * copied by hand): order, labels in both languages, and who sees each item.
 */
const MENU_BEFORE_THE_REGISTRY = [
  { path: 'dashboard', vi: 'Tổng quan', en: 'Overview' },
  { path: 'units', vi: 'Đơn vị hành chính', en: 'Administrative units' },
  { path: 'explorer', vi: 'Tra cứu địa bàn', en: 'Place explorer' },
  { path: 'buildings', vi: 'Nhà chung cư', en: 'Apartment buildings' },
  { path: 'boards', vi: 'Ban quản trị', en: 'Management boards' },
  { path: 'party-cells', vi: 'Chi bộ tổ dân phố', en: 'Party cells' },
  { path: 'organizations', vi: 'Tổ chức', en: 'Organisations' },
  { path: 'people', vi: 'Nhân sự', en: 'People' },
  { path: 'directive-report', vi: 'Báo cáo sơ kết', en: 'Review report' },
  { path: 'findings', vi: 'Tồn tại, hạn chế', en: 'Findings' },
  { path: 'accounts', vi: 'Tài khoản', en: 'Accounts', adminOnly: true },
];

const permissions = (admin: boolean) => ({
  admin,
  canWrite: true,
  downloadsTemplates: true,
  seesPartyData: admin,
  seesPersonalData: true,
  territorial: !admin,
});
const shown = (admin: boolean) => visibleMenuItems(permissions(admin)).map((item) => ({ path: item.path, ...item.label }));
/** The items of `menu` that existed before, in the order `menu` has them. */
const existing = (menu: ReturnType<typeof shown>) => menu.filter((item) => MENU_BEFORE_THE_REGISTRY.some((old) => old.path === item.path));

describe('the menu', () => {
  it('shows an administrator the existing sections in the same order, under the same words', () => {
    expect(existing(shown(true))).toEqual(MENU_BEFORE_THE_REGISTRY.map(({ path, vi, en }) => ({ path, vi, en })));
  });

  it('shows everyone else the same sections but the administrators’ ones', () => {
    expect(existing(shown(false))).toEqual(
      MENU_BEFORE_THE_REGISTRY.filter((old) => !old.adminOnly).map(({ path, vi, en }) => ({ path, vi, en })),
    );
  });

  it('has each path once', () => {
    const paths = menuItems().map((item) => item.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
