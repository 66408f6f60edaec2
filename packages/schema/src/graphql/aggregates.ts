import { PARTY_ORGANIZATION_KINDS } from '@coso/domain';
import { forbidden } from '../auth/access.js';
import { Prisma } from '../generated/prisma/client.js';
import { toDbDate } from '../store/db-dates.js';
import { ORGANIZATION_PLACES_SQL } from '../store/organization-places.js';
import { asOfArg, resolveAsOf } from './as-of.js';
import { builder } from './builder.js';
import { fieldCost } from './field-cost.js';
import { noteParty } from './hidden-records.js';
import { dbId } from './ids.js';
import { AdministrativeUnitRef } from './places.js';
import { references } from './references.js';

/**
 * Counts for analysts, as of a date, grouped by ward and/or kind: one set-based SQL statement
 * (a recursive walk of the place hierarchy valid on the date), never a loop over rows.
 * People are distinct people (a person with three posts counts once per group).
 */
const CountMeasure = builder.enumType('CountMeasure', {
  values: {
    RESIDENTIAL_GROUPS: { description: 'Tổ dân phố / Residential groups alive on the date.' },
    BUILDINGS: { description: 'Nhà chung cư / Buildings standing on the date, by the group they are in.' },
    BODIES: {
      description:
        'Tổ chức / Bodies alive on the date, by the places they serve (a board: where its building stands); kind = organisation kind.',
    },
    BUILDINGS_WITH_BOARD: {
      description:
        'Nhà chung cư có Ban quản trị / Buildings standing on the date that a management board alive on the date manages (its own, or its complex’s), by the group they are in.',
    },
    BUILDINGS_WITHOUT_BOARD: {
      description: 'Nhà chung cư chưa có Ban quản trị / Buildings standing on the date that no management board alive on the date manages.',
    },
    BOARDS: {
      description:
        'Ban quản trị / Management boards alive on the date, counted in the ward where their building stands (a complex’s board: where each of its buildings stands).',
    },
    PEOPLE: {
      description:
        'Người giữ chức vụ / Distinct people holding a post on the date in bodies serving the scope; kind = organisation kind. Posts in party cells and committees count for party-organisation roles only.',
    },
  } as const,
});
const CountDimension = builder.enumType('CountDimension', { values: ['WARD', 'KIND'] as const });

interface CountRow {
  wardId: string | null;
  kind: string | null;
  count: number;
}

const CountRowRef = builder.objectRef<CountRow>('CountRow').implement({
  description: 'Một dòng thống kê / One aggregate row. `ward` is null when not grouped by ward (or for records outside any ward).',
  fields: (t) => ({
    ward: t.prismaField({
      type: 'AdministrativeUnit',
      nullable: true,
      resolve: (query, row, _args, ctx) =>
        row.wardId ? ctx.prisma.administrativeUnit.findUnique({ ...query, where: { id: row.wardId } }) : null,
    }),
    kind: t.string({ nullable: true, resolve: (r) => r.kind }),
    count: t.int({ resolve: (r) => r.count }),
  }),
});

const MEASURE_SQL: Record<string, Prisma.Sql> = {
  RESIDENTIAL_GROUPS: Prisma.sql`SELECT s.ward_id, 'RESIDENTIAL_GROUP'::text AS kind, s.id AS item FROM scope s WHERE s.kind = 'RESIDENTIAL_GROUP'`,
  BUILDINGS: Prisma.sql`SELECT s.ward_id, NULL::text AS kind, b.id AS item FROM apartment_buildings b JOIN scope s ON s.id = b.residential_group_id
    WHERE b.valid_from <= $1 AND (b.valid_to IS NULL OR b.valid_to > $1)`,
  BUILDINGS_WITH_BOARD: Prisma.sql`SELECT s.ward_id, NULL::text AS kind, b.id AS item FROM apartment_buildings b JOIN scope s ON s.id = b.residential_group_id
    WHERE b.valid_from <= $1 AND (b.valid_to IS NULL OR b.valid_to > $1) AND BOARD_OF_BUILDING`,
  BUILDINGS_WITHOUT_BOARD: Prisma.sql`SELECT s.ward_id, NULL::text AS kind, b.id AS item FROM apartment_buildings b JOIN scope s ON s.id = b.residential_group_id
    WHERE b.valid_from <= $1 AND (b.valid_to IS NULL OR b.valid_to > $1) AND NOT BOARD_OF_BUILDING`,
  BOARDS: Prisma.sql`SELECT s.ward_id, o.kind::text AS kind, o.id AS item FROM organizations o
    JOIN places a ON a.organization_id = o.id AND a.valid_from <= $1 AND (a.valid_to IS NULL OR a.valid_to > $1)
    JOIN scope s ON s.id = a.unit_id
    WHERE o.kind = 'MANAGEMENT_BOARD' AND o.valid_from <= $1 AND (o.valid_to IS NULL OR o.valid_to > $1)`,
  BODIES: Prisma.sql`SELECT s.ward_id, o.kind::text AS kind, o.id AS item FROM organizations o
    JOIN places a ON a.organization_id = o.id AND a.valid_from <= $1 AND (a.valid_to IS NULL OR a.valid_to > $1)
    JOIN scope s ON s.id = a.unit_id
    WHERE o.valid_from <= $1 AND (o.valid_to IS NULL OR o.valid_to > $1)`,
  // KINDS_HIDDEN: organisation kinds left out (none for party-organisation roles; the party kinds for others).
  PEOPLE: Prisma.sql`SELECT s.ward_id, o.kind::text AS kind, m.person_id AS item FROM memberships m
    JOIN organizations o ON o.id = m.organization_id AND o.valid_from <= $1 AND (o.valid_to IS NULL OR o.valid_to > $1)
      AND NOT (o.kind::text = ANY (KINDS_HIDDEN))
    JOIN places a ON a.organization_id = o.id AND a.valid_from <= $1 AND (a.valid_to IS NULL OR a.valid_to > $1)
    JOIN scope s ON s.id = a.unit_id
    WHERE m.valid_from <= $1 AND (m.valid_to IS NULL OR m.valid_to > $1)`,
};

/** A management board alive on $1 manages building b: its own board or its complex's (the domain's BUILDING_WITHOUT_BOARD rule). */
const BOARD_OF_BUILDING = `EXISTS (SELECT 1 FROM organizations bo WHERE bo.kind = 'MANAGEMENT_BOARD'
      AND bo.valid_from <= $1 AND (bo.valid_to IS NULL OR bo.valid_to > $1)
      AND (bo.building_id = b.id OR (b.complex_id IS NOT NULL AND bo.complex_id = b.complex_id)))`;

export async function countRows(
  prisma: { $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> },
  scopeId: string,
  asOf: string,
  measure: keyof typeof MEASURE_SQL,
  groupBy: ReadonlyArray<'WARD' | 'KIND'>,
  /** Organisation kinds whose post holders are not counted (the party kinds, for viewers without party rights). */
  hiddenKinds: readonly string[] = [],
): Promise<CountRow[]> {
  const byWard = groupBy.includes('WARD');
  const byKind = groupBy.includes('KIND');
  const items = MEASURE_SQL[measure];
  if (!items) return [];
  // $1 = the date, $2 = the scope unit. Only whitelisted fragments are spliced in (kind names checked).
  if (hiddenKinds.some((k) => !/^[A-Z_]+$/.test(k))) throw new Error('countRows: not an organisation kind');
  const hidden = `ARRAY[${hiddenKinds.map((k) => `'${k}'`).join(', ')}]::text[]`;
  const sql = `
    WITH RECURSIVE up AS (
      SELECT u.id, u.kind, 0 AS depth FROM administrative_units u WHERE u.id = $2::uuid
      UNION ALL
      SELECT p.id, p.kind, up.depth + 1 FROM up
        JOIN unit_parents l ON l.unit_id = up.id AND l.valid_from <= $1 AND (l.valid_to IS NULL OR l.valid_to > $1)
        JOIN administrative_units p ON p.id = l.parent_id
    ),
    scope AS (
      SELECT u.id, u.kind, (SELECT id FROM up WHERE kind IN ('WARD', 'COMMUNE') ORDER BY depth LIMIT 1) AS ward_id
        FROM administrative_units u
       WHERE u.id = $2::uuid AND u.valid_from <= $1 AND (u.valid_to IS NULL OR u.valid_to > $1)
      UNION ALL
      SELECT c.id, c.kind, COALESCE(s.ward_id, CASE WHEN c.kind IN ('WARD', 'COMMUNE') THEN c.id END)
        FROM scope s
        JOIN unit_parents l ON l.parent_id = s.id AND l.valid_from <= $1 AND (l.valid_to IS NULL OR l.valid_to > $1)
        JOIN administrative_units c ON c.id = l.unit_id AND c.valid_from <= $1 AND (c.valid_to IS NULL OR c.valid_to > $1)
    ),
    places AS (${ORGANIZATION_PLACES_SQL}),
    items AS (${items.sql.replace('KINDS_HIDDEN', hidden).replace('BOARD_OF_BUILDING', BOARD_OF_BUILDING)})
    SELECT ${byWard ? 'ward_id' : 'NULL::uuid AS ward_id'}, ${byKind ? 'kind' : 'NULL::text AS kind'}, count(DISTINCT item)::int AS count
      FROM items
     GROUP BY 1, 2
     ORDER BY 1 NULLS LAST, 2 NULLS LAST`;
  const rows = await prisma.$queryRawUnsafe<Array<{ ward_id: string | null; kind: string | null; count: number }>>(
    sql,
    toDbDate(asOf),
    scopeId,
  );
  return rows.map((r) => ({ wardId: r.ward_id, kind: r.kind, count: Number(r.count) }));
}

builder.queryField('counts', (t) =>
  t.field({
    type: [CountRowRef],
    // Measured ≈ 12 ms (≈ 150) for Long Biên: one SQL statement over every record of the place.
    extensions: fieldCost(200),
    description: 'Thống kê theo phường và loại / Counts as of a date within a place, grouped by ward and/or kind (one SQL statement).',
    args: {
      scopeId: t.arg.id({
        required: true,
        description: 'The place to count within (district, ward, city…).',
        extensions: references('AdministrativeUnit'),
      }),
      measure: t.arg({ type: CountMeasure, required: true }),
      groupBy: t.arg({ type: [CountDimension], required: false, defaultValue: ['WARD'] }),
      asOf: asOfArg(t.arg),
    },
    resolve: async (_root, args, ctx, info) => {
      const scopeId = dbId(args.scopeId, 'AdministrativeUnit');
      // Counts are reads too: district and ward staff count within their territory only.
      const territory = await ctx.access.territoryUnits();
      if (territory && !territory.has(scopeId)) throw forbidden();
      // Who holds a post in a party cell or committee is party data, counts included: for viewers
      // without party rights PEOPLE counts post holders of the other bodies only (as if no party
      // post existed), so the count says nothing about party membership.
      const hidden = ctx.access.seesParty ? [] : PARTY_ORGANIZATION_KINDS;
      if (hidden.length && args.measure === 'PEOPLE') noteParty(ctx, 'Membership');
      return countRows(ctx.prisma, scopeId, resolveAsOf(args.asOf, ctx, info), args.measure, args.groupBy ?? ['WARD'], hidden);
    },
  }),
);

export { AdministrativeUnitRef };
