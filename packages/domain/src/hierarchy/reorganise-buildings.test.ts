import { describe, expect, it } from 'vitest';
import type { ApartmentBuilding } from '../model/buildings.js';
import type { DomainState } from '../model/state.js';
import { RULES } from '../rules/catalog.js';
import { abolitionOfDistricts2025, groupId, longBienState2003, oldWardId, SAI_DONG_DISSOLUTION } from '../testing/long-bien-history.js';
import { applyReorganisation, type ReorganisationPlan, validatePlan } from './reorganise.js';

function building(id: string, name: string, groupKey: [string, 1 | 2], period: Partial<ApartmentBuilding> = {}): ApartmentBuilding {
  return {
    id,
    name,
    residentialGroupId: groupId(...groupKey),
    apartmentCount: 120,
    blockCount: 1,
    multipleOwners: true,
    validFrom: '2015-01-01',
    validTo: null,
    ...period,
  };
}

/** Bồ Đề's group 1 has two buildings (one registered after the merge date), and one demolished before it. */
function stateWithBuildings(): DomainState {
  const state = longBienState2003();
  state.buildings.push(
    building('b-rice', 'Chung cư Rice City', ['bo-de', 1]),
    building('b-new', 'Chung cư Âu Cơ', ['bo-de', 1], { validFrom: '2026-03-01' }),
    building('b-old', 'Nhà tập thể cũ', ['bo-de', 1], { validTo: '2020-01-01' }),
    building('b-other', 'Chung cư Gia Thụy', ['gia-thuy', 1]),
  );
  return state;
}

const mergeGroups: ReorganisationPlan = {
  id: 'merge-groups',
  kind: 'MERGE',
  effectiveOn: '2025-03-01',
  legalBasis: 'Nghị quyết của HĐND thành phố (thử nghiệm)',
  endUnits: [groupId('bo-de', 2), groupId('bo-de', 1)],
  newUnits: [{ id: 'group-bo-de-moi', kind: 'RESIDENTIAL_GROUP', name: 'Tổ dân phố số 1A (Bồ Đề)', parentId: oldWardId('bo-de') }],
  moveUnits: [],
};

describe('reorganisations and apartment buildings', () => {
  it('refuses to end a residential group whose apartment buildings would be left in it, naming the group and its buildings', () => {
    const state = stateWithBuildings();
    const before = JSON.parse(JSON.stringify(state)) as DomainState;
    const result = applyReorganisation(state, mergeGroups);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const left = result.violations.filter((v) => v.code === 'REORGANISATION_BUILDINGS_LEFT_BEHIND');
    expect(left).toEqual([
      {
        code: 'REORGANISATION_BUILDINGS_LEFT_BEHIND',
        severity: 'error',
        path: ['endUnits', 1],
        entity: { type: 'AdministrativeUnit', id: groupId('bo-de', 1) },
        message: {
          vi: 'Đơn vị "Tổ dân phố số 1 (Bồ Đề)" kết thúc ngày 01/03/2025 nhưng vẫn còn 2 nhà chung cư: "Chung cư Âu Cơ", "Chung cư Rice City". Việc sắp xếp không chuyển được nhà chung cư sang tổ dân phố khác: hãy giữ lại tổ dân phố này, hoặc chuyển các nhà chung cư sang tổ dân phố khác trước.',
          en: 'Unit "Tổ dân phố số 1 (Bồ Đề)" ends on 2025-03-01 but 2 apartment buildings still sit in it: "Chung cư Âu Cơ", "Chung cư Rice City". A reorganisation cannot move buildings to another group: keep this group, or move the buildings to another group first.',
        },
      },
    ]);
    expect(left[0]?.message.vi.normalize('NFC')).toBe(left[0]?.message.vi);
    // Nothing else is wrong with the plan: the buildings are the only reason.
    expect(result.violations).toEqual(left);
    expect(RULES.REORGANISATION_BUILDINGS_LEFT_BEHIND.severity).toBe('error');
    expect(state).toEqual(before);
  });

  it('accepts the same merge once no building sits in the groups on or after the effective date', () => {
    const state = stateWithBuildings();
    state.buildings = state.buildings.filter((b) => b.id === 'b-old' || b.id === 'b-other');
    expect(validatePlan(state, mergeGroups)).toEqual([]);
    expect(applyReorganisation(state, mergeGroups).ok).toBe(true);
  });

  it('lets a group move to another ward with its buildings, which stay in it', () => {
    const plan: ReorganisationPlan = {
      ...mergeGroups,
      kind: 'TRANSFER_PART',
      endUnits: [],
      newUnits: [],
      moveUnits: [{ unitId: groupId('bo-de', 1), toParentId: oldWardId('gia-thuy') }],
    };
    const result = applyReorganisation(stateWithBuildings(), plan);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.state.buildings).toEqual(stateWithBuildings().buildings);
  });

  it('does not concern wards that end while their groups (and the buildings in them) move: the 2025 reorganisations', () => {
    let state = stateWithBuildings();
    for (const plan of [SAI_DONG_DISSOLUTION, abolitionOfDistricts2025()]) {
      const applied = applyReorganisation(state, plan);
      expect(applied.ok ? [] : applied.violations).toEqual([]);
      if (applied.ok) state = applied.value.state;
    }
    expect(state.buildings).toEqual(stateWithBuildings().buildings);
  });
});
