import { compareNamed, unitDisplayName } from '../directive/text.js';
import { isActiveOn } from '../time/period.js';
import type { FindingsContext } from './context.js';
import { FINDING_MESSAGES } from './messages.js';
import type { Finding } from './types.js';

/**
 * GROUP_WITHOUT_CELL: a residential group in scope with at least one apartment building standing on
 * the date and no PARTY_CELL serving it on the date (the directive's "49 chi bộ / 49 TDP").
 */
export function groupsWithoutCell(ctx: FindingsContext): Finding[] {
  const out: Finding[] = [];
  for (const group of ctx.scope.groups) {
    const buildings = ctx.idx.boards.buildingsInGroup(group.id, ctx.on);
    if (buildings.length === 0) continue;
    if (ctx.idx.bodies.servingUnit(group.id, ctx.on, 'PARTY_CELL').length > 0) continue;
    const name = unitDisplayName(group);
    out.push(
      ctx.finding({
        code: 'GROUP_WITHOUT_CELL',
        entity: { type: 'AdministrativeUnit', id: group.id },
        entityName: group.name,
        groupId: group.id,
        message: FINDING_MESSAGES.GROUP_WITHOUT_CELL({ group: name, buildings: buildings.length }),
      }),
    );
  }
  return out;
}

/**
 * GROUP_WITHOUT_COORDINATION_REGULATION: a residential group in scope where a management board
 * alive on the date manages one of its standing buildings, and no coordination regulation for the
 * group is in force on the date.
 */
export function groupsWithoutCoordinationRegulation(ctx: FindingsContext): Finding[] {
  const out: Finding[] = [];
  for (const group of ctx.scope.groups) {
    // Named in Vietnamese name order (then id), whatever order the boards were stored in.
    const boards = [
      ...new Set(ctx.idx.boards.buildingsInGroup(group.id, ctx.on).flatMap((b) => ctx.idx.boards.boardsForBuilding(b, ctx.on))),
    ].sort(compareNamed);
    if (boards.length === 0) continue;
    if (ctx.coordinationRegulationsOf(group.id).some((r) => isActiveOn(r, ctx.on))) continue;
    const name = unitDisplayName(group);
    out.push(
      ctx.finding({
        code: 'GROUP_WITHOUT_COORDINATION_REGULATION',
        entity: { type: 'AdministrativeUnit', id: group.id },
        entityName: group.name,
        groupId: group.id,
        related: boards.map((b) => ({ type: 'Organization', id: b.id })),
        message: FINDING_MESSAGES.GROUP_WITHOUT_COORDINATION_REGULATION({ group: name, boards: boards.map((b) => b.name) }),
      }),
    );
  }
  return out;
}
