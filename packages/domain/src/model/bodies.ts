import type { Period } from '../time/period.js';
import type { Id } from './places.js';

/** Kinds of body (tổ chức). A body serves places and may be a sub-organisation of another body. */
export const ORGANIZATION_KINDS = [
  'CITY_PARTY_COMMITTEE', // Thành ủy
  'DISTRICT_PARTY_COMMITTEE', // Quận ủy
  'WARD_PARTY_COMMITTEE', // Đảng ủy phường
  'PARTY_CELL', // Chi bộ
  'PEOPLES_COMMITTEE', // Ủy ban nhân dân
  'PEOPLES_COUNCIL', // Hội đồng nhân dân
  'FATHERLAND_FRONT_COMMITTEE', // Ủy ban MTTQ (district / ward)
  'FRONT_WORK_COMMITTEE', // Ban công tác Mặt trận (residential group)
  'MASS_ORGANIZATION_BRANCH', // Chi hội / chi đoàn at a residential group
  'RESIDENTIAL_GROUP_LEADERSHIP', // Tổ trưởng, tổ phó tổ dân phố
  'MANAGEMENT_BOARD', // Ban quản trị nhà chung cư
  'GOVERNMENT_OFFICE', // Phòng chuyên môn (e.g. district urban management office)
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const MASS_ORGANIZATIONS = [
  'WOMENS_UNION', // Hội Liên hiệp Phụ nữ
  'VETERANS_ASSOCIATION', // Hội Cựu chiến binh
  'YOUTH_UNION', // Đoàn Thanh niên
  'ELDERLY_ASSOCIATION', // Hội Người cao tuổi
  'FARMERS_ASSOCIATION', // Hội Nông dân
] as const;
export type MassOrganization = (typeof MASS_ORGANIZATIONS)[number];

/** Bodies of the Party: membership of them (or a post in them) is party data. */
export const PARTY_ORGANIZATION_KINDS: readonly OrganizationKind[] = [
  'CITY_PARTY_COMMITTEE',
  'DISTRICT_PARTY_COMMITTEE',
  'WARD_PARTY_COMMITTEE',
  'PARTY_CELL',
];

/** Kinds of body that make up "the political system of a residential group" (hệ thống chính trị ở TDP). */
export const POLITICAL_SYSTEM_KINDS: readonly OrganizationKind[] = [
  'PARTY_CELL',
  'FRONT_WORK_COMMITTEE',
  'MASS_ORGANIZATION_BRANCH',
  'RESIDENTIAL_GROUP_LEADERSHIP',
];

/** A body. Its period is its life: founded (validFrom) → dissolved (validTo). */
export interface Organization extends Period {
  id: Id;
  kind: OrganizationKind;
  name: string;
  /** Only for MASS_ORGANIZATION_BRANCH. */
  massOrganization?: MassOrganization | null;
  /** Only for MANAGEMENT_BOARD: the building it manages (single building) … */
  buildingId?: Id | null;
  /** … or the complex (cụm) it manages. Exactly one of the two is set for a board. */
  complexId?: Id | null;
}

/** Sub-organisation of (W3C org:subOrganizationOf), over time. */
export interface OrganizationParent extends Period {
  id: Id;
  organizationId: Id;
  parentId: Id;
}

/** The places a body serves, over time (a party cell serves one or several residential groups). */
export interface OrganizationArea extends Period {
  id: Id;
  organizationId: Id;
  unitId: Id;
}
