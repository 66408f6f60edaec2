import type { AdministrativeUnit, Id } from '../model/places.js';
import type { ReportContext } from './context.js';
import { type Counted, countedAt, type FigureSpec } from './figure.js';

/** Residential groups in scope on `to` with at least one apartment building standing on `to`. */
function apartmentGroups(ctx: ReportContext): AdministrativeUnit[] {
  return ctx.scope.groups.filter((g) => ctx.idx.boards.buildingsInGroup(g.id, ctx.to).length > 0);
}

function groupCounted(ctx: ReportContext, group: AdministrativeUnit): Counted {
  return countedAt(ctx.unitRef(group), ctx.placeUnit(group.id));
}

export const residentialGroups: FigureSpec = {
  key: 'residentialGroups',
  label: { vi: 'Tổ dân phố', en: 'Residential groups' },
  byWardAdditive: true,
  definition: (p) => ({
    vi: `Số tổ dân phố (đơn vị hành chính loại tổ dân phố) thuộc phạm vi vào ngày ${p.vi.to}; mỗi tổ tính một lần, ở phường của tổ vào ngày đó.`,
    en: `Residential groups (administrative units of kind RESIDENTIAL_GROUP) within the scope on ${p.to}, each counted once, in its ward on that date.`,
  }),
  compute: (ctx) => ({ records: ctx.scope.groups.map((g) => groupCounted(ctx, g)) }),
};

export const wardsWithApartmentGroups: FigureSpec = {
  key: 'wardsWithApartmentGroups',
  label: { vi: 'Phường có tổ dân phố có nhà chung cư', en: 'Wards with residential groups that have apartment buildings' },
  byWardAdditive: true,
  definition: (p) => ({
    vi: `Số phường (xã) trong phạm vi vào ngày ${p.vi.to} có ít nhất một tổ dân phố có nhà chung cư (nhà chung cư tồn tại vào ngày đó). Mẫu số: số phường (xã) trong phạm vi vào ngày ${p.vi.to}.`,
    en: `Wards (communes) within the scope on ${p.to} with at least one residential group that has an apartment building standing on that date. Denominator: the wards (communes) within the scope on ${p.to}.`,
  }),
  compute: (ctx) => {
    const withGroups = new Set<Id>();
    for (const g of apartmentGroups(ctx)) {
      const placed = ctx.placeUnit(g.id);
      if (placed.kind === 'in' && placed.wardId !== undefined) withGroups.add(placed.wardId);
    }
    const wards = ctx.scope.wards.map((w) => ({ ref: ctx.unitRef(w), wardIds: [w.id] }));
    return { records: wards.filter((w) => withGroups.has(w.ref.id)), denominatorRecords: wards };
  },
};

export const apartmentGroupsWithCell: FigureSpec = {
  key: 'apartmentGroupsWithCell',
  label: { vi: 'Tổ dân phố có nhà chung cư đã có chi bộ', en: 'Residential groups with apartment buildings that have a party cell' },
  byWardAdditive: true,
  definition: (p) => ({
    vi: `Số tổ dân phố có nhà chung cư (ít nhất một nhà chung cư tồn tại vào ngày ${p.vi.to}) được một chi bộ phục vụ vào ngày ${p.vi.to}. Bản ghi là các tổ dân phố. Mẫu số: số tổ dân phố có nhà chung cư trong phạm vi vào ngày ${p.vi.to}.`,
    en: `Residential groups with an apartment building standing on ${p.to} that a party cell serves on ${p.to}. The records are the groups. Denominator: residential groups within the scope with an apartment building standing on ${p.to}.`,
  }),
  compute: (ctx) => {
    const groups = apartmentGroups(ctx);
    const withCell = groups.filter((g) => ctx.idx.bodies.servingUnit(g.id, ctx.to, 'PARTY_CELL').length > 0);
    return { records: withCell.map((g) => groupCounted(ctx, g)), denominatorRecords: groups.map((g) => groupCounted(ctx, g)) };
  },
};

export const apartmentGroupCells: FigureSpec = {
  key: 'apartmentGroupCells',
  label: { vi: 'Chi bộ ở tổ dân phố có nhà chung cư', en: 'Party cells of residential groups with apartment buildings' },
  byWardAdditive: false,
  definition: (p) => ({
    vi: `Số chi bộ khác nhau (tồn tại vào ngày ${p.vi.to}) phục vụ ít nhất một tổ dân phố có nhà chung cư trong phạm vi vào ngày ${p.vi.to}. Chi bộ phục vụ tổ dân phố ở hai phường được tính ở cả hai phường, nên số theo phường có thể cộng lại lớn hơn tổng.`,
    en: `Distinct party cells (alive on ${p.to}) serving at least one residential group within the scope that has an apartment building on ${p.to}. A cell serving groups in two wards counts in both wards, so ward values may add up to more than the total.`,
  }),
  compute: (ctx) => {
    const records: Counted[] = [];
    for (const g of apartmentGroups(ctx)) {
      const placed = ctx.placeUnit(g.id);
      for (const cell of ctx.idx.bodies.servingUnit(g.id, ctx.to, 'PARTY_CELL')) records.push(countedAt(ctx.organizationRef(cell), placed));
    }
    return { records };
  },
};

export const HIERARCHY_FIGURES: readonly FigureSpec[] = [
  residentialGroups,
  wardsWithApartmentGroups,
  apartmentGroupsWithCell,
  apartmentGroupCells,
];
