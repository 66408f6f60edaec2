import { personalBirthDate, personalText, personalValidFrom } from '../auth/personal-data.js';
import { activeOnWhere } from '../store/db-dates.js';
import { asOfArg, resolveAsOf } from './as-of.js';
import { bilingualError } from './bilingual-error.js';
import { unitWithinWhere } from './bodies.js';
import { builder, readableAs, recordNode } from './builder.js';
import type { Context } from './context.js';
import { OrganizationKind, PartyStatus, ResidenceContactCategory, Role, Sex, SortDirection } from './enums.js';
import { DateRange, dateRangeWhere, enumWhere, IdFilter, TextFilter, textWhere } from './filters.js';
import { dbId, dbIds } from './ids.js';
import { partyFilter, references } from './references.js';
import { scoped, territoryWhere } from './territory-filters.js';

export const PersonRef = recordNode('Person', {
  authScopes: readableAs('Person'),
  description: 'Người / A person. Citizen ID and phone are sensitive personal data.',
  id: { field: 'id' },
  fields: (t) => ({
    fullName: t.exposeString('fullName'),
    sex: t.expose('sex', { type: Sex }),
    birthYear: t.exposeInt('birthYear'),
    birthDate: t.field({
      type: 'Date',
      nullable: true,
      description:
        'Ngày sinh / Date of birth: personal data, null unless the role keeps the records (birthYear stays for everyone); each read is logged.',
      resolve: (p, _a, ctx) => personalBirthDate(ctx.access, p),
    }),
    citizenId: t.string({
      nullable: true,
      description:
        'Số định danh cá nhân (12 chữ số) / Citizen ID. Masked to its last 3 digits (*********345) unless the role keeps the records; each unmasked read is logged.',
      resolve: (p, _a, ctx) => personalText(ctx.access, p.id, 'citizenId', p.citizenId),
    }),
    phone: t.string({
      nullable: true,
      description:
        'Số di động / Mobile number, 0xxxxxxxxx. Masked to its last 3 digits (*******689) unless the role keeps the records; each unmasked read is logged.',
      resolve: (p, _a, ctx) => personalText(ctx.access, p.id, 'phone', p.phone),
    }),
    residenceUnit: t.relation('residenceUnit', {
      nullable: true,
      description: 'Nơi thường trú / The residential group of permanent residence.',
    }),
    validFrom: t.field({
      type: 'Date',
      description:
        'Bản ghi có hiệu lực từ / The record holds from this day: the date of birth when known, so for roles that see personal data masked it is given as 1 January of the birth year.',
      resolve: (p, _a, ctx) => personalValidFrom(ctx.access, p),
    }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
    memberships: t.relation('memberships', {
      description: 'Chức vụ / Posts held on the date (all of them when `all` is true).',
      args: { asOf: asOfArg(t.arg), all: t.arg.boolean({ required: false }) },
      query: (args, ctx) => ({
        where: { ...(args.all ? {} : activeOnWhere(resolveAsOf(args.asOf, ctx))), ...territoryWhere(ctx, 'Membership') },
        orderBy: { validFrom: 'asc' as const },
      }),
    }),
    partyMemberships: t.relation('partyMemberships', {
      description: 'Đảng tịch theo thời gian / Party membership over time. Party-organisation roles only.',
      nullable: true,
      authScopes: { partyData: true },
      // Party staff of a ward see the records of their ward's cells (a home cell elsewhere is not theirs).
      query: (_args, ctx) => ({ where: territoryWhere(ctx, 'PartyMembership'), orderBy: { validFrom: 'asc' as const } }),
    }),
    residenceContacts: t.relation('residenceContacts', {
      description: 'Sinh hoạt nơi cư trú (QĐ 213) / Regulation 213 residence contact over time. Party-organisation roles only.',
      nullable: true,
      authScopes: { partyData: true },
      query: (_args, ctx) => ({ where: territoryWhere(ctx, 'ResidenceContact'), orderBy: { validFrom: 'asc' as const } }),
    }),
  }),
});

export const MembershipRef = recordNode('Membership', {
  authScopes: readableAs('Membership'),
  description: 'Giữ chức vụ / A person holding a role in a body for a period (Popolo Membership).',
  id: { field: 'id' },
  fields: (t) => ({
    person: t.relation('person'),
    organization: t.relation('organization'),
    role: t.expose('role', { type: Role }),
    post: t.relation('post', { nullable: true }),
    building: t.relation('building', { nullable: true, description: 'On a complex’s board, the building a member represents.' }),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
  }),
});

export const PostRef = recordNode('Post', {
  authScopes: readableAs('Post'),
  description: 'Chức danh / A post in a body, whoever holds it.',
  id: { field: 'id' },
  fields: (t) => ({
    role: t.expose('role', { type: Role }),
    label: t.exposeString('label'),
    organization: t.relation('organization'),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
  }),
});

export const PartyMembershipRef = recordNode('PartyMembership', {
  authScopes: readableAs('PartyMembership'),
  description: 'Đảng tịch / Party membership for a period: status and home cell.',
  id: { field: 'id' },
  fields: (t) => ({
    person: t.relation('person'),
    status: t.expose('status', { type: PartyStatus }),
    homeCell: t.relation('homeCell'),
    admittedOn: t.expose('admittedOn', { type: 'Date', nullable: true }),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
  }),
});

export const ResidenceContactRef = recordNode('ResidenceContact', {
  authScopes: readableAs('ResidenceContact'),
  description: 'Đảng viên giữ mối liên hệ nơi cư trú (QĐ 213-QĐ/TW) / Regulation 213 residence contact.',
  id: { field: 'id' },
  fields: (t) => ({
    person: t.relation('person'),
    residenceCell: t.relation('residenceCell'),
    category: t.expose('category', { type: ResidenceContactCategory }),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
    reviews: t.relation('reviews', { query: { orderBy: { year: 'asc' } } }),
  }),
});

export const ResidenceContactReviewRef = recordNode('ResidenceContactReview', {
  authScopes: readableAs('ResidenceContactReview'),
  description: 'Nhận xét hằng năm của chi bộ nơi cư trú / The residence cell’s yearly comment on a Regulation 213 member.',
  id: { field: 'id' },
  fields: (t) => ({
    residenceContact: t.relation('residenceContact'),
    year: t.exposeInt('year'),
    reviewedOn: t.expose('reviewedOn', { type: 'Date' }),
    comment: t.exposeString('comment'),
    version: t.exposeInt('version'),
  }),
});

const PersonFilter = builder.inputType('PersonFilter', {
  fields: (t) => ({
    name: t.field({ type: TextFilter, required: false }),
    id: t.field({ type: IdFilter, required: false, extensions: references('Person') }),
    sex: t.field({ type: Sex, required: false }),
    birthYear: t.intList({ required: false }),
    residenceWithinUnitId: t.id({
      required: false,
      description: 'People residing in this place or below it.',
      extensions: references('AdministrativeUnit'),
    }),
    memberOfOrganizationId: t.id({
      required: false,
      description: 'People holding a post in this body on the as-of date. A party body: party-organisation roles only.',
      extensions: references('Organization'),
    }),
    partyStatus: t.field({
      type: PartyStatus,
      required: false,
      description: 'Party members of that status on the as-of date. Party-organisation roles only.',
      extensions: partyFilter({ kind: 'status' }),
    }),
    minPosts: t.int({
      required: false,
      description:
        'Người giữ từ N chức vụ / People holding at least this many posts (memberships) on the as-of date, among the posts the viewer may see (posts in party bodies: party-organisation roles only; the response says when some were left out).',
    }),
  }),
});

const PersonOrderField = builder.enumType('PersonOrderField', { values: ['NAME', 'BIRTH_YEAR'] as const });
const PersonOrder = builder.inputType('PersonOrder', {
  fields: (t) => ({
    field: t.field({ type: PersonOrderField, required: true }),
    direction: t.field({ type: SortDirection, required: false, defaultValue: 'ASC' }),
  }),
});
const PERSON_ORDER = { NAME: 'fullName', BIRTH_YEAR: 'birthYear' } as const;

export type PersonFilterValue = typeof PersonFilter.$inferInput;
export type PeopleOrderValue = ReadonlyArray<typeof PersonOrder.$inferInput> | null | undefined;

/** The order of `people`: the asked one (default: name), then the id. Shared with the compiled read. */
export function peopleOrder(orderBy: PeopleOrderValue) {
  return [
    ...(orderBy ?? [{ field: 'NAME' as const, direction: 'ASC' as const }]).map((o) => ({
      [PERSON_ORDER[o.field]]: o.direction === 'DESC' ? ('desc' as const) : ('asc' as const),
    })),
    { id: 'asc' as const },
  ];
}

/** The condition of `people` (before the viewer's territory and `minPosts`): shared with the compiled read. */
export function personWhere(f: PersonFilterValue | null | undefined, asOf: string) {
  const and: Record<string, unknown>[] = [activeOnWhere(asOf)];
  if (f) {
    and.push(...textWhere(f.name, 'fullName', 'nameSearch'));
    and.push(...enumWhere(f.sex, null, 'sex'));
    if (f.birthYear) and.push({ birthYear: { in: f.birthYear } });
    if (f.id?.equals) and.push({ id: dbId(f.id.equals, 'Person') });
    if (f.id?.in) and.push({ id: { in: dbIds(f.id.in, 'Person') } });
    if (f.residenceWithinUnitId) and.push({ residenceUnit: unitWithinWhere(dbId(f.residenceWithinUnitId, 'AdministrativeUnit'), asOf) });
    if (f.memberOfOrganizationId)
      and.push({ memberships: { some: { ...activeOnWhere(asOf), organizationId: dbId(f.memberOfOrganizationId, 'Organization') } } });
    if (f.partyStatus) and.push({ partyMemberships: { some: { ...activeOnWhere(asOf), status: f.partyStatus } } });
  }
  return { AND: and };
}

/** `personWhere` with `minPosts`: the people holding that many of the posts the viewer may see on the date (one grouped count). */
async function peopleWhere(ctx: Context, f: typeof PersonFilter.$inferInput | null | undefined, asOf: string) {
  const where = personWhere(f, asOf);
  if (f?.minPosts == null) return where;
  if (f.minPosts < 1 || f.minPosts > 100)
    throw bilingualError(
      'BAD_USER_INPUT',
      { vi: `"minPosts" phải từ 1 đến 100 (nhận ${f.minPosts}).`, en: `"minPosts" must be between 1 and 100 (got ${f.minPosts}).` },
      { argument: 'filter.minPosts', minimum: 1, maximum: 100 },
    );
  const holders = await ctx.prisma.membership.groupBy({
    by: ['personId'],
    where: { ...activeOnWhere(asOf), ...territoryWhere(ctx, 'Membership') },
    having: { personId: { _count: { gte: f.minPosts } } },
  });
  return { AND: [where, { id: { in: holders.map((h) => h.personId) } }] };
}

const MembershipFilter = builder.inputType('MembershipFilter', {
  fields: (t) => ({
    role: t.field({ type: Role, required: false }),
    roleIn: t.field({ type: [Role], required: false }),
    organizationId: t.id({
      required: false,
      description: 'A party body: party-organisation roles only.',
      extensions: references('Organization'),
    }),
    organizationKind: t.field({
      type: OrganizationKind,
      required: false,
      description: 'A party kind: party-organisation roles only.',
      extensions: partyFilter({ kind: 'bodyKind' }),
    }),
    personId: t.id({ required: false, extensions: references('Person') }),
    validFrom: t.field({ type: DateRange, required: false }),
  }),
});

function membershipWhere(f: typeof MembershipFilter.$inferInput | null | undefined, asOf: string) {
  const and: Record<string, unknown>[] = [activeOnWhere(asOf)];
  if (f) {
    and.push(...enumWhere(f.role, f.roleIn, 'role'));
    if (f.organizationId) and.push({ organizationId: dbId(f.organizationId, 'Organization') });
    if (f.organizationKind) and.push({ organization: { kind: f.organizationKind } });
    if (f.personId) and.push({ personId: dbId(f.personId, 'Person') });
    and.push(...dateRangeWhere(f.validFrom, 'validFrom'));
  }
  return { AND: and };
}

builder.queryFields((t) => ({
  people: t.prismaConnection({
    type: 'Person',
    cursor: 'id',
    description: 'Người / People whose record is current on the as-of date, names in Vietnamese order.',
    args: {
      asOf: asOfArg(t.arg),
      filter: t.arg({ type: PersonFilter, required: false }),
      orderBy: t.arg({ type: [PersonOrder], required: false }),
    },
    totalCount: async (_p, args, ctx, info) =>
      ctx.prisma.person.count({
        where: scoped(ctx, 'Person', await peopleWhere(ctx, args.filter, resolveAsOf(args.asOf, ctx, info))),
      }),
    resolve: async (query, _p, args, ctx, info) =>
      ctx.prisma.person.findMany({
        ...query,
        where: scoped(ctx, 'Person', await peopleWhere(ctx, args.filter, resolveAsOf(args.asOf, ctx, info))),
        orderBy: peopleOrder(args.orderBy),
      }),
  }),
  memberships: t.prismaConnection({
    type: 'Membership',
    cursor: 'id',
    description: 'Chức vụ đang giữ vào ngày đã chọn / Memberships active on the as-of date.',
    args: {
      asOf: asOfArg(t.arg),
      filter: t.arg({ type: MembershipFilter, required: false }),
    },
    totalCount: (_p, args, ctx, info) =>
      ctx.prisma.membership.count({ where: scoped(ctx, 'Membership', membershipWhere(args.filter, resolveAsOf(args.asOf, ctx, info))) }),
    resolve: (query, _p, args, ctx, info) =>
      ctx.prisma.membership.findMany({
        ...query,
        where: scoped(ctx, 'Membership', membershipWhere(args.filter, resolveAsOf(args.asOf, ctx, info))),
        orderBy: [{ validFrom: 'asc' }, { id: 'asc' }],
      }),
  }),
}));
