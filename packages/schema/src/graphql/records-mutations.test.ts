import { GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HISTORY_FIXTURE } from '../auth/test-support/sample-fixtures.js';
import { getDatamodel } from '../generated/pothos-types.js';
import { stableUuid } from '../store/stable-id.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { dbId } from './ids.js';
import { buildSchema } from './schema.js';

let h: Awaited<ReturnType<typeof graphqlHarness>>;

/** Global ids of what each case created, by noun (and of the shared parents, by name). */
const ids: Record<string, string> = {};

function id(name: string): string {
  const v = ids[name];
  if (v === undefined) throw new Error(`test setup: no id for ${name}`);
  return v;
}

const HANOI = stableUuid('hanoi');
const LONG_BIEN_DISTRICT = stableUuid('long-bien-district');
const PHUC_LOI_2025 = stableUuid('ward-2025-phuc-loi');
const HONG_HA_2025 = stableUuid('ward-2025-hong-ha');
const GROUP_1 = stableUuid('group-phuc-loi-1');
const GROUP_2 = stableUuid('group-phuc-loi-2');

type Violation = { code: string; path: string[]; message: { vi: string; en: string } };
type Outcome = {
  __typename: string;
  data?: { id: string; version?: number; validTo?: string | null };
  violations?: Violation[];
  expectedVersion?: number;
  actualVersion?: number;
};

const OUTCOME = (success: string, data: string) => `__typename
  ... on ${success} { data { ${data} } }
  ... on ValidationError { violations { code path message { vi en } } }
  ... on VersionConflictError { expectedVersion actualVersion }
  ... on NotFoundError { entityId }`;

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Runs `<op><Noun>(input: …)` and returns its outcome. */
async function write(op: 'create' | 'update' | 'end', noun: string, input: object, data = 'id'): Promise<Outcome> {
  const field = `${op}${noun}`;
  const r = await h.run<Record<string, Outcome>>(
    `mutation($input: ${capitalised(op)}${noun}Input!) { ${field}(input: $input) { ${OUTCOME(`Mutation${capitalised(field)}Success`, data)} } }`,
    { input },
  );
  const outcome = r[field];
  if (!outcome) throw new Error(`no result for ${field}`);
  return outcome;
}

async function create(noun: string, input: object, data = 'id'): Promise<string> {
  const r = await write('create', noun, input, data);
  if (r.__typename !== `MutationCreate${noun}Success` || !r.data) {
    throw new Error(`create${noun} failed: ${JSON.stringify(r.violations ?? r)}`);
  }
  return r.data.id;
}

/** Rows of the noun's table: a refused write leaves it unchanged. */
function countOf(noun: string): Promise<number> {
  const delegate = (h.prisma as unknown as Record<string, { count(): Promise<number> }>)[noun.charAt(0).toLowerCase() + noun.slice(1)];
  if (!delegate) throw new Error(`no table for ${noun}`);
  return delegate.count();
}

const codesOf = (r: Outcome) => (r.violations ?? []).map((v) => `${v.code}@${v.path.join('.')}`);

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: HISTORY_FIXTURE });
  // Shared parents, created over GraphQL too.
  ids.personA = await create('Person', { fullName: 'Nguyễn Văn An', sex: 'MALE', birthYear: 1970 });
  ids.personB = await create('Person', { fullName: 'Trần Thị Bình', sex: 'FEMALE', birthYear: 1975 });
  ids.personC = await create('Person', { fullName: 'Lê Văn Cường', sex: 'MALE', birthYear: 1980 });
  ids.districtParty = await create('Organization', {
    kind: 'DISTRICT_PARTY_COMMITTEE',
    name: 'Quận ủy Long Biên',
    validFrom: '2003-11-06',
    unitIds: [LONG_BIEN_DISTRICT],
  });
  ids.wardParty = await create('Organization', {
    kind: 'WARD_PARTY_COMMITTEE',
    name: 'Đảng ủy phường Phúc Lợi',
    validFrom: '2025-07-01',
    unitIds: [PHUC_LOI_2025],
  });
  ids.peoplesCommittee = await create('Organization', {
    kind: 'PEOPLES_COMMITTEE',
    name: 'UBND phường Phúc Lợi',
    validFrom: '2025-07-01',
    unitIds: [PHUC_LOI_2025],
  });
  ids.cell = await create('Organization', {
    kind: 'PARTY_CELL',
    name: 'Chi bộ Tổ dân phố số 1',
    validFrom: '2010-01-01',
    unitIds: [GROUP_1],
  });
  ids.workCell = await create('Organization', { kind: 'PARTY_CELL', name: 'Chi bộ Công ty Thăng Long', validFrom: '2010-01-01' });
  ids.groupWithoutParent = await create('Unit', { kind: 'RESIDENTIAL_GROUP', name: 'Tổ dân phố số 40', validFrom: '2025-07-01' });
  ids.wardWithoutCode = await create('Unit', { kind: 'WARD', name: 'Phường Thử Nghiệm', parentId: HANOI, validFrom: '2025-07-01' });
});
afterAll(() => h.close());

interface Case {
  noun: string;
  /** Runs before the create (parents this case needs that are not shared). */
  prepare?: () => Promise<void>;
  create: () => Record<string, unknown>;
  /** An input the domain refuses, and the violation expected among those reported. */
  invalid: () => { input: Record<string, unknown>; code: string; path: string };
  /** A correction, and a field of the object type that shows it. */
  update?: () => { patch: Record<string, unknown>; read: string; expect: unknown };
  /** For dated records: the end date, and a later one a second end must refuse. */
  end?: [string, string];
}

const CASES: Case[] = [
  {
    noun: 'UnitCode',
    create: () => ({ unitId: HONG_HA_2025, code: '00103', validFrom: '2025-07-01' }),
    invalid: () => ({ input: { unitId: HONG_HA_2025, code: '1234', validFrom: '2025-07-01' }, code: 'ADMIN_CODE_FORMAT', path: 'code' }),
    update: () => ({ patch: { code: '00104' }, read: 'code', expect: '00104' }),
    end: ['2030-01-01', '2031-01-01'],
  },
  {
    noun: 'UnitParent',
    create: () => ({ unitId: id('groupWithoutParent'), parentId: PHUC_LOI_2025, validFrom: '2025-07-01' }),
    invalid: () => ({
      input: { unitId: id('groupWithoutParent'), parentId: HANOI, validFrom: '2020-01-01', validTo: '2025-07-01' },
      code: 'UNIT_PARENT_KIND',
      path: 'parentId',
    }),
    update: () => ({ patch: { validFrom: '2025-07-15' }, read: 'validFrom', expect: '2025-07-15' }),
    end: ['2030-01-01', '2031-01-01'],
  },
  {
    noun: 'OrganizationParent',
    create: () => ({ organizationId: id('cell'), parentId: id('wardParty'), validFrom: '2025-07-01' }),
    invalid: () => ({
      input: { organizationId: id('cell'), parentId: id('cell'), validFrom: '2025-07-01' },
      code: 'INVALID_VALUE',
      path: 'parentId',
    }),
    update: () => ({ patch: { validFrom: '2025-07-02' }, read: 'validFrom', expect: '2025-07-02' }),
    end: ['2030-01-01', '2031-01-01'],
  },
  {
    noun: 'OrganizationArea',
    create: () => ({ organizationId: id('wardParty'), unitId: GROUP_2, validFrom: '2025-07-01' }),
    invalid: () => ({
      input: { organizationId: id('wardParty'), unitId: GROUP_2, validFrom: '2025-07-01', validTo: '2025-06-01' },
      code: 'PERIOD_ORDER',
      path: 'validTo',
    }),
    update: () => ({ patch: { validFrom: '2025-08-01' }, read: 'validFrom', expect: '2025-08-01' }),
    end: ['2030-01-01', '2031-01-01'],
  },
  {
    noun: 'Post',
    create: () => ({ organizationId: id('cell'), role: 'SECRETARY', label: 'Bí thư chi bộ', validFrom: '2020-01-01' }),
    invalid: () => ({
      input: { organizationId: id('cell'), role: 'SECRETARY', label: '  ', validFrom: '2020-01-01' },
      code: 'REQUIRED_FIELD',
      path: 'label',
    }),
    update: () => ({ patch: { label: 'Bí thư Chi bộ TDP số 1' }, read: 'label', expect: 'Bí thư Chi bộ TDP số 1' }),
    end: ['2030-01-01', '2031-01-01'],
  },
  {
    noun: 'PartyMembership',
    create: () => ({
      personId: id('personA'),
      status: 'PROBATIONARY',
      homeCellId: id('cell'),
      admittedOn: '2020-01-01',
      validFrom: '2020-01-01',
    }),
    invalid: () => ({
      input: { personId: id('personC'), status: 'OFFICIAL', homeCellId: id('wardParty'), validFrom: '2020-01-01' },
      code: 'INVALID_VALUE',
      path: 'homeCellId',
    }),
    update: () => ({ patch: { status: 'OFFICIAL' }, read: 'status', expect: 'OFFICIAL' }),
    end: ['2030-01-01', '2031-01-01'],
  },
  {
    noun: 'ResidenceContact',
    prepare: async () => {
      await create('PartyMembership', { personId: id('personB'), status: 'OFFICIAL', homeCellId: id('workCell'), validFrom: '2015-01-01' });
    },
    create: () => ({ personId: id('personB'), residenceCellId: id('cell'), category: 'NORMAL', validFrom: '2021-01-01' }),
    invalid: () => ({
      input: { personId: id('personC'), residenceCellId: id('cell'), category: 'NORMAL', validFrom: '2021-01-01' },
      code: 'INVALID_VALUE',
      path: 'personId',
    }),
    update: () => ({ patch: { category: 'EXEMPT_FROM_ACTIVITIES' }, read: 'category', expect: 'EXEMPT_FROM_ACTIVITIES' }),
    end: ['2030-01-01', '2031-01-01'],
  },
  {
    noun: 'ResidenceContactReview',
    create: () => ({ residenceContactId: id('ResidenceContact'), year: 2022, reviewedOn: '2022-12-15', comment: 'Gương mẫu nơi cư trú' }),
    invalid: () => ({
      input: { residenceContactId: id('ResidenceContact'), year: 1800, reviewedOn: '2022-12-15', comment: 'x' },
      code: 'INVALID_VALUE',
      path: 'year',
    }),
    update: () => ({ patch: { comment: 'Gương mẫu, tích cực' }, read: 'comment', expect: 'Gương mẫu, tích cực' }),
  },
  {
    noun: 'ApartmentComplex',
    create: () => ({ name: 'Cụm chung cư Phúc Lợi', validFrom: '2015-01-01' }),
    invalid: () => ({ input: { name: '', validFrom: '2015-01-01' }, code: 'REQUIRED_FIELD', path: 'name' }),
    update: () => ({ patch: { name: 'Cụm nhà chung cư Phúc Lợi' }, read: 'name', expect: 'Cụm nhà chung cư Phúc Lợi' }),
    end: ['2090-01-01', '2091-01-01'],
  },
  {
    noun: 'ApartmentBuilding',
    create: () => ({
      name: 'Chung cư CT1',
      residentialGroupId: GROUP_1,
      complexId: id('ApartmentComplex'),
      apartmentCount: 120,
      blockCount: 1,
      multipleOwners: true,
      handoverStartedOn: '2016-03-01',
      validFrom: '2016-01-01',
    }),
    invalid: () => ({
      input: {
        name: 'Chung cư CT2',
        residentialGroupId: GROUP_1,
        apartmentCount: 80,
        blockCount: 1,
        multipleOwners: true,
        handoverStartedOn: '2016-03-01',
        halfHandedOverOn: '2016-01-01',
        validFrom: '2016-01-01',
      },
      code: 'INVALID_VALUE',
      path: 'halfHandedOverOn',
    }),
    update: () => ({ patch: { apartmentCount: 124 }, read: 'apartmentCount', expect: 124 }),
    end: ['2090-01-01', '2091-01-01'],
  },
  {
    noun: 'BuildingBlock',
    create: () => ({ buildingId: id('ApartmentBuilding'), name: 'Tòa A' }),
    invalid: () => ({ input: { buildingId: id('ApartmentBuilding'), name: '' }, code: 'REQUIRED_FIELD', path: 'name' }),
    update: () => ({ patch: { name: 'Tòa CT1-A' }, read: 'name', expect: 'Tòa CT1-A' }),
  },
  {
    noun: 'Apartment',
    create: () => ({ buildingId: id('ApartmentBuilding'), blockId: id('BuildingBlock'), number: '101', handedOverOn: '2016-04-01' }),
    invalid: () => ({ input: { buildingId: id('ApartmentBuilding'), number: '101' }, code: 'INVALID_VALUE', path: 'number' }),
    update: () => ({ patch: { number: '101A' }, read: 'number', expect: '101A' }),
  },
  {
    noun: 'ApartmentOwnership',
    create: () => ({ apartmentId: id('Apartment'), personId: id('personA'), kind: 'OWNER', validFrom: '2016-04-01' }),
    invalid: () => ({
      input: { apartmentId: id('Apartment'), personId: id('personA'), kind: 'OWNER', validFrom: '2016-04-01', validTo: '2016-04-01' },
      code: 'PERIOD_ORDER',
      path: 'validTo',
    }),
    update: () => ({ patch: { kind: 'AUTHORISED_USER' }, read: 'kind', expect: 'AUTHORISED_USER' }),
    end: ['2030-01-01', '2031-01-01'],
  },
  {
    noun: 'BoardTerm',
    prepare: async () => {
      ids.board = await create('Organization', {
        kind: 'MANAGEMENT_BOARD',
        name: 'Ban quản trị chung cư CT1',
        buildingId: id('ApartmentBuilding'),
        validFrom: '2025-08-20',
      });
    },
    create: () => ({
      boardId: id('board'),
      termNumber: 1,
      electedOn: '2025-08-20',
      validFrom: '2025-08-20',
      validTo: '2028-08-20',
      recognition: { filedOn: '2025-08-22', decisionNumber: '123/QĐ-UBND', decidedOn: '2025-08-28', issuerId: id('peoplesCommittee') },
    }),
    invalid: () => ({
      input: { boardId: id('board'), termNumber: 0, electedOn: '2025-08-20', validFrom: '2025-08-20', validTo: '2028-08-20' },
      code: 'INVALID_VALUE',
      path: 'termNumber',
    }),
    // Correcting the election date keeps the recognition decision (the update does not mention it).
    update: () => ({ patch: { electedOn: '2025-08-19' }, read: 'recognitionDecisionNumber', expect: '123/QĐ-UBND' }),
    end: ['2027-01-01', '2027-06-01'],
  },
  {
    noun: 'Directive',
    create: () => ({
      code: '05-TT/QU',
      title: 'Thông tri về tăng cường sự lãnh đạo đối với công tác quản lý nhà chung cư',
      issuedOn: '2021-09-30',
      issuerId: id('districtParty'),
      scopeUnitId: LONG_BIEN_DISTRICT,
    }),
    invalid: () => ({
      input: { code: ' ', title: 'x', issuedOn: '2021-09-30', issuerId: id('districtParty'), scopeUnitId: LONG_BIEN_DISTRICT },
      code: 'REQUIRED_FIELD',
      path: 'code',
    }),
    update: () => ({ patch: { title: 'Thông tri 05-TT/QU' }, read: 'title', expect: 'Thông tri 05-TT/QU' }),
  },
  {
    noun: 'BoardChange',
    create: () => ({ boardId: id('board'), kind: 'ESTABLISHMENT', on: '2025-08-20', directiveId: id('Directive') }),
    invalid: () => ({ input: { boardId: id('cell'), kind: 'ESTABLISHMENT', on: '2025-08-20' }, code: 'INVALID_VALUE', path: 'boardId' }),
    update: () => ({ patch: { decisionNumber: '45/QĐ-UBND' }, read: 'decisionNumber', expect: '45/QĐ-UBND' }),
  },
  {
    noun: 'ImplementationReview',
    create: () => ({
      directiveId: id('Directive'),
      kind: 'INTERIM',
      heldOn: '2022-10-01',
      organizerId: id('districtParty'),
      title: 'Sơ kết 1 năm thực hiện Thông tri 05',
    }),
    invalid: () => ({
      input: { directiveId: id('Directive'), kind: 'INTERIM', heldOn: '2020-10-01', organizerId: id('districtParty'), title: 'Sơ kết' },
      code: 'PERIOD_ORDER',
      path: 'heldOn',
    }),
    update: () => ({ patch: { kind: 'FINAL' }, read: 'kind', expect: 'FINAL' }),
  },
  {
    noun: 'Presentation',
    create: () => ({
      reviewId: id('ImplementationReview'),
      title: 'Kinh nghiệm thành lập Ban quản trị',
      category: 'MANAGEMENT_BOARD',
      presenterOrganizationId: id('board'),
    }),
    invalid: () => ({
      input: { reviewId: id('ImplementationReview'), title: '', category: 'MANAGEMENT_BOARD' },
      code: 'REQUIRED_FIELD',
      path: 'title',
    }),
    update: () => ({
      patch: { presenterPersonId: id('personA') },
      read: 'presenterPerson { fullName }',
      expect: { fullName: 'Nguyễn Văn An' },
    }),
  },
  {
    noun: 'Commendation',
    create: () => ({
      directiveId: id('Directive'),
      reviewId: id('ImplementationReview'),
      kind: 'INDIVIDUAL',
      recipientPersonId: id('personA'),
      decidedOn: '2022-10-01',
    }),
    invalid: () => ({
      input: { directiveId: id('Directive'), kind: 'COLLECTIVE', recipientPersonId: id('personA'), decidedOn: '2022-10-01' },
      code: 'REQUIRED_FIELD',
      path: 'recipientOrganizationId',
    }),
    update: () => ({ patch: { decisionNumber: '12-QĐ/QU' }, read: 'decisionNumber', expect: '12-QĐ/QU' }),
  },
  {
    noun: 'Nomination',
    create: () => ({
      nominatingOrganizationId: id('wardParty'),
      personId: id('personA'),
      boardId: id('board'),
      category: 'PARTY_MEMBER',
      nominatedOn: '2025-08-01',
      outcome: 'PENDING',
      directiveId: id('Directive'),
    }),
    invalid: () => ({
      input: {
        nominatingOrganizationId: id('peoplesCommittee'),
        personId: id('personA'),
        boardId: id('board'),
        category: 'PARTY_MEMBER',
        nominatedOn: '2025-08-01',
        outcome: 'PENDING',
      },
      code: 'INVALID_VALUE',
      path: 'nominatingOrganizationId',
    }),
    update: () => ({ patch: { outcome: 'ELECTED' }, read: 'outcome', expect: 'ELECTED' }),
  },
  {
    noun: 'Training',
    create: () => ({ title: 'Tập huấn PCCC', topics: ['FIRE_SAFETY', 'RESCUE'], heldOn: '2023-05-01', organizerId: id('districtParty') }),
    invalid: () => ({
      input: { title: 'Tập huấn', topics: ['FIRE_SAFETY', 'FIRE_SAFETY'], heldOn: '2023-05-01', organizerId: id('districtParty') },
      code: 'INVALID_VALUE',
      path: 'topics.1',
    }),
    update: () => ({ patch: { topics: ['FIRE_SAFETY'] }, read: 'topics', expect: ['FIRE_SAFETY'] }),
  },
  {
    noun: 'TrainingAttendance',
    create: () => ({ trainingId: id('Training'), personId: id('personA') }),
    invalid: () => ({ input: { trainingId: id('Training'), personId: id('personA') }, code: 'INVALID_VALUE', path: 'personId' }),
  },
  {
    noun: 'Petition',
    create: () => ({
      kind: 'COMPLAINT',
      subject: 'Phí dịch vụ nhà chung cư',
      receivedOn: '2023-03-01',
      residentialGroupId: GROUP_1,
      buildingId: id('ApartmentBuilding'),
    }),
    invalid: () => ({
      input: {
        kind: 'COMPLAINT',
        subject: 'Phí',
        receivedOn: '2023-03-01',
        residentialGroupId: GROUP_2,
        buildingId: id('ApartmentBuilding'),
      },
      code: 'INVALID_VALUE',
      path: 'buildingId',
    }),
    update: () => ({ patch: { kind: 'PROPOSAL' }, read: 'kind', expect: 'PROPOSAL' }),
  },
  {
    noun: 'PetitionStatusChange',
    create: () => ({ petitionId: id('Petition'), status: 'RECEIVED', on: '2023-03-01' }),
    invalid: () => ({ input: { petitionId: id('Petition'), status: 'RESOLVED', on: '2023-02-01' }, code: 'PERIOD_ORDER', path: 'on' }),
  },
  {
    noun: 'CoordinationRegulation',
    create: () => ({ residentialGroupId: GROUP_1, boardId: id('board'), signedOn: '2025-09-01', validFrom: '2025-09-01' }),
    invalid: () => ({
      input: { residentialGroupId: GROUP_1, boardId: id('cell'), signedOn: '2025-09-01', validFrom: '2025-09-01' },
      code: 'INVALID_VALUE',
      path: 'boardId',
    }),
    update: () => ({ patch: { signedOn: '2025-08-30' }, read: 'signedOn', expect: '2025-08-30' }),
    end: ['2030-01-01', '2031-01-01'],
  },
  {
    noun: 'CoordinationRegulationEvent',
    create: () => ({ regulationId: id('CoordinationRegulation'), kind: 'REVIEWED', on: '2026-09-01', note: 'Rà soát hằng năm' }),
    invalid: () => ({
      input: { regulationId: id('CoordinationRegulation'), kind: 'AMENDED', on: '2025-01-01' },
      code: 'PERIOD_ORDER',
      path: 'on',
    }),
  },
];

describe('record mutations: create, refuse, correct, conflict, end — for every entity', () => {
  // Sequential: later cases use what earlier ones created (a building for its apartments…).
  for (const c of CASES) {
    it(c.noun, async () => {
      await c.prepare?.();
      const created = await write('create', c.noun, c.create(), c.update ? 'id version' : 'id');
      expect(created.__typename, JSON.stringify(created.violations)).toBe(`MutationCreate${c.noun}Success`);
      const createdId = created.data?.id ?? '';
      ids[c.noun] = createdId;
      // A global id of the right type, readable through `node`.
      const node = await h.run<{ node: { __typename: string } | null }>(`query($id: ID!) { node(id: $id) { __typename } }`, {
        id: createdId,
      });
      expect(node.node?.__typename).toBe(c.noun);

      const bad = c.invalid();
      const before = await countOf(c.noun);
      const refused = await write('create', c.noun, bad.input);
      expect(refused.__typename).toBe('ValidationError');
      expect(codesOf(refused)).toContain(`${bad.code}@${bad.path}`);
      for (const v of refused.violations ?? []) {
        expect(v.message.vi).toMatch(/[À-ỹ]/u);
        expect(v.message.en.length).toBeGreaterThan(5);
      }
      expect(await countOf(c.noun)).toBe(before);

      if (c.update) {
        expect(created.data?.version).toBe(1);
        const u = c.update();
        const updated = await write('update', c.noun, { id: createdId, version: 1, ...u.patch }, `id version ${u.read}`);
        expect(updated.__typename, JSON.stringify(updated.violations)).toBe(`MutationUpdate${c.noun}Success`);
        expect(updated.data?.version).toBe(2);
        const field = u.read.split(' ')[0] ?? u.read;
        expect((updated.data as Record<string, unknown> | undefined)?.[field]).toEqual(u.expect);
        const stale = await write('update', c.noun, { id: createdId, version: 1, ...u.patch });
        expect(stale).toMatchObject({ __typename: 'VersionConflictError', expectedVersion: 1, actualVersion: 2 });
      }

      if (c.end) {
        const [on, later] = c.end;
        const ended = await write('end', c.noun, { id: createdId, version: 2, on }, 'id version validTo');
        expect(ended.__typename, JSON.stringify(ended.violations)).toBe(`MutationEnd${c.noun}Success`);
        expect(ended.data).toMatchObject({ validTo: on, version: 3 });
        const again = await write('end', c.noun, { id: createdId, version: 3, on: later });
        expect(again.__typename).toBe('ValidationError');
        expect(codesOf(again)).toEqual(['PERIOD_ORDER@on']);
      }
    });
  }
});

describe('domain rules fire through GraphQL', () => {
  it('a code another unit holds in the period → ADMIN_CODE_UNIQUE', async () => {
    const r = await write('create', 'UnitCode', { unitId: id('wardWithoutCode'), code: '00145', validFrom: '2025-08-01' });
    expect(codesOf(r)).toEqual(['ADMIN_CODE_UNIQUE@code']);
    expect(r.violations?.[0]?.message.vi).toContain('00145');
    // The same code once the other holder's period allows it (00142 ended with Sài Đồng on 1/1/2025).
    const reused = await write('create', 'UnitCode', { unitId: id('wardWithoutCode'), code: '00142', validFrom: '2025-08-01' });
    expect(reused.__typename).toBe('MutationCreateUnitCodeSuccess');
  });

  it('a code of the wrong length for the unit’s level → ADMIN_CODE_FORMAT', async () => {
    const r = await write('create', 'UnitCode', { unitId: LONG_BIEN_DISTRICT, code: '00999', validFrom: '2026-01-01' });
    expect(codesOf(r)).toContain('ADMIN_CODE_FORMAT@code');
  });

  it('a board term longer than 3 years → BOARD_TERM_LENGTH', async () => {
    const r = await write('create', 'BoardTerm', {
      boardId: id('board'),
      termNumber: 2,
      electedOn: '2027-01-01',
      validFrom: '2027-01-01',
      validTo: '2030-06-01',
    });
    expect(codesOf(r)).toEqual(['BOARD_TERM_LENGTH@validTo']);
  });

  it('a recognition decision from the wrong level is refused; a late filing or decision is a finding, not a refusal', async () => {
    const term2 = { boardId: id('board'), termNumber: 2, electedOn: '2027-01-01', validFrom: '2027-01-01', validTo: '2030-01-01' };
    const late = { filedOn: '2027-01-20', decisionNumber: '9/QĐ-UBND', decidedOn: '2027-03-01' };
    const wrongLevel = await write('create', 'BoardTerm', { ...term2, recognition: { ...late, issuerId: id('districtParty') } });
    expect(codesOf(wrongLevel)).toEqual(['BOARD_RECOGNITION_LEVEL@recognition.issuerId']);
    // BOARD_RECOGNITION_FILING and _DECISION are warnings in the rule catalog: reported as findings, never blocking.
    const accepted = await write('create', 'BoardTerm', { ...term2, recognition: { ...late, issuerId: id('peoplesCommittee') } });
    expect(accepted.__typename).toBe('MutationCreateBoardTermSuccess');
  });

  it('a board term with a number already used, or overlapping another term, is refused', async () => {
    const base = { boardId: id('board'), electedOn: '2026-06-01', validFrom: '2026-06-01', validTo: '2029-06-01' };
    expect(codesOf(await write('create', 'BoardTerm', { ...base, termNumber: 1 }))).toContain('INVALID_VALUE@termNumber');
    // Overlaps term 1 (ended 2027-01-01) and term 2 (from 2027-01-01).
    expect(codesOf(await write('create', 'BoardTerm', { ...base, termNumber: 3 }))).toEqual([
      'INVALID_VALUE@validFrom',
      'INVALID_VALUE@validFrom',
    ]);
  });

  it('a second concurrent party-membership record → MEMBERSHIP_OVERLAP (database constraint)', async () => {
    const r = await write('create', 'PartyMembership', {
      personId: id('personA'),
      status: 'OFFICIAL',
      homeCellId: id('cell'),
      validFrom: '2022-01-01',
    });
    expect(codesOf(r)).toEqual(['MEMBERSHIP_OVERLAP@validFrom']);
  });

  it('a unit with a second parent in the same period → UNIT_ONE_PARENT', async () => {
    const r = await write('create', 'UnitParent', {
      unitId: GROUP_1,
      parentId: stableUuid('ward-2025-long-bien'),
      validFrom: '2025-09-01',
    });
    expect(codesOf(r)).toEqual(['UNIT_ONE_PARENT@validFrom']);
  });

  it('a body cannot become the parent of its own parent', async () => {
    const r = await write('create', 'OrganizationParent', {
      organizationId: id('wardParty'),
      parentId: id('cell'),
      validFrom: '2026-01-01',
    });
    expect(codesOf(r)).toEqual(['INVALID_VALUE@parentId']);
  });

  it('a reference to a record that does not exist, or not yet, is a ValidationError, not a database error', async () => {
    const missing = await write('create', 'BuildingBlock', { buildingId: stableUuid('no-such-building'), name: 'Tòa B' });
    expect(codesOf(missing)).toEqual(['ENTITY_NOT_FOUND@buildingId']);
    const tooEarly = await write('create', 'Post', {
      organizationId: id('wardParty'),
      role: 'SECRETARY',
      label: 'Bí thư',
      validFrom: '2020-01-01',
    });
    expect(codesOf(tooEarly)).toEqual(['ENTITY_NOT_FOUND@organizationId']);
  });

  it('a post still held cannot be ended under its holder', async () => {
    const post = await create('Post', {
      organizationId: id('cell'),
      role: 'DEPUTY_SECRETARY',
      label: 'Phó bí thư',
      validFrom: '2021-01-01',
    });
    await create('Membership', {
      personId: id('personC'),
      organizationId: id('cell'),
      role: 'DEPUTY_SECRETARY',
      postId: post,
      validFrom: '2021-01-01',
    });
    const r = await write('end', 'Post', { id: post, version: 1, on: '2024-01-01' });
    expect(codesOf(r)).toEqual(['INVALID_VALUE@on']);
  });

  it('an update is checked as the whole record it makes (PERIOD_ORDER on a merged period)', async () => {
    const ownership = await create('ApartmentOwnership', {
      apartmentId: id('Apartment'),
      personId: id('personB'),
      kind: 'OWNER',
      validFrom: '2020-01-01',
      validTo: '2022-01-01',
    });
    const r = await write('update', 'ApartmentOwnership', { id: ownership, version: 1, validFrom: '2023-01-01' });
    expect(codesOf(r)).toEqual(['PERIOD_ORDER@validTo']);
  });
});

describe('fixes in the shared write path', () => {
  it('createOrganization records the parent and areas it is given (create-only fields the domain schema does not list)', async () => {
    const cell = await create('Organization', {
      kind: 'PARTY_CELL',
      name: 'Chi bộ Tổ dân phố số 2',
      validFrom: '2025-07-01',
      parentId: id('wardParty'),
      unitIds: [GROUP_2],
    });
    const r = await h.run<{ node: { parent: { name: string } | null; areas: Array<{ name: string }> } }>(
      `query($id: ID!) { node(id: $id) { ... on Organization { parent(asOf: "2025-08-01") { name } areas(asOf: "2025-08-01") { name } } } }`,
      { id: cell },
    );
    expect(r.node).toEqual({ parent: { name: 'Đảng ủy phường Phúc Lợi' }, areas: [{ name: 'Tổ dân phố số 2 (Phúc Lợi)' }] });
  });

  it('a partial update of a person keeps the record’s period (no invalid date, no un-ending)', async () => {
    const person = await h.prisma.person.findUniqueOrThrow({ where: { id: dbId(id('personC'), 'Person') } });
    const r = await write(
      'update',
      'Person',
      { id: id('personC'), version: person.version, phone: '0912345678' },
      'id version phone validFrom',
    );
    expect(r.__typename, JSON.stringify(r.violations)).toBe('MutationUpdatePersonSuccess');
    expect(r.data).toMatchObject({ phone: '0912345678', validFrom: '1980-01-01', version: person.version + 1 });
  });
});

/**
 * Every model that holds user data can be written through the API. Not through a plain create:
 * - ReorganisationEvent: recorded only by the `recordReorganisation` workflow, which ends and
 *   starts units in the same transaction (a bare event would describe changes that never happened);
 * - ReorganisationUnit: the event's original/resulting unit links, written with the event.
 */
const WRITTEN_BY_WORKFLOW: Record<string, string | null> = {
  ReorganisationEvent: 'recordReorganisation',
  ReorganisationUnit: null,
  // Accounts and access (issue #4): sessions and attempts are written by `login`; the audit trail
  // by every mutation in its own transaction; the personal-data read log by reads.
  Session: 'login',
  LoginAttempt: 'login',
  // Failed-login counters (issue #12): counted by `login`, cleared by an administrator.
  LoginThrottle: 'login',
  AuditEntry: null,
  PersonalDataRead: null,
  // Territory as data (issue #13): derived from unit_parents by a database trigger, never written by the API.
  UnitClosure: null,
  // Where a person is (issue #13): derived by database triggers from the tables of a person's places.
  PersonPlace: null,
  // Bulk import (issue #14): a batch is made by the upload (POST /imports, `coso import`) and
  // marked committed by `commitImport`, which also keeps the source keys of the rows it wrote.
  ImportBatch: 'commitImport',
  ImportSourceKey: 'commitImport',
  // An upload's rows (issue #14 item 7): written by the upload, their outcomes by a preview or `commitImport`.
  ImportRow: 'commitImport',
  // The review report's tasks ahead (issue #15): one record per directive, scope and period, created
  // and corrected by `saveReportTasks` (saving again rewrites it, at its next version).
  ReportTasks: 'saveReportTasks',
  // Findings as work (issue #15): the work on a computed finding, stored under its key by
  // `assignFinding` and ended by `resolveFinding` / `acceptFinding` (or by the write that fixes it).
  FindingWork: 'assignFinding',
};
/** The API noun where it is not the model's name. */
const NOUN: Record<string, string> = { AdministrativeUnit: 'Unit' };

describe('mutation coverage', () => {
  const models = getDatamodel().datamodel.models;
  const mutation = buildSchema().getMutationType();
  const fields = mutation instanceof GraphQLObjectType ? mutation.getFields() : {};

  it('every model has a create mutation, or is written by a named workflow', () => {
    const missing = Object.keys(models).filter((m) => {
      if (m in WRITTEN_BY_WORKFLOW) {
        const workflow = WRITTEN_BY_WORKFLOW[m];
        return workflow !== null && workflow !== undefined && !(workflow in fields);
      }
      return !(`create${NOUN[m] ?? m}` in fields);
    });
    expect(missing).toEqual([]);
    for (const m of Object.keys(WRITTEN_BY_WORKFLOW)) expect(Object.keys(models)).toContain(m);
  });

  it('every versioned model can be corrected, and every dated one ended', () => {
    const gaps: string[] = [];
    for (const [m, model] of Object.entries(models)) {
      if (m in WRITTEN_BY_WORKFLOW) continue;
      const names = new Set(model.fields.map((f) => f.name));
      const noun = NOUN[m] ?? m;
      if (names.has('version') && !(`update${noun}` in fields)) gaps.push(`update${noun}`);
      if (names.has('validTo') && !(`end${noun}` in fields)) gaps.push(`end${noun}`);
    }
    expect(gaps).toEqual([]);
  });
});
