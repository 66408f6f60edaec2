import type { LocalizedText } from '@coso/domain';
import { type DomainState, PARTY_ORGANIZATION_KINDS } from '@coso/domain';

/**
 * One definition per entity: what the Prisma data model cannot say. Keyed by the type name, which
 * is at once the Prisma model, the GraphQL object type, the global-id typename and the audit
 * entry's entity type. Everything else (delegate, date columns, id columns, version, search
 * column, insert order) is read from the data model (`data-model.ts`); the store's row mapping,
 * the read locators, the list filters and the write anchors are derived from both (`places.ts`,
 * `store/state-tables.ts`, `auth/locator.ts`, `graphql/territory-filters.ts`).
 *
 * Adding an entity: add its definition here (a test fails for a Prisma model that has none).
 */

/**
 * Where a record is, as a dotted path through its relations:
 * - `unit`: ends at a column holding an administrative unit's id (`'apartment.building.residentialGroupId'`);
 * - `body`: ends at a body (an organization), whose places are its areas and, for a management
 *   board, its building's or complex's residential groups (`''` = the record is a body);
 * - `self`: the record is a unit (viewers also read the units above their territory).
 * A relation that is a list (a person's memberships) counts when any of its members is there.
 */
export type Place = { unit: string } | { body: string } | { self: true };

/** A condition on a value reached by a dotted path (`'organization.kind'`). */
export type Condition = { path: string; in: readonly string[] } | { path: string; notIn: readonly string[] };

export interface EntityDefinition {
  /** Its table in the domain's `DomainState`; none for records outside the domain (accounts). */
  table?: keyof DomainState;
  /**
   * `public`: every signed-in viewer reads it (its places still anchor writes);
   * `territorial`: read and written inside the viewer's territory;
   * `administrators`: no place, administrators only.
   */
  visibility: 'public' | 'territorial' | 'administrators';
  /** Where it is; any one of them in the viewer's territory makes it theirs. */
  places?: readonly Place[];
  /** Reading it reveals someone's party membership: always, or when the condition holds. */
  party?: 'always' | Condition;
  /** It is a party body (public to read, but attaching anything to it is party work). */
  partyBody?: Condition;
  /** The column `nameSearch` folds (required when the model has `nameSearch`). */
  displayName?: string;
  /** Link tables written and read with it (no definition of their own). */
  links?: readonly string[];
  label: LocalizedText;
}

const PARTY_KINDS: readonly string[] = PARTY_ORGANIZATION_KINDS;

export const ENTITIES = {
  AdministrativeUnit: {
    table: 'units',
    visibility: 'territorial',
    places: [{ self: true }],
    displayName: 'name',
    label: { vi: 'đơn vị hành chính', en: 'administrative unit' },
  },
  UnitCode: {
    table: 'unitCodes',
    visibility: 'territorial',
    places: [{ unit: 'unitId' }],
    label: { vi: 'mã đơn vị hành chính', en: 'administrative code' },
  },
  UnitParent: {
    table: 'unitParents',
    visibility: 'territorial',
    places: [{ unit: 'unitId' }],
    label: { vi: 'quan hệ trực thuộc', en: 'parent link' },
  },
  // A party cell or committee is a public body (its name and place are no secret); who belongs to
  // it is the sensitive part: its memberships, party memberships and nominations are `party`.
  Organization: {
    table: 'organizations',
    visibility: 'territorial',
    places: [{ body: '' }],
    partyBody: { path: 'kind', in: PARTY_KINDS },
    displayName: 'name',
    label: { vi: 'tổ chức', en: 'body' },
  },
  OrganizationParent: {
    table: 'organizationParents',
    visibility: 'territorial',
    places: [{ body: 'organization' }],
    label: { vi: 'quan hệ trực thuộc của tổ chức', en: 'parent body link' },
  },
  OrganizationArea: {
    table: 'organizationAreas',
    visibility: 'territorial',
    places: [{ unit: 'unitId' }],
    label: { vi: 'địa bàn phụ trách', en: 'served place' },
  },
  Post: {
    table: 'posts',
    visibility: 'territorial',
    places: [{ body: 'organization' }],
    label: { vi: 'chức danh', en: 'post' },
  },
  Membership: {
    table: 'memberships',
    visibility: 'territorial',
    places: [{ body: 'organization' }],
    party: { path: 'organization.kind', in: PARTY_KINDS },
    label: { vi: 'chức vụ', en: 'membership' },
  },
  Person: {
    table: 'people',
    visibility: 'territorial',
    places: [
      { unit: 'residenceUnitId' },
      { body: 'memberships.organization' },
      { body: 'partyMemberships.homeCell' },
      { unit: 'ownerships.apartment.building.residentialGroupId' },
    ],
    displayName: 'fullName',
    label: { vi: 'người', en: 'person' },
  },
  PartyMembership: {
    table: 'partyMemberships',
    visibility: 'territorial',
    places: [{ body: 'homeCell' }],
    party: 'always',
    label: { vi: 'đảng tịch', en: 'party membership' },
  },
  ResidenceContact: {
    table: 'residenceContacts',
    visibility: 'territorial',
    places: [{ body: 'residenceCell' }],
    party: 'always',
    label: { vi: 'sinh hoạt nơi cư trú (QĐ 213)', en: 'Regulation 213 residence contact' },
  },
  ResidenceContactReview: {
    table: 'residenceContactReviews',
    visibility: 'territorial',
    places: [{ body: 'residenceContact.residenceCell' }],
    party: 'always',
    label: { vi: 'nhận xét đảng viên nơi cư trú', en: 'residence contact review' },
  },
  ApartmentComplex: {
    table: 'complexes',
    visibility: 'territorial',
    places: [{ unit: 'buildings.residentialGroupId' }],
    displayName: 'name',
    label: { vi: 'cụm nhà chung cư', en: 'apartment complex' },
  },
  ApartmentBuilding: {
    table: 'buildings',
    visibility: 'territorial',
    places: [{ unit: 'residentialGroupId' }],
    displayName: 'name',
    label: { vi: 'nhà chung cư', en: 'apartment building' },
  },
  BuildingBlock: {
    table: 'blocks',
    visibility: 'territorial',
    places: [{ unit: 'building.residentialGroupId' }],
    label: { vi: 'khối nhà', en: 'building block' },
  },
  Apartment: {
    table: 'apartments',
    visibility: 'territorial',
    places: [{ unit: 'building.residentialGroupId' }],
    label: { vi: 'căn hộ', en: 'apartment' },
  },
  ApartmentOwnership: {
    table: 'ownerships',
    visibility: 'territorial',
    places: [{ unit: 'apartment.building.residentialGroupId' }],
    label: { vi: 'sở hữu căn hộ', en: 'apartment ownership' },
  },
  BoardTerm: {
    table: 'boardTerms',
    visibility: 'territorial',
    places: [{ body: 'board' }],
    label: { vi: 'nhiệm kỳ Ban quản trị', en: 'board term' },
  },
  BoardChange: {
    table: 'boardChanges',
    visibility: 'territorial',
    places: [{ body: 'board' }],
    label: { vi: 'thành lập / kiện toàn Ban quản trị', en: 'board establishment or consolidation' },
  },
  Nomination: {
    table: 'nominations',
    visibility: 'territorial',
    places: [{ body: 'board' }, { body: 'nominatingOrganization' }],
    // Nominating a party member (by a party committee) reveals their membership.
    party: { path: 'category', notIn: ['POLITICAL_SYSTEM_MEMBER'] },
    label: { vi: 'giới thiệu tham gia Ban quản trị', en: 'nomination' },
  },
  Training: {
    table: 'trainings',
    visibility: 'territorial',
    places: [{ body: 'organizer' }],
    label: { vi: 'lớp tập huấn', en: 'training' },
  },
  TrainingAttendance: {
    table: 'trainingAttendances',
    visibility: 'territorial',
    places: [{ body: 'training.organizer' }],
    label: { vi: 'người dự tập huấn', en: 'training attendance' },
  },
  Petition: {
    table: 'petitions',
    visibility: 'territorial',
    places: [{ unit: 'residentialGroupId' }],
    label: { vi: 'đơn thư', en: 'petition' },
  },
  PetitionStatusChange: {
    table: 'petitionStatusChanges',
    visibility: 'territorial',
    places: [{ unit: 'petition.residentialGroupId' }],
    label: { vi: 'trạng thái đơn thư', en: 'petition status change' },
  },
  CoordinationRegulation: {
    table: 'coordinationRegulations',
    visibility: 'territorial',
    places: [{ unit: 'residentialGroupId' }],
    label: { vi: 'quy chế phối hợp', en: 'coordination regulation' },
  },
  CoordinationRegulationEvent: {
    table: 'coordinationRegulationEvents',
    visibility: 'territorial',
    places: [{ unit: 'regulation.residentialGroupId' }],
    label: { vi: 'rà soát / sửa đổi quy chế phối hợp', en: 'coordination regulation review or amendment' },
  },
  // Directive documents and reorganisation decisions are open to every signed-in viewer; their
  // place anchors writes (a review is written where its directive applies).
  Directive: {
    table: 'directives',
    visibility: 'public',
    places: [{ unit: 'scopeUnitId' }],
    label: { vi: 'văn bản chỉ đạo', en: 'directive' },
  },
  ImplementationReview: {
    table: 'reviews',
    visibility: 'public',
    places: [{ unit: 'directive.scopeUnitId' }],
    label: { vi: 'hội nghị sơ kết / tổng kết', en: 'implementation review' },
  },
  Presentation: {
    table: 'presentations',
    visibility: 'public',
    places: [{ unit: 'review.directive.scopeUnitId' }],
    label: { vi: 'tham luận', en: 'presentation' },
  },
  Commendation: {
    table: 'commendations',
    visibility: 'public',
    places: [{ unit: 'directive.scopeUnitId' }],
    label: { vi: 'khen thưởng', en: 'commendation' },
  },
  ReorganisationEvent: {
    table: 'reorganisations',
    visibility: 'public',
    places: [{ unit: 'units.unitId' }],
    links: ['ReorganisationUnit'],
    label: { vi: 'sắp xếp đơn vị hành chính', en: 'reorganisation' },
  },
  Account: {
    visibility: 'administrators',
    displayName: 'displayName',
    label: { vi: 'tài khoản', en: 'account' },
  },
} as const satisfies Record<string, EntityDefinition>;

export type EntityType = keyof typeof ENTITIES;

/** Tables that log what happened (sessions, login attempts, audit, reads): no definition, never audited. */
export const LOG_MODELS: Readonly<Record<string, string>> = {
  Session: 'sign-in sessions (token hashes), a log of access',
  LoginAttempt: 'login attempts, for rate limiting',
  LoginThrottle: 'failed sign-in counters (clearing them is audited on the account)',
  AuditEntry: 'the audit trail itself',
  PersonalDataRead: 'reads of unmasked personal data',
  UnitClosure: 'derived, not entered: which unit lies within which over time, rebuilt by a trigger from unit_parents (audited there)',
};

export function isEntityType(name: string): name is EntityType {
  return Object.hasOwn(ENTITIES, name);
}

export function definitionOf(type: EntityType): EntityDefinition {
  return ENTITIES[type];
}

/** Every defined entity, with its definition, in declaration order. */
export const ENTITY_LIST: ReadonlyArray<[EntityType, EntityDefinition]> = Object.entries(ENTITIES) as Array<[EntityType, EntityDefinition]>;
