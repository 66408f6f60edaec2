import type { UnitKind } from '../model/places.js';

/**
 * Which kinds a unit may sit under. Wards and communes sit under a district, or since the
 * abolition of districts on 1/7/2025 (Resolution 1656/NQ-UBTVQH15) directly under the province.
 */
export const ALLOWED_PARENT_KINDS: Readonly<Record<UnitKind, readonly UnitKind[]>> = {
  PROVINCE: [],
  DISTRICT: ['PROVINCE'],
  WARD: ['DISTRICT', 'PROVINCE'],
  COMMUNE: ['DISTRICT', 'PROVINCE'],
  RESIDENTIAL_GROUP: ['WARD', 'COMMUNE'],
};

/**
 * True when a place of kind `child` may sit directly under one of kind `parent` (a ward under a
 * district or a city, a group under a ward).
 */
export function isAllowedParentKind(child: UnitKind, parent: UnitKind): boolean {
  return ALLOWED_PARENT_KINDS[child].includes(parent);
}
