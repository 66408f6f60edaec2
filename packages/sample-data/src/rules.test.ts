import {
  checkBoard,
  checkBoardTerm,
  checkCell,
  checkFirstConference,
  checkGroupLeadership,
  checkMembership,
  checkResidenceContactReviews,
  checkUnitParent,
  createAdministrativeUnitInput,
  createApartmentBuildingInput,
  createApartmentComplexInput,
  createApartmentInput,
  createApartmentOwnershipInput,
  createBoardChangeInput,
  createBoardTermInput,
  createBuildingBlockInput,
  createCommendationInput,
  createCoordinationRegulationEventInput,
  createCoordinationRegulationInput,
  createDirectiveInput,
  createImplementationReviewInput,
  createMembershipInput,
  createNominationInput,
  createOrganizationAreaInput,
  createOrganizationInput,
  createOrganizationParentInput,
  createPartyMembershipInput,
  createPersonInput,
  createPetitionInput,
  createPetitionStatusChangeInput,
  createPostInput,
  createPresentationInput,
  createResidenceContactInput,
  createResidenceContactReviewInput,
  createTrainingAttendanceInput,
  createTrainingInput,
  createUnitCodeInput,
  createUnitParentInput,
  type DomainState,
  isActiveOn,
  type Period,
  parseInput,
  periodsOverlap,
  type Result,
  type Violation,
  validateCitizenId,
  validateMobile,
} from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { deliberateGaps, longBien2022Dataset, REVIEW_DATE } from './index.js';

const s = longBien2022Dataset();
const gaps = deliberateGaps();

/** Days worth checking: the directive's period, the review, and around the 2025 reorganisations. */
const CHECKPOINTS = ['2021-09-30', '2022-06-30', REVIEW_DATE, '2023-12-01', '2024-12-31', '2025-03-01', '2025-08-01', '2026-06-30'];

const show = (vs: readonly Violation[]): string[] => vs.map((v) => `${v.code}: ${v.message.en}`);

describe('write-time rules hold for every record (except the deliberate gaps)', () => {
  it('boards: composition (size, one head, deputies, members own an apartment) on every day it changes', () => {
    const boards = s.organizations.filter((o) => o.kind === 'MANAGEMENT_BOARD');
    expect(boards.length).toBeGreaterThan(55);
    for (const board of boards) {
      const days = new Set(CHECKPOINTS);
      for (const m of s.memberships) {
        if (m.organizationId !== board.id) continue;
        days.add(m.validFrom);
        if (m.validTo) days.add(m.validTo);
      }
      for (const day of days) expect(show(checkBoard(s, board.id, day)), `${board.name} on ${day}`).toEqual([]);
    }
  });

  it('board terms: length, recognition deadlines and the recognising level (district, then ward from 1/7/2025)', () => {
    expect(s.boardTerms.some((t) => (t.recognition?.decidedOn ?? '') >= '2025-07-01')).toBe(true);
    for (const term of s.boardTerms) expect(show(checkBoardTerm(s, term)), term.id).toEqual([]);
  });

  it('party cells: at least 3 official members, fewer than 30, leadership by size (the weak cell: only in its first year)', () => {
    const weak = new Set(gaps.filter((g) => g.code === 'CELL_MIN_OFFICIAL_MEMBERS').map((g) => g.entityId));
    for (const cell of s.organizations.filter((o) => o.kind === 'PARTY_CELL')) {
      for (const day of CHECKPOINTS) {
        const found = checkCell(s, cell.id, day).map((v) => v.code);
        // The weak cell: 2 official members from its founding (15/06/2022) until its probationary member's admission year ends (20/07/2023).
        const small = weak.has(cell.id) && day >= '2022-06-15' && day < '2023-07-20';
        expect(found, `${cell.name} on ${day}`).toEqual(small ? ['CELL_MIN_OFFICIAL_MEMBERS'] : []);
      }
    }
  });

  it('memberships: no overlaps, known people and bodies and posts; group heads old enough and resident', () => {
    for (const m of s.memberships) expect(show(checkMembership(s, m)), m.id).toEqual([]);
  });

  it('residential-group leadership: one head and one deputy, qualified', () => {
    for (const org of s.organizations.filter((o) => o.kind === 'RESIDENTIAL_GROUP_LEADERSHIP')) {
      for (const day of CHECKPOINTS) expect(show(checkGroupLeadership(s, org.id, day)), `${org.name} ${day}`).toEqual([]);
    }
  });

  it('unit parents: one parent at a time, of an allowed level', () => {
    for (const link of s.unitParents) expect(show(checkUnitParent(s, link)), link.id).toEqual([]);
  });

  it('buildings: the first conference within 12 months of half the apartments being handed over', () => {
    for (const b of s.buildings) for (const day of CHECKPOINTS) expect(show(checkFirstConference(b, day)), `${b.name} ${day}`).toEqual([]);
  });

  it('Regulation 213: every member commented on by the residence cell every year', () => {
    for (let year = 2020; year <= 2025; year++) expect(show(checkResidenceContactReviews(s, year, '2026-01-01')), String(year)).toEqual([]);
  });

  it('identifiers: citizen IDs agree with birth year and sex (Hà Nội, 001) and are unique; mobile numbers are valid', () => {
    const ids = new Set<string>();
    for (const p of s.people) {
      expect(p.citizenId, p.id).toMatch(/^001\d{9}$/);
      expect(show(validateCitizenId(p.citizenId ?? '', { birthYear: p.birthYear, sex: p.sex }, ['citizenId'])), p.id).toEqual([]);
      expect(show(validateMobile(p.phone ?? '', ['phone'])), p.id).toEqual([]);
      expect(p.birthDate?.startsWith(String(p.birthYear)), p.id).toBe(true);
      ids.add(p.citizenId ?? '');
    }
    expect(ids.size).toBe(s.people.length);
    expect(new Set(s.people.map((p) => p.fullName)).size).toBe(s.people.length);
  });
});

/** Each table's create input: every record must parse unchanged (NFC, trimmed, valid dates, kind-specific fields). */
const INPUTS: Readonly<Record<string, (data: unknown) => Result<unknown>>> = {
  units: (d) => parseInput(createAdministrativeUnitInput, d),
  unitCodes: (d) => parseInput(createUnitCodeInput, d),
  unitParents: (d) => parseInput(createUnitParentInput, d),
  organizations: (d) => parseInput(createOrganizationInput, d),
  organizationParents: (d) => parseInput(createOrganizationParentInput, d),
  organizationAreas: (d) => parseInput(createOrganizationAreaInput, d),
  people: (d) => parseInput(createPersonInput, d),
  posts: (d) => parseInput(createPostInput, d),
  memberships: (d) => parseInput(createMembershipInput, d),
  partyMemberships: (d) => parseInput(createPartyMembershipInput, d),
  residenceContacts: (d) => parseInput(createResidenceContactInput, d),
  residenceContactReviews: (d) => parseInput(createResidenceContactReviewInput, d),
  buildings: (d) => parseInput(createApartmentBuildingInput, d),
  complexes: (d) => parseInput(createApartmentComplexInput, d),
  blocks: (d) => parseInput(createBuildingBlockInput, d),
  apartments: (d) => parseInput(createApartmentInput, d),
  ownerships: (d) => parseInput(createApartmentOwnershipInput, d),
  boardTerms: (d) => parseInput(createBoardTermInput, d),
  boardChanges: (d) => parseInput(createBoardChangeInput, d),
  directives: (d) => parseInput(createDirectiveInput, d),
  reviews: (d) => parseInput(createImplementationReviewInput, d),
  presentations: (d) => parseInput(createPresentationInput, d),
  commendations: (d) => parseInput(createCommendationInput, d),
  nominations: (d) => parseInput(createNominationInput, d),
  trainings: (d) => parseInput(createTrainingInput, d),
  trainingAttendances: (d) => parseInput(createTrainingAttendanceInput, d),
  petitions: (d) => parseInput(createPetitionInput, d),
  petitionStatusChanges: (d) => parseInput(createPetitionStatusChangeInput, d),
  coordinationRegulations: (d) => parseInput(createCoordinationRegulationInput, d),
  coordinationRegulationEvents: (d) => parseInput(createCoordinationRegulationEventInput, d),
};

describe('every record is what the input schemas accept', () => {
  for (const [table, parse] of Object.entries(INPUTS)) {
    it(table, () => {
      const rows = s[table as keyof DomainState] as ReadonlyArray<{ id: string }>;
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) {
        const { id, ...fields } = row;
        const parsed = parse(fields);
        expect(parsed.ok ? [] : show(parsed.violations), `${table} ${id}`).toEqual([]);
        if (parsed.ok) expect(parsed.value, `${table} ${id}`).toMatchObject(stripNullish(fields));
      }
    });
  }
});

function stripNullish(o: object): object {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

describe('integrity the database relies on', () => {
  it('ids are unique in every table', () => {
    for (const [table, rows] of Object.entries(s)) {
      const ids = (rows as Array<{ id: string }>).map((r) => r.id);
      expect(new Set(ids).size, table).toBe(ids.length);
    }
  });

  it('every reference points at a record', () => {
    const has = (table: keyof DomainState) => new Set((s[table] as Array<{ id: string }>).map((r) => r.id));
    const units = has('units');
    const orgs = has('organizations');
    const people = has('people');
    const buildings = has('buildings');
    const refs: Array<[string, string | null | undefined, Set<string>]> = [
      ...s.unitParents.flatMap(
        (l): Array<[string, string, Set<string>]> => [
          [l.id, l.unitId, units],
          [l.id, l.parentId, units],
        ],
      ),
      ...s.organizationParents.map((l): [string, string, Set<string>] => [l.id, l.parentId, orgs]),
      ...s.organizationAreas.map((a): [string, string, Set<string>] => [a.id, a.unitId, units]),
      ...s.people.map((p): [string, string | null | undefined, Set<string>] => [p.id, p.residenceUnitId, units]),
      ...s.memberships.flatMap(
        (m): Array<[string, string | null | undefined, Set<string>]> => [
          [m.id, m.personId, people],
          [m.id, m.organizationId, orgs],
          [m.id, m.postId, has('posts')],
          [m.id, m.buildingId, buildings],
        ],
      ),
      ...s.partyMemberships.flatMap(
        (p): Array<[string, string, Set<string>]> => [
          [p.id, p.personId, people],
          [p.id, p.homeCellId, orgs],
        ],
      ),
      ...s.residenceContacts.map((c): [string, string, Set<string>] => [c.id, c.residenceCellId, orgs]),
      ...s.buildings.map((b): [string, string, Set<string>] => [b.id, b.residentialGroupId, units]),
      ...s.apartments.map((a): [string, string, Set<string>] => [a.id, a.buildingId, buildings]),
      ...s.ownerships.flatMap(
        (o): Array<[string, string, Set<string>]> => [
          [o.id, o.apartmentId, has('apartments')],
          [o.id, o.personId, people],
        ],
      ),
      ...s.boardTerms.map((t): [string, string, Set<string>] => [t.id, t.boardId, orgs]),
      ...s.boardChanges.map((c): [string, string, Set<string>] => [c.id, c.boardId, orgs]),
      ...s.nominations.flatMap(
        (n): Array<[string, string, Set<string>]> => [
          [n.id, n.personId, people],
          [n.id, n.boardId, orgs],
          [n.id, n.nominatingOrganizationId, orgs],
        ],
      ),
      ...s.trainingAttendances.map((a): [string, string, Set<string>] => [a.id, a.personId, people]),
      ...s.commendations.map((c): [string, string | null | undefined, Set<string>] => [
        c.id,
        c.recipientOrganizationId ?? c.recipientPersonId,
        c.recipientOrganizationId ? orgs : people,
      ]),
      ...s.petitions.map((p): [string, string | null | undefined, Set<string>] => [p.id, p.buildingId, buildings]),
      ...s.coordinationRegulations.map((c): [string, string, Set<string>] => [c.id, c.boardId, orgs]),
    ];
    const dangling = refs
      .filter(([, ref, table]) => ref !== null && ref !== undefined && !table.has(ref))
      .map(([id, ref]) => `${id} → ${ref}`);
    expect(dangling).toEqual([]);
  });

  it('one party-membership record per person at a time; one parent per body at a time', () => {
    const overlapping = <T extends Period>(rows: readonly T[], key: (r: T) => string): string[] => {
      const by = new Map<string, T[]>();
      for (const r of rows) by.set(key(r), [...(by.get(key(r)) ?? []), r]);
      const out: string[] = [];
      for (const [k, list] of by)
        for (let i = 0; i < list.length; i++)
          for (let j = i + 1; j < list.length; j++) {
            const a = list[i];
            const b = list[j];
            if (a && b && periodsOverlap(a, b)) out.push(k);
          }
      return out;
    };
    expect(overlapping(s.partyMemberships, (p) => p.personId)).toEqual([]);
    expect(overlapping(s.organizationParents, (p) => p.organizationId)).toEqual([]);
    expect(overlapping(s.unitParents, (p) => p.unitId)).toEqual([]);
  });

  it('unique apartment numbers per building, term numbers per board, reviews per contact and year', () => {
    const unique = (keys: string[]) => expect(new Set(keys).size).toBe(keys.length);
    unique(s.apartments.map((a) => `${a.buildingId}|${a.number}`));
    unique(s.boardTerms.map((t) => `${t.boardId}|${t.termNumber}`));
    unique(s.residenceContactReviews.map((r) => `${r.residenceContactId}|${r.year}`));
  });

  it('all text is NFC', () => {
    const notNfc: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') {
        if (v.normalize('NFC') !== v) notNfc.push(v);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(s);
    expect(notNfc).toEqual([]);
  });

  it('each group with apartment buildings has its whole political system on the review day', () => {
    const groupsWithBuildings = new Set(s.buildings.filter((b) => isActiveOn(b, REVIEW_DATE)).map((b) => b.residentialGroupId));
    expect(groupsWithBuildings.size).toBe(49);
    for (const groupId of groupsWithBuildings) {
      const kinds = s.organizationAreas
        .filter((a) => a.unitId === groupId && isActiveOn(a, REVIEW_DATE))
        .map((a) => s.organizations.find((o) => o.id === a.organizationId)?.kind)
        .sort();
      expect(kinds, groupId).toEqual([
        'FRONT_WORK_COMMITTEE',
        'MASS_ORGANIZATION_BRANCH',
        'MASS_ORGANIZATION_BRANCH',
        'MASS_ORGANIZATION_BRANCH',
        'PARTY_CELL',
        'RESIDENTIAL_GROUP_LEADERSHIP',
      ]);
    }
  });
});
