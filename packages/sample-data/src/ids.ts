import type { Id } from '@coso/domain';
import { HANOI_ID, LONG_BIEN_DISTRICT_ID, newWardId, oldWardId } from '@coso/domain/testing';
import { NEW_WARD_KEYS, type NewWardKey, OLD_WARD_KEYS, type OldWardKey } from './spec.js';

/** Ids a test, a demo or a UI needs. Places reuse @coso/domain's history ids. */
export { HANOI_ID };
export const DISTRICT_ID: Id = LONG_BIEN_DISTRICT_ID;

export const DIRECTIVE_ID: Id = 'directive-05-tt-qu';
export const DIRECTIVE_CODE = '05-TT/QU';
export const DIRECTIVE_ISSUED_ON = '2021-09-30';
export const REVIEW_ID: Id = 'review-05-tt-qu-2022';
/** The review conference, and the as-of date of the article's figures. */
export const REVIEW_DATE = '2022-12-01';

/** The 14 wards of 2003–2024 by key (`ward-2003-giang-bien`). */
export const WARD_IDS = Object.fromEntries(OLD_WARD_KEYS.map((k) => [k, oldWardId(k)])) as Readonly<Record<OldWardKey, Id>>;
/** The wards formed on 1/7/2025 (`ward-2025-viet-hung`). */
export const NEW_WARD_IDS = Object.fromEntries(NEW_WARD_KEYS.map((k) => [k, newWardId(k)])) as Readonly<Record<NewWardKey, Id>>;

/** A residential group: `group-giang-bien-5` (groups 1 and 2 are @coso/domain's sample groups). */
export const residentialGroupId = (ward: OldWardKey, n: number): Id => `group-${ward}-${n}`;

// Bodies above the ward.
export const CITY_PARTY_COMMITTEE_ID: Id = 'org-thanh-uy-ha-noi';
export const CITY_PEOPLES_COMMITTEE_ID: Id = 'org-ubnd-tp-ha-noi';
export const CITY_FRONT_ID: Id = 'org-mttq-tp-ha-noi';
export const DISTRICT_PARTY_COMMITTEE_ID: Id = 'org-quan-uy-long-bien';
export const DISTRICT_PEOPLES_COMMITTEE_ID: Id = 'org-ubnd-quan-long-bien';
export const DISTRICT_FRONT_ID: Id = 'org-mttq-quan-long-bien';
export const DISTRICT_URBAN_OFFICE_ID: Id = 'org-phong-qldt-long-bien';

// Ward bodies (2003–2025) and the new wards' bodies (from 1/7/2025).
export const wardPartyCommitteeId = (ward: OldWardKey): Id => `org-dang-uy-${ward}`;
export const wardPeoplesCommitteeId = (ward: OldWardKey): Id => `org-ubnd-${ward}`;
export const wardFrontId = (ward: OldWardKey): Id => `org-mttq-${ward}`;
export const newWardPartyCommitteeId = (ward: NewWardKey): Id => `org-dang-uy-2025-${ward}`;
export const newWardPeoplesCommitteeId = (ward: NewWardKey): Id => `org-ubnd-2025-${ward}`;
export const newWardFrontId = (ward: NewWardKey): Id => `org-mttq-2025-${ward}`;

// Bodies of a residential group.
export const cellId = (ward: OldWardKey, n: number): Id => `org-chi-bo-${ward}-${n}`;
export const leadershipId = (ward: OldWardKey, n: number): Id => `org-to-truong-${ward}-${n}`;
export const frontWorkCommitteeId = (ward: OldWardKey, n: number): Id => `org-ban-cong-tac-mat-tran-${ward}-${n}`;
export const branchId = (ward: OldWardKey, n: number, org: 'WOMENS_UNION' | 'VETERANS_ASSOCIATION' | 'YOUTH_UNION'): Id =>
  `org-${org === 'WOMENS_UNION' ? 'chi-hoi-phu-nu' : org === 'VETERANS_ASSOCIATION' ? 'chi-hoi-ccb' : 'chi-doan'}-${ward}-${n}`;

// Buildings and boards.
export const buildingId = (ward: OldWardKey, n: number, i: number): Id => `building-${ward}-${n}-${i}`;
export const boardIdOfBuilding = (building: Id): Id => `board-${building.replace(/^building-/, '')}`;
export const complexId = (ward: OldWardKey, n: number): Id => `complex-${ward}-${n}`;
export const boardIdOfComplex = (complex: Id): Id => `board-${complex}`;
