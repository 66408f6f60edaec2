import { StateBuilder } from '../../testing/state-builder.js';

/**
 * A hand-made district for tests: Long Biên with three wards (Giang Biên, Phúc Đồng, Bồ Đề) and a
 * neighbouring district (Gia Lâm) whose records must never leak into Long Biên's figures.
 * Directive 05-TT/QU issued 2021-09-30, reviewed 2022-12-01. Expected values are in the tests;
 * the comments here say why each record is there.
 */
export const REVIEW_FROM = '2021-09-30';
export const REVIEW_TO = '2022-12-01';

export function longBienMini(): StateBuilder {
  const s = new StateBuilder();
  s.unit('hn', 'PROVINCE', 'Hà Nội', null, { kindLabel: 'Thành phố' })
    .unit('lb', 'DISTRICT', 'Long Biên', 'hn', { kindLabel: 'Quận' })
    .unit('gl', 'DISTRICT', 'Gia Lâm', 'hn', { kindLabel: 'Huyện' })
    .unit('w-gb', 'WARD', 'Giang Biên', 'lb', { kindLabel: 'Phường' })
    .unit('w-pd', 'WARD', 'Phúc Đồng', 'lb', { kindLabel: 'Phường' })
    .unit('w-bd', 'WARD', 'Bồ Đề', 'lb', { kindLabel: 'Phường' })
    .unit('w-tq', 'WARD', 'Trâu Quỳ', 'gl', { kindLabel: 'Phường' })
    .unit('g1', 'RESIDENTIAL_GROUP', 'Tổ dân phố số 1', 'w-gb')
    .unit('g2', 'RESIDENTIAL_GROUP', 'Tổ dân phố số 2', 'w-gb')
    .unit('g6', 'RESIDENTIAL_GROUP', 'Tổ dân phố số 6', 'w-gb')
    .unit('g3', 'RESIDENTIAL_GROUP', 'Tổ dân phố số 3', 'w-pd')
    .unit('g4', 'RESIDENTIAL_GROUP', 'Tổ dân phố số 4', 'w-pd')
    .unit('g5', 'RESIDENTIAL_GROUP', 'Tổ dân phố số 5', 'w-bd')
    .unit('gx', 'RESIDENTIAL_GROUP', 'Tổ dân phố Trâu Quỳ 1', 'w-tq');

  // Buildings: b4 was demolished in 2020; b5 is too small to need a board; b7 has one owner.
  s.building('b1', 'CT1', 'g1')
    .building('b2', 'CT2', 'g1')
    .building('b3', 'HH3', 'g3')
    .building('b4', 'Nhà cũ', 'g4', { to: '2020-01-01' })
    .building('b5', 'Nhà nhỏ', 'g3', { apartmentCount: 15 })
    .building('b7', 'Nhà cho thuê', 'g3', { apartmentCount: 200, multipleOwners: false })
    .building('b6', 'Tháp Sông Hồng', 'g6', { apartmentCount: 120 })
    .building('bx', 'Trâu Quỳ Tower', 'gx');

  // Bodies. cw is a workplace cell (serves no group); g6 has buildings but no cell.
  s.org('c1', 'PARTY_CELL', 'Chi bộ tổ dân phố số 1', { serves: ['g1'] })
    .org('c2', 'PARTY_CELL', 'Chi bộ tổ dân phố số 2', { serves: ['g2'] })
    .org('c3', 'PARTY_CELL', 'Chi bộ tổ dân phố số 3', { serves: ['g3'] })
    .org('cw', 'PARTY_CELL', 'Chi bộ Công ty Xây dựng')
    .org('cx', 'PARTY_CELL', 'Chi bộ Trâu Quỳ 1', { serves: ['gx'] })
    .org('l1', 'RESIDENTIAL_GROUP_LEADERSHIP', 'Tổ trưởng, tổ phó tổ dân phố số 1', { serves: ['g1'] })
    .org('fw3', 'FRONT_WORK_COMMITTEE', 'Ban công tác Mặt trận tổ dân phố số 3', { serves: ['g3'] })
    .org('wpc-gb', 'WARD_PARTY_COMMITTEE', 'Đảng ủy phường Giang Biên', { serves: ['w-gb'] })
    .org('wpc-pd', 'WARD_PARTY_COMMITTEE', 'Đảng ủy phường Phúc Đồng', { serves: ['w-pd'] })
    .org('qldt', 'GOVERNMENT_OFFICE', 'Phòng Quản lý đô thị', { serves: ['lb'] })
    .board('bq1', 'Ban quản trị CT1', { buildingId: 'b1' })
    .board('bq2', 'Ban quản trị CT2', { buildingId: 'b2' })
    .board('bq3', 'Ban quản trị HH3', { buildingId: 'b3' })
    .board('bq4', 'Ban quản trị nhà cũ', { buildingId: 'b4' }, { to: '2020-01-01' })
    .board('bqx', 'Ban quản trị Trâu Quỳ Tower', { buildingId: 'bx' });

  // People with overlapping roles.
  s.person('p1', 'Nguyễn Văn An', { residenceUnitId: 'g1' }) // party member AND group head: counts once
    .party('p1', 'c1', 'OFFICIAL')
    .member('p1', 'l1', 'HEAD')
    .member('p1', 'bq1', 'HEAD');
  s.person('p2', 'Trần Thị Bình', { residenceUnitId: 'g3' }) // party member on boards in two wards
    .party('p2', 'c3', 'OFFICIAL')
    .member('p2', 'bq3', 'HEAD')
    .member('p2', 'bq1', 'MEMBER');
  s.person('p3', 'Lê Văn Cường', { residenceUnitId: 'g3' }) // post holder only
    .member('p3', 'fw3', 'MEMBER')
    .member('p3', 'bq3', 'MEMBER');
  s.person('p4', 'Phạm Thị Dung') // party member of a workplace cell, Regulation 213 contact: not counted
    .party('p4', 'cw', 'OFFICIAL')
    .contact('p4', 'c1')
    .member('p4', 'bq2', 'HEAD');
  s.person('p5', 'Hoàng Văn Em') // plain cell membership is not a post
    .member('p5', 'c1', 'MEMBER')
    .member('p5', 'bq2', 'MEMBER');
  s.person('p6', 'Vũ Thị Giang') // party membership ended before the review
    .party('p6', 'c1', 'OFFICIAL', { to: '2022-01-01' })
    .member('p6', 'bq2', 'MEMBER');
  s.person('p7', 'Đỗ Văn Hùng') // left the board before the review
    .party('p7', 'c3', 'OFFICIAL')
    .member('p7', 'c3', 'SECRETARY')
    .member('p7', 'bq3', 'MEMBER', { to: '2022-06-01' });
  s.person('p8', 'Bùi Thị Lan') // probationary member and cell secretary: both, counts once
    .party('p8', 'c1', 'PROBATIONARY')
    .member('p8', 'c1', 'SECRETARY')
    .member('p8', 'bq1', 'DEPUTY_HEAD');
  s.person('p9', 'Ngô Văn Khoa').party('p9', 'c3', 'OFFICIAL');
  s.person('p10', 'Đinh Văn Long').contact('p10', 'c3');
  s.person('px', 'Người Gia Lâm').party('px', 'cx', 'OFFICIAL').member('px', 'bqx', 'HEAD');

  // Terms: bq3's second term ended 2022-06-01 with no successor; bq2 has no recorded term.
  s.term('bq1', 1, '2022-03-01', '2025-03-01').term('bq3', 1, '2018-01-01', '2021-01-01').term('bq3', 2, '2021-01-01', '2022-06-01');

  s.training('t1', ['FIRE_SAFETY'], '2022-05-01', ['p1'])
    .training('t2', ['RESCUE', 'BUILDING_OPERATION'], '2022-05-01', ['p4'])
    .training('t3', ['FIRE_SAFETY', 'RESCUE'], '2022-12-15', ['p2']); // after the review date

  s.regulation('g1', 'bq1', '2022-01-01').regulation('g3', 'bq3', '2021-01-01', '2022-06-01');

  s.directive('tt05', '05-TT/QU', REVIEW_FROM, 'lb').directive('ct01', '01-CT/QU', '2020-01-01', 'lb');

  s.change('bq1', 'ESTABLISHMENT', '2022-03-01', 'tt05')
    .change('bq3', 'ESTABLISHMENT', REVIEW_FROM) // first day of the period counts
    .change('bq2', 'ESTABLISHMENT', '2021-05-01') // before the period
    .change('bq2', 'CONSOLIDATION', '2022-06-01')
    .change('bq3', 'CONSOLIDATION', '2021-11-01')
    .change('bq3', 'CONSOLIDATION', '2022-02-01') // same board twice: counts once
    .change('bq3', 'CONSOLIDATION', '2022-12-02') // after the period
    .change('bq1', 'CONSOLIDATION', '2022-07-01', 'ct01') // under another directive
    .change('bq4', 'CONSOLIDATION', '2019-06-01')
    .change('bqx', 'ESTABLISHMENT', '2022-01-01'); // another district

  s.nomination('wpc-gb', 'p1', 'bq1', 'PARTY_MEMBER', '2022-02-01')
    .nomination('wpc-gb', 'p8', 'bq1', 'PARTY_MEMBER', '2022-02-01')
    .nomination('wpc-gb', 'p8', 'bq1', 'POLITICAL_SYSTEM_MEMBER', '2022-02-01')
    .nomination('wpc-gb', 'p4', 'bq2', 'RESIDENCE_CONTACT_MEMBER', '2022-04-01', { outcome: 'NOT_ELECTED' })
    .nomination('wpc-pd', 'p3', 'bq3', 'POLITICAL_SYSTEM_MEMBER', '2022-05-01')
    .nomination('wpc-pd', 'p2', 'bq3', 'PARTY_MEMBER', '2021-09-01') // before the period
    .nomination('c3', 'p9', 'bq3', 'PARTY_MEMBER', '2022-05-01') // by a cell, not a ward committee
    .nomination('c3', 'p10', 'bq3', 'RESIDENCE_CONTACT_MEMBER', REVIEW_TO); // last day counts

  s.review('r1', 'tt05', REVIEW_TO).review('r0', 'ct01', '2022-06-01').review('r2', 'tt05', '2023-06-01');
  s.presentation('pr1', 'r1', 'Tham luận của Đảng ủy phường Giang Biên', 'PARTY_COMMITTEE', { organizationId: 'wpc-gb' })
    .presentation('pr2', 'r1', 'Tham luận của phòng Quản lý đô thị', 'GOVERNMENT_OFFICE', { organizationId: 'qldt' })
    .presentation('pr3', 'r1', 'Tham luận của Ban quản trị HH3', 'MANAGEMENT_BOARD', { organizationId: 'bq3' })
    .presentation('pr4', 'r0', 'Tham luận về chỉ thị khác', 'PARTY_COMMITTEE', { organizationId: 'wpc-pd' })
    .presentation('pr5', 'r2', 'Tham luận năm sau', 'RESIDENTIAL_GROUP', { organizationId: 'l1' })
    .presentation('pr6', 'r1', 'Tham luận của chi bộ Trâu Quỳ', 'PARTY_COMMITTEE', { organizationId: 'cx' });

  s.commendation('k1', 'tt05', 'COLLECTIVE', REVIEW_TO, 'wpc-gb')
    .commendation('k2', 'tt05', 'COLLECTIVE', REVIEW_TO, 'bq3')
    .commendation('k3', 'tt05', 'COLLECTIVE', REVIEW_TO, 'wpc-gb') // commended twice
    .commendation('k4', 'tt05', 'INDIVIDUAL', REVIEW_TO, 'p1')
    .commendation('k5', 'tt05', 'INDIVIDUAL', REVIEW_TO, 'p3')
    .commendation('k6', 'ct01', 'COLLECTIVE', REVIEW_TO, 'wpc-pd')
    .commendation('k7', 'tt05', 'INDIVIDUAL', '2021-01-01', 'p2');

  // Period [2021-09-30, 2022-12-01] has 428 days, so "before" is [2020-07-29, 2021-09-29].
  s.petition('pet-a', 'g1', '2021-01-01')
    .petition('pet-b', 'g3', '2020-08-15')
    .petition('pet-b2', 'g3', '2020-07-29')
    .petition('pet-c', 'g1', '2020-07-28')
    .petition('pet-d', 'g1', '2022-03-01')
    .petition('pet-e', 'g3', REVIEW_TO)
    .petition('pet-f', 'g5', REVIEW_FROM)
    .petition('pet-g', 'g1', '2022-12-02')
    .petition('pet-x', 'gx', '2022-03-01');
  return s;
}
