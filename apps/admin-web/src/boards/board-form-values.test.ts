import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../forms/violations';
import {
  type BoardPlaceInfo,
  type ConsolidateFormValues,
  consolidateFieldFor,
  consolidatePlan,
  consolidateViolations,
  type EstablishFormValues,
  establishFieldFor,
  establishInput,
  establishViolations,
  type LoadedMember,
  mergeCurrentRows,
  nextRole,
  resultingMembers,
  withNames,
} from './board-form-values';

const PLACE: BoardPlaceInfo = {
  boardName: 'Ban quản trị Chung cư Cự Khối Riverside',
  place: { kind: 'building', name: 'Chung cư Cự Khối Riverside', blockCount: 1 },
};

const establish = (members: EstablishFormValues['members'], extra: Partial<EstablishFormValues> = {}): EstablishFormValues => ({
  buildingId: 'QXBhcnRtZW50QnVpbGRpbmc6MQ==',
  name: '  Ban quản trị   Riverside ',
  electedOn: dayjs('2026-11-01'),
  validFrom: dayjs('2026-11-01'),
  validTo: dayjs('2029-11-01'),
  members,
  ...extra,
});

const codes = (r: { violations: Array<{ code: string; path: readonly (string | number)[] }> }) =>
  r.violations.map((v) => `${v.code}@${v.path.join('.')}`);

describe('establishing a board', () => {
  it('sends the typed values as the mutation input, text trimmed, nothing empty', () => {
    const input = establishInput(establish([{ personId: 'p1', role: 'HEAD' }], { decisionNumber: ' ', directiveId: 'd1' }));
    expect(input).toEqual({
      buildingId: 'QXBhcnRtZW50QnVpbGRpbmc6MQ==',
      name: 'Ban quản trị   Riverside',
      electedOn: '2026-11-01',
      validFrom: '2026-11-01',
      validTo: '2029-11-01',
      directiveId: 'd1',
      members: [{ personId: 'p1', role: 'HEAD' }],
    });
  });

  it('tells why a board of two is refused, before it is sent (the input itself is complete)', () => {
    const result = establishViolations(
      establish([
        { personId: 'p1', role: 'HEAD' },
        { personId: 'p2', role: 'DEPUTY_HEAD' },
      ]),
      PLACE,
    );
    expect(result.complete).toBe(true);
    expect(codes(result)).toEqual(['BOARD_MIN_MEMBERS@members']);
    const shown = fieldErrors(result.violations, 'vi', establishFieldFor);
    expect(shown.fields).toEqual([
      {
        name: ['members'],
        errors: ['Ban quản trị "Ban quản trị Chung cư Cự Khối Riverside" có 2 thành viên; tòa nhà một khối cần ít nhất 3.'],
      },
    ]);
  });

  it('passes a lawful board of three', () => {
    const members = [
      { personId: 'p1', role: 'HEAD' as const },
      { personId: 'p2', role: 'DEPUTY_HEAD' as const },
      { personId: 'p3', role: 'MEMBER' as const },
    ];
    expect(establishViolations(establish(members), PLACE)).toEqual({ violations: [], complete: true });
  });

  it('marks a row without a person and a person listed twice on their rows; such an input is not sent', () => {
    const result = establishViolations(
      establish([
        { personId: 'p1', role: 'HEAD' },
        { personId: null, role: 'DEPUTY_HEAD' },
        { personId: 'p1', role: 'MEMBER' },
      ]),
      PLACE,
    );
    expect(result.complete).toBe(false);
    const shown = fieldErrors(withNames(result.violations, new Map([['p1', 'Nguyễn Văn An']])), 'vi', establishFieldFor);
    expect(shown.fields.map((f) => f.name)).toEqual([['members', 1, 'personId'], ['members', 2, 'personId'], ['members']]);
    expect(shown.fields[1]?.errors[0]).toContain('Nguyễn Văn An');
    expect(shown.fields[1]?.errors[0]).not.toContain('"p1"');
  });

  it('requires a building, and checks the term: at most 3 years, and an end date', () => {
    const tooLong = establishViolations(
      establish([{ personId: 'p1', role: 'HEAD' }], { buildingId: null, validTo: dayjs('2029-11-02') }),
      null,
    );
    expect(codes(tooLong)).toEqual(['REQUIRED_FIELD@buildingId', 'BOARD_TERM_LENGTH@validTo']);
    const open = establishViolations(establish([{ personId: 'p1', role: 'HEAD' }], { validTo: null }), null);
    // The planned end is required by the input schema itself (and the API: validTo: Date!).
    expect(codes(open)).toEqual(['REQUIRED_FIELD@validTo']);
  });

  it('fills a new board head first, then a deputy, then members', () => {
    expect(nextRole([])).toBe('HEAD');
    expect(nextRole([{ role: 'HEAD' }])).toBe('DEPUTY_HEAD');
    expect(nextRole([{ role: 'HEAD' }, { role: 'DEPUTY_HEAD' }])).toBe('MEMBER');
  });
});

describe('consolidating a board', () => {
  const members: LoadedMember[] = [
    { id: 'm1', role: 'HEAD', personId: 'p1', buildingId: null },
    { id: 'm2', role: 'DEPUTY_HEAD', personId: 'p2', buildingId: null },
    { id: 'm3', role: 'MEMBER', personId: 'p3', buildingId: null },
  ];
  const values = (current: ConsolidateFormValues['current'], add: ConsolidateFormValues['add'] = []): ConsolidateFormValues => ({
    on: dayjs('2026-11-20'),
    decisionNumber: '12/QĐ-UBND',
    current,
    add,
  });

  it('sends replacements and ends with the version read, and knows which row each came from', () => {
    const plan = consolidatePlan(
      'b1',
      4,
      values([
        { membershipId: 'm1', action: 'keep' },
        { membershipId: 'm2', action: 'end' },
        { membershipId: 'm3', action: 'replace', byPersonId: 'p9' },
      ]),
    );
    expect(plan.input).toEqual({
      boardId: 'b1',
      version: 4,
      on: '2026-11-20',
      decisionNumber: '12/QĐ-UBND',
      replace: [{ membershipId: 'm3', byPersonId: 'p9' }],
      end: ['m2'],
      add: [],
    });
    expect(plan.replaceRows).toEqual([2]);
    expect(plan.endRows).toEqual([1]);
    const fieldFor = consolidateFieldFor(plan);
    expect(fieldFor(['replace', 0, 'byPersonId'])).toEqual(['current', 2, 'byPersonId']);
    expect(fieldFor(['end', 0])).toEqual(['current', 1, 'action']);
    expect(fieldFor(['members'])).toEqual(['members']);
    expect(fieldFor(['members', 0, 'personId'])).toBeNull();
    expect(fieldFor(['version'])).toBeNull();
  });

  it('checks the board as it will be: ending the deputy leaves two members and no deputy', () => {
    const v = values([
      { membershipId: 'm1', action: 'keep' },
      { membershipId: 'm2', action: 'end' },
      { membershipId: 'm3', action: 'keep' },
    ]);
    expect(resultingMembers(members, v).map((m) => `${m.personId}:${m.role}`)).toEqual(['p1:HEAD', 'p3:MEMBER']);
    const result = consolidateViolations(consolidatePlan('b1', 1, v), members, v, PLACE);
    expect(codes(result)).toEqual(['BOARD_MIN_MEMBERS@members', 'BOARD_DEPUTIES@members']);
    expect(result.complete).toBe(true);
  });

  it('lets a successor take the seat’s role unless another is given', () => {
    const v = values([
      { membershipId: 'm1', action: 'replace', byPersonId: 'p8' },
      { membershipId: 'm3', action: 'replace', byPersonId: 'p9', role: 'DEPUTY_HEAD' },
    ]);
    expect(resultingMembers(members, v).map((m) => `${m.personId}:${m.role}`)).toEqual(['p8:HEAD', 'p2:DEPUTY_HEAD', 'p9:DEPUTY_HEAD']);
    expect(codes(consolidateViolations(consolidatePlan('b1', 1, v), members, v, PLACE))).toEqual([]);
  });

  it('says a consolidation without a change changes nothing, without calling the form incomplete', () => {
    const v = values([{ membershipId: 'm1', action: 'keep' }]);
    const result = consolidateViolations(consolidatePlan('b1', 1, v), members, v, PLACE);
    expect(codes(result)).toEqual(['INVALID_VALUE@']);
    expect(result.complete).toBe(true);
  });

  it('a replacement without a successor is incomplete, marked on its row', () => {
    const v = values([{ membershipId: 'm2', action: 'replace' }]);
    const plan = consolidatePlan('b1', 1, v);
    const result = consolidateViolations(plan, members, v, PLACE);
    expect(result.complete).toBe(false);
    expect(fieldErrors(result.violations, 'vi', consolidateFieldFor(plan)).fields[0]?.name).toEqual(['current', 0, 'byPersonId']);
  });

  it('keeps the decisions of members still there after a reload, and starts new ones as kept', () => {
    const reloaded: LoadedMember[] = [...members.slice(1), { id: 'm4', role: 'MEMBER', personId: 'p4', buildingId: null }];
    expect(
      mergeCurrentRows(reloaded, [
        { membershipId: 'm1', action: 'end' },
        { membershipId: 'm3', action: 'replace', byPersonId: 'p9' },
      ]),
    ).toEqual([
      { membershipId: 'm2', action: 'keep' },
      { membershipId: 'm3', action: 'replace', byPersonId: 'p9' },
      { membershipId: 'm4', action: 'keep' },
    ]);
  });
});
