import { describe, expect, it } from 'vitest';
import { consolidateBoardInput, createBoardTermInput, establishBoardInput } from './index.js';
import { parseInput } from './parse-input.js';
import { codesAt, parsedValue, violationsOf } from './test-support/expect-result.js';

const establishment = {
  buildingId: 'mipec',
  electedOn: '2022-03-05',
  validFrom: '2022-03-05',
  validTo: '2025-03-05',
  members: [
    { personId: 'an', role: 'HEAD' },
    { personId: 'binh', role: 'DEPUTY_HEAD' },
    { personId: 'chi', role: 'MEMBER' },
  ],
};

describe('establishBoardInput', () => {
  it('parses a board for a building, with defaults for what was left out', () => {
    const board = parsedValue(parseInput(establishBoardInput, { ...establishment, name: '  Ban quản trị   Mipec ' }));
    expect(board.name).toBe('Ban quản trị Mipec');
    expect(board.decisionNumber).toBeUndefined();
    expect(board.members.map((m) => m.role)).toEqual(['HEAD', 'DEPUTY_HEAD', 'MEMBER']);
  });

  it('requires the first term’s planned end (a term is 3 years by law)', () => {
    expect(codesAt(violationsOf(parseInput(establishBoardInput, { ...establishment, validTo: undefined })))).toEqual([
      'REQUIRED_FIELD@validTo',
    ]);
  });

  it('parses a board for a complex, members naming their building', () => {
    const members = [
      { personId: 'an', role: 'HEAD', buildingId: 'ct1' },
      { personId: 'binh', role: 'DEPUTY_HEAD', buildingId: 'ct2' },
    ];
    expect(parseInput(establishBoardInput, { ...establishment, buildingId: undefined, complexId: 'viet-hung', members }).ok).toBe(true);
  });

  it('accepts an optional recognition decision, checking its fields', () => {
    const recognition = { decisionNumber: ' 123/QĐ-UBND ', decidedOn: '2022-03-18', issuerId: 'ubnd' };
    expect(parsedValue(parseInput(establishBoardInput, { ...establishment, recognition })).recognition?.decisionNumber).toBe('123/QĐ-UBND');
    expect(codesAt(violationsOf(parseInput(establishBoardInput, { ...establishment, recognition: { decidedOn: '2022-02-30' } })))).toEqual([
      'REQUIRED_FIELD@recognition.decisionNumber',
      'DATE_FORMAT@recognition.decidedOn',
      'REQUIRED_FIELD@recognition.issuerId',
    ]);
  });

  it('needs exactly one of building and complex', () => {
    expect(codesAt(violationsOf(parseInput(establishBoardInput, { ...establishment, buildingId: null })))).toEqual([
      'REQUIRED_FIELD@buildingId',
    ]);
    expect(codesAt(violationsOf(parseInput(establishBoardInput, { ...establishment, complexId: 'viet-hung' })))).toEqual([
      'INVALID_VALUE@complexId',
    ]);
  });

  it('lists every problem at once: roles, members, dates, duplicates', () => {
    const violations = violationsOf(
      parseInput(establishBoardInput, {
        ...establishment,
        electedOn: '05/03/2022',
        validTo: '2021-01-01',
        members: [{ personId: 'an', role: 'HEAD' }, { personId: 'an', role: 'CHAIR' }, { role: 'MEMBER' }],
      }),
    );
    expect(codesAt(violations)).toEqual([
      'DATE_FORMAT@electedOn',
      'INVALID_VALUE@members.1.role',
      'REQUIRED_FIELD@members.2.personId',
      'PERIOD_ORDER@validTo',
      'INVALID_VALUE@members.1.personId',
    ]);
  });

  it('still checks building/complex when required dates are missing', () => {
    const { electedOn: _e, validFrom: _v, ...rest } = establishment;
    expect(codesAt(violationsOf(parseInput(establishBoardInput, { ...rest, buildingId: undefined })))).toEqual([
      'REQUIRED_FIELD@electedOn',
      'REQUIRED_FIELD@validFrom',
      'REQUIRED_FIELD@buildingId',
    ]);
  });

  it('needs at least one member, and refuses roles that are not board roles', () => {
    expect(codesAt(violationsOf(parseInput(establishBoardInput, { ...establishment, members: [] })))).toEqual(['REQUIRED_FIELD@members']);
    expect(
      codesAt(violationsOf(parseInput(establishBoardInput, { ...establishment, members: [{ personId: 'an', role: 'SECRETARY' }] }))),
    ).toEqual(['INVALID_VALUE@members.0.role']);
  });
});

describe('consolidateBoardInput', () => {
  const base = { boardId: 'bqt', version: 3, on: '2023-06-01' };

  it('parses replacements, additions and ends, defaulting the lists left out', () => {
    const change = parsedValue(
      parseInput(consolidateBoardInput, { ...base, decisionNumber: '', add: [{ personId: 'dung', role: 'MEMBER' }] }),
    );
    expect(change).toEqual({ ...base, decisionNumber: null, replace: [], add: [{ personId: 'dung', role: 'MEMBER' }], end: [] });
  });

  it('refuses a consolidation that changes nothing', () => {
    const violations = violationsOf(parseInput(consolidateBoardInput, base));
    expect(codesAt(violations)).toEqual(['INVALID_VALUE@']);
    expect(violations[0]?.message.en).toBe('Consolidating a board needs at least one change: a member replaced, added or ended.');
  });

  it('requires the version read, for optimistic concurrency', () => {
    expect(codesAt(violationsOf(parseInput(consolidateBoardInput, { boardId: 'bqt', on: '2023-06-01', end: ['m-1'] })))).toEqual([
      'REQUIRED_FIELD@version',
    ]);
  });

  it('refuses touching one membership twice, or bringing one person in twice', () => {
    const violations = violationsOf(
      parseInput(consolidateBoardInput, {
        ...base,
        replace: [
          { membershipId: 'm-1', byPersonId: 'dung' },
          { membershipId: 'm-2', byPersonId: 'em', role: 'DEPUTY_HEAD' },
        ],
        add: [{ personId: 'dung', role: 'MEMBER' }],
        end: ['m-2'],
      }),
    );
    expect(codesAt(violations)).toEqual(['INVALID_VALUE@end.0', 'INVALID_VALUE@add.0.personId']);
  });

  it('checks every entry of every list', () => {
    expect(
      codesAt(
        violationsOf(
          parseInput(consolidateBoardInput, { ...base, replace: [{ membershipId: '' }], add: [{ personId: 'x', role: 'BOSS' }], end: [7] }),
        ),
      ),
    ).toEqual([
      'REQUIRED_FIELD@replace.0.membershipId',
      'REQUIRED_FIELD@replace.0.byPersonId',
      'INVALID_VALUE@add.0.role',
      'INVALID_VALUE@end.0',
    ]);
  });
});

describe('createBoardTermInput', () => {
  it('needs a positive term number', () => {
    const term = { boardId: 'bqt', electedOn: '2022-03-05', validFrom: '2022-03-05', validTo: '2025-03-05' };
    expect(parseInput(createBoardTermInput, { ...term, termNumber: 1 }).ok).toBe(true);
    expect(codesAt(violationsOf(parseInput(createBoardTermInput, { ...term, termNumber: 0 })))).toEqual(['INVALID_VALUE@termNumber']);
  });
});
