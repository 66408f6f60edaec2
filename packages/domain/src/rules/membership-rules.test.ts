import { describe, expect, it } from 'vitest';
import type { Membership } from '../model/people.js';
import type { UnitParent } from '../model/places.js';
import { checkMembership, checkUnitParent, MEMBERSHIP_RULE_CODES } from './membership-rules.js';
import { checkRow, membership, org, person, type Row, stateWith, uncovered, unit } from './test-support/fixtures.js';

const state = stateWith({
  units: [
    unit('hn', 'PROVINCE', 'Hà Nội'),
    unit('lb', 'DISTRICT', 'Long Biên', { validTo: '2025-07-01' }),
    unit('gb', 'WARD', 'Giang Biên'),
    unit('xa', 'COMMUNE', 'Đa Tốn'),
    unit('tdp-5', 'RESIDENTIAL_GROUP', 'Tổ dân phố số 5'),
  ],
  unitParents: [
    { id: 'up-gb-lb', unitId: 'gb', parentId: 'lb', validFrom: '2003-01-01', validTo: '2025-07-01' },
    { id: 'up-gb-hn', unitId: 'gb', parentId: 'hn', validFrom: '2025-07-01', validTo: null },
  ],
  organizations: [
    org('bqt', 'MANAGEMENT_BOARD', 'BQT Rice City'),
    org('tt-5', 'RESIDENTIAL_GROUP_LEADERSHIP', 'Tổ trưởng, tổ phó TDP số 5'),
    org('bqt-sky', 'MANAGEMENT_BOARD', 'BQT Sky', { validFrom: '2022-01-01', validTo: '2030-01-01' }),
    org('cb-5', 'PARTY_CELL', 'Chi bộ TDP số 5'),
  ],
  organizationAreas: [{ id: 'ar', organizationId: 'tt-5', unitId: 'tdp-5', validFrom: '2000-01-01', validTo: null }],
  people: [
    person('an', 'Nguyễn Văn An', { residenceUnitId: 'tdp-5' }),
    person('binh', 'Trần Thị Bình', { sex: 'FEMALE' }),
    person('bao', 'Trần Văn Bảo', { birthDate: '2004-03-10', birthYear: 2004, residenceUnitId: 'tdp-5' }),
  ],
  posts: [
    { id: 'post-thu-ky', organizationId: 'bqt', role: 'MEMBER', label: 'Thư ký', validFrom: '2000-01-01', validTo: null },
    { id: 'post-pho', organizationId: 'bqt-sky', role: 'DEPUTY_HEAD', label: 'Phó ban', validFrom: '2023-01-01', validTo: '2024-01-01' },
  ],
  memberships: [
    membership('m1', 'an', 'bqt', 'MEMBER', '2022-01-01', '2025-01-01', { postId: 'post-thu-ky' }),
    membership('g1', 'an', 'tt-5', 'HEAD', '2024-01-01', '2025-01-01'),
    membership('h1', 'an', 'bqt-sky', 'HEAD', '2022-01-01', '2025-01-01'),
    membership('s1', 'an', 'cb-5', 'SECRETARY', '2020-01-01', null),
  ],
});

const check =
  (m: Membership, path: Array<string | number> = []) =>
  () =>
    checkMembership(state, m, path);
const m = (extra: Partial<Membership> = {}): Membership => ({
  ...membership('new', 'binh', 'bqt', 'MEMBER', '2024-01-01', '2024-06-01'),
  ...extra,
});

const membershipRows: Row[] = [
  { name: 'a valid membership passes', run: check(m()), expected: [] },
  // Period order: one day passes, zero days or negative fail.
  { name: 'a one-day membership passes', run: check(m({ validTo: '2024-01-02' })), expected: [] },
  { name: 'an empty period fails', run: check(m({ validTo: '2024-01-01' })), expected: ['PERIOD_ORDER@validTo'] },
  { name: 'an end before the start fails', run: check(m({ validTo: '2023-12-31' })), expected: ['PERIOD_ORDER@validTo'] },
  { name: 'an impossible date fails', run: check(m({ validTo: '2024-02-30' })), expected: ['DATE_FORMAT@validTo'] },
  // Unknown references.
  { name: 'an unknown person', run: check(m({ personId: 'ghost' })), expected: ['ENTITY_NOT_FOUND@personId'] },
  { name: 'an unknown organization', run: check(m({ organizationId: 'nowhere' })), expected: ['ENTITY_NOT_FOUND@organizationId'] },
  { name: 'an unknown post', run: check(m({ postId: 'no-post' })), expected: ['ENTITY_NOT_FOUND@postId'] },
  // Overlap with An's MEMBER membership (2022 → 2025, post "Thư ký").
  {
    name: 'same person, body and role, overlapping, fails',
    run: check(m({ personId: 'an', validFrom: '2024-06-01', validTo: null })),
    expected: ['MEMBERSHIP_OVERLAP@validFrom'],
  },
  {
    name: 'starting the day the other ends passes',
    run: check(m({ personId: 'an', validFrom: '2025-01-01', validTo: null })),
    expected: [],
  },
  {
    name: 'ending the day the other starts passes',
    run: check(m({ personId: 'an', validFrom: '2021-01-01', validTo: '2022-01-01' })),
    expected: [],
  },
  { name: 'another role in the same body passes', run: check(m({ personId: 'an', role: 'DEPUTY_HEAD' })), expected: [] },
  {
    name: 'another role but the same post fails',
    run: check(m({ personId: 'an', role: 'DEPUTY_HEAD', postId: 'post-thu-ky' })),
    expected: ['MEMBERSHIP_OVERLAP@validFrom'],
  },
  { name: 'another person in the same role passes', run: check(m({ personId: 'binh', validFrom: '2023-01-01' })), expected: [] },
  {
    name: 'updating the record itself passes',
    run: check(m({ id: 'm1', personId: 'an', validFrom: '2022-01-01', validTo: null })),
    expected: [],
  },
  // One holder at a time of a head's or secretary's seat (An heads BQT Sky 2022 → 2025, is secretary of cell 5 since 2020).
  {
    name: 'a second head of a board in the same period fails',
    run: check(m({ organizationId: 'bqt-sky', role: 'HEAD', validFrom: '2024-06-01', validTo: '2026-01-01' })),
    expected: ['POST_ONE_HOLDER@role'],
  },
  {
    name: 'an interim head while the head serves fails (the same seat)',
    run: check(m({ organizationId: 'bqt-sky', role: 'INTERIM_HEAD', validFrom: '2024-06-01', validTo: '2024-09-01' })),
    expected: ['POST_ONE_HOLDER@role'],
  },
  {
    name: 'the next head from the day the head leaves passes',
    run: check(m({ organizationId: 'bqt-sky', role: 'HEAD', validFrom: '2025-01-01', validTo: '2028-01-01' })),
    expected: [],
  },
  {
    name: 'a second secretary of a cell fails',
    run: check(m({ organizationId: 'cb-5', role: 'SECRETARY', validFrom: '2024-01-01', validTo: null })),
    expected: ['POST_ONE_HOLDER@role'],
  },
  {
    name: 'deputies may be several',
    run: check(m({ organizationId: 'bqt-sky', role: 'DEPUTY_HEAD', validFrom: '2024-06-01', validTo: '2026-01-01' })),
    expected: [],
  },
  {
    name: 'a second group head is GROUP_ONE_HEAD, not reported twice',
    run: check(m({ personId: 'an', organizationId: 'tt-5', role: 'INTERIM_HEAD', validFrom: '2024-06-01', validTo: '2024-09-01' })),
    expected: ['GROUP_ONE_HEAD@role'],
  },
  // Within the life of the body (BQT Sky: 2022 → 2030) and of the post (Phó ban: 2023 → 2024).
  {
    name: 'a membership starting before its body fails',
    run: check(m({ organizationId: 'bqt-sky', validFrom: '2010-01-01', validTo: '2010-11-02' })),
    expected: ['MEMBERSHIP_WITHIN_BODY@validFrom'],
  },
  {
    name: 'an open-ended membership of a body that ends fails',
    run: check(m({ organizationId: 'bqt-sky', validFrom: '2024-01-01', validTo: null })),
    expected: ['MEMBERSHIP_WITHIN_BODY@validFrom'],
  },
  {
    name: 'a membership for the whole life of its body passes',
    run: check(m({ organizationId: 'bqt-sky', validFrom: '2022-01-01', validTo: '2030-01-01' })),
    expected: [],
  },
  {
    name: 'a membership outside its post’s life fails at the post',
    run: check(m({ organizationId: 'bqt-sky', role: 'DEPUTY_HEAD', postId: 'post-pho', validFrom: '2023-06-01', validTo: '2024-06-01' })),
    expected: ['MEMBERSHIP_WITHIN_BODY@postId'],
  },
  // Paths into a larger input.
  { name: 'paths are prefixed', run: check(m({ validTo: '2024-01-01' }), ['members', 2]), expected: ['PERIOD_ORDER@members.2.validTo'] },
  // Group leadership: the head checks apply.
  {
    name: 'a group head too young is refused, under the given path',
    run: check(m({ personId: 'bao', organizationId: 'tt-5', role: 'HEAD', validFrom: '2025-03-09', validTo: null }), ['membership']),
    expected: ['GROUP_HEAD_AGE@membership.personId'],
  },
  {
    name: 'the same group head twice is one overlap, not a second head',
    run: check(m({ personId: 'an', organizationId: 'tt-5', role: 'HEAD', validFrom: '2024-06-01', validTo: null })),
    expected: ['MEMBERSHIP_OVERLAP@validFrom'],
  },
  {
    name: 'a group head of age passes',
    run: check(m({ personId: 'bao', organizationId: 'tt-5', role: 'HEAD', validFrom: '2025-03-10', validTo: null })),
    expected: [],
  },
];

const link = (unitId: string, parentId: string, validFrom = '2025-07-01', validTo: string | null = null, id = 'new'): UnitParent => ({
  id,
  unitId,
  parentId,
  validFrom,
  validTo,
});
const parent = (l: UnitParent) => () => checkUnitParent(state, l);

const unitParentRows: Row[] = [
  // Kinds.
  { name: 'a district under the province passes', run: parent(link('lb', 'hn', '2003-01-01', '2025-07-01')), expected: [] },
  { name: 'a commune under a district passes', run: parent(link('xa', 'lb', '2003-01-01', '2025-07-01')), expected: [] },
  { name: 'a commune directly under the province passes', run: parent(link('xa', 'hn')), expected: [] },
  { name: 'a group under a ward passes', run: parent(link('tdp-5', 'gb')), expected: [] },
  { name: 'a group under a commune passes', run: parent(link('tdp-5', 'xa')), expected: [] },
  { name: 'a group under a district fails', run: parent(link('tdp-5', 'lb')), expected: ['UNIT_PARENT_KIND@parentId'] },
  { name: 'a ward under a ward fails', run: parent(link('xa', 'gb')), expected: ['UNIT_PARENT_KIND@parentId'] },
  { name: 'a province has no parent', run: parent(link('hn', 'lb')), expected: ['UNIT_PARENT_KIND@parentId'] },
  { name: 'a unit under itself fails', run: parent(link('tdp-5', 'tdp-5')), expected: ['UNIT_PARENT_KIND@parentId'] },
  // One parent at a time (Giang Biên: Long Biên until 30/6/2025, Hà Nội from 1/7/2025).
  {
    name: 'a second parent overlapping fails',
    run: parent(link('gb', 'lb', '2025-06-01', '2025-08-01')),
    expected: ['UNIT_ONE_PARENT@validFrom', 'UNIT_ONE_PARENT@validFrom'],
  },
  { name: 'a parent before the first link passes', run: parent(link('gb', 'hn', '1995-01-01', '2003-01-01')), expected: [] },
  { name: 'editing a link itself passes', run: parent(link('gb', 'hn', '2025-07-01', null, 'up-gb-hn')), expected: [] },
  // Bad input.
  { name: 'an unknown unit', run: parent(link('ghost', 'hn')), expected: ['UNIT_NOT_FOUND@unitId'] },
  { name: 'an unknown parent', run: parent(link('tdp-5', 'ghost')), expected: ['UNIT_NOT_FOUND@parentId'] },
  { name: 'an end before the start', run: parent(link('tdp-5', 'gb', '2025-07-01', '2025-07-01')), expected: ['PERIOD_ORDER@validTo'] },
  { name: 'an impossible date', run: parent(link('tdp-5', 'gb', '2025-06-31')), expected: ['DATE_FORMAT@validFrom'] },
];

describe('checkMembership', () => {
  it.each(membershipRows)('$name', (row) => {
    checkRow(row);
  });

  it('names the person, the body and the period already held', () => {
    const [v] = check(m({ personId: 'an', validFrom: '2024-06-01', validTo: null }))();
    expect(v?.message).toEqual({
      vi: 'Nguyễn Văn An đã giữ chức vụ này ở "BQT Rice City" từ 01/01/2022 đến 01/01/2025; không thể giữ hai lần trong cùng thời gian.',
      en: 'Nguyễn Văn An already holds this post in "BQT Rice City" from 2022-01-01 to 2025-01-01; nobody holds a post twice at the same time.',
    });
    expect(v?.entity).toEqual({ type: 'Membership', id: 'new' });
  });
});

describe('checkUnitParent', () => {
  it.each(unitParentRows)('$name', (row) => {
    checkRow(row);
  });

  it('names both levels in the message', () => {
    const [v] = parent(link('tdp-5', 'lb'))();
    expect(v?.message.vi).toBe('Tổ dân phố "Tổ dân phố số 5" không thể trực thuộc quận/huyện "Long Biên"; cấp trên hợp lệ: phường, xã.');
  });

  it('every membership and unit-parent rule code fails in some row', () => {
    expect(uncovered(MEMBERSHIP_RULE_CODES, [...membershipRows, ...unitParentRows])).toEqual([]);
  });
});
