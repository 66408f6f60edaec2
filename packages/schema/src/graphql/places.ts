import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import type { AdministrativeUnit, Prisma } from '../generated/prisma/client.js';
import { activeOnWhere, fromDbDateOrNull, toDbDate } from '../store/db-dates.js';
import { asOfArg, resolveAsOf } from './as-of.js';
import { builder, readableAs, recordNode } from './builder.js';
import type { Context } from './context.js';
import { SortDirection, UnitKind } from './enums.js';
import { DateRange, dateRangeWhere, enumWhere, IdFilter, TextFilter, textWhere } from './filters.js';
import { dbId, dbIds } from './ids.js';
import { references } from './references.js';
import { nonEmpty } from './selection.js';
import { scoped, territoryWhere } from './territory-filters.js';
import { placeSearchWhere } from './text-search.js';
import { unitWithinWhere } from './unit-within.js';

const ANCESTOR_DEPTH = 6; // province → district → ward → group: 6 levels leave room for more

export const AdministrativeUnitRef = recordNode('AdministrativeUnit', {
  authScopes: readableAs('AdministrativeUnit'),
  description: 'Đơn vị hành chính / A place: province, district, ward, commune or residential group. Its period is its life.',
  id: { field: 'id' },
  fields: (t) => ({
    kind: t.expose('kind', { type: UnitKind }),
    name: t.exposeString('name'),
    kindLabel: t.exposeString('kindLabel', { nullable: true, description: 'e.g. "Phường", "Quận", "Thành phố".' }),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.field({ type: 'Date', nullable: true, resolve: (u) => fromDbDateOrNull(u.validTo) }),
    version: t.exposeInt('version', { description: 'Send it back with updates: a stale version is refused (optimistic concurrency).' }),
  }),
});

builder.prismaObjectFields(AdministrativeUnitRef, (t) => ({
  code: t.string({
    nullable: true,
    description: 'Mã đơn vị hành chính / The administrative code held on the date (codes are reused over time).',
    args: { asOf: asOfArg(t.arg) },
    select: (args, ctx) => ({ codes: { where: activeOnWhere(resolveAsOf(args.asOf, ctx)), take: 1, select: { code: true } } }),
    resolve: (u) => u.codes[0]?.code ?? null,
  }),
  codes: t.relation('codes', { description: 'Every code the unit held, with its period.', query: { orderBy: { validFrom: 'asc' } } }),
  parent: t.field({
    type: AdministrativeUnitRef,
    nullable: true,
    args: { asOf: asOfArg(t.arg) },
    select: (args, ctx, nestedSelection) => ({
      parentLinks: { where: activeOnWhere(resolveAsOf(args.asOf, ctx)), take: 1, select: { parent: nonEmpty(nestedSelection(true)) } },
    }),
    resolve: (u) => u.parentLinks[0]?.parent ?? null,
  }),
  formerParents: t.field({
    type: [AdministrativeUnitRef],
    description:
      'Cấp trên trước đây / The parents the unit had before its parent on the date, latest first (a group moved by mergers: its former wards), those the viewer may read: tells same-named places apart.',
    args: { asOf: asOfArg(t.arg) },
    select: (args, ctx, nestedSelection) => ({
      parentLinks: {
        where: { validFrom: { lte: toDbDate(resolveAsOf(args.asOf, ctx)) }, parent: territoryWhere(ctx, 'AdministrativeUnit') },
        orderBy: [{ validFrom: 'desc' as const }, { id: 'asc' as const }],
        take: FORMER_LINKS,
        select: { parentId: true, validTo: true, parent: nonEmpty(nestedSelection(true)) },
      },
    }),
    resolve: (u, args, ctx, info) => formerParentsOf(u.parentLinks, toDbDate(resolveAsOf(args.asOf, ctx, info))),
  }),
  ancestors: t.field({
    type: [AdministrativeUnitRef],
    description: 'Cấp trên / Parent, grandparent, … nearest first, as of the date.',
    args: { asOf: asOfArg(t.arg) },
    select: (args, ctx) => {
      // A fixed-depth nested selection: planned into the parent's query, however many units are listed.
      const where = activeOnWhere(resolveAsOf(args.asOf, ctx));
      let level: object = { where, take: 1, include: { parent: true } };
      for (let i = 1; i < ANCESTOR_DEPTH; i++) level = { where, take: 1, include: { parent: { include: { parentLinks: level } } } };
      return { parentLinks: level as { where: typeof where } };
    },
    resolve: (u) => {
      const out: AdministrativeUnit[] = [];
      let links = (u as unknown as AncestorRow).parentLinks;
      while (links?.[0]?.parent) {
        out.push(links[0].parent);
        links = links[0].parent.parentLinks;
      }
      return out;
    },
  }),
  children: t.connection(
    {
      type: AdministrativeUnitRef,
      description: 'Đơn vị trực thuộc / Units directly below, as of the date, in Vietnamese name order.',
      args: {
        asOf: asOfArg(t.arg),
        kind: t.arg({ type: UnitKind, required: false }),
      },
      select: (args, ctx, nestedSelection) => {
        const asOf = resolveAsOf(args.asOf, ctx);
        return {
          childLinks: { ...childHelpers.getQuery(args, ctx, nestedSelection), where: childLinksWhere(ctx, asOf, args.kind) },
          _count: { select: { childLinks: { where: childLinksWhere(ctx, asOf, args.kind) } } },
        };
      },
      resolve: (u, args, ctx) => ({ ...childHelpers.resolve(u.childLinks, args, ctx), totalCount: u._count.childLinks }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (r) => (r as unknown as { totalCount: number }).totalCount }) }) },
  ),
}));

/** A unit's links to its children on the date (of a kind), those the viewer may read: `children` and the compiled read (compiled-read/). */
export function childLinksWhere(ctx: Context, asOf: string, kind: string | null | undefined): Prisma.UnitParentWhereInput {
  return {
    ...activeOnWhere(asOf),
    unit: { ...activeOnWhere(asOf), ...(kind ? { kind: kind as UnitKindValue } : {}), ...territoryWhere(ctx, 'AdministrativeUnit') },
  };
}

type UnitKindValue = NonNullable<Prisma.AdministrativeUnitWhereInput['kind']> & string;

/** Links looked at for former parents: the one held on the date and those before it. */
const FORMER_LINKS = 8;

/**
 * The parents before the one held on `on`, latest first, each once: links started by then, latest
 * first; the first is the current one when it still holds. A link re-dated under the same parent
 * names no former parent.
 */
function formerParentsOf<P>(links: ReadonlyArray<{ parentId: string; validTo: Date | null; parent: P }>, on: Date): P[] {
  const [first] = links;
  const current = first && (first.validTo === null || first.validTo > on) ? first.parentId : null;
  const seen = new Set<string>(current ? [current] : []);
  const out: P[] = [];
  for (const link of links) {
    if (seen.has(link.parentId)) continue;
    seen.add(link.parentId);
    out.push(link.parent);
  }
  return out;
}

/** Rows of the nested ancestor selection (one parent link per level). */
interface AncestorRow {
  parentLinks?: Array<{ parent: AdministrativeUnit & AncestorRow }>;
}

export const CHILD_ORDER: Prisma.UnitParentOrderByWithRelationInput[] = [{ unit: { name: 'asc' } }, { id: 'asc' }];

const childHelpers = prismaConnectionHelpers(builder, 'UnitParent', {
  cursor: 'id',
  select: (nodeSelection) => ({ unit: nonEmpty(nodeSelection(true)) }),
  // The id breaks ties between namesakes (two "Tổ dân phố số 1" under one parent): a cursor needs a
  // total order. Prisma takes a list of orders; the helper's type names only one.
  query: () => ({ orderBy: CHILD_ORDER as unknown as Prisma.UnitParentOrderByWithRelationInput }),
  resolveNode: (link) => link.unit,
});

const UnitFilter = builder.inputType('UnitFilter', {
  fields: (t) => ({
    kind: t.field({ type: UnitKind, required: false }),
    kindIn: t.field({ type: [UnitKind], required: false }),
    name: t.field({
      type: TextFilter,
      required: false,
      description:
        'Tên / Name. `search` is a place search: words of the place’s own name, then optionally the start of the name of a ward, commune or district it lies or lay in ("tổ 5 giang biên"); a number matches whole numbers only ("5" finds "số 5", not "số 15").',
    }),
    id: t.field({ type: IdFilter, required: false, extensions: references('AdministrativeUnit') }),
    parentId: t.id({
      required: false,
      description: 'Units directly below this one on the as-of date.',
      extensions: references('AdministrativeUnit'),
    }),
    withinUnitId: t.id({
      required: false,
      description: 'That place or any place below it on the as-of date (a district: itself, its wards and their groups).',
      extensions: references('AdministrativeUnit'),
    }),
    validFrom: t.field({ type: DateRange, required: false }),
  }),
});

const UnitOrderField = builder.enumType('UnitOrderField', { values: ['NAME', 'KIND', 'VALID_FROM'] as const });
const UnitOrder = builder.inputType('UnitOrder', {
  fields: (t) => ({
    field: t.field({ type: UnitOrderField, required: true }),
    direction: t.field({ type: SortDirection, required: false, defaultValue: 'ASC' }),
  }),
});

const ORDER_COLUMN = { NAME: 'name', KIND: 'kind', VALID_FROM: 'validFrom' } as const;

builder.queryFields((t) => ({
  units: t.prismaConnection({
    type: AdministrativeUnitRef,
    cursor: 'id',
    description:
      'Đơn vị hành chính tồn tại vào ngày đã chọn / Units alive on the as-of date, filtered and ordered (names in Vietnamese order).',
    args: {
      asOf: asOfArg(t.arg),
      filter: t.arg({ type: UnitFilter, required: false }),
      orderBy: t.arg({ type: [UnitOrder], required: false }),
    },
    totalCount: (_parent, args, ctx, info) =>
      ctx.prisma.administrativeUnit.count({ where: scoped(ctx, 'AdministrativeUnit', unitWhere(args, resolveAsOf(args.asOf, ctx, info))) }),
    resolve: (query, _parent, args, ctx, info) =>
      ctx.prisma.administrativeUnit.findMany({
        ...query,
        where: scoped(ctx, 'AdministrativeUnit', unitWhere(args, resolveAsOf(args.asOf, ctx, info))),
        orderBy: unitsOrder(args.orderBy),
      }),
  }),
  unitByCode: t.prismaField({
    type: AdministrativeUnitRef,
    nullable: true,
    description:
      'Đơn vị mang mã này vào ngày đã chọn / The unit that held an administrative code on a date (00118: Ngọc Thụy before 2025-07-01, Bồ Đề after).',
    args: {
      code: t.arg.string({ required: true }),
      asOf: asOfArg(t.arg),
    },
    resolve: (query, _parent, args, ctx, info) =>
      ctx.prisma.administrativeUnit.findFirst({
        ...query,
        where: scoped(ctx, 'AdministrativeUnit', {
          codes: { some: { code: args.code, ...activeOnWhere(resolveAsOf(args.asOf, ctx, info)) } },
        }),
      }),
  }),
}));

/** The order of `units`: the asked one (default: name), then the id. */
export function unitsOrder(orderBy: ReadonlyArray<{ field: keyof typeof ORDER_COLUMN; direction?: string | null }> | null | undefined) {
  return [
    ...(orderBy ?? [{ field: 'NAME' as const, direction: 'ASC' }]).map((o) => ({
      [ORDER_COLUMN[o.field]]: o.direction === 'DESC' ? ('desc' as const) : ('asc' as const),
    })),
    { id: 'asc' as const },
  ];
}

/** The condition of `units` (before the viewer's territory): shared with the compiled read. */
export function unitWhere(
  args: {
    filter?: {
      kind?: string | null;
      kindIn?: string[] | null;
      name?: { equals?: string | null; in?: string[] | null; search?: string | null } | null;
      id?: { equals?: string | null; in?: string[] | null } | null;
      parentId?: string | null;
      withinUnitId?: string | null;
      validFrom?: { from?: string | null; to?: string | null } | null;
    } | null;
  },
  asOf: string,
) {
  const f = args.filter;
  const and: Record<string, unknown>[] = [activeOnWhere(asOf)];
  if (f) {
    and.push(...enumWhere(f.kind, f.kindIn, 'kind'));
    // A name's `search` is a place search: the place's words and those of the wards and districts it lies in.
    and.push(...textWhere(f.name ? { ...f.name, search: null } : null, 'name', 'nameSearch'));
    if (f.name?.search != null) and.push(...placeSearchWhere(f.name.search));
    if (f.id?.equals) and.push({ id: dbId(f.id.equals, 'AdministrativeUnit') });
    if (f.id?.in) and.push({ id: { in: dbIds(f.id.in, 'AdministrativeUnit') } });
    if (f.parentId) and.push({ parentLinks: { some: { parentId: dbId(f.parentId, 'AdministrativeUnit'), ...activeOnWhere(asOf) } } });
    if (f.withinUnitId) and.push(unitWithinWhere(dbId(f.withinUnitId, 'AdministrativeUnit'), asOf));
    and.push(...dateRangeWhere(f.validFrom, 'validFrom'));
  }
  return { AND: and };
}
