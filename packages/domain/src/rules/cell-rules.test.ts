import { describe, expect, it } from 'vitest';
import type { Membership, PartyMembership, Role } from '../model/people.js';
import { CELL_RULE_CODES, checkCell, officialMembersOfCell, partyMembersOfCell } from './cell-rules.js';
import { DEFAULT_RULE_DATA } from './rule-data.js';
import { checkRow, membership, org, type Row, stateWith, uncovered, withRuleChange } from './test-support/fixtures.js';

const ON = '2025-03-01';
const CELL = 'cb-5';

/** `official` official and `probationary` probationary members of the cell, people o1…, b1… */
function party(official: number, probationary = 0): PartyMembership[] {
  const of = (prefix: string, n: number, status: PartyMembership['status']) =>
    Array.from({ length: n }, (_, i) => ({
      id: `pm-${prefix}${i}`,
      personId: `${prefix}${i}`,
      status,
      homeCellId: CELL,
      validFrom: '2020-01-01',
      validTo: null,
    }));
  return [...of('o', official, 'OFFICIAL'), ...of('b', probationary, 'PROBATIONARY')];
}

/** Leadership posts held by people o0, o1, … in order. */
function leaders(roles: Role[], validFrom = '2022-01-01', validTo: string | null = null): Membership[] {
  return roles.map((role, i) => membership(`l${i}`, `o${i}`, CELL, role, validFrom, validTo));
}

const cells = [
  org(CELL, 'PARTY_CELL', 'Chi bộ TDP số 5'),
  org('bqt', 'MANAGEMENT_BOARD', 'BQT Rice City'),
  org('cb-old', 'PARTY_CELL', 'Chi bộ cũ', { validTo: '2020-01-01' }),
];
const cell =
  (partyMemberships: PartyMembership[], memberships: Membership[] = []) =>
  () =>
    checkCell(stateWith({ organizations: cells, partyMemberships, memberships }), CELL, ON);

const COMMITTEE_7: Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', ...Array<Role>(5).fill('COMMITTEE_MEMBER')];

const rows: Row[] = [
  // ≥ 3 official members.
  { name: '3 official members pass', run: cell(party(3)), expected: [] },
  { name: '2 official and 5 probationary members warn', run: cell(party(2, 5)), expected: ['CELL_MIN_OFFICIAL_MEMBERS@partyMemberships'] },
  {
    name: 'a membership ended the day before does not count',
    run: cell([...party(2), { id: 'x', personId: 'x', status: 'OFFICIAL', homeCellId: CELL, validFrom: '2020-01-01', validTo: ON }]),
    expected: ['CELL_MIN_OFFICIAL_MEMBERS@partyMemberships'],
  },
  {
    name: 'one person with two records counts once',
    run: cell([...party(2), { id: 'dup', personId: 'o0', status: 'OFFICIAL', homeCellId: CELL, validFrom: '2021-01-01', validTo: null }]),
    expected: ['CELL_MIN_OFFICIAL_MEMBERS@partyMemberships'],
  },
  // ≥ 30 members: should become a grassroots committee (counting probationary members).
  { name: '29 members pass', run: cell(party(20, 9)), expected: [] },
  { name: '30 members warn', run: cell(party(20, 10)), expected: ['CELL_SHOULD_BECOME_COMMITTEE@partyMemberships'] },
  // < 9 official members elect no committee.
  { name: '8 official, secretary and deputy pass', run: cell(party(8), leaders(['SECRETARY', 'DEPUTY_SECRETARY'])), expected: [] },
  {
    name: '8 official with a committee member fail',
    run: cell(party(8), leaders(['SECRETARY', 'COMMITTEE_MEMBER'])),
    expected: ['CELL_LEADERSHIP@memberships'],
  },
  {
    name: '8 official and 5 probationary with a committee member fail (only official members vote)',
    run: cell(party(8, 5), leaders(['SECRETARY', 'COMMITTEE_MEMBER'])),
    expected: ['CELL_LEADERSHIP@memberships'],
  },
  { name: '9 official with a committee member pass', run: cell(party(9), leaders(['SECRETARY', 'COMMITTEE_MEMBER'])), expected: [] },
  {
    name: 'a committee member whose post ended does not count',
    run: cell(party(8), [...leaders(['SECRETARY']), membership('old', 'o3', CELL, 'COMMITTEE_MEMBER', '2020-01-01', ON)]),
    expected: [],
  },
  // A committee of at most 7.
  { name: 'a committee of 7 passes', run: cell(party(12), leaders(COMMITTEE_7)), expected: [] },
  {
    name: 'a committee of 8 fails',
    run: cell(party(12), leaders([...COMMITTEE_7, 'COMMITTEE_MEMBER'])),
    expected: ['CELL_COMMITTEE_SIZE@memberships'],
  },
  // One secretary at a time.
  {
    name: 'two secretaries at once fail',
    run: cell(party(3), [membership('s1', 'o0', CELL, 'SECRETARY', '2020-01-01'), membership('s2', 'o1', CELL, 'SECRETARY', '2024-01-01')]),
    expected: ['CELL_ONE_SECRETARY@memberships'],
  },
  {
    name: 'a secretary succeeding another on the day the first ends passes',
    run: cell(party(3), [membership('s1', 'o0', CELL, 'SECRETARY', '2020-01-01', ON), membership('s2', 'o1', CELL, 'SECRETARY', ON)]),
    expected: [],
  },
  // The cell itself.
  { name: 'unknown cell', run: () => checkCell(stateWith({ organizations: cells }), 'nope', ON), expected: ['ENTITY_NOT_FOUND@cellId'] },
  {
    name: 'a body that is not a cell',
    run: () => checkCell(stateWith({ organizations: cells }), 'bqt', ON),
    expected: ['ENTITY_NOT_FOUND@cellId'],
  },
  { name: 'a dissolved cell has nothing to check', run: () => checkCell(stateWith({ organizations: cells }), 'cb-old', ON), expected: [] },
];

describe('checkCell', () => {
  it.each(rows)('$name', (row) => {
    checkRow(row);
  });

  it('names the cell and the figures', () => {
    const [v] = cell(party(2, 5))();
    expect(v?.message).toEqual({
      vi: 'Chi bộ "Chi bộ TDP số 5" có 2 đảng viên chính thức; cần ít nhất 3.',
      en: 'Party cell "Chi bộ TDP số 5" has 2 official members; it needs at least 3.',
    });
    expect(v?.entity).toEqual({ type: 'Organization', id: CELL });
  });

  it('reads the minimum in force on the date: a 2027 rule of 5 changes nothing before it', () => {
    const rule2027 = withRuleChange(DEFAULT_RULE_DATA, 'cell.minOfficialMembers', 5, '2027-01-01');
    const state = stateWith({ organizations: cells, partyMemberships: party(4) });
    expect(checkCell(state, CELL, '2026-12-31', rule2027)).toEqual([]);
    expect(checkCell(state, CELL, '2027-01-01', rule2027).map((v) => v.code)).toEqual(['CELL_MIN_OFFICIAL_MEMBERS']);
    expect(checkCell(state, CELL, '2027-01-01')).toEqual([]);
  });

  it('every cell rule code fails in some row', () => {
    expect(uncovered(CELL_RULE_CODES, rows)).toEqual([]);
  });
});

describe('partyMembersOfCell / officialMembersOfCell', () => {
  const state = stateWith({
    partyMemberships: [
      ...party(2, 1),
      { id: 'dup', personId: 'o0', status: 'OFFICIAL', homeCellId: CELL, validFrom: '2021-01-01', validTo: null },
      { id: 'gone', personId: 'g', status: 'OFFICIAL', homeCellId: CELL, validFrom: '2020-01-01', validTo: ON },
      { id: 'other', personId: 'z', status: 'OFFICIAL', homeCellId: 'cb-6', validFrom: '2020-01-01', validTo: null },
    ],
  });

  it('counts distinct people of the cell in force on the date', () => {
    expect(partyMembersOfCell(state, CELL, ON).sort()).toEqual(['b0', 'o0', 'o1']);
    expect(officialMembersOfCell(state, CELL, ON).sort()).toEqual(['o0', 'o1']);
    expect(officialMembersOfCell(state, CELL, '2024-12-31').sort()).toEqual(['g', 'o0', 'o1']);
  });
});
