import { PARTY_ORGANIZATION_KINDS } from '@coso/domain';
import { organizationAtWhere } from '../store/organization-places.js';
import type { Context } from './context.js';

/**
 * Where-clauses that keep list queries inside what the viewer may read, so a ward user's lists
 * hold their ward only (the type-level checks then never have to refuse a listed item). Empty for
 * viewers who read everything.
 */

/** Bodies at one of these places (areas, or a board's building): the one definition in store/organization-places.ts. */
function orgIn(units: string[]) {
  return organizationAtWhere({ id: { in: units } });
}

export type ListedType =
  | 'AdministrativeUnit'
  | 'Organization'
  | 'Person'
  | 'Membership'
  | 'PartyMembership'
  | 'ResidenceContact'
  | 'ApartmentBuilding'
  | 'Nomination'
  | 'Training'
  | 'Petition'
  | 'CoordinationRegulation';

export function territoryWhere(ctx: Context, type: ListedType): Record<string, unknown> {
  const and: Record<string, unknown>[] = [];
  const t = ctx.access.territoryUnits();
  const units = t ? [...t] : null;
  if (units) {
    const readable = [...(ctx.access.readableUnits() ?? [])];
    const byType: Record<ListedType, Record<string, unknown>> = {
      AdministrativeUnit: { id: { in: readable } },
      Organization: orgIn(units),
      Person: {
        OR: [
          { residenceUnitId: { in: units } },
          { memberships: { some: { organization: orgIn(units) } } },
          { partyMemberships: { some: { homeCell: orgIn(units) } } },
        ],
      },
      Membership: { organization: orgIn(units) },
      PartyMembership: { homeCell: orgIn(units) },
      ResidenceContact: { residenceCell: orgIn(units) },
      ApartmentBuilding: { residentialGroupId: { in: units } },
      Nomination: { board: orgIn(units) },
      Training: { organizer: orgIn(units) },
      Petition: { residentialGroupId: { in: units } },
      CoordinationRegulation: { residentialGroupId: { in: units } },
    };
    and.push(byType[type]);
  }
  if (!ctx.access.seesParty) {
    if (type === 'Membership') and.push({ organization: { kind: { notIn: [...PARTY_ORGANIZATION_KINDS] } } });
    if (type === 'Nomination') and.push({ category: 'POLITICAL_SYSTEM_MEMBER' });
  }
  return and.length ? { AND: and } : {};
}

/** A query's own where, narrowed to what the viewer may read. */
export function scoped(ctx: Context, type: ListedType, where: Record<string, unknown>): Record<string, unknown> {
  const extra = territoryWhere(ctx, type);
  return Object.keys(extra).length ? { AND: [where, extra] } : where;
}
