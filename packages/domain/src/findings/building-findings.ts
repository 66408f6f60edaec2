import { numericRuleParameter } from '../rules/rule-data.js';
import type { FindingsContext } from './context.js';
import { FINDING_MESSAGES } from './messages.js';
import type { Finding } from './types.js';

/**
 * BUILDING_WITHOUT_BOARD: a building standing on the date in a group in scope, with several owners
 * and at least `board.requiredFromApartments` apartments (the law in force on the date), that no
 * MANAGEMENT_BOARD alive on the date manages (board.buildingId = the building, or board.complexId =
 * the building's complex).
 */
export function buildingsWithoutBoard(ctx: FindingsContext): Finding[] {
  const threshold = numericRuleParameter('board.requiredFromApartments', ctx.on, ctx.ruleData);
  const out: Finding[] = [];
  for (const group of ctx.scope.groups) {
    for (const building of ctx.idx.boards.buildingsInGroup(group.id, ctx.on)) {
      if (!building.multipleOwners || building.apartmentCount < threshold) continue;
      if (ctx.idx.boards.boardsForBuilding(building, ctx.on).length > 0) continue;
      out.push(
        ctx.finding({
          code: 'BUILDING_WITHOUT_BOARD',
          entity: { type: 'ApartmentBuilding', id: building.id },
          entityName: building.name,
          groupId: group.id,
          message: FINDING_MESSAGES.BUILDING_WITHOUT_BOARD({ building: building.name, apartments: building.apartmentCount }),
        }),
      );
    }
  }
  return out;
}
