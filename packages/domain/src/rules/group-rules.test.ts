import { describe, expect, it } from 'vitest';
import type { Membership } from '../model/people.js';
import { checkGroupHeadAppointment, checkGroupLeadership, GROUP_RULE_CODES, groupsServedBy } from './group-rules.js';
import { DEFAULT_RULE_DATA } from './rule-data.js';
import { checkRow, membership, org, person, type Row, stateWith, uncovered, unit, withRuleChange } from './test-support/fixtures.js';

const LEAD = 'tt-5';

const base = stateWith({
  units: [unit('tdp-5', 'RESIDENTIAL_GROUP', 'Tổ dân phố số 5'), unit('tdp-6', 'RESIDENTIAL_GROUP', 'Tổ dân phố số 6')],
  organizations: [
    org(LEAD, 'RESIDENTIAL_GROUP_LEADERSHIP', 'Tổ trưởng, tổ phó TDP số 5'),
    org('tt-none', 'RESIDENTIAL_GROUP_LEADERSHIP', 'Ban chưa gắn tổ'),
    org('cb-5', 'PARTY_CELL', 'Chi bộ TDP số 5'),
    org('tt-old', 'RESIDENTIAL_GROUP_LEADERSHIP', 'Ban cũ', { validTo: '2020-01-01' }),
  ],
  organizationAreas: [{ id: 'ar', organizationId: LEAD, unitId: 'tdp-5', validFrom: '2000-01-01', validTo: null }],
  people: [
    person('an', 'Nguyễn Văn An', { birthDate: '1970-05-01', residenceUnitId: 'tdp-5' }),
    person('bao', 'Trần Văn Bảo', { birthDate: '2004-03-10', birthYear: 2004, residenceUnitId: 'tdp-5' }),
    person('cuc', 'Lê Thị Cúc', { sex: 'FEMALE', birthYear: 2004, residenceUnitId: 'tdp-5' }),
    person('dung', 'Phạm Văn Dũng', { residenceUnitId: 'tdp-6' }),
    person('em', 'Hoàng Thị Em', { sex: 'FEMALE' }),
    person('hoa', 'Bùi Thị Hoa', { sex: 'FEMALE', residenceUnitId: 'tdp-5' }),
  ],
});

const withMemberships = (memberships: Membership[]) => stateWith({ ...base, memberships });
const appoint =
  (m: Membership, memberships: Membership[] = []) =>
  () =>
    checkGroupHeadAppointment(withMemberships(memberships), m);
const head = (personId: string, validFrom: string, validTo: string | null = null) =>
  membership('new', personId, LEAD, 'HEAD', validFrom, validTo);
const interim = (personId: string, validFrom: string, validTo: string | null = null) =>
  membership('new', personId, LEAD, 'INTERIM_HEAD', validFrom, validTo);

/** An existing head (Hoa, from 2023) and deputy (Dũng, 2023 → 2024). */
const sittingHead = membership('h0', 'hoa', LEAD, 'HEAD', '2023-01-01', '2025-01-01');
const sitting = [sittingHead, membership('d0', 'dung', LEAD, 'DEPUTY_HEAD', '2023-01-01', '2024-01-01')];

const appointmentRows: Row[] = [
  // Term: 30 months passes, one day more fails; open-ended is allowed at write time.
  { name: 'a head for exactly 30 months passes', run: appoint(head('an', '2023-01-01', '2025-07-01')), expected: [] },
  {
    name: 'a head for 30 months and a day fails',
    run: appoint(head('an', '2023-01-01', '2025-07-02')),
    expected: ['GROUP_HEAD_TERM@validTo'],
  },
  { name: 'an open-ended head passes', run: appoint(head('an', '2023-01-01')), expected: [] },
  // Age 21 on the appointment date.
  { name: 'exactly 21 on the day passes', run: appoint(head('bao', '2025-03-10')), expected: [] },
  { name: 'a day short of 21 fails', run: appoint(head('bao', '2025-03-09')), expected: ['GROUP_HEAD_AGE@personId'] },
  { name: 'birth year only, possibly 21 (1 January) passes', run: appoint(head('cuc', '2025-01-01')), expected: [] },
  {
    name: 'birth year only, certainly 20 (31 December) fails',
    run: appoint(head('cuc', '2024-12-31')),
    expected: ['GROUP_HEAD_AGE@personId'],
  },
  { name: 'an interim head is a head too: age', run: appoint(interim('bao', '2025-03-09')), expected: ['GROUP_HEAD_AGE@personId'] },
  // Residence.
  { name: 'resident elsewhere fails', run: appoint(head('dung', '2024-01-01')), expected: ['GROUP_HEAD_RESIDENT@personId'] },
  { name: 'residence not recorded fails', run: appoint(head('em', '2024-01-01')), expected: ['GROUP_HEAD_RESIDENT@personId'] },
  {
    name: 'a leadership serving no recorded group: residence not checked',
    run: appoint(membership('new', 'em', 'tt-none', 'HEAD', '2024-01-01')),
    expected: [],
  },
  // Interim head: 6 months.
  { name: 'interim for exactly 6 months passes', run: appoint(interim('an', '2025-01-01', '2025-07-01')), expected: [] },
  {
    name: 'interim for 6 months and a day fails',
    run: appoint(interim('an', '2025-01-01', '2025-07-02')),
    expected: ['GROUP_INTERIM_HEAD@validTo'],
  },
  { name: 'an open-ended interim passes at write time', run: appoint(interim('an', '2025-01-01')), expected: [] },
  // One head, one deputy.
  { name: 'a second head while one serves fails', run: appoint(head('an', '2024-01-01'), sitting), expected: ['GROUP_ONE_HEAD@role'] },
  {
    name: 'an interim head while the head serves fails',
    run: appoint(interim('an', '2024-06-01', '2024-09-01'), sitting),
    expected: ['GROUP_ONE_HEAD@role'],
  },
  {
    name: 'the same head again is not a second head (MEMBERSHIP_OVERLAP is checkMembership’s)',
    run: appoint(head('hoa', '2024-01-01'), sitting),
    expected: [],
  },
  { name: 'a head from the day the previous one ends passes', run: appoint(head('an', '2025-01-01'), sitting), expected: [] },
  {
    name: 'a second deputy while one serves fails',
    run: appoint(membership('new', 'em', LEAD, 'DEPUTY_HEAD', '2023-06-01', '2024-06-01'), sitting),
    expected: ['GROUP_ONE_HEAD@role'],
  },
  {
    name: 'a deputy is not held to the head’s age and residence',
    run: appoint(membership('new', 'em', LEAD, 'DEPUTY_HEAD', '2024-01-01'), sitting),
    expected: [],
  },
  { name: 'editing the sitting head’s own record passes', run: appoint({ ...sittingHead, personId: 'an' }, sitting), expected: [] },
  // Bad input.
  { name: 'an impossible date', run: appoint(head('an', '2023-02-29')), expected: ['DATE_FORMAT@validFrom'] },
  { name: 'an end before the start', run: appoint(head('an', '2023-02-01', '2023-01-01')), expected: ['PERIOD_ORDER@validTo'] },
  {
    name: 'not a group leadership',
    run: appoint(membership('new', 'an', 'cb-5', 'HEAD', '2024-01-01')),
    expected: ['ENTITY_NOT_FOUND@organizationId'],
  },
  { name: 'an unknown person', run: appoint(head('ghost', '2024-01-01')), expected: ['ENTITY_NOT_FOUND@personId'] },
];

const lead =
  (memberships: Membership[], on: string, id = LEAD) =>
  () =>
    checkGroupLeadership(withMemberships(memberships), id, on);

const leadershipRows: Row[] = [
  { name: 'one head and one deputy pass', run: lead(sitting, '2023-06-01'), expected: [] },
  {
    name: 'two heads at once fail',
    run: lead([...sitting, membership('h1', 'an', LEAD, 'HEAD', '2024-06-01')], '2024-07-01'),
    expected: ['GROUP_ONE_HEAD@memberships'],
  },
  {
    name: 'a head and an interim head at once fail',
    run: lead([...sitting, membership('i1', 'an', LEAD, 'INTERIM_HEAD', '2024-06-01', '2024-09-01')], '2024-07-01'),
    expected: ['GROUP_ONE_HEAD@memberships'],
  },
  {
    name: 'two deputies at once fail',
    run: lead([...sitting, membership('d1', 'an', LEAD, 'DEPUTY_HEAD', '2023-06-01')], '2023-07-01'),
    expected: ['GROUP_ONE_HEAD@memberships'],
  },
  // An open-ended interim head: the stint [1/1, 1/7) is the longest allowed.
  {
    name: 'interim on the last day of 6 months passes',
    run: lead([membership('i1', 'an', LEAD, 'INTERIM_HEAD', '2025-01-01')], '2025-06-30'),
    expected: [],
  },
  {
    name: 'interim still serving after 6 months fails',
    run: lead([membership('i1', 'an', LEAD, 'INTERIM_HEAD', '2025-01-01')], '2025-07-01'),
    expected: ['GROUP_INTERIM_HEAD@memberships.0.validTo'],
  },
  {
    name: 'a serving head who was too young on appointment fails',
    run: lead(
      [membership('d1', 'an', LEAD, 'DEPUTY_HEAD', '2023-06-01'), membership('h1', 'bao', LEAD, 'HEAD', '2025-01-01')],
      '2025-06-01',
    ),
    expected: ['GROUP_HEAD_AGE@memberships.1.personId'],
  },
  { name: 'unknown leadership', run: lead([], '2025-01-01', 'nope'), expected: ['ENTITY_NOT_FOUND@organizationId'] },
  { name: 'a dissolved leadership has nothing to check', run: lead([], '2025-01-01', 'tt-old'), expected: [] },
];

describe('checkGroupHeadAppointment', () => {
  it.each(appointmentRows)('$name', (row) => {
    checkRow(row);
  });

  it('names the person, the group and the figures', () => {
    const [age] = appoint(head('bao', '2025-03-09'))();
    expect(age?.message).toEqual({
      vi: 'Trần Văn Bảo mới 20 tuổi vào ngày nhận chức 09/03/2025; tổ trưởng "Tổ trưởng, tổ phó TDP số 5" phải từ đủ 21 tuổi.',
      en: 'Trần Văn Bảo is 20 on taking office on 2025-03-09; the head of "Tổ trưởng, tổ phó TDP số 5" must be at least 21.',
    });
    expect(age?.entity).toEqual({ type: 'Membership', id: 'new' });
    const [residence] = appoint(head('dung', '2024-01-01'))();
    expect(residence?.message.vi).toBe(
      'Phạm Văn Dũng thường trú tại "Tổ dân phố số 6", không phải tổ dân phố "Tổ dân phố số 5"; tổ trưởng phải thường trú tại tổ.',
    );
  });

  it('reads the minimum age in force on the appointment date', () => {
    const rule2027 = withRuleChange(DEFAULT_RULE_DATA, 'group.headMinAge', 25, '2027-01-01');
    const state = withMemberships([]);
    // Bảo is 22 on both dates.
    expect(checkGroupHeadAppointment(state, head('bao', '2026-12-31'), rule2027)).toEqual([]);
    expect(checkGroupHeadAppointment(state, head('bao', '2027-01-01'), rule2027).map((v) => v.code)).toEqual(['GROUP_HEAD_AGE']);
    expect(checkGroupHeadAppointment(state, head('bao', '2027-01-01'))).toEqual([]);
  });
});

describe('checkGroupLeadership', () => {
  it.each(leadershipRows)('$name', (row) => {
    checkRow(row);
  });

  it('every group rule code fails in some row', () => {
    expect(uncovered(GROUP_RULE_CODES, [...appointmentRows, ...leadershipRows])).toEqual([]);
  });
});

describe('groupsServedBy', () => {
  it('lists the residential groups the leadership serves on the date', () => {
    expect(groupsServedBy(base, LEAD, '2025-01-01').map((u) => u.id)).toEqual(['tdp-5']);
    expect(groupsServedBy(base, 'tt-none', '2025-01-01')).toEqual([]);
  });
});
