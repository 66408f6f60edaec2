import { activeOnWhere } from '../store/db-dates.js';

/** Places at or below `unitId` on the date, as a nested relation filter (a unit tree is at most 4 deep). */
export function unitWithinWhere(unitId: string, asOf: string) {
  const active = activeOnWhere(asOf);
  const parentIs = (id: string) => ({ parentLinks: { some: { ...active, parentId: id } } });
  const twoUp = { parentLinks: { some: { ...active, parent: parentIs(unitId) } } };
  const threeUp = { parentLinks: { some: { ...active, parent: { parentLinks: { some: { ...active, parent: parentIs(unitId) } } } } } };
  return { OR: [{ id: unitId }, parentIs(unitId), twoUp, threeUp] };
}
