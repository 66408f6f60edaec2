import type { IsoDate } from '@coso/domain';

/** The detail route of each record type that has a page; other types (a training, a petition) have none. */
const ROUTES: Record<string, string> = {
  AdministrativeUnit: '/units',
  ApartmentBuilding: '/buildings',
  Organization: '/organizations',
  Person: '/people',
};

/** The detail page of a record by its GraphQL type and global id, as of a date; null when the type has no page. */
export function recordPathOrNull(type: string, id: string, asOf?: IsoDate): string | null {
  const base = ROUTES[type];
  if (!base) return null;
  return `${base}/${encodeURIComponent(id)}${asOf ? `?asOf=${asOf}` : ''}`;
}

export function recordPath(
  type: 'AdministrativeUnit' | 'ApartmentBuilding' | 'Organization' | 'Person',
  id: string,
  asOf?: IsoDate,
): string {
  return recordPathOrNull(type, id, asOf) ?? '/';
}

/**
 * "Phường Giang Biên": a unit's kind label and name — or the name alone when it already says
 * what the unit is ("Tổ dân phố số 5").
 */
export function unitLabel(unit: { kindLabel?: string | null; name: string }): string {
  const { kindLabel, name } = unit;
  if (!kindLabel || name.toLocaleLowerCase('vi').startsWith(kindLabel.toLocaleLowerCase('vi'))) return name;
  return `${kindLabel} ${name}`;
}
