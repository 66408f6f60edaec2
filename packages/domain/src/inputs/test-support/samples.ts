import { z } from 'zod';
import * as inputs from '../index.js';

/** One valid create input per schema, as a client would send it (before normalisation). */
export const CREATE_SAMPLES: ReadonlyArray<readonly [string, z.ZodType, Record<string, unknown>]> = [
  [
    'AdministrativeUnit',
    inputs.createAdministrativeUnitInput,
    { kind: 'WARD', name: 'Ngọc Thụy', validFrom: '2003-12-06', validTo: '2025-07-01', code: '00118', parentId: 'long-bien' },
  ],
  ['UnitCode', inputs.createUnitCodeInput, { unitId: 'bo-de', code: '00118', validFrom: '2025-07-01' }],
  ['UnitParent', inputs.createUnitParentInput, { unitId: 'bo-de', parentId: 'ha-noi', validFrom: '2025-07-01', validTo: null }],
  ['Organization', inputs.createOrganizationInput, { kind: 'PARTY_CELL', name: 'Chi bộ tổ dân phố số 5', validFrom: '2010-03-01' }],
  ['OrganizationArea', inputs.createOrganizationAreaInput, { organizationId: 'cell-5', unitId: 'tdp-5', validFrom: '2010-03-01' }],
  [
    'OrganizationParent',
    inputs.createOrganizationParentInput,
    { organizationId: 'cell-5', parentId: 'dang-uy-bo-de', validFrom: '2010-03-01' },
  ],
  [
    'Person',
    inputs.createPersonInput,
    { fullName: 'Nguyễn Văn An', sex: 'MALE', birthYear: 1985, birthDate: '1985-04-12', citizenId: '001085012345', phone: '0912345678' },
  ],
  ['Post', inputs.createPostInput, { organizationId: 'cell-5', role: 'SECRETARY', label: 'Bí thư chi bộ', validFrom: '2010-03-01' }],
  ['Membership', inputs.createMembershipInput, { personId: 'an', organizationId: 'cell-5', role: 'SECRETARY', validFrom: '2020-05-01' }],
  [
    'PartyMembership',
    inputs.createPartyMembershipInput,
    { personId: 'an', status: 'OFFICIAL', homeCellId: 'cell-5', admittedOn: '2008-05-19', validFrom: '2008-05-19' },
  ],
  [
    'ResidenceContact',
    inputs.createResidenceContactInput,
    { personId: 'an', residenceCellId: 'cell-5', category: 'NORMAL', validFrom: '2020-01-02' },
  ],
  [
    'ResidenceContactReview',
    inputs.createResidenceContactReviewInput,
    { residenceContactId: 'rc-1', year: 2023, reviewedOn: '2023-12-15', comment: 'Gương mẫu, tích cực.' },
  ],
  [
    'ApartmentBuilding',
    inputs.createApartmentBuildingInput,
    {
      name: 'Chung cư Mipec Long Biên',
      address: 'Số 2 Long Biên 2',
      residentialGroupId: 'tdp-5',
      apartmentCount: 312,
      blockCount: 2,
      multipleOwners: true,
      handoverStartedOn: '2016-01-10',
      halfHandedOverOn: '2016-06-01',
      validFrom: '2015-12-01',
    },
  ],
  ['ApartmentComplex', inputs.createApartmentComplexInput, { name: 'Khu đô thị Việt Hưng', validFrom: '2012-01-01' }],
  ['BuildingBlock', inputs.createBuildingBlockInput, { buildingId: 'mipec', name: 'Tòa A' }],
  ['Apartment', inputs.createApartmentInput, { buildingId: 'mipec', blockId: 'a', number: 'A-1203', handedOverOn: '2016-02-01' }],
  [
    'ApartmentOwnership',
    inputs.createApartmentOwnershipInput,
    { apartmentId: 'a-1203', personId: 'an', kind: 'OWNER', validFrom: '2016-02-01' },
  ],
  [
    'BoardTerm',
    inputs.createBoardTermInput,
    {
      boardId: 'bqt-mipec',
      termNumber: 1,
      electedOn: '2022-03-05',
      validFrom: '2022-03-05',
      validTo: '2025-03-05',
      recognition: { filedOn: '2022-03-10', decisionNumber: '123/QĐ-UBND', decidedOn: '2022-03-18', issuerId: 'ubnd-long-bien' },
    },
  ],
  [
    'BoardChange',
    inputs.createBoardChangeInput,
    { boardId: 'bqt-mipec', kind: 'ESTABLISHMENT', on: '2022-03-18', decisionNumber: '123/QĐ-UBND' },
  ],
  [
    'Directive',
    inputs.createDirectiveInput,
    { code: '05-TT/QU', title: 'Thông tri 05', issuedOn: '2021-09-30', issuerId: 'quan-uy', scopeUnitId: 'long-bien' },
  ],
  [
    'ImplementationReview',
    inputs.createImplementationReviewInput,
    { directiveId: 'tt-05', kind: 'INTERIM', heldOn: '2022-12-20', organizerId: 'quan-uy', title: 'Sơ kết 1 năm' },
  ],
  [
    'Presentation',
    inputs.createPresentationInput,
    { reviewId: 'sk-1', title: 'Tham luận', category: 'MANAGEMENT_BOARD', presenterPersonId: 'an' },
  ],
  [
    'Commendation',
    inputs.createCommendationInput,
    { directiveId: 'tt-05', kind: 'INDIVIDUAL', recipientPersonId: 'an', decidedOn: '2022-12-20', decisionNumber: '45-QĐ/QU' },
  ],
  [
    'Nomination',
    inputs.createNominationInput,
    {
      nominatingOrganizationId: 'dang-uy',
      personId: 'an',
      boardId: 'bqt-mipec',
      category: 'PARTY_MEMBER',
      nominatedOn: '2022-02-01',
      outcome: 'ELECTED',
    },
  ],
  [
    'Training',
    inputs.createTrainingInput,
    { title: 'Tập huấn PCCC', topics: ['FIRE_SAFETY', 'RESCUE'], heldOn: '2022-10-01', organizerId: 'ubnd' },
  ],
  ['TrainingAttendance', inputs.createTrainingAttendanceInput, { trainingId: 't-1', personId: 'an' }],
  [
    'Petition',
    inputs.createPetitionInput,
    { kind: 'COMPLAINT', subject: 'Phí bảo trì', receivedOn: '2021-05-05', residentialGroupId: 'tdp-5' },
  ],
  ['PetitionStatusChange', inputs.createPetitionStatusChangeInput, { petitionId: 'p-1', status: 'RESOLVED', on: '2021-08-01' }],
  [
    'CoordinationRegulation',
    inputs.createCoordinationRegulationInput,
    { residentialGroupId: 'tdp-5', boardId: 'bqt-mipec', signedOn: '2022-04-01', validFrom: '2022-04-01' },
  ],
  [
    'CoordinationRegulationEvent',
    inputs.createCoordinationRegulationEventInput,
    { regulationId: 'qc-1', kind: 'REVIEWED', on: '2023-04-01' },
  ],
  [
    'establishBoard',
    inputs.establishBoardInput,
    {
      buildingId: 'mipec',
      electedOn: '2022-03-05',
      validFrom: '2022-03-05',
      validTo: '2025-03-05',
      members: [
        { personId: 'an', role: 'HEAD' },
        { personId: 'binh', role: 'DEPUTY_HEAD' },
        { personId: 'chi', role: 'MEMBER' },
      ],
    },
  ],
  [
    'consolidateBoard',
    inputs.consolidateBoardInput,
    { boardId: 'bqt-mipec', version: 3, on: '2023-06-01', replace: [{ membershipId: 'm-2', byPersonId: 'dung' }], end: ['m-3'] },
  ],
  [
    'recordReorganisation',
    inputs.recordReorganisationInput,
    {
      kind: 'RESTRUCTURE',
      effectiveOn: '2025-07-01',
      legalBasis: 'Nghị quyết 1656/NQ-UBTVQH15',
      note: 'Sắp xếp các phường thành phường mới trực thuộc thành phố',
      endUnitIds: ['ngoc-thuy', 'bo-de-cu'],
      newUnits: [{ ref: 'bo-de', kind: 'WARD', name: 'Bồ Đề', kindLabel: 'Phường', code: '00118', parentId: 'ha-noi' }],
      moveUnits: [{ unitId: 'tdp-5', toParentId: 'bo-de' }],
      endOrganizationIds: ['dang-uy-ngoc-thuy'],
      newOrganizations: [
        { ref: 'dang-uy-bo-de', kind: 'WARD_PARTY_COMMITTEE', name: 'Đảng ủy phường Bồ Đề', parentId: 'thanh-uy', unitIds: ['bo-de'] },
      ],
      moveOrganizationAreas: [{ organizationId: 'mttq-bo-de-cu', fromUnitId: 'bo-de-cu', toUnitId: 'bo-de' }],
      moveOrganizations: [{ organizationId: 'cell-5', toParentId: 'dang-uy-bo-de' }],
      moveMemberships: [{ membershipId: 'm-1', toOrganizationId: 'dang-uy-bo-de' }],
      movePartyCells: [{ fromCellId: 'cell-4', toCellId: 'cell-5' }],
    },
  ],
];

/**
 * Every update schema, by entity: each `update<Type>Input` the inputs export, read from the module
 * (a new entity's update schema is tested without a line here; its create sample names the type).
 */
export const UPDATE_SCHEMAS: ReadonlyArray<readonly [string, z.ZodType<object>]> = Object.entries(inputs).flatMap(([name, value]) => {
  const type = /^update(\w+)Input$/.exec(name)?.[1];
  return type !== undefined && value instanceof z.ZodType ? [[type, value as z.ZodType<object>] as const] : [];
});
