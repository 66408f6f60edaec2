import type { DomainState } from '@coso/domain';
import { HANOI_ID, LONG_BIEN_DISTRICT_ID, LONG_BIEN_WARDS_2003, longBienState2003, oldWardId } from '@coso/domain/testing';
import type { DatasetBuilder } from './builder.js';
import {
  CITY_FRONT_ID,
  CITY_PARTY_COMMITTEE_ID,
  CITY_PEOPLES_COMMITTEE_ID,
  DISTRICT_FRONT_ID,
  DISTRICT_PARTY_COMMITTEE_ID,
  DISTRICT_PEOPLES_COMMITTEE_ID,
  DISTRICT_URBAN_OFFICE_ID,
  residentialGroupId,
  wardFrontId,
  wardPartyCommitteeId,
  wardPeoplesCommitteeId,
} from './ids.js';
import { required } from './random.js';
import { type OldWardKey, WARDS } from './spec.js';

/** Decree 132/2003/NĐ-CP established Long Biên district; its wards and groups date from then in this dataset. */
export const DISTRICT_FROM = '2003-11-06';
const CITY_FROM = '1945-01-01';

export function groupName(n: number): string {
  return `Tổ dân phố số ${n}`;
}

export function wardName(ward: OldWardKey): string {
  return required(
    LONG_BIEN_WARDS_2003.find((w) => w.key === ward),
    `ward ${ward}`,
  ).name;
}

/**
 * The real 2003 hierarchy from @coso/domain (Hà Nội, Long Biên, the 14 wards with their codes,
 * and two sample groups per ward), completed to the 222 residential groups of 2022. The sample
 * groups keep their ids (`group-giang-bien-1`) and are named like the others ("Tổ dân phố số 1").
 */
export function places(): DomainState {
  const state = longBienState2003();
  state.units = state.units.map((u) => {
    const m = /^group-([a-z-]+)-(\d+)$/.exec(u.id);
    return m ? { ...u, name: groupName(Number(m[2])) } : u;
  });
  for (const ward of WARDS) {
    for (let n = 3; n <= ward.groups; n++) {
      const id = residentialGroupId(ward.key, n);
      state.units.push({
        id,
        kind: 'RESIDENTIAL_GROUP',
        kindLabel: 'Tổ dân phố',
        name: groupName(n),
        validFrom: DISTRICT_FROM,
        validTo: null,
      });
      state.unitParents.push({ id: `parent-${id}`, unitId: id, parentId: oldWardId(ward.key), validFrom: DISTRICT_FROM, validTo: null });
    }
  }
  return state;
}

/**
 * The bodies above the residential groups: the city's and the district's party committee, People's
 * Committee and Fatherland Front, the district's urban management office, and each ward's party
 * committee (a sub-organisation of the district's), People's Committee and Front committee.
 */
export function bodies(b: DatasetBuilder): void {
  b.organization(CITY_PARTY_COMMITTEE_ID, 'CITY_PARTY_COMMITTEE', 'Thành ủy Hà Nội', CITY_FROM, { unitIds: [HANOI_ID] });
  b.organization(CITY_PEOPLES_COMMITTEE_ID, 'PEOPLES_COMMITTEE', 'Ủy ban nhân dân thành phố Hà Nội', CITY_FROM, { unitIds: [HANOI_ID] });
  b.organization(CITY_FRONT_ID, 'FATHERLAND_FRONT_COMMITTEE', 'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội', CITY_FROM, {
    unitIds: [HANOI_ID],
  });
  const district = [LONG_BIEN_DISTRICT_ID];
  b.organization(DISTRICT_PARTY_COMMITTEE_ID, 'DISTRICT_PARTY_COMMITTEE', 'Quận ủy Long Biên', DISTRICT_FROM, {
    parentId: CITY_PARTY_COMMITTEE_ID,
    unitIds: district,
  });
  b.organization(DISTRICT_PEOPLES_COMMITTEE_ID, 'PEOPLES_COMMITTEE', 'Ủy ban nhân dân quận Long Biên', DISTRICT_FROM, {
    parentId: CITY_PEOPLES_COMMITTEE_ID,
    unitIds: district,
  });
  b.organization(DISTRICT_FRONT_ID, 'FATHERLAND_FRONT_COMMITTEE', 'Ủy ban Mặt trận Tổ quốc Việt Nam quận Long Biên', DISTRICT_FROM, {
    parentId: CITY_FRONT_ID,
    unitIds: district,
  });
  b.organization(DISTRICT_URBAN_OFFICE_ID, 'GOVERNMENT_OFFICE', 'Phòng Quản lý đô thị quận Long Biên', DISTRICT_FROM, {
    parentId: DISTRICT_PEOPLES_COMMITTEE_ID,
    unitIds: district,
  });
  for (const ward of WARDS) {
    const unitIds = [oldWardId(ward.key)];
    const name = wardName(ward.key);
    b.organization(wardPartyCommitteeId(ward.key), 'WARD_PARTY_COMMITTEE', `Đảng ủy phường ${name}`, DISTRICT_FROM, {
      parentId: DISTRICT_PARTY_COMMITTEE_ID,
      unitIds,
    });
    b.organization(wardPeoplesCommitteeId(ward.key), 'PEOPLES_COMMITTEE', `Ủy ban nhân dân phường ${name}`, DISTRICT_FROM, {
      parentId: DISTRICT_PEOPLES_COMMITTEE_ID,
      unitIds,
    });
    b.organization(wardFrontId(ward.key), 'FATHERLAND_FRONT_COMMITTEE', `Ủy ban Mặt trận Tổ quốc Việt Nam phường ${name}`, DISTRICT_FROM, {
      parentId: DISTRICT_FRONT_ID,
      unitIds,
    });
  }
}
