import { describe, expect, it } from 'vitest';
import type { Role } from '../model/people.js';
import type { Id } from '../model/places.js';
import { type BoardCompositionPlace, type BoardProposalMember, checkBoardComposition, checkBoardMembers } from './board-rules.js';
import { DEFAULT_RULE_DATA } from './rule-data.js';
import { building, person, stateWith, withRuleChange } from './test-support/fixtures.js';

const ON = '2025-03-01';

const people = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'].map((id) => person(id, `Người ${id}`));

/** The same places as the state `checkBoardMembers` reads; no apartments listed, so ownership passes. */
const state = stateWith({
  people,
  buildings: [
    building('b-one', 'Rice City Sông Hồng'),
    building('b-three', 'Mipec Long Biên', { blockCount: 3 }),
    building('cx-a', 'Tòa A', { complexId: 'cx' }),
    building('cx-b', 'Tòa B', { complexId: 'cx' }),
  ],
  complexes: [{ id: 'cx', name: 'Khu Việt Hưng', validFrom: '2015-01-01', validTo: null }],
});

const PLACES: Record<'one' | 'three' | 'complex', { board: { buildingId?: Id; complexId?: Id }; place: BoardCompositionPlace }> = {
  one: { board: { buildingId: 'b-one' }, place: { kind: 'building', name: 'Rice City Sông Hồng', blockCount: 1 } },
  three: { board: { buildingId: 'b-three' }, place: { kind: 'building', name: 'Mipec Long Biên', blockCount: 3 } },
  complex: {
    board: { complexId: 'cx' },
    place: {
      kind: 'complex',
      name: 'Khu Việt Hưng',
      buildings: [
        { id: 'cx-a', name: 'Tòa A' },
        { id: 'cx-b', name: 'Tòa B' },
      ],
    },
  },
};

type M = [Id, Role, Id?];
const members = (list: M[]): BoardProposalMember[] =>
  list.map(([personId, role, buildingId]) => ({ personId, role, buildingId: buildingId ?? null }));

const CASES: Array<{ name: string; place: keyof typeof PLACES; members: M[]; codes: string[] }> = [
  {
    name: 'a lawful single-block board',
    place: 'one',
    members: [
      ['p1', 'HEAD'],
      ['p2', 'DEPUTY_HEAD'],
      ['p3', 'MEMBER'],
    ],
    codes: [],
  },
  {
    name: 'a single-block board of two',
    place: 'one',
    members: [
      ['p1', 'HEAD'],
      ['p2', 'DEPUTY_HEAD'],
    ],
    codes: ['BOARD_MIN_MEMBERS'],
  },
  { name: 'one member, no deputy', place: 'one', members: [['p1', 'HEAD']], codes: ['BOARD_MIN_MEMBERS', 'BOARD_DEPUTIES'] },
  {
    name: 'two heads and three deputies',
    place: 'one',
    members: [
      ['p1', 'HEAD'],
      ['p2', 'HEAD'],
      ['p3', 'DEPUTY_HEAD'],
      ['p4', 'DEPUTY_HEAD'],
      ['p5', 'DEPUTY_HEAD'],
    ],
    codes: ['BOARD_ONE_HEAD', 'BOARD_DEPUTIES'],
  },
  {
    name: 'no head',
    place: 'one',
    members: [
      ['p1', 'MEMBER'],
      ['p2', 'DEPUTY_HEAD'],
      ['p3', 'MEMBER'],
    ],
    codes: ['BOARD_ONE_HEAD'],
  },
  {
    name: 'a three-block building with two members',
    place: 'three',
    members: [
      ['p1', 'HEAD'],
      ['p2', 'DEPUTY_HEAD'],
    ],
    codes: ['BOARD_MIN_MEMBERS_PER_BLOCK'],
  },
  {
    name: 'a complex of five with a deputy for one building only',
    place: 'complex',
    members: [
      ['p1', 'HEAD', 'cx-a'],
      ['p2', 'DEPUTY_HEAD', 'cx-a'],
      ['p3', 'MEMBER', 'cx-b'],
      ['p4', 'MEMBER', 'cx-b'],
      ['p5', 'MEMBER', 'cx-a'],
    ],
    codes: ['COMPLEX_BOARD_MIN_MEMBERS', 'BOARD_DEPUTIES'],
  },
  {
    name: 'a person listed twice counts once',
    place: 'one',
    members: [
      ['p1', 'HEAD'],
      ['p2', 'DEPUTY_HEAD'],
      ['p2', 'MEMBER'],
    ],
    codes: ['BOARD_MIN_MEMBERS'],
  },
];

describe('checkBoardComposition', () => {
  it.each(CASES)('$name: $codes', ({ place, members: list, codes }) => {
    const { board, place: where } = PLACES[place];
    const found = checkBoardComposition({ boardName: 'Ban quản trị X', place: where, members: members(list) }, ON);
    expect(found.map((v) => v.code)).toEqual(codes);
    for (const v of found) {
      expect(v.path).toEqual(['members']);
      expect(v.severity).toBe('error');
    }
    // The browser and the server say the same: the composition part of checkBoardMembers, word for word.
    const server = checkBoardMembers(state, { board: { name: 'Ban quản trị X', ...board }, members: members(list) }, ON).filter(
      (v) => v.path.length === 1 && v.path[0] === 'members',
    );
    expect(found.map(({ code, path, message }) => ({ code, path, message }))).toEqual(
      server.map(({ code, path, message }) => ({ code, path, message })),
    );
  });

  it('tells why a board of two is refused, in Vietnamese and English', () => {
    const [violation] = checkBoardComposition(
      {
        boardName: 'Ban quản trị Chung cư Cự Khối Riverside',
        place: { kind: 'building', name: 'Chung cư Cự Khối Riverside', blockCount: 1 },
        members: members([
          ['p1', 'HEAD'],
          ['p2', 'DEPUTY_HEAD'],
        ]),
      },
      '2026-11-25',
    );
    expect(violation?.message).toEqual({
      vi: 'Ban quản trị "Ban quản trị Chung cư Cự Khối Riverside" có 2 thành viên; tòa nhà một khối cần ít nhất 3.',
      en: 'Management board "Ban quản trị Chung cư Cự Khối Riverside" has 2 members; a single-block building needs at least 3.',
    });
  });

  it('reads the limits of the date, as the server does', () => {
    const ruleData = withRuleChange(DEFAULT_RULE_DATA, 'board.minMembers.singleBlock', 4, '2026-01-01');
    const board = {
      boardName: 'Ban quản trị X',
      place: PLACES.one.place,
      members: members([
        ['p1', 'HEAD'],
        ['p2', 'DEPUTY_HEAD'],
        ['p3', 'MEMBER'],
      ]),
    };
    expect(checkBoardComposition(board, '2025-12-31', ruleData)).toEqual([]);
    expect(checkBoardComposition(board, '2026-01-01', ruleData).map((v) => v.code)).toEqual(['BOARD_MIN_MEMBERS']);
  });
});
