import { activeOnWhere } from './db-dates.js';

/**
 * Where a body is: the places it serves (its areas) and, for a management board, the residential
 * group of its building or of each building of its complex (a board serves where its building
 * stands, whether or not anyone recorded an area for it). One definition, in the three forms the
 * code needs: a Prisma condition (lists, filters, territory), a select + reader (the per-record
 * locator) and SQL (aggregates). A test checks that the three agree on the sample data.
 */

/** Prisma condition on Organization: the body is at a place matching `unit` (on `asOf` when given). */
export function organizationAtWhere(unit: Record<string, unknown>, asOf?: string): Record<string, unknown> {
  const on = asOf ? activeOnWhere(asOf) : {};
  return {
    OR: [
      { areas: { some: { ...on, unit } } },
      { building: { ...on, residentialGroup: unit } },
      { complex: { buildings: { some: { ...on, residentialGroup: unit } } } },
    ],
  };
}

/** What the locator selects of a body to say where it is. */
export const organizationPlacesSelect = {
  areas: { select: { unitId: true } },
  kind: true,
  building: { select: { residentialGroupId: true } },
  complex: { select: { buildings: { select: { residentialGroupId: true } } } },
} as const;

export interface OrganizationPlacesRow {
  kind: string;
  areas: Array<{ unitId: string }>;
  building: { residentialGroupId: string } | null;
  complex: { buildings: Array<{ residentialGroupId: string }> } | null;
}

/** The places of a body read with `organizationPlacesSelect` (any date). */
export function organizationPlaces(o: OrganizationPlacesRow | null | undefined): string[] {
  if (!o) return [];
  return [
    ...o.areas.map((a) => a.unitId),
    ...(o.building ? [o.building.residentialGroupId] : []),
    ...(o.complex?.buildings.map((b) => b.residentialGroupId) ?? []),
  ];
}

/** SQL rows (organization_id, unit_id, valid_from, valid_to): each place of each body, with its period. */
export const ORGANIZATION_PLACES_SQL = `
  SELECT a.organization_id, a.unit_id, a.valid_from, a.valid_to FROM organization_areas a
  UNION ALL
  SELECT o.id, b.residential_group_id, b.valid_from, b.valid_to
    FROM organizations o JOIN apartment_buildings b ON b.id = o.building_id
  UNION ALL
  SELECT o.id, b.residential_group_id, b.valid_from, b.valid_to
    FROM organizations o JOIN apartment_buildings b ON b.complex_id = o.complex_id`;
