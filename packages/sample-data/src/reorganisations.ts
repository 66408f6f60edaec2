import { applyReorganisation, type DomainState, type Id, type IsoDate, isActiveOn, type ReorganisationPlan } from '@coso/domain';
import { abolitionOfDistricts2025, LONG_BIEN_WARDS_2025, newWardId, oldWardId, SAI_DONG_DISSOLUTION } from '@coso/domain/testing';
import {
  CITY_FRONT_ID,
  CITY_PARTY_COMMITTEE_ID,
  CITY_PEOPLES_COMMITTEE_ID,
  DISTRICT_FRONT_ID,
  DISTRICT_PARTY_COMMITTEE_ID,
  DISTRICT_PEOPLES_COMMITTEE_ID,
  DISTRICT_URBAN_OFFICE_ID,
  newWardFrontId,
  newWardPartyCommitteeId,
  newWardPeoplesCommitteeId,
  residentialGroupId,
  wardFrontId,
  wardPartyCommitteeId,
  wardPeoplesCommitteeId,
} from './ids.js';
import { required } from './random.js';
import { NEW_WARD_KEYS, type NewWardKey, newWardOfGroup, type OldWardKey, SAI_DONG_TO_PHUC_LOI, WARDS } from './spec.js';

type Line = 'party' | 'government' | 'front';
interface WardBodies {
  party: Id;
  government: Id;
  front: Id;
}

const oldBodies = (ward: OldWardKey): WardBodies => ({
  party: wardPartyCommitteeId(ward),
  government: wardPeoplesCommitteeId(ward),
  front: wardFrontId(ward),
});
const newBodies = (ward: NewWardKey): WardBodies => ({
  party: newWardPartyCommitteeId(ward),
  government: newWardPeoplesCommitteeId(ward),
  front: newWardFrontId(ward),
});

/** Every group of 2022 by id, with its ward and number. */
const GROUPS: ReadonlyMap<Id, { ward: OldWardKey; n: number }> = new Map(
  WARDS.flatMap((w) => Array.from({ length: w.groups }, (_, i) => [residentialGroupId(w.key, i + 1), { ward: w.key, n: i + 1 }] as const)),
);

/**
 * Bodies that stay but whose parent body ends (a cell under a ward party committee, a group head
 * under a ward People's Committee, a Front work committee under a ward Front committee) move to the
 * same line's body of the ward their residential group goes to.
 */
function reparent(
  state: DomainState,
  on: IsoDate,
  ending: ReadonlyMap<Id, Line>,
  destination: (group: { ward: OldWardKey; n: number }) => WardBodies,
) {
  const moves: Array<{ organizationId: Id; toParentId: Id }> = [];
  for (const link of state.organizationParents) {
    const line = ending.get(link.parentId);
    if (line === undefined || !isActiveOn(link, on) || ending.has(link.organizationId)) continue;
    const org = state.organizations.find((o) => o.id === link.organizationId);
    if (!org || !isActiveOn(org, on)) continue;
    const groupId = state.organizationAreas
      .filter((a) => a.organizationId === org.id && isActiveOn(a, on) && GROUPS.has(a.unitId))
      .map((a) => a.unitId)
      .sort()[0];
    const group = required(GROUPS.get(required(groupId, `residential group of ${org.id}`)), 'group');
    moves.push({ organizationId: org.id, toParentId: destination(group)[line] });
  }
  return moves;
}

function lines(bodies: readonly WardBodies[], extra: ReadonlyArray<readonly [Id, Line]> = []): Map<Id, Line> {
  const out = new Map<Id, Line>(extra);
  for (const b of bodies) {
    out.set(b.party, 'party');
    out.set(b.government, 'government');
    out.set(b.front, 'front');
  }
  return out;
}

const others = (ward: OldWardKey): number[] => {
  const spec = required(
    WARDS.find((w) => w.key === ward),
    ward,
  );
  return Array.from({ length: spec.groups - 2 }, (_, i) => i + 3);
};

/**
 * 1/1/2025 (Resolution 1286/NQ-UBTVQH15): @coso/domain's SAI_DONG_DISSOLUTION with all 13 of Sài
 * Đồng's groups moved (to Phúc Lợi or Phúc Đồng), the ward's party committee, People's Committee
 * and Front committee ended, and the groups' bodies moved under those of their new ward.
 */
export function saiDongDissolutionPlan(state: DomainState): ReorganisationPlan {
  const on = SAI_DONG_DISSOLUTION.effectiveOn;
  const target = (n: number): OldWardKey => (SAI_DONG_TO_PHUC_LOI.has(n) ? 'phuc-loi' : 'phuc-dong');
  const ending = lines([oldBodies('sai-dong')]);
  return {
    ...SAI_DONG_DISSOLUTION,
    moveUnits: [
      ...SAI_DONG_DISSOLUTION.moveUnits,
      ...others('sai-dong').map((n) => ({ unitId: residentialGroupId('sai-dong', n), toParentId: oldWardId(target(n)) })),
    ],
    endOrganizations: [...ending.keys()],
    moveOrganizations: reparent(state, on, ending, (g) => oldBodies(target(g.n))),
  };
}

/**
 * 1/7/2025 (Resolution 1656/NQ-UBTVQH15): @coso/domain's abolition of districts with all 222 groups
 * moved to the new wards; the district's bodies and the old wards' bodies end; each new ward gets
 * a party committee under the City Party Committee, a People's Committee and a Front committee;
 * the groups' cells, heads and Front work committees move under them.
 */
export function abolitionOfDistrictsPlan(state: DomainState): ReorganisationPlan {
  const base = abolitionOfDistricts2025();
  const on = base.effectiveOn;
  const oldWards = WARDS.filter((w) => w.key !== 'sai-dong').map((w) => w.key);
  const ending = lines(oldWards.map(oldBodies), [
    [DISTRICT_PARTY_COMMITTEE_ID, 'party'],
    [DISTRICT_PEOPLES_COMMITTEE_ID, 'government'],
    [DISTRICT_FRONT_ID, 'front'],
    [DISTRICT_URBAN_OFFICE_ID, 'government'],
  ]);
  const newOrganizations = NEW_WARD_KEYS.flatMap((key) => {
    const name = required(
      LONG_BIEN_WARDS_2025.find((w) => w.key === key),
      key,
    ).name;
    const unitIds = [newWardId(key)];
    const ids = newBodies(key);
    return [
      { id: ids.party, kind: 'WARD_PARTY_COMMITTEE' as const, name: `Đảng ủy phường ${name}`, parentId: CITY_PARTY_COMMITTEE_ID, unitIds },
      {
        id: ids.government,
        kind: 'PEOPLES_COMMITTEE' as const,
        name: `Ủy ban nhân dân phường ${name}`,
        parentId: CITY_PEOPLES_COMMITTEE_ID,
        unitIds,
      },
      {
        id: ids.front,
        kind: 'FATHERLAND_FRONT_COMMITTEE' as const,
        name: `Ủy ban Mặt trận Tổ quốc Việt Nam phường ${name}`,
        parentId: CITY_FRONT_ID,
        unitIds,
      },
    ];
  });
  return {
    ...base,
    moveUnits: [
      ...base.moveUnits,
      ...WARDS.flatMap((w) =>
        others(w.key).map((n) => ({ unitId: residentialGroupId(w.key, n), toParentId: newWardId(newWardOfGroup(w.key, n)) })),
      ),
    ],
    endOrganizations: [...ending.keys()],
    newOrganizations,
    moveOrganizations: reparent(state, on, ending, (g) => newBodies(newWardOfGroup(g.ward, g.n))),
  };
}

/** Applies a plan through @coso/domain (which ends records, never rewrites them); a plan that does not apply is a bug here. */
export function applyPlan(state: DomainState, plan: ReorganisationPlan): DomainState {
  const applied = applyReorganisation(state, plan);
  if (!applied.ok) throw new Error(`sample data: ${plan.id} does not apply: ${applied.violations.map((v) => v.message.en).join('; ')}`);
  return applied.value.state;
}
