import type { Role as RoleValue } from '../generated/prisma/enums.js';
import { activeOnWhere } from '../store/db-dates.js';
import { organizationAtWhere } from '../store/organization-places.js';
import { asOfArg, resolveAsOf } from './as-of.js';
import { builder, readableAs, recordNode } from './builder.js';
import type { Context } from './context.js';
import { MassOrganization, OrganizationKind, Role, SortDirection } from './enums.js';
import { DateRange, dateRangeWhere, enumWhere, IdFilter, TextFilter, textWhere } from './filters.js';
import { dbId, dbIds } from './ids.js';
import { AdministrativeUnitRef } from './places.js';
import { partyFilter, references } from './references.js';
import { nonEmpty } from './selection.js';
import { relatedReadable, scoped, territoryWhere } from './territory-filters.js';
import { unitWithinWhere } from './unit-within.js';

export const OrganizationRef = recordNode('Organization', {
  authScopes: readableAs('Organization'),
  description:
    'Tổ chức / A body: party committee or cell, People’s Committee, Fatherland Front, mass-organisation branch, group leadership, management board. Its period is its life.',
  id: { field: 'id' },
  fields: (t) => ({
    kind: t.expose('kind', { type: OrganizationKind }),
    name: t.exposeString('name'),
    massOrganization: t.expose('massOrganization', { type: MassOrganization, nullable: true }),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
    building: t.relation('building', { nullable: true, description: 'For a management board: the building it manages.' }),
    complex: t.relation('complex', { nullable: true, description: 'For a management board: the complex it manages.' }),
    terms: t.relation('boardTerms', {
      description: 'Nhiệm kỳ / Terms of a management board, oldest first.',
      query: { orderBy: { termNumber: 'asc' } },
    }),
    changes: t.relation('boardChanges', {
      description: 'Thành lập, kiện toàn / Establishment and consolidations of a board.',
      query: { orderBy: { on: 'asc' } },
    }),
    posts: t.relation('posts'),
  }),
});

builder.prismaObjectFields(OrganizationRef, (t) => ({
  parent: t.field({
    type: OrganizationRef,
    nullable: true,
    description: 'Tổ chức cấp trên / The body this one is a sub-organisation of, on the date.',
    args: { asOf: asOfArg(t.arg) },
    select: (args, ctx, nested) => ({
      parentLinks: { where: activeOnWhere(resolveAsOf(args.asOf, ctx)), take: 1, select: { parent: nonEmpty(nested(true)) } },
    }),
    resolve: (o) => o.parentLinks[0]?.parent ?? null,
  }),
  subOrganizations: t.field({
    type: [OrganizationRef],
    description: 'Tổ chức trực thuộc / Sub-organisations alive on the date (a ward committee’s cells).',
    args: {
      asOf: asOfArg(t.arg),
      kind: t.arg({ type: OrganizationKind, required: false, extensions: partyFilter({ kind: 'bodyKind', bodiesOnly: true }) }),
    },
    select: (args, ctx, nested) => {
      const asOf = resolveAsOf(args.asOf, ctx);
      return {
        childLinks: {
          // Only the sub-organisations the viewer may read (a ward officer reading the district committee
          // named on a directive sees its own cells), never a refusal of the whole list.
          where: {
            ...activeOnWhere(asOf),
            organization: { AND: [activeOnWhere(asOf), args.kind ? { kind: args.kind } : {}, territoryWhere(ctx, 'Organization')] },
          },
          orderBy: { organization: { name: 'asc' as const } },
          select: { organization: nonEmpty(nested(true)) },
        },
      };
    },
    resolve: (o) => o.childLinks.map((l) => l.organization),
  }),
  areas: t.field({
    type: [AdministrativeUnitRef],
    description: 'Địa bàn phụ trách / Places the body serves on the date.',
    args: { asOf: asOfArg(t.arg) },
    // A body may serve places in several territories: only the places the viewer may read.
    select: (args, ctx, nested) => ({
      areas: {
        where: { ...activeOnWhere(resolveAsOf(args.asOf, ctx)), unit: territoryWhere(ctx, 'AdministrativeUnit') },
        select: { unit: nonEmpty(nested(true)) },
      },
    }),
    resolve: (o) => o.areas.map((a) => a.unit),
  }),
  members: t.relatedConnection('memberships', {
    cursor: 'id',
    totalCount: true,
    description: 'Thành viên / Memberships active on the date (a person may hold several roles).',
    args: { asOf: asOfArg(t.arg), role: t.arg({ type: Role, required: false }) },
    query: (args, ctx) => membersQuery(ctx, resolveAsOf(args.asOf, ctx), args.role),
  }),
  partyMembers: t.relatedConnection('partyMembers', {
    cursor: 'id',
    totalCount: true,
    nullable: true,
    // Whose party cell someone is in reveals their membership: party-organisation roles only (null and FORBIDDEN for others).
    authScopes: { partyData: true },
    description: 'Đảng viên sinh hoạt tại chi bộ / The party members whose home cell this is, on the date. Party-organisation roles only.',
    args: { asOf: asOfArg(t.arg) },
    query: (args, ctx) => ({
      where: { ...activeOnWhere(resolveAsOf(args.asOf, ctx)), ...territoryWhere(ctx, 'PartyMembership') },
      orderBy: [{ person: { fullName: 'asc' as const } }, { id: 'asc' as const }],
    }),
  }),
}));

builder.prismaObjectFields(AdministrativeUnitRef, (t) => ({
  organizations: t.field({
    type: [OrganizationRef],
    description: 'Tổ chức phụ trách địa bàn / Bodies serving this place on the date (its party cell, board, branches…).',
    args: {
      asOf: asOfArg(t.arg),
      kind: t.arg({ type: OrganizationKind, required: false, extensions: partyFilter({ kind: 'bodyKind', bodiesOnly: true }) }),
    },
    select: (args, ctx, nested) => {
      const asOf = resolveAsOf(args.asOf, ctx);
      return {
        organizationAreas: {
          where: {
            ...activeOnWhere(asOf),
            organization: { ...activeOnWhere(asOf), ...(args.kind ? { kind: args.kind } : {}), ...territoryWhere(ctx, 'Organization') },
          },
          orderBy: { organization: { name: 'asc' as const } },
          select: { organization: nonEmpty(nested(true)) },
        },
      };
    },
    resolve: (u) => u.organizationAreas.map((a) => a.organization),
  }),
}));

export const OrganizationParentRef = recordNode('OrganizationParent', {
  authScopes: readableAs('OrganizationParent'),
  description: 'Quan hệ trực thuộc giữa hai tổ chức trong một thời kỳ / A body being a sub-organisation of another for a period.',
  id: { field: 'id' },
  fields: (t) => ({
    organization: t.relation('organization'),
    parent: t.relation('parent'),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
  }),
});

export const OrganizationAreaRef = recordNode('OrganizationArea', {
  authScopes: readableAs('OrganizationArea'),
  description: 'Địa bàn phụ trách trong một thời kỳ / A place a body serves, for a period.',
  id: { field: 'id' },
  fields: (t) => ({
    organization: t.relation('organization'),
    unit: t.relation('unit'),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
  }),
});

const OrganizationFilter = builder.inputType('OrganizationFilter', {
  fields: (t) => ({
    kind: t.field({ type: OrganizationKind, required: false, extensions: partyFilter({ kind: 'bodyKind', bodiesOnly: true }) }),
    kindIn: t.field({ type: [OrganizationKind], required: false, extensions: partyFilter({ kind: 'bodyKind', bodiesOnly: true }) }),
    name: t.field({ type: TextFilter, required: false }),
    id: t.field({ type: IdFilter, required: false, extensions: references('Organization', { bodiesOnly: true }) }),
    servesUnitId: t.id({
      required: false,
      description: 'Bodies serving this place (directly) on the as-of date.',
      extensions: references('AdministrativeUnit'),
    }),
    withinUnitId: t.id({
      required: false,
      description: 'Bodies serving this place or any place up to three levels below it, on the as-of date.',
      extensions: references('AdministrativeUnit'),
    }),
    parentId: t.id({
      required: false,
      description: 'Sub-organisations of this body on the as-of date (public bodies, a party committee’s cells too).',
      extensions: references('Organization', { bodiesOnly: true }),
    }),
    validFrom: t.field({ type: DateRange, required: false }),
  }),
});

const OrganizationOrderField = builder.enumType('OrganizationOrderField', { values: ['NAME', 'KIND', 'VALID_FROM'] as const });
const OrganizationOrder = builder.inputType('OrganizationOrder', {
  fields: (t) => ({
    field: t.field({ type: OrganizationOrderField, required: true }),
    direction: t.field({ type: SortDirection, required: false, defaultValue: 'ASC' }),
  }),
});
const ORG_ORDER = { NAME: 'name', KIND: 'kind', VALID_FROM: 'validFrom' } as const;

type OrgFilterValue = typeof OrganizationFilter.$inferInput;

export { unitWithinWhere };

function organizationWhere(f: OrgFilterValue | null | undefined, asOf: string) {
  const and: Record<string, unknown>[] = [activeOnWhere(asOf)];
  if (f) {
    and.push(...enumWhere(f.kind, f.kindIn, 'kind'));
    and.push(...textWhere(f.name, 'name', 'nameSearch'));
    if (f.id?.equals) and.push({ id: dbId(f.id.equals, 'Organization') });
    if (f.id?.in) and.push({ id: { in: dbIds(f.id.in, 'Organization') } });
    if (f.servesUnitId) and.push(organizationAtWhere({ id: dbId(f.servesUnitId, 'AdministrativeUnit') }, asOf));
    if (f.withinUnitId) and.push(organizationAtWhere(unitWithinWhere(dbId(f.withinUnitId, 'AdministrativeUnit'), asOf), asOf));
    if (f.parentId) and.push({ parentLinks: { some: { ...activeOnWhere(asOf), parentId: dbId(f.parentId, 'Organization') } } });
    and.push(...dateRangeWhere(f.validFrom, 'validFrom'));
  }
  return { AND: and };
}

builder.queryFields((t) => ({
  organizations: t.prismaConnection({
    type: 'Organization',
    cursor: 'id',
    description:
      'Tổ chức tồn tại vào ngày đã chọn / Bodies alive on the as-of date (party cells: filter kind PARTY_CELL; boards: MANAGEMENT_BOARD).',
    args: {
      asOf: asOfArg(t.arg),
      filter: t.arg({ type: OrganizationFilter, required: false }),
      orderBy: t.arg({ type: [OrganizationOrder], required: false }),
    },
    totalCount: (_p, args, ctx, info) =>
      ctx.prisma.organization.count({
        where: scoped(ctx, 'Organization', organizationWhere(args.filter, resolveAsOf(args.asOf, ctx, info))),
      }),
    resolve: (query, _p, args, ctx, info) =>
      ctx.prisma.organization.findMany({
        ...query,
        where: scoped(ctx, 'Organization', organizationWhere(args.filter, resolveAsOf(args.asOf, ctx, info))),
        orderBy: [
          ...(args.orderBy ?? [{ field: 'NAME' as const, direction: 'ASC' as const }]).map((o) => ({
            [ORG_ORDER[o.field]]: o.direction === 'DESC' ? 'desc' : 'asc',
          })),
          { id: 'asc' },
        ],
      }),
  }),
}));

/** A body's memberships on the date (of a role), those the viewer may read with their people: `members` and the compiled read. */
export function membersQuery(ctx: Context, asOf: string, role: string | null | undefined) {
  return {
    where: {
      ...activeOnWhere(asOf),
      ...(role ? { role: role as RoleValue } : {}),
      ...territoryWhere(ctx, 'Membership'),
      ...relatedReadable(ctx, 'Membership', 'person', 'Person'),
    },
    orderBy: [{ role: 'asc' as const }, { person: { fullName: 'asc' as const } }],
  };
}
