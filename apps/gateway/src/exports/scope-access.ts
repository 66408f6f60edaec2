import type { Access } from '@coso/schema';

/**
 * May the viewer export a report for this place? Signed-in viewers who may read the unit; and a
 * territorial viewer (district or ward staff) only for their own territory: their unit and the
 * units below it. The units above theirs are readable (names for breadcrumbs) but not theirs to
 * report on, the same rule as the GraphQL `directiveReport` query. `access` must be `load()`ed.
 */
export async function mayExportScope(access: Access, scopeUnitId: string): Promise<boolean> {
  if (!(await access.canRead('AdministrativeUnit', scopeUnitId))) return false;
  const territory = access.territoryUnits(); // null: not bound to a territory
  return territory === null || territory.has(scopeUnitId);
}
