import type { LocalizedText } from '@coso/domain';
import {
  createBuildingBlockInput,
  createCoordinationRegulationEventInput,
  createCoordinationRegulationInput,
  createPetitionStatusChangeInput,
  createPresentationInput,
  createTrainingAttendanceInput,
  type DomainState,
  PARTY_ORGANIZATION_KINDS,
  updateBuildingBlockInput,
  updateCoordinationRegulationInput,
  updatePresentationInput,
} from '@coso/domain';
import type { EntityApi } from './api.js';

/**
 * One definition per entity: what the Prisma data model cannot say. Keyed by the type name, which
 * is at once the Prisma model, the GraphQL object type, the global-id typename and the audit
 * entry's entity type. Everything else (delegate, date columns, id columns, version, search
 * column, insert order) is read from the data model (`data-model.ts`); the store's row mapping,
 * the read locators, the list filters and the write anchors are derived from both (`places.ts`,
 * `store/state-tables.ts`, `auth/locator.ts`, `graphql/territory-filters.ts`). With an `api`
 * part, its GraphQL object type, list and mutations are generated too (`graphql/generated-entities.ts`).
 *
 * Adding an entity: add its definition here (a test fails for a Prisma model that has none), with
 * an `api` part unless its type needs hand-written fields (masked personal data, computed fields).
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
  /** Columns holding personal data: never in a generated type (a hand-written field masks them). */
  personal?: readonly string[];
  label: LocalizedText;
  /**
   * Its GraphQL object type, list and mutations, generated (`graphql/generated-entities.ts`);
   * without it, the type is written by hand in its area's file (`graphql/<area>.ts`).
   */
  api?: EntityApi;
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
    // Its mutations check codes against the unit's level and every other code (records-mutations-places.ts).
    api: { description: 'Mã đơn vị hành chính trong một thời kỳ / An administrative code held for a period.' },
  },
  UnitParent: {
    table: 'unitParents',
    visibility: 'territorial',
    places: [{ unit: 'unitId' }],
    label: { vi: 'quan hệ trực thuộc', en: 'parent link' },
    api: { description: 'Quan hệ trực thuộc trong một thời kỳ / A unit sitting under a parent unit for a period.' },
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
    // validFrom is the date of birth when known (people.ts gives roles without personal data 1 January).
    personal: ['birthDate', 'citizenId', 'phone', 'validFrom'],
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
    api: {
      description: 'Khối nhà / A block of a building.',
      related: { apartments: { orderBy: { number: 'asc' } } },
      mutations: {
        createSchema: createBuildingBlockInput,
        updateSchema: updateBuildingBlockInput,
        descriptions: { name: 'Tên khối / e.g. "Tòa A", "Block B".' },
      },
    },
  },
  Apartment: {
    table: 'apartments',
    visibility: 'territorial',
    places: [{ unit: 'building.residentialGroupId' }],
    label: { vi: 'căn hộ', en: 'apartment' },
    // Its mutations check the block and the number against the building (records-mutations-buildings.ts).
    api: {
      description: 'Căn hộ / An apartment of a building.',
      descriptions: {
        number: 'Số căn hộ / The apartment number, unique in its building.',
        handedOverOn: 'Ngày bàn giao / Handover date.',
      },
      related: {
        ownerships: {
          orderBy: { validFrom: 'asc' },
          description: 'Chủ sở hữu / người sử dụng theo thời gian / Owners and authorised users over time.',
        },
      },
    },
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
    api: {
      description: 'Dự tập huấn / A person’s attendance at a training (recorded, never edited).',
      mutations: {
        createSchema: createTrainingAttendanceInput,
        // Once per person and training (the database's unique index backs it; this names the field).
        check: async (tx, rec) =>
          (await tx.trainingAttendance.count({
            where: { trainingId: String(rec.trainingId), personId: String(rec.personId), NOT: { id: rec.id } },
          }))
            ? [
                {
                  code: 'INVALID_VALUE',
                  severity: 'error',
                  path: ['personId'],
                  message: { vi: 'Người này đã được ghi nhận dự lớp tập huấn.', en: 'This person’s attendance is already recorded.' },
                },
              ]
            : [],
      },
    },
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
    api: {
      description: 'Trạng thái đơn thư / A petition’s status from a date (history: appended, never overwritten).',
      mutations: {
        createSchema: createPetitionStatusChangeInput,
        refs: {
          petitionId: {
            notBefore: { field: 'on', column: 'receivedOn', what: { vi: 'Ngày nhận đơn', en: 'Date the petition was received' } },
          },
        },
      },
    },
  },
  CoordinationRegulation: {
    table: 'coordinationRegulations',
    visibility: 'territorial',
    places: [{ unit: 'residentialGroupId' }],
    label: { vi: 'quy chế phối hợp', en: 'coordination regulation' },
    api: {
      description: 'Quy chế phối hợp / The working rules between a group head and a board.',
      related: { events: { orderBy: { on: 'asc' } } },
      list: { field: 'coordinationRegulations', orderBy: ['signedOn'], withinUnit: true },
      mutations: {
        createSchema: createCoordinationRegulationInput,
        updateSchema: updateCoordinationRegulationInput,
        descriptions: { boardId: 'Ban quản trị / The management board.' },
        refs: {
          residentialGroupId: { label: { vi: 'Tổ dân phố', en: 'Residential group' }, kinds: ['RESIDENTIAL_GROUP'] },
          boardId: { label: { vi: 'Ban quản trị', en: 'Management board' }, kinds: ['MANAGEMENT_BOARD'] },
        },
        refsOn: 'validFrom',
      },
    },
  },
  CoordinationRegulationEvent: {
    table: 'coordinationRegulationEvents',
    visibility: 'territorial',
    places: [{ unit: 'regulation.residentialGroupId' }],
    label: { vi: 'rà soát / sửa đổi quy chế phối hợp', en: 'coordination regulation review or amendment' },
    api: {
      description: 'Rà soát / sửa đổi quy chế phối hợp / A review or amendment of a coordination regulation (history).',
      mutations: {
        createSchema: createCoordinationRegulationEventInput,
        descriptions: { kind: 'Rà soát / sửa đổi / Reviewed or amended.' },
        refs: {
          regulationId: {
            notBefore: { field: 'on', column: 'signedOn', what: { vi: 'Ngày ký quy chế', en: 'Date the regulation was signed' } },
          },
        },
      },
    },
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
    api: {
      description: 'Tham luận / A presentation at a review conference.',
      mutations: {
        createSchema: createPresentationInput,
        updateSchema: updatePresentationInput,
        descriptions: {
          presenterOrganizationId: 'Đơn vị trình bày / The presenting body.',
          presenterPersonId: 'Người trình bày / The presenter.',
        },
        refs: { reviewId: { label: { vi: 'Hội nghị sơ kết / tổng kết', en: 'Review conference' } } },
      },
    },
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
  // The tasks ahead an officer writes for a report (no domain table: the report does not count them).
  ReportTasks: {
    visibility: 'territorial',
    places: [{ unit: 'scopeUnitId' }],
    label: { vi: 'nhiệm vụ, giải pháp của báo cáo', en: 'tasks ahead of a report' },
  },
  // Work on a finding (assignment, due date, resolution): findings are computed, the work is entered.
  FindingWork: {
    visibility: 'territorial',
    places: [{ unit: 'wardId' }],
    label: { vi: 'xử lý tồn tại', en: 'finding work' },
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
  PersonPlace:
    'derived, not entered: the units a person’s paths reach (residence, bodies, party cell, apartments), kept by triggers on those tables (audited there)',
  ImportBatch: 'uploaded spreadsheets and their commits (who, file, hash, rows); the records an import writes are audited one by one',
  ImportSourceKey: "import bookkeeping: a spreadsheet's own row id → the record it became (that record is audited)",
  ImportRow:
    'an uploaded sheet’s rows as read and what the last preview or commit found for each (the records an import writes are audited)',
};

export function isEntityType(name: string): name is EntityType {
  return Object.hasOwn(ENTITIES, name);
}

export function definitionOf(type: EntityType): EntityDefinition {
  return ENTITIES[type];
}

/** Every defined entity, with its definition, in declaration order. */
export const ENTITY_LIST: ReadonlyArray<[EntityType, EntityDefinition]> = Object.entries(ENTITIES) as Array<[EntityType, EntityDefinition]>;
