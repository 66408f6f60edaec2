import { unitDisplayName } from '../directive/text.js';
import { isActiveOn } from '../time/period.js';
import type { FindingsContext } from './context.js';
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
        message: {
          vi: `${name} có ${buildings.length} nhà chung cư nhưng chưa có chi bộ`,
          en: `${name} has ${buildings.length} apartment building(s) but no party cell`,
        },
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
    const boards = new Set(ctx.idx.boards.buildingsInGroup(group.id, ctx.on).flatMap((b) => ctx.idx.boards.boardsForBuilding(b, ctx.on)));
    if (boards.size === 0) continue;
    if (ctx.coordinationRegulationsOf(group.id).some((r) => isActiveOn(r, ctx.on))) continue;
    const name = unitDisplayName(group);
    const boardNames = [...boards].map((b) => b.name).join(', ');
    out.push(
      ctx.finding({
        code: 'GROUP_WITHOUT_COORDINATION_REGULATION',
        entity: { type: 'AdministrativeUnit', id: group.id },
        entityName: group.name,
        groupId: group.id,
        related: [...boards].map((b) => ({ type: 'Organization', id: b.id })),
        message: {
          vi: `${name} có Ban quản trị (${boardNames}) nhưng chưa có quy chế phối hợp giữa tổ trưởng tổ dân phố và Ban quản trị`,
          en: `${name} has a management board (${boardNames}) but no coordination regulation between the group head and the board`,
        },
      }),
    );
  }
  return out;
}
