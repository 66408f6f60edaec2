import { builder, readableAs, recordNode } from './builder.js';
import { ReorganisationKind } from './enums.js';
import { AdministrativeUnitRef } from './places.js';
import { nonEmpty } from './selection.js';
import { territoryWhere } from './territory-filters.js';

/** A reorganisation is public; the units it names are listed as far as the viewer may read them. */
export const ReorganisationEventRef = recordNode('ReorganisationEvent', {
  authScopes: readableAs('ReorganisationEvent'),
  description: 'Sắp xếp đơn vị hành chính / A recorded reorganisation linking the units it ended to the units it started.',
  id: { field: 'id' },
  fields: (t) => ({
    kind: t.expose('kind', { type: ReorganisationKind }),
    effectiveOn: t.expose('effectiveOn', { type: 'Date' }),
    legalBasis: t.exposeString('legalBasis'),
    note: t.exposeString('note', { nullable: true }),
    originalUnits: t.field({
      type: [AdministrativeUnitRef],
      select: (_args, ctx, nested) => ({
        units: {
          where: { role: 'ORIGINAL' as const, unit: territoryWhere(ctx, 'AdministrativeUnit') },
          select: { unit: nonEmpty(nested(true)) },
        },
      }),
      resolve: (e) => e.units.map((u) => u.unit),
    }),
    resultingUnits: t.field({
      type: [AdministrativeUnitRef],
      select: (_args, ctx, nested) => ({
        units: {
          where: { role: 'RESULTING' as const, unit: territoryWhere(ctx, 'AdministrativeUnit') },
          select: { unit: nonEmpty(nested(true)) },
        },
      }),
      resolve: (e) => e.units.map((u) => u.unit),
    }),
  }),
});

builder.queryFields((t) => ({
  reorganisations: t.prismaConnection({
    type: 'ReorganisationEvent',
    cursor: 'id',
    description: 'Các lần sắp xếp đơn vị hành chính / Reorganisations, oldest first.',
    totalCount: (_p, _a, ctx) => ctx.prisma.reorganisationEvent.count(),
    resolve: (query, _p, _a, ctx) =>
      ctx.prisma.reorganisationEvent.findMany({ ...query, orderBy: [{ effectiveOn: 'asc' }, { id: 'asc' }] }),
  }),
}));
