import type { Organization } from '../model/bodies.js';
import type { Id } from '../model/places.js';
import { numericRuleParameter } from '../rules/rule-data.js';
import type { FindingsContext } from './context.js';
import { FINDING_MESSAGES } from './messages.js';
import type { Finding } from './types.js';

/**
 * CELL_MIN_OFFICIAL_MEMBERS: a PARTY_CELL alive on the date serving a residential group in scope,
 * with fewer than `cell.minOfficialMembers` distinct people whose party membership on the date is
 * OFFICIAL with that home cell. Probationary members do not count. A cell serving several groups
 * is reported once, under the first of its groups in scope (Vietnamese name order).
 */
export function cellsUnderMinOfficialMembers(ctx: FindingsContext): Finding[] {
  const min = numericRuleParameter('cell.minOfficialMembers', ctx.on, ctx.ruleData);
  const cells = new Map<Id, { cell: Organization; groupId: Id }>();
  for (const group of ctx.scope.groups) {
    for (const cell of ctx.idx.bodies.servingUnit(group.id, ctx.on, 'PARTY_CELL')) {
      if (!cells.has(cell.id)) cells.set(cell.id, { cell, groupId: group.id });
    }
  }
  const out: Finding[] = [];
  for (const { cell, groupId } of cells.values()) {
    const official = ctx.idx.politicalSystem.officialMembersOfCellOn(cell.id, ctx.on).size;
    if (official >= min) continue;
    out.push(
      ctx.finding({
        code: 'CELL_MIN_OFFICIAL_MEMBERS',
        entity: { type: 'Organization', id: cell.id },
        entityName: cell.name,
        groupId,
        message: FINDING_MESSAGES.CELL_MIN_OFFICIAL_MEMBERS({ cell: cell.name, official, min }),
      }),
    );
  }
  return out;
}
