import { type IsoDate, unitDisplayName } from '@coso/domain';

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

/** The record types that have a detail page. */
export type RecordPageType = 'AdministrativeUnit' | 'ApartmentBuilding' | 'Organization' | 'Person';

export function recordPath(type: RecordPageType, id: string, asOf?: IsoDate): string {
  return recordPathOrNull(type, id, asOf) ?? '/';
}

/** "Phường Giang Biên", "Tổ dân phố số 5": the domain's way of naming a place. */
export const unitLabel = unitDisplayName;
