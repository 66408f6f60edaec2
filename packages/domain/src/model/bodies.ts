import type { createOrganizationAreaInput, createOrganizationInput, createOrganizationParentInput } from '../inputs/bodies.js';
import type { StoredRecord } from './stored-record.js';

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
/**
 * A kind of body: party committee or cell, management board, People's Committee, Front work committee,
 * mass-organisation branch, group leadership.
 */
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/**
 * The mass organisations whose branches sit in a residential group: Women's Union, Veterans'
 * Association, Youth Union, Elderly Association, Farmers' Association.
 */
export const MASS_ORGANIZATIONS = [
  'WOMENS_UNION', // Hội Liên hiệp Phụ nữ
  'VETERANS_ASSOCIATION', // Hội Cựu chiến binh
  'YOUTH_UNION', // Đoàn Thanh niên
  'ELDERLY_ASSOCIATION', // Hội Người cao tuổi
  'FARMERS_ASSOCIATION', // Hội Nông dân
] as const;
/** A mass organisation (see `MASS_ORGANIZATIONS`). */
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
export type Organization = StoredRecord<typeof createOrganizationInput>;

/** Sub-organisation of (W3C org:subOrganizationOf), over time. */
export type OrganizationParent = StoredRecord<typeof createOrganizationParentInput>;

/** The places a body serves, over time (a party cell serves one or several residential groups). */
export type OrganizationArea = StoredRecord<typeof createOrganizationAreaInput>;
