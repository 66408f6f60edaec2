import { StateBuilder } from '../../testing/state-builder.js';

/**
 * A synthetic Long Biên built to the article's printed figures (review of 01/12/2022): 14 wards,
 * 222 residential groups, 49 groups with apartment buildings in 13 wards, each with its own cell;
 * 8 boards established and 31 consolidated in the period; 65 political-system people on boards
 * (36 party members only, 22 post holders only, 7 both: 43 party members, 29 post holders);
 * 22 Regulation 213 members introduced; Giang Biên's committee introduced 35 + 8, Phúc Đồng's
 * 10 + 2; 5 presentations; 25 collectives and 25 individuals commended; and (not in the article)
 * 30 of the 49 board heads trained in fire safety.
 * The people are invented; only the counts come from the article.
 */
export const ARTICLE_WARDS = [
  'Thượng Thanh',
  'Ngọc Thụy',
  'Giang Biên',
  'Đức Giang',
  'Việt Hưng',
  'Gia Thụy',
  'Ngọc Lâm',
  'Phúc Lợi',
  'Bồ Đề',
  'Sài Đồng',
  'Long Biên',
  'Thạch Bàn',
  'Phúc Đồng',
  'Cự Khối',
] as const;

export function articleScaleLongBien(): StateBuilder {
  const s = new StateBuilder();
  s.unit('hn', 'PROVINCE', 'Hà Nội', null, { kindLabel: 'Thành phố' }).unit('lb', 'DISTRICT', 'Long Biên', 'hn', { kindLabel: 'Quận' });
  s.directive('tt05', '05-TT/QU', '2021-09-30', 'lb').review('review', 'tt05', '2022-12-01');

  // 12 wards of 16 groups and 2 of 15 = 222; apartment groups: 4 in each of the first 10 wards with
  // apartments, 3 in the next 3 = 49; Cự Khối (the last) has none.
  const apartmentGroups: string[] = [];
  ARTICLE_WARDS.forEach((name, w) => {
    const wardId = `w${w}`;
    s.unit(wardId, 'WARD', name, 'lb', { kindLabel: 'Phường' });
    s.org(`wpc${w}`, 'WARD_PARTY_COMMITTEE', `Đảng ủy phường ${name}`, { serves: [wardId] });
    const groups = w < 12 ? 16 : 15;
    const withApartments = w < 10 ? 4 : w < 13 ? 3 : 0;
    for (let g = 0; g < groups; g++) {
      const groupId = `w${w}g${g}`;
      s.unit(groupId, 'RESIDENTIAL_GROUP', `Tổ dân phố số ${g + 1} phường ${name}`, wardId);
      if (g < withApartments) apartmentGroups.push(groupId);
    }
  });

  apartmentGroups.forEach((groupId, i) => {
    s.building(`b${i}`, `Chung cư ${i + 1}`, groupId)
      .board(`bq${i}`, `Ban quản trị chung cư ${i + 1}`, { buildingId: `b${i}` })
      .org(`cell${i}`, 'PARTY_CELL', `Chi bộ ${groupId}`, { serves: [groupId] })
      .org(`women${i}`, 'MASS_ORGANIZATION_BRANCH', `Chi hội phụ nữ ${groupId}`, { serves: [groupId] });
    if (i < 8) s.change(`bq${i}`, 'ESTABLISHMENT', '2022-03-15', 'tt05');
    else if (i < 39) s.change(`bq${i}`, 'CONSOLIDATION', '2022-06-15', 'tt05');
    else s.change(`bq${i}`, 'CONSOLIDATION', '2021-03-01'); // before the directive
  });

  // 65 political-system people on boards and 20 other board members.
  let person = 0;
  const onBoard = (roles: { party?: boolean; post?: boolean }): void => {
    const id = `m${person}`;
    const i = person % 49;
    s.person(id, `Thành viên ${person}`).member(id, `bq${i}`, person < 49 ? 'HEAD' : 'MEMBER');
    if (roles.party) s.party(id, `cell${i}`, 'OFFICIAL');
    if (roles.post) s.member(id, `women${i}`, 'MEMBER');
    person += 1;
  };
  for (let k = 0; k < 36; k++) onBoard({ party: true });
  for (let k = 0; k < 22; k++) onBoard({ post: true });
  for (let k = 0; k < 7; k++) onBoard({ party: true, post: true });
  for (let k = 0; k < 20; k++) onBoard({});

  // Nominations: Giang Biên (ward 2) 35 + 8, Phúc Đồng (ward 12) 10 + 2, 22 Regulation 213 members by cells.
  const nominate = (committee: string, category: 'PARTY_MEMBER' | 'POLITICAL_SYSTEM_MEMBER', n: number, prefix: string): void => {
    for (let k = 0; k < n; k++)
      s.person(`${prefix}${k}`, `Người được giới thiệu ${prefix}${k}`).nomination(
        committee,
        `${prefix}${k}`,
        'bq0',
        category,
        '2022-04-01',
      );
  };
  nominate('wpc2', 'PARTY_MEMBER', 35, 'gbp');
  nominate('wpc2', 'POLITICAL_SYSTEM_MEMBER', 8, 'gbs');
  nominate('wpc12', 'PARTY_MEMBER', 10, 'pdp');
  nominate('wpc12', 'POLITICAL_SYSTEM_MEMBER', 2, 'pds');
  for (let k = 0; k < 22; k++) {
    s.person(`rc${k}`, `Đảng viên 213 số ${k}`)
      .contact(`rc${k}`, `cell${k}`)
      .nomination(`cell${k}`, `rc${k}`, `bq${k}`, 'RESIDENCE_CONTACT_MEMBER', '2022-05-01');
  }

  s.presentation('pr1', 'review', 'Đảng ủy phường', 'PARTY_COMMITTEE', { organizationId: 'wpc2' })
    .presentation('pr2', 'review', 'Phòng Quản lý đô thị', 'GOVERNMENT_OFFICE')
    .presentation('pr3', 'review', 'Ủy ban MTTQ quận', 'FATHERLAND_FRONT')
    .presentation('pr4', 'review', 'Tổ dân phố', 'RESIDENTIAL_GROUP')
    .presentation('pr5', 'review', 'Ban quản trị', 'MANAGEMENT_BOARD', { organizationId: 'bq3' });
  for (let k = 0; k < 25; k++) {
    s.commendation(`kc${k}`, 'tt05', 'COLLECTIVE', '2022-12-01', `cell${k}`);
    s.commendation(`ki${k}`, 'tt05', 'INDIVIDUAL', '2022-12-01', `m${k}`);
  }
  // Fire-safety training (not in the article): the heads of the first 30 boards attended.
  s.training(
    'pccc',
    ['FIRE_SAFETY', 'RESCUE'],
    '2022-10-20',
    Array.from({ length: 30 }, (_, k) => `m${k}`),
  );
  return s;
}
