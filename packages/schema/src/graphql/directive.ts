import { asOfArg, resolveAsOf } from './as-of.js';
import { unitWithinWhere } from './bodies.js';
import { builder, NAMED_ON_PUBLIC_RECORD, readableAs, recordNode } from './builder.js';
import { CommendationKind, NominationOutcome, NomineeCategory, PetitionKind, ReviewKind, TrainingTopic } from './enums.js';
import { DateRange, dateRangeWhere, TextFilter, textWhere } from './filters.js';
import { dbId } from './ids.js';
import { references } from './references.js';
import { scoped } from './territory-filters.js';

export const DirectiveRef = recordNode('Directive', {
  authScopes: readableAs('Directive'),
  // A public document: the body that issued it and the place it covers are named on it, for
  // whoever reads it (their members, areas and other relations stay under their own rules).
  grantScopes: () => [NAMED_ON_PUBLIC_RECORD],
  description: 'Văn bản chỉ đạo / A party instruction, e.g. Thông tri 05-TT/QU (30/9/2021).',
  id: { field: 'id' },
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    issuedOn: t.expose('issuedOn', { type: 'Date' }),
    issuer: t.relation('issuer'),
    scopeUnit: t.relation('scopeUnit'),
    reviews: t.relation('reviews', { query: { orderBy: { heldOn: 'asc' } } }),
    version: t.exposeInt('version'),
  }),
});

export const ImplementationReviewRef = recordNode('ImplementationReview', {
  authScopes: readableAs('ImplementationReview'),
  grantScopes: () => [NAMED_ON_PUBLIC_RECORD],
  description: 'Hội nghị sơ kết / tổng kết / A review conference of a directive.',
  id: { field: 'id' },
  fields: (t) => ({
    directive: t.relation('directive'),
    kind: t.expose('kind', { type: ReviewKind }),
    heldOn: t.expose('heldOn', { type: 'Date' }),
    organizer: t.relation('organizer'),
    title: t.exposeString('title'),
    presentations: t.relation('presentations'),
    commendations: t.relation('commendations'),
    version: t.exposeInt('version'),
  }),
});

export const CommendationRef = recordNode('Commendation', {
  authScopes: readableAs('Commendation'),
  description: 'Khen thưởng / A commendation of a collective or an individual.',
  id: { field: 'id' },
  fields: (t) => ({
    directive: t.relation('directive'),
    review: t.relation('review', { nullable: true }),
    kind: t.expose('kind', { type: CommendationKind }),
    recipientOrganization: t.relation('recipientOrganization', { nullable: true }),
    recipientPerson: t.relation('recipientPerson', { nullable: true }),
    decidedOn: t.expose('decidedOn', { type: 'Date' }),
    decisionNumber: t.exposeString('decisionNumber', { nullable: true }),
    version: t.exposeInt('version'),
  }),
});

export const NominationRef = recordNode('Nomination', {
  authScopes: readableAs('Nomination'),
  description: 'Giới thiệu tham gia Ban quản trị / A party committee introducing someone to stand for a board.',
  id: { field: 'id' },
  fields: (t) => ({
    nominatingOrganization: t.relation('nominatingOrganization'),
    person: t.relation('person'),
    board: t.relation('board'),
    category: t.expose('category', { type: NomineeCategory }),
    nominatedOn: t.expose('nominatedOn', { type: 'Date' }),
    outcome: t.expose('outcome', { type: NominationOutcome }),
    directive: t.relation('directive', { nullable: true }),
    version: t.exposeInt('version'),
  }),
});

export const TrainingRef = recordNode('Training', {
  authScopes: readableAs('Training'),
  description: 'Tập huấn / A training course (fire prevention, rescue, building operation).',
  id: { field: 'id' },
  fields: (t) => ({
    title: t.exposeString('title'),
    topics: t.exposeStringList('topics', { description: 'TrainingTopic values.' }),
    heldOn: t.expose('heldOn', { type: 'Date' }),
    organizer: t.relation('organizer'),
    attendees: t.relatedConnection('attendances', { cursor: 'id', totalCount: true }),
    version: t.exposeInt('version'),
  }),
});

export const PetitionRef = recordNode('Petition', {
  authScopes: readableAs('Petition'),
  description: 'Đơn thư / A petition from residents, with its status history.',
  id: { field: 'id' },
  fields: (t) => ({
    kind: t.expose('kind', { type: PetitionKind }),
    subject: t.exposeString('subject'),
    receivedOn: t.expose('receivedOn', { type: 'Date' }),
    residentialGroup: t.relation('residentialGroup'),
    building: t.relation('building', { nullable: true }),
    statusChanges: t.relation('statusChanges', { query: { orderBy: { on: 'asc' } } }),
    version: t.exposeInt('version'),
  }),
});

const EventFilter = builder.inputType('DirectiveEventFilter', {
  description: 'Lọc sự kiện / Filter for directive records: a date range and a place (records in that place or below it).',
  fields: (t) => ({
    on: t.field({ type: DateRange, required: false }),
    withinUnitId: t.id({ required: false, extensions: references('AdministrativeUnit') }),
    directiveId: t.id({ required: false, extensions: references('Directive') }),
  }),
});

builder.queryFields((t) => ({
  directives: t.prismaConnection({
    type: 'Directive',
    cursor: 'id',
    args: { search: t.arg({ type: TextFilter, required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.directive.count({ where: { AND: textWhere(args.search, 'code') } }),
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.directive.findMany({
        ...query,
        where: { AND: textWhere(args.search, 'code') },
        orderBy: [{ issuedOn: 'desc' }, { id: 'asc' }],
      }),
  }),
  nominations: t.prismaConnection({
    type: 'Nomination',
    cursor: 'id',
    args: { filter: t.arg({ type: EventFilter, required: false }), category: t.arg({ type: NomineeCategory, required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.nomination.count({ where: scoped(ctx, 'Nomination', nominationWhere(args, ctx.today)) }),
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.nomination.findMany({
        ...query,
        where: scoped(ctx, 'Nomination', nominationWhere(args, ctx.today)),
        orderBy: [{ nominatedOn: 'asc' }, { id: 'asc' }],
      }),
  }),
  trainings: t.prismaConnection({
    type: 'Training',
    cursor: 'id',
    args: { on: t.arg({ type: DateRange, required: false }), topic: t.arg({ type: TrainingTopic, required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.training.count({ where: scoped(ctx, 'Training', trainingWhere(args)) }),
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.training.findMany({
        ...query,
        where: scoped(ctx, 'Training', trainingWhere(args)),
        orderBy: [{ heldOn: 'asc' }, { id: 'asc' }],
      }),
  }),
  petitions: t.prismaConnection({
    type: 'Petition',
    cursor: 'id',
    args: {
      asOf: asOfArg(t.arg),
      filter: t.arg({ type: EventFilter, required: false }),
      kind: t.arg({ type: PetitionKind, required: false }),
    },
    totalCount: (_p, args, ctx, info) =>
      ctx.prisma.petition.count({ where: scoped(ctx, 'Petition', petitionWhere(args, resolveAsOf(args.asOf, ctx, info))) }),
    resolve: (query, _p, args, ctx, info) =>
      ctx.prisma.petition.findMany({
        ...query,
        where: scoped(ctx, 'Petition', petitionWhere(args, resolveAsOf(args.asOf, ctx, info))),
        orderBy: [{ receivedOn: 'asc' }, { id: 'asc' }],
      }),
  }),
}));

type EventFilterValue = typeof EventFilter.$inferInput | null | undefined;

function nominationWhere(args: { filter?: EventFilterValue; category?: string | null }, today: string) {
  const f = args.filter;
  const and: Record<string, unknown>[] = [...dateRangeWhere(f?.on, 'nominatedOn')];
  if (args.category) and.push({ category: args.category });
  if (f?.directiveId) and.push({ directiveId: dbId(f.directiveId, 'Directive') });
  if (f?.withinUnitId) {
    const asOf = f.on?.to ?? today;
    and.push({
      board: {
        OR: [
          { building: { residentialGroup: unitWithinWhere(dbId(f.withinUnitId, 'AdministrativeUnit'), asOf) } },
          { complex: { buildings: { some: { residentialGroup: unitWithinWhere(dbId(f.withinUnitId, 'AdministrativeUnit'), asOf) } } } },
        ],
      },
    });
  }
  return { AND: and };
}

function trainingWhere(args: { on?: { from?: string | null; to?: string | null } | null; topic?: string | null }) {
  const and: Record<string, unknown>[] = [...dateRangeWhere(args.on, 'heldOn')];
  if (args.topic) and.push({ topics: { has: args.topic } });
  return { AND: and };
}

function petitionWhere(args: { filter?: EventFilterValue; kind?: string | null }, asOf: string) {
  const f = args.filter;
  const and: Record<string, unknown>[] = [...dateRangeWhere(f?.on, 'receivedOn')];
  if (args.kind) and.push({ kind: args.kind });
  if (f?.withinUnitId) and.push({ residentialGroup: unitWithinWhere(dbId(f.withinUnitId, 'AdministrativeUnit'), asOf) });
  return { AND: and };
}
