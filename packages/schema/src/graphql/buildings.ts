import { activeOnWhere } from '../store/db-dates.js';
import { asOfArg, resolveAsOf } from './as-of.js';
import { OrganizationRef, unitWithinWhere } from './bodies.js';
import { builder, readableAs, recordNode } from './builder.js';
import type { Context } from './context.js';
import { OwnershipKind, SortDirection } from './enums.js';
import { IdFilter, TextFilter, textWhere } from './filters.js';
import { dbId, dbIds } from './ids.js';
import { AdministrativeUnitRef } from './places.js';
import { references } from './references.js';
import { nonEmpty } from './selection.js';
import { scoped, territoryWhere } from './territory-filters.js';

export const ApartmentBuildingRef = recordNode('ApartmentBuilding', {
  authScopes: readableAs('ApartmentBuilding'),
  description: 'Nhà chung cư / An apartment building, located in one residential group.',
  id: { field: 'id' },
  fields: (t) => ({
    name: t.exposeString('name'),
    address: t.exposeString('address', { nullable: true }),
    residentialGroup: t.relation('residentialGroup'),
    complex: t.relation('complex', { nullable: true }),
    apartmentCount: t.exposeInt('apartmentCount'),
    blockCount: t.exposeInt('blockCount'),
    multipleOwners: t.exposeBoolean('multipleOwners'),
    handoverStartedOn: t.expose('handoverStartedOn', { type: 'Date', nullable: true }),
    halfHandedOverOn: t.expose('halfHandedOverOn', { type: 'Date', nullable: true }),
    firstConferenceOn: t.expose('firstConferenceOn', { type: 'Date', nullable: true }),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
    blocks: t.relation('blocks', { query: { orderBy: { name: 'asc' } } }),
    apartments: t.relation('apartments', {
      description:
        'Căn hộ của nhà / Every apartment of the building, whatever its block (or none: a single-block building), ordered by number. Each apartment, its owners and their personal data are protected as through `blocks`.',
      query: { orderBy: { number: 'asc' } },
    }),
  }),
});

builder.prismaObjectFields(ApartmentBuildingRef, (t) => ({
  board: t.field({
    type: OrganizationRef,
    nullable: true,
    description: 'Ban quản trị / The management board of this building on the date (a complex’s board is on the complex).',
    args: { asOf: asOfArg(t.arg) },
    select: (args, ctx, nested) => {
      const planned = nonEmpty(nested(true));
      return {
        boards: {
          ...(planned === true ? {} : planned),
          // The territory in the query: the board comes back proven readable (auth/read-marks.ts).
          where: boardWhere(ctx, resolveAsOf(args.asOf, ctx)),
          take: 1,
        },
      };
    },
    resolve: (b) => b.boards[0] ?? null,
  }),
}));

export const ApartmentComplexRef = recordNode('ApartmentComplex', {
  authScopes: readableAs('ApartmentComplex'),
  description: 'Cụm nhà chung cư / Several buildings managed together.',
  id: { field: 'id' },
  fields: (t) => ({
    name: t.exposeString('name'),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
    // A complex may span several groups (and wards): only the buildings the viewer may read.
    buildings: t.relation('buildings', {
      query: (_args, ctx) => ({ where: territoryWhere(ctx, 'ApartmentBuilding'), orderBy: { name: 'asc' as const } }),
    }),
    boards: t.relation('boards', {
      args: { asOf: asOfArg(t.arg) },
      query: (args, ctx) => ({ where: activeOnWhere(resolveAsOf(args.asOf, ctx)) }),
    }),
  }),
});

export const ApartmentOwnershipRef = recordNode('ApartmentOwnership', {
  authScopes: readableAs('ApartmentOwnership'),
  description: 'Sở hữu căn hộ / A person owning (or being the authorised user of) an apartment for a period.',
  id: { field: 'id' },
  fields: (t) => ({
    apartment: t.relation('apartment'),
    person: t.relation('person'),
    kind: t.expose('kind', { type: OwnershipKind }),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
  }),
});

builder.prismaObjectFields(AdministrativeUnitRef, (t) => ({
  buildings: t.relatedConnection('buildings', {
    cursor: 'id',
    totalCount: true,
    description: 'Nhà chung cư trong tổ dân phố / Buildings standing in this residential group on the date.',
    args: { asOf: asOfArg(t.arg) },
    // The territory in the query (a group's buildings are where the group is): no re-check per building.
    query: (args, ctx) => buildingsQuery(ctx, resolveAsOf(args.asOf, ctx)),
  }),
}));

/** A group's buildings on the date, those the viewer may read, in name order: `buildings` and the compiled read. */
export function buildingsQuery(ctx: Context, asOf: string) {
  return {
    where: { ...activeOnWhere(asOf), AND: [territoryWhere(ctx, 'ApartmentBuilding')] },
    orderBy: [{ name: 'asc' as const }, { id: 'asc' as const }],
  };
}

/** A building's management board on the date, when the viewer may read it: `board` and the compiled read. */
export function boardWhere(ctx: Context, asOf: string) {
  return { ...activeOnWhere(asOf), kind: 'MANAGEMENT_BOARD' as const, AND: [territoryWhere(ctx, 'Organization')] };
}

const BuildingFilter = builder.inputType('BuildingFilter', {
  fields: (t) => ({
    name: t.field({ type: TextFilter, required: false }),
    id: t.field({ type: IdFilter, required: false, extensions: references('ApartmentBuilding') }),
    withinUnitId: t.id({
      required: false,
      description: 'Buildings in this place or below it on the as-of date.',
      extensions: references('AdministrativeUnit'),
    }),
    hasBoard: t.boolean({ required: false, description: 'Buildings with (true) or without (false) a board on the as-of date.' }),
    minApartments: t.int({ required: false }),
  }),
});
const BuildingOrderField = builder.enumType('BuildingOrderField', { values: ['NAME', 'APARTMENT_COUNT'] as const });
const BuildingOrder = builder.inputType('BuildingOrder', {
  fields: (t) => ({
    field: t.field({ type: BuildingOrderField, required: true }),
    direction: t.field({ type: SortDirection, required: false, defaultValue: 'ASC' }),
  }),
});
const BUILDING_ORDER = { NAME: 'name', APARTMENT_COUNT: 'apartmentCount' } as const;

function buildingWhere(f: typeof BuildingFilter.$inferInput | null | undefined, asOf: string) {
  const and: Record<string, unknown>[] = [activeOnWhere(asOf)];
  if (f) {
    and.push(...textWhere(f.name, 'name', 'nameSearch'));
    if (f.id?.equals) and.push({ id: dbId(f.id.equals, 'ApartmentBuilding') });
    if (f.id?.in) and.push({ id: { in: dbIds(f.id.in, 'ApartmentBuilding') } });
    if (f.withinUnitId) and.push({ residentialGroup: unitWithinWhere(dbId(f.withinUnitId, 'AdministrativeUnit'), asOf) });
    if (f.minApartments != null) and.push({ apartmentCount: { gte: f.minApartments } });
    if (f.hasBoard != null) {
      const board = { some: { ...activeOnWhere(asOf), kind: 'MANAGEMENT_BOARD' } };
      and.push(
        f.hasBoard
          ? { OR: [{ boards: board }, { complex: { boards: board } }] }
          : { boards: { none: board.some }, OR: [{ complexId: null }, { complex: { boards: { none: board.some } } }] },
      );
    }
  }
  return { AND: and };
}

builder.queryFields((t) => ({
  buildings: t.prismaConnection({
    type: 'ApartmentBuilding',
    cursor: 'id',
    description: 'Nhà chung cư / Buildings standing on the as-of date.',
    args: {
      asOf: asOfArg(t.arg),
      filter: t.arg({ type: BuildingFilter, required: false }),
      orderBy: t.arg({ type: [BuildingOrder], required: false }),
    },
    totalCount: (_p, args, ctx, info) =>
      ctx.prisma.apartmentBuilding.count({
        where: scoped(ctx, 'ApartmentBuilding', buildingWhere(args.filter, resolveAsOf(args.asOf, ctx, info))),
      }),
    resolve: (query, _p, args, ctx, info) =>
      ctx.prisma.apartmentBuilding.findMany({
        ...query,
        where: scoped(ctx, 'ApartmentBuilding', buildingWhere(args.filter, resolveAsOf(args.asOf, ctx, info))),
        orderBy: [
          ...(args.orderBy ?? [{ field: 'NAME' as const, direction: 'ASC' as const }]).map((o) => ({
            [BUILDING_ORDER[o.field]]: o.direction === 'DESC' ? 'desc' : 'asc',
          })),
          { id: 'asc' },
        ],
      }),
  }),
}));
