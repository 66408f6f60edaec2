import type { ApartmentBuilding } from '../model/buildings.js';
import type { Id } from '../model/places.js';
import type { DomainState } from '../model/state.js';
import { enCount, entityRef, ruleViolation, viDate } from '../rules/violation.js';
import { sortVietnamese } from '../text/collation.js';
import type { IsoDate } from '../time/dates.js';
import { periodsOverlap } from '../time/period.js';
import type { Violation } from '../validation/result.js';

/**
 * An apartment building sits in one residential group (`residentialGroupId`), and that link is
 * not dated: it cannot change from a date on without rewriting what the building's record says
 * about every earlier date. A reorganisation therefore cannot take buildings with it, and a
 * plan that ends a group (a merge, a rename, a dissolution of groups) while buildings still sit
 * in it on or after the effective date is refused, one violation per group at its
 * `endUnits` entry, naming the group and its buildings. Moving a group to another ward is fine:
 * its buildings stay in it. The 2025 reorganisations end wards and the district, never groups.
 */
export function buildingsLeftBehind(
  state: Pick<DomainState, 'units' | 'buildings'>,
  plan: { endUnits: readonly Id[]; effectiveOn: IsoDate },
): Violation[] {
  const on = plan.effectiveOn;
  const from = { validFrom: on, validTo: null };
  const byGroup = new Map<Id, ApartmentBuilding[]>();
  for (const b of state.buildings) {
    if (!periodsOverlap(b, from)) continue;
    byGroup.set(b.residentialGroupId, [...(byGroup.get(b.residentialGroupId) ?? []), b]);
  }
  const out: Violation[] = [];
  const seen = new Set<Id>();
  plan.endUnits.forEach((unitId, i) => {
    const buildings = byGroup.get(unitId);
    if (!buildings || seen.has(unitId)) return;
    seen.add(unitId);
    const group = state.units.find((u) => u.id === unitId)?.name ?? unitId;
    const names = sortVietnamese(buildings.map((b) => b.name))
      .map((name) => `"${name}"`)
      .join(', ');
    out.push(
      ruleViolation(
        'REORGANISATION_BUILDINGS_LEFT_BEHIND',
        ['endUnits', i],
        entityRef('AdministrativeUnit', unitId),
        `Đơn vị "${group}" kết thúc ngày ${viDate(on)} nhưng vẫn còn ${buildings.length} nhà chung cư: ${names}. Việc sắp xếp không chuyển được nhà chung cư sang tổ dân phố khác: hãy giữ lại tổ dân phố này, hoặc chuyển các nhà chung cư sang tổ dân phố khác trước.`,
        `Unit "${group}" ends on ${on} but ${enCount(buildings.length, 'apartment building')} still sit in it: ${names}. A reorganisation cannot move buildings to another group: keep this group, or move the buildings to another group first.`,
      ),
    );
  });
  return out;
}
