import { describe, expect, it } from 'vitest';
import type { BoardTerm, RecognitionDecision } from '../model/boards.js';
import type { Role } from '../model/people.js';
import type { Id } from '../model/places.js';
import {
  activeBoardMemberships,
  BOARD_RULE_CODES,
  type BoardProposal,
  buildingNeedsBoard,
  checkBoard,
  checkBoardMembers,
  checkBoardTerm,
  checkFirstConference,
  checkOneBoardPerTarget,
  currentBoardTerm,
  latestBoardTerm,
} from './board-rules.js';
import { DEFAULT_RULE_DATA } from './rule-data.js';
import {
  building,
  checkRow,
  membership,
  org,
  person,
  type Row,
  stateWith,
  uncovered,
  unit,
  withRuleChange,
} from './test-support/fixtures.js';

const ON = '2025-03-01';

const people = [
  person('p1', 'Nguyễn Văn An'),
  person('p2', 'Trần Thị Bình', { sex: 'FEMALE' }),
  person('p3', 'Lê Văn Cường'),
  person('p4', 'Phạm Thị Dung', { sex: 'FEMALE' }),
  person('p5', 'Hoàng Văn Em'),
  person('p6', 'Vũ Thị Phương', { sex: 'FEMALE' }),
  person('p7', 'Đặng Văn Giang'),
];

/** Buildings: one single-block (no apartments listed), one of 3 blocks, a complex of two, one with its apartments and owners listed. */
const base = stateWith({
  people,
  buildings: [
    building('b-rice', 'Rice City Sông Hồng'),
    building('b-mipec', 'Mipec Long Biên', { blockCount: 3 }),
    building('cx-a', 'Tòa A', { complexId: 'cx' }),
    building('cx-b', 'Tòa B', { complexId: 'cx' }),
    building('b-berri', 'Berriver'),
  ],
  complexes: [{ id: 'cx', name: 'Khu Việt Hưng', validFrom: '2015-01-01', validTo: null }],
  apartments: [
    { id: 'a1', buildingId: 'b-berri', number: '101' },
    { id: 'a2', buildingId: 'b-berri', number: '102' },
    { id: 'a3', buildingId: 'b-berri', number: '103' },
  ],
  ownerships: [
    { id: 'o1', apartmentId: 'a1', personId: 'p1', kind: 'OWNER', validFrom: '2020-01-01', validTo: null },
    { id: 'o2', apartmentId: 'a2', personId: 'p2', kind: 'AUTHORISED_USER', validFrom: '2020-01-01', validTo: null },
    { id: 'o3', apartmentId: 'a3', personId: 'p3', kind: 'OWNER', validFrom: '2020-01-01', validTo: '2024-01-01' },
  ],
});

/** The complex with every building's apartments listed: p1 owns in A, p2 in B, nobody else owns. */
const complexWithApartments = stateWith({
  ...base,
  apartments: [
    { id: 'ca1', buildingId: 'cx-a', number: 'A-101' },
    { id: 'cb1', buildingId: 'cx-b', number: 'B-101' },
  ],
  ownerships: [
    { id: 'co1', apartmentId: 'ca1', personId: 'p1', kind: 'OWNER', validFrom: '2020-01-01', validTo: null },
    { id: 'co2', apartmentId: 'cb1', personId: 'p2', kind: 'OWNER', validFrom: '2020-01-01', validTo: null },
  ],
});

type M = [Id, Role, Id?];
const members = (list: M[]) => list.map(([personId, role, buildingId]) => ({ personId, role, buildingId: buildingId ?? null }));
const forBuilding = (buildingId: Id, list: M[]): BoardProposal => ({
  board: { id: 'bqt', name: 'BQT Rice City', buildingId },
  members: members(list),
});
const forComplex = (list: M[]): BoardProposal => ({
  board: { id: 'bqt-cx', name: 'BQT Khu Việt Hưng', complexId: 'cx' },
  members: members(list),
});

const HDM: M[] = [
  ['p1', 'HEAD'],
  ['p2', 'DEPUTY_HEAD'],
  ['p3', 'MEMBER'],
];
const COMPLEX_SIX: M[] = [
  ['p1', 'HEAD'],
  ['p2', 'DEPUTY_HEAD', 'cx-a'],
  ['p3', 'DEPUTY_HEAD', 'cx-b'],
  ['p4', 'MEMBER'],
  ['p5', 'MEMBER'],
  ['p6', 'MEMBER'],
];

const run =
  (proposal: BoardProposal, on = ON, state = base) =>
  () =>
    checkBoardMembers(state, proposal, on);

const memberRows: Row[] = [
  // Size of a single-block building: 3 passes, 2 fails.
  { name: 'single block: 3 members pass', run: run(forBuilding('b-rice', HDM)), expected: [] },
  { name: 'single block: 2 members fail', run: run(forBuilding('b-rice', HDM.slice(0, 2))), expected: ['BOARD_MIN_MEMBERS@members'] },
  {
    name: 'single block: no members fails size, head and deputies',
    run: run(forBuilding('b-rice', [])),
    expected: ['BOARD_MIN_MEMBERS@members', 'BOARD_ONE_HEAD@members', 'BOARD_DEPUTIES@members'],
  },
  // A 3-block building needs 3 (one per block).
  { name: '3 blocks: 3 members pass', run: run(forBuilding('b-mipec', HDM)), expected: [] },
  {
    name: '3 blocks: 2 members fail',
    run: run(forBuilding('b-mipec', HDM.slice(0, 2))),
    expected: ['BOARD_MIN_MEMBERS_PER_BLOCK@members'],
  },
  // A complex needs 6.
  { name: 'complex: 6 members pass', run: run(forComplex(COMPLEX_SIX)), expected: [] },
  { name: 'complex: 5 members fail', run: run(forComplex(COMPLEX_SIX.slice(0, 5))), expected: ['COMPLEX_BOARD_MIN_MEMBERS@members'] },
  // Exactly one head.
  {
    name: 'two heads fail',
    run: run(forBuilding('b-rice', [['p1', 'HEAD'], ['p4', 'HEAD'], ...HDM.slice(1)])),
    expected: ['BOARD_ONE_HEAD@members'],
  },
  {
    name: 'no head fails',
    run: run(
      forBuilding('b-rice', [
        ['p2', 'DEPUTY_HEAD'],
        ['p3', 'MEMBER'],
        ['p4', 'MEMBER'],
      ]),
    ),
    expected: ['BOARD_ONE_HEAD@members'],
  },
  // 1–2 deputies: 0 fails, 2 passes, 3 fails.
  {
    name: 'no deputy fails',
    run: run(
      forBuilding('b-rice', [
        ['p1', 'HEAD'],
        ['p3', 'MEMBER'],
        ['p4', 'MEMBER'],
      ]),
    ),
    expected: ['BOARD_DEPUTIES@members'],
  },
  { name: 'two deputies pass', run: run(forBuilding('b-rice', [...HDM, ['p4', 'DEPUTY_HEAD']])), expected: [] },
  {
    name: 'three deputies fail',
    run: run(forBuilding('b-rice', [...HDM, ['p4', 'DEPUTY_HEAD'], ['p5', 'DEPUTY_HEAD']])),
    expected: ['BOARD_DEPUTIES@members'],
  },
  // A complex: 1–2 deputies per building.
  {
    name: 'complex: building B without a deputy fails',
    run: run(forComplex([...COMPLEX_SIX.slice(0, 2), ['p3', 'MEMBER', 'cx-b'], ...COMPLEX_SIX.slice(3)])),
    expected: ['BOARD_DEPUTIES@members'],
  },
  {
    name: 'complex: three deputies for building A fail',
    run: run(forComplex([...COMPLEX_SIX.slice(0, 3), ['p4', 'DEPUTY_HEAD', 'cx-a'], ['p5', 'DEPUTY_HEAD', 'cx-a'], ['p6', 'MEMBER']])),
    expected: ['BOARD_DEPUTIES@members'],
  },
  {
    name: 'complex: two deputies for building A pass',
    run: run(forComplex([...COMPLEX_SIX.slice(0, 3), ['p4', 'DEPUTY_HEAD', 'cx-a'], ['p5', 'MEMBER'], ['p6', 'MEMBER']])),
    expected: [],
  },
  {
    name: 'complex: a deputy with no building fails on that row',
    run: run(forComplex([...COMPLEX_SIX, ['p7', 'DEPUTY_HEAD']])),
    expected: ['BOARD_DEPUTIES@members.6.buildingId'],
  },
  // Owners: only where the building's apartments are listed.
  {
    name: 'owner and authorised user pass; a non-owner fails',
    run: run(forBuilding('b-berri', [...HDM.slice(0, 2), ['p4', 'MEMBER']])),
    expected: ['BOARD_MEMBER_OWNER@members.2.personId'],
  },
  { name: 'ownership still in force on its last day passes', run: run(forBuilding('b-berri', HDM), '2023-12-31'), expected: [] },
  {
    name: 'ownership ended the day before fails',
    run: run(forBuilding('b-berri', HDM), '2024-01-01'),
    expected: ['BOARD_MEMBER_OWNER@members.2.personId'],
  },
  {
    name: 'no apartments listed: ownership is not checked',
    run: run(forBuilding('b-rice', [...HDM.slice(0, 2), ['p7', 'MEMBER']])),
    expected: [],
  },
  {
    name: 'complex: owning in any building of the complex passes, owning in none fails',
    run: run(
      forComplex([
        ['p1', 'HEAD'],
        ['p2', 'DEPUTY_HEAD', 'cx-a'],
        ['p3', 'DEPUTY_HEAD', 'cx-b'],
        ['p4', 'MEMBER'],
        ['p5', 'MEMBER'],
        ['p6', 'MEMBER'],
      ]),
      ON,
      complexWithApartments,
    ),
    expected: [
      'BOARD_MEMBER_OWNER@members.2.personId',
      'BOARD_MEMBER_OWNER@members.3.personId',
      'BOARD_MEMBER_OWNER@members.4.personId',
      'BOARD_MEMBER_OWNER@members.5.personId',
    ],
  },
  {
    name: 'complex: only some buildings list apartments, so ownership is not checked',
    run: run(
      forComplex(COMPLEX_SIX),
      ON,
      stateWith({ ...complexWithApartments, apartments: complexWithApartments.apartments.slice(0, 1) }),
    ),
    expected: [],
  },
  // Rows.
  {
    name: 'the same person twice fails on the second row',
    run: run(forBuilding('b-rice', [...HDM, ['p3', 'MEMBER']])),
    expected: ['MEMBERSHIP_OVERLAP@members.3.personId'],
  },
  {
    name: 'an unknown person fails',
    run: run(forBuilding('b-rice', [...HDM, ['nobody', 'MEMBER']])),
    expected: ['ENTITY_NOT_FOUND@members.3.personId'],
  },
  {
    name: 'a role a board does not have fails',
    run: run(forBuilding('b-rice', [...HDM, ['p4', 'SECRETARY']])),
    expected: ['INVALID_VALUE@members.3.role'],
  },
  {
    name: 'a member for a building the board does not manage fails',
    run: run(forBuilding('b-rice', [...HDM, ['p4', 'MEMBER', 'b-mipec']])),
    expected: ['INVALID_VALUE@members.3.buildingId'],
  },
  // The place.
  {
    name: 'building and complex both set fails',
    run: run({ board: { id: 'bqt', name: 'BQT', buildingId: 'b-rice', complexId: 'cx' }, members: members(HDM) }),
    expected: ['INVALID_VALUE@board.complexId'],
  },
  {
    name: 'no place fails',
    run: run({ board: { id: 'bqt', name: 'BQT' }, members: members(HDM) }),
    expected: ['REQUIRED_FIELD@board.buildingId'],
  },
  { name: 'unknown building fails', run: run(forBuilding('nowhere', HDM)), expected: ['ENTITY_NOT_FOUND@board.buildingId'] },
  {
    name: 'unknown complex fails',
    run: run({ board: { id: 'bqt', name: 'BQT', complexId: 'nowhere' }, members: members(HDM) }),
    expected: ['ENTITY_NOT_FOUND@board.complexId'],
  },
];

describe('checkBoardMembers', () => {
  it.each(memberRows)('$name', (row) => {
    checkRow(row);
  });

  it('names the board and the figures, Vietnamese first', () => {
    const [v] = checkBoardMembers(base, forBuilding('b-rice', HDM.slice(0, 2)), ON);
    expect(v?.message).toEqual({
      vi: 'Ban quản trị "BQT Rice City" có 2 thành viên; tòa nhà một khối cần ít nhất 3.',
      en: 'Management board "BQT Rice City" has 2 members; a single-block building needs at least 3.',
    });
    expect(v?.entity).toEqual({ type: 'Organization', id: 'bqt' });
  });

  it('points a new board (no id yet) at its building, and a row violation at the person', () => {
    const found = checkBoardMembers(
      base,
      {
        board: { name: 'BQT mới', buildingId: 'b-berri' },
        members: members([
          ['p1', 'HEAD'],
          ['p4', 'DEPUTY_HEAD'],
        ]),
      },
      ON,
    );
    expect(found.map((v) => v.code)).toEqual(['BOARD_MEMBER_OWNER', 'BOARD_MIN_MEMBERS']);
    expect(found.map((v) => v.entity)).toEqual([
      { type: 'Person', id: 'p4' },
      { type: 'ApartmentBuilding', id: 'b-berri' },
    ]);
  });

  it('does not throw on a board with neither an id nor a place', () => {
    const found = checkBoardMembers(base, { board: { name: 'BQT' }, members: [] }, ON);
    expect(found.map((v) => [v.code, v.entity])).toEqual([['REQUIRED_FIELD', undefined]]);
  });

  it('reads the minimum in force on the date: a 2027 law requiring 5 changes nothing before it', () => {
    const law2027 = withRuleChange(DEFAULT_RULE_DATA, 'board.minMembers.singleBlock', 5, '2027-01-01');
    const four = forBuilding('b-rice', [...HDM, ['p4', 'MEMBER']]);
    expect(checkBoardMembers(base, four, '2026-12-31', law2027)).toEqual([]);
    const after = checkBoardMembers(base, four, '2027-01-01', law2027);
    expect(after.map((v) => v.code)).toEqual(['BOARD_MIN_MEMBERS']);
    expect(after[0]?.message.vi).toContain('cần ít nhất 5');
    expect(checkBoardMembers(base, four, '2027-01-01')).toEqual([]);
  });
});

describe('buildingNeedsBoard', () => {
  it.each([
    { apartmentCount: 19, multipleOwners: true, needs: false },
    { apartmentCount: 20, multipleOwners: true, needs: true },
    { apartmentCount: 300, multipleOwners: false, needs: false },
  ])('$apartmentCount apartments, several owners: $multipleOwners → $needs', ({ needs, ...b }) => {
    expect(buildingNeedsBoard(b, ON)).toBe(needs);
  });

  it('follows a change of the threshold from its effective date only', () => {
    const law2027 = withRuleChange(DEFAULT_RULE_DATA, 'board.requiredFromApartments', 30, '2027-01-01');
    const b = { apartmentCount: 25, multipleOwners: true };
    expect(buildingNeedsBoard(b, '2026-12-31', law2027)).toBe(true);
    expect(buildingNeedsBoard(b, '2027-01-01', law2027)).toBe(false);
  });
});

const boardState = stateWith({
  ...base,
  organizations: [
    org('bqt', 'MANAGEMENT_BOARD', 'BQT Berriver', { buildingId: 'b-berri' }),
    org('bqt-old', 'MANAGEMENT_BOARD', 'BQT cũ', { buildingId: 'b-rice', validTo: '2020-01-01' }),
    org('cell', 'PARTY_CELL', 'Chi bộ TDP số 5'),
  ],
  memberships: [
    membership('m1', 'p1', 'bqt', 'HEAD', '2022-01-01'),
    membership('m2', 'p2', 'bqt', 'DEPUTY_HEAD', '2022-01-01'),
    membership('m3', 'p3', 'bqt', 'MEMBER', '2022-01-01', '2024-01-01'),
    membership('m4', 'p4', 'bqt', 'MEMBER', '2024-01-01'),
    membership('m5', 'p5', 'cell', 'SECRETARY', '2022-01-01'),
  ],
  boardTerms: [
    { id: 't1', boardId: 'bqt', termNumber: 1, electedOn: '2018-12-20', validFrom: '2019-01-01', validTo: '2022-01-01' },
    { id: 't2', boardId: 'bqt', termNumber: 2, electedOn: '2021-12-20', validFrom: '2022-01-01', validTo: '2025-01-01' },
  ],
});

const boardRows: Row[] = [
  { name: 'three members, all owners, pass', run: () => checkBoard(boardState, 'bqt', '2023-06-01'), expected: [] },
  {
    name: 'the member who replaced one is not an owner',
    run: () => checkBoard(boardState, 'bqt', '2024-01-01'),
    expected: ['BOARD_MEMBER_OWNER@members.2.personId'],
  },
  { name: 'unknown board', run: () => checkBoard(boardState, 'nope', ON), expected: ['ENTITY_NOT_FOUND@boardId'] },
  { name: 'a body that is not a board', run: () => checkBoard(boardState, 'cell', ON), expected: ['ENTITY_NOT_FOUND@boardId'] },
  { name: 'a dissolved board has nothing to check', run: () => checkBoard(boardState, 'bqt-old', ON), expected: [] },
];

describe('checkBoard and its helpers', () => {
  const state = boardState;
  it.each(boardRows)('$name', (row) => {
    checkRow(row);
  });

  it('points member violations at the stored membership and board ones at the board', () => {
    expect(checkBoard(state, 'bqt', '2024-01-01')[0]?.entity).toEqual({ type: 'Membership', id: 'm4' });
    const small = stateWith({ ...state, memberships: state.memberships.filter((m) => m.id !== 'm4') });
    expect(checkBoard(small, 'bqt', '2024-01-01').map((v) => [v.code, v.entity])).toEqual([
      ['BOARD_MIN_MEMBERS', { type: 'Organization', id: 'bqt' }],
    ]);
  });

  it('activeBoardMemberships: only the board, only in force', () => {
    expect(activeBoardMemberships(state, 'bqt', '2023-12-31').map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(activeBoardMemberships(state, 'bqt', '2024-01-01').map((m) => m.id)).toEqual(['m1', 'm2', 'm4']);
  });

  it('currentBoardTerm and latestBoardTerm', () => {
    expect(currentBoardTerm(state, 'bqt', '2021-12-31')?.id).toBe('t1');
    expect(currentBoardTerm(state, 'bqt', '2022-01-01')?.id).toBe('t2');
    expect(currentBoardTerm(state, 'bqt', '2025-01-01')).toBeUndefined();
    expect(latestBoardTerm(state, 'bqt', '2025-01-01')?.id).toBe('t2');
    expect(latestBoardTerm(state, 'bqt', '2018-01-01')).toBeUndefined();
  });
});

const termState = stateWith({
  units: [
    unit('hn', 'PROVINCE', 'Hà Nội'),
    unit('lb', 'DISTRICT', 'Long Biên', { validTo: '2025-07-01' }),
    unit('gb', 'WARD', 'Giang Biên'),
    unit('xa', 'COMMUNE', 'Đa Tốn'),
  ],
  organizations: [
    org('bqt', 'MANAGEMENT_BOARD', 'BQT Rice City', { buildingId: 'b-rice' }),
    org('ubnd-lb', 'PEOPLES_COMMITTEE', 'UBND quận Long Biên', { validTo: '2025-07-01' }),
    org('ubnd-gb', 'PEOPLES_COMMITTEE', 'UBND phường Giang Biên'),
    org('ubnd-xa', 'PEOPLES_COMMITTEE', 'UBND xã Đa Tốn'),
    org('du-gb', 'WARD_PARTY_COMMITTEE', 'Đảng ủy phường Giang Biên'),
  ],
  organizationAreas: [
    { id: 'a1', organizationId: 'ubnd-lb', unitId: 'lb', validFrom: '2003-01-01', validTo: '2025-07-01' },
    { id: 'a2', organizationId: 'ubnd-gb', unitId: 'gb', validFrom: '2003-01-01', validTo: null },
    { id: 'a3', organizationId: 'ubnd-xa', unitId: 'xa', validFrom: '2003-01-01', validTo: null },
    { id: 'a4', organizationId: 'du-gb', unitId: 'gb', validFrom: '2003-01-01', validTo: null },
  ],
});

const term = (extra: Partial<BoardTerm> = {}): BoardTerm => ({
  id: 't1',
  boardId: 'bqt',
  termNumber: 2,
  electedOn: '2022-02-20',
  validFrom: '2022-03-01',
  validTo: '2025-03-01',
  ...extra,
});
/** Elected 1/3/2025 (Saturday), filed 11/3 (Tuesday, 10 days on), decided 20/3 (7 working days on) by the district. */
const rec = (extra: Partial<RecognitionDecision> = {}): RecognitionDecision => ({
  filedOn: '2025-03-11',
  decisionNumber: '123/QĐ-UBND',
  decidedOn: '2025-03-20',
  issuerId: 'ubnd-lb',
  ...extra,
});
const recognised =
  (r: RecognitionDecision, electedOn = '2025-03-01') =>
  () =>
    checkBoardTerm(termState, term({ electedOn, validFrom: electedOn, validTo: '2028-03-01', recognition: r }));
/** A decision on `decidedOn`, filed and elected just before it, so only the level matters. */
const decidedBy = (issuerId: Id, decidedOn: string) => () =>
  checkBoardTerm(termState, term({ electedOn: decidedOn, recognition: rec({ issuerId, decidedOn, filedOn: decidedOn }) }));

const termRows: Row[] = [
  // Length: exactly 3 years passes, one day more fails, open-ended fails.
  { name: 'exactly 3 years passes', run: () => checkBoardTerm(termState, term()), expected: [] },
  {
    name: '3 years and a day fails',
    run: () => checkBoardTerm(termState, term({ validTo: '2025-03-02' })),
    expected: ['BOARD_TERM_LENGTH@validTo'],
  },
  {
    name: 'an open-ended term fails',
    run: () => checkBoardTerm(termState, term({ validTo: null })),
    expected: ['BOARD_TERM_LENGTH@validTo'],
  },
  {
    name: 'an end before the start fails',
    run: () => checkBoardTerm(termState, term({ validTo: '2022-03-01' })),
    expected: ['PERIOD_ORDER@validTo'],
  },
  {
    name: 'an impossible date is reported, not thrown',
    run: () => checkBoardTerm(termState, term({ validFrom: '2022-02-30' })),
    expected: ['DATE_FORMAT@validFrom'],
  },
  // Filing: 10 days after the election.
  { name: 'filed on day 10 passes', run: recognised(rec()), expected: [] },
  {
    name: 'filed on day 11 warns',
    run: recognised(rec({ filedOn: '2025-03-12', decidedOn: '2025-03-20' })),
    expected: ['BOARD_RECOGNITION_FILING@recognition.filedOn'],
  },
  { name: 'no filing date recorded: nothing to compare', run: recognised(rec({ filedOn: null })), expected: [] },
  // Decision: 7 working days after filing (11/3 Tuesday → 20/3 Thursday).
  { name: 'decided on working day 7 passes', run: recognised(rec({ decidedOn: '2025-03-20' })), expected: [] },
  {
    name: 'decided on working day 8 warns',
    run: recognised(rec({ decidedOn: '2025-03-21' })),
    expected: ['BOARD_RECOGNITION_DECISION@recognition.decidedOn'],
  },
  {
    name: 'an impossible decision date is reported, not thrown',
    run: recognised(rec({ decidedOn: '2025-13-01' })),
    expected: ['DATE_FORMAT@recognition.decidedOn'],
  },
  // Level: district until 30/6/2025, ward (or commune) from 1/7/2025.
  { name: 'district committee on 30/6/2025 passes', run: decidedBy('ubnd-lb', '2025-06-30'), expected: [] },
  {
    name: 'ward committee on 30/6/2025 fails',
    run: decidedBy('ubnd-gb', '2025-06-30'),
    expected: ['BOARD_RECOGNITION_LEVEL@recognition.issuerId'],
  },
  { name: 'ward committee on 1/7/2025 passes', run: decidedBy('ubnd-gb', '2025-07-01'), expected: [] },
  { name: 'commune committee on 1/7/2025 passes', run: decidedBy('ubnd-xa', '2025-07-01'), expected: [] },
  {
    name: 'district committee on 1/7/2025 fails',
    run: decidedBy('ubnd-lb', '2025-07-01'),
    expected: ['BOARD_RECOGNITION_LEVEL@recognition.issuerId'],
  },
  {
    name: 'a ward party committee is not a People’s Committee',
    run: decidedBy('du-gb', '2025-07-01'),
    expected: ['BOARD_RECOGNITION_LEVEL@recognition.issuerId'],
  },
  { name: 'an unknown issuer fails', run: decidedBy('ubnd-x', '2025-07-01'), expected: ['ENTITY_NOT_FOUND@recognition.issuerId'] },
];
describe('checkBoardTerm', () => {
  const state = termState;
  it.each(termRows)('$name', (row) => {
    checkRow(row);
  });

  it('names the board, the term and the dates', () => {
    const [v] = checkBoardTerm(state, term({ validTo: '2025-03-02' }));
    expect(v?.message.vi).toBe(
      'Nhiệm kỳ 2 của Ban quản trị "BQT Rice City" từ 01/03/2022 đến 02/03/2025 dài hơn 3 năm; phải kết thúc chậm nhất 01/03/2025.',
    );
    expect(v?.entity).toEqual({ type: 'BoardTerm', id: 't1' });
  });

  it('reads the term length in force when the term starts', () => {
    const law2027 = withRuleChange(DEFAULT_RULE_DATA, 'board.termYears', 5, '2027-01-01');
    const fourYears = (validFrom: string, validTo: string) =>
      checkBoardTerm(state, term({ electedOn: validFrom, validFrom, validTo }), law2027);
    expect(fourYears('2026-12-31', '2030-12-31').map((v) => v.code)).toEqual(['BOARD_TERM_LENGTH']);
    expect(fourYears('2027-01-01', '2031-01-01')).toEqual([]);
  });
});

/** Half handed over on 10/5/2023: the conference is due by 10/5/2024. */
const b = (extra = {}) => building('b-rice', 'Rice City Sông Hồng', { halfHandedOverOn: '2023-05-10', ...extra });
/** One board per building or complex at a time: Rice City has a board from 2021 to 2024, the complex one since 2020. */
const targetState = stateWith({
  ...base,
  organizations: [
    org('bqt-rice', 'MANAGEMENT_BOARD', 'BQT Rice City', { buildingId: 'b-rice', validFrom: '2021-01-01', validTo: '2024-01-01' }),
    org('bqt-cx', 'MANAGEMENT_BOARD', 'BQT Khu Việt Hưng', { complexId: 'cx', validFrom: '2020-01-01', validTo: null }),
  ],
});
const newBoard = (extra: Partial<Parameters<typeof checkOneBoardPerTarget>[1]>) => () =>
  checkOneBoardPerTarget(targetState, {
    id: 'new',
    name: 'BQT mới',
    kind: 'MANAGEMENT_BOARD',
    validFrom: '2023-01-01',
    validTo: null,
    ...extra,
  });
const targetRows: Row[] = [
  {
    name: 'a second board of a building in the same period fails',
    run: newBoard({ buildingId: 'b-rice' }),
    expected: ['BOARD_ONE_PER_BUILDING@buildingId'],
  },
  {
    name: 'the next board from the day the first ends passes',
    run: newBoard({ buildingId: 'b-rice', validFrom: '2024-01-01' }),
    expected: [],
  },
  {
    name: 'a board ending the day the first starts passes',
    run: newBoard({ buildingId: 'b-rice', validFrom: '2020-01-01', validTo: '2021-01-01' }),
    expected: [],
  },
  { name: 'a second board of a complex fails', run: newBoard({ complexId: 'cx' }), expected: ['BOARD_ONE_PER_BUILDING@complexId'] },
  { name: 'a board of another building passes', run: newBoard({ buildingId: 'b-mipec' }), expected: [] },
  {
    name: 'the board itself, changed, passes',
    run: newBoard({ id: 'bqt-rice', buildingId: 'b-rice', validFrom: '2021-01-01' }),
    expected: [],
  },
  { name: 'another kind of body is not a board', run: newBoard({ kind: 'FRONT_WORK_COMMITTEE', buildingId: 'b-rice' }), expected: [] },
];

const conferenceRows: Row[] = [
  { name: 'on the deadline, not yet due', run: () => checkFirstConference(b(), '2024-05-10'), expected: [] },
  {
    name: 'a day after the deadline, due',
    run: () => checkFirstConference(b(), '2024-05-11'),
    expected: ['FIRST_CONFERENCE_DUE@firstConferenceOn'],
  },
  { name: 'held on the deadline', run: () => checkFirstConference(b({ firstConferenceOn: '2024-05-10' }), '2025-01-01'), expected: [] },
  {
    name: 'held a day late',
    run: () => checkFirstConference(b({ firstConferenceOn: '2024-05-11' }), '2025-01-01'),
    expected: ['FIRST_CONFERENCE_DUE@firstConferenceOn'],
  },
  {
    name: 'planned after the deadline, not held yet',
    run: () => checkFirstConference(b({ firstConferenceOn: '2024-06-01' }), '2024-05-20'),
    expected: ['FIRST_CONFERENCE_DUE@firstConferenceOn'],
  },
  { name: 'half not handed over yet', run: () => checkFirstConference(b({ halfHandedOverOn: null }), '2030-01-01'), expected: [] },
  {
    name: 'a single-owner building holds no conference',
    run: () => checkFirstConference(b({ multipleOwners: false }), '2030-01-01'),
    expected: [],
  },
  {
    name: 'an impossible date is reported, not thrown',
    run: () => checkFirstConference(b({ halfHandedOverOn: '2023-02-29' }), '2030-01-01'),
    expected: ['DATE_FORMAT@halfHandedOverOn'],
  },
];

describe('checkFirstConference', () => {
  it.each(conferenceRows)('$name', (row) => {
    checkRow(row);
  });

  it('says whether the conference was late or is missing', () => {
    expect(checkFirstConference(b(), '2024-05-11')[0]?.message.vi).toContain('chưa tổ chức hội nghị lần đầu');
    expect(checkFirstConference(b({ firstConferenceOn: '2024-05-11' }), '2025-01-01')[0]?.message.vi).toContain('ngày 11/05/2024, quá hạn');
  });
});

describe('checkOneBoardPerTarget', () => {
  it.each(targetRows)('$name', (row) => {
    checkRow(row);
  });
});

describe('coverage', () => {
  it('every board rule code fails in some row', () => {
    expect(uncovered(BOARD_RULE_CODES, [...memberRows, ...boardRows, ...termRows, ...conferenceRows, ...targetRows])).toEqual([]);
  });
});
