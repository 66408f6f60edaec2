import { type AdministrativeUnit, compareVietnamese, isUuid, type UnitKind } from '@coso/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { Prisma } from '../generated/prisma/client.js';
import { alive, asDate, asUuid } from './sql-places.js';

/** The scope unit on a day ('scope') and its wards and communes then ('ward'), as `scopeOnDate` finds them. */
export interface ScopeRow {
  role: 'scope' | 'ward';
  id: string;
  kind: UnitKind;
  name: string;
  unit: AdministrativeUnit;
}

interface UnitRow {
  role: 'scope' | 'ward';
  id: string;
  kind: UnitKind;
  name: string;
  kind_label: string | null;
  valid_from: string;
  valid_to: string | null;
}

const sql = Prisma.sql;

/**
 * The scope and its wards on `on` (ISO): a ward or commune is its own ward; a residential group has
 * its enclosing ward; anything else has the wards and communes the closure puts below it that day.
 * Empty when the unit does not exist on `on` (or is not an id of the database).
 */
export async function readScope(prisma: PrismaClient, scopeId: string, on: string): Promise<ScopeRow[]> {
  if (!isUuid(scopeId)) return [];
  const d = asDate(on);
  const rows = await prisma.$queryRaw<UnitRow[]>(sql`
    WITH s AS (SELECT u.* FROM administrative_units u WHERE u.id = ${asUuid(scopeId)} AND ${alive('u', d)}),
    wards AS (
      SELECT w.id FROM s JOIN unit_closure c ON c.ancestor_id = s.id AND NOT c.after_end AND ${alive('c', d)}
        JOIN administrative_units w ON w.id = c.descendant_id AND w.kind IN ('WARD', 'COMMUNE')
       WHERE s.kind <> 'RESIDENTIAL_GROUP'
      UNION
      SELECT coso_report_ward_of(s.id, ${d}) FROM s WHERE s.kind = 'RESIDENTIAL_GROUP'
    )
    SELECT 'scope' AS role, s.id::text, s.kind::text, s.name, s.kind_label, s.valid_from::text, s.valid_to::text FROM s
    UNION ALL
    SELECT 'ward', u.id::text, u.kind::text, u.name, u.kind_label, u.valid_from::text, u.valid_to::text
      FROM wards JOIN administrative_units u ON u.id = wards.id`);
  return rows.map((r) => {
    const unit: AdministrativeUnit = { id: r.id, kind: r.kind, name: r.name, validFrom: r.valid_from, validTo: r.valid_to };
    if (r.kind_label !== null) unit.kindLabel = r.kind_label;
    return { role: r.role, id: r.id, kind: r.kind, name: r.name, unit };
  });
}

/** Vietnamese name order, then id (`compareNamed`): the order of a scope's wards. */
export function compareScopeUnits(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return compareVietnamese(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
