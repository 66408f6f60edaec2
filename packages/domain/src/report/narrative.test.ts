import { describe, expect, it } from 'vitest';
import type { DomainState } from '../model/state.js';
import { directiveReport, figureByKey } from './directive-report.js';
import { reportNarrative } from './narrative.js';
import { articleScaleLongBien } from './test-support/article-scale.js';
import { expectWellFormed } from './test-support/invariants.js';
import { longBienMini, REVIEW_TO } from './test-support/long-bien-mini.js';
import type { DirectiveReport } from './types.js';

function report(state: DomainState, scopeUnitId = 'lb', to = REVIEW_TO): DirectiveReport {
  const r = directiveReport(state, { directiveId: 'tt05', scopeUnitId, to });
  if (!r.ok) throw new Error(r.violations.map((v) => v.message.en).join('; '));
  return r.value;
}

describe('the article, rebuilt from data', () => {
  const r = report(articleScaleLongBien().state);

  it('every printed figure comes out of the records', () => {
    expectWellFormed(r);
    const v = (k: Parameters<typeof figureByKey>[1]): [number, number | undefined] => {
      const f = figureByKey(r, k);
      return [f?.value ?? -1, f?.denominator];
    };
    expect(v('residentialGroups')).toEqual([222, undefined]);
    expect(v('wardsWithApartmentGroups')).toEqual([13, 14]);
    expect(v('apartmentGroupsWithCell')).toEqual([49, 49]);
    expect(v('apartmentGroupCells')).toEqual([49, undefined]);
    expect(v('boardsEstablished')).toEqual([8, undefined]);
    expect(v('boardsConsolidated')).toEqual([31, undefined]);
    expect(v('politicalSystemPeopleOnBoards')).toEqual([65, undefined]);
    expect(v('partyMembersOnBoards')).toEqual([43, undefined]);
    expect(v('politicalSystemMembersOnBoards')).toEqual([29, undefined]);
    expect(v('residenceContactMembersIntroduced')).toEqual([22, undefined]);
    expect(v('presentations')).toEqual([5, undefined]);
    expect(v('commendedCollectives')).toEqual([25, undefined]);
    expect(v('commendedIndividuals')).toEqual([25, undefined]);
    expect(v('boardHeadsTrainedFireSafety')).toEqual([30, 49]);
    const byWard = (k: 'nominatedPartyMembers' | 'nominatedPoliticalSystemMembers', ward: string): number | undefined =>
      figureByKey(r, k)?.byWard.find((w) => w.wardName === ward)?.value;
    expect([byWard('nominatedPartyMembers', 'Giang Biên'), byWard('nominatedPoliticalSystemMembers', 'Giang Biên')]).toEqual([35, 8]);
    expect([byWard('nominatedPartyMembers', 'Phúc Đồng'), byWard('nominatedPoliticalSystemMembers', 'Phúc Đồng')]).toEqual([10, 2]);
  });

  it('reads like the article', () => {
    const { vi } = reportNarrative(r);
    expect(vi).toBe(
      'Toàn quận có 222 tổ dân phố, 13/14 phường có tổ dân phố có nhà chung cư, 49 chi bộ/49 tổ dân phố có nhà chung cư. ' +
        'Đến nay, đã có 08 Ban quản trị nhà chung cư được thành lập mới; 31 Ban quản trị nhà chung cư được rà soát, kiện toàn; ' +
        'có 65 đồng chí là thành viên của hệ thống chính trị tổ dân phố tham gia các Ban quản trị nhà chung cư, trong đó có 43 đảng viên, ' +
        '29 thành viên hệ thống chính trị; ngoài ra còn có 22 đảng viên giữ mối liên hệ với cấp ủy nơi cư trú theo Quy định 213-QĐ/TW ' +
        'cũng được giới thiệu tham gia Ban quản trị nhà chung cư. ' +
        'Tiêu biểu như Đảng ủy phường Giang Biên giới thiệu 35 đảng viên, 08 thành viên hệ thống chính trị, ' +
        'Đảng ủy phường Phúc Đồng giới thiệu 10 đảng viên, 02 thành viên hệ thống chính trị tham gia Ban quản trị. ' +
        'Tại hội nghị đã có 05 tham luận. ' +
        'Đã khen thưởng 25 tập thể và 25 cá nhân có đóng góp tích cực trong thực hiện Thông tri số 05-TT/QU. ' +
        '30/49 trưởng Ban quản trị nhà chung cư đã được tập huấn phòng cháy chữa cháy.',
    );
    expect(vi.normalize('NFC')).toBe(vi);
  });

  it('has an English rendering with the same figures', () => {
    const { en } = reportNarrative(r);
    expect(en).toContain('The district has 222 residential groups; 13 of its 14 wards have residential groups with apartment buildings');
    expect(en).toContain('49 party cells for the 49 residential groups with apartment buildings.');
    expect(en).toContain('8 apartment management boards newly established and 31 reviewed and consolidated');
    expect(en).toContain('of whom 43 party members and 29 political-system post holders');
    expect(en).toContain('the Giang Biên ward party committee introduced 35 party members and 8 political-system members');
  });
});

describe('reportNarrative follows the figures', () => {
  it('says what is missing, pads counts under ten, and adds the petitions and training sentences when there is data', () => {
    const { vi, en } = reportNarrative(report(longBienMini().state));
    expect(
      vi.startsWith(
        'Toàn quận có 06 tổ dân phố, 02/03 phường có tổ dân phố có nhà chung cư, 02 chi bộ/03 tổ dân phố có nhà chung cư, còn 01 tổ dân phố có nhà chung cư chưa có chi bộ.',
      ),
    ).toBe(true);
    expect(vi).toContain(
      'Số đơn thư của cư dân không đổi, 03 đơn so với khoảng thời gian tương đương trước khi ban hành Thông tri số 05-TT/QU.',
    );
    expect(vi).toContain('01/03 trưởng Ban quản trị nhà chung cư đã được tập huấn phòng cháy chữa cháy.');
    expect(en).toContain('and 1 such group still has no party cell');
  });

  it('reports a fall in petitions', () => {
    const s = longBienMini().petition('pet-extra', 'g1', '2021-02-01');
    expect(reportNarrative(report(s.state)).vi).toContain('Số đơn thư của cư dân giảm từ 04 xuống còn 03 đơn');
  });

  it('uses the scope word of the scope unit', () => {
    const ward = reportNarrative(report(longBienMini().state, 'w-gb'));
    expect(ward.vi.startsWith('Toàn phường có 03 tổ dân phố, 01 chi bộ/02 tổ dân phố có nhà chung cư')).toBe(true);
    expect(ward.vi).toContain('Đảng ủy phường Giang Biên giới thiệu 03 đảng viên, 01 thành viên hệ thống chính trị tham gia Ban quản trị.');
    expect(ward.en.startsWith('The ward has 3 residential groups; 1 party cell for the 2 residential groups')).toBe(true);
    expect(reportNarrative(report(longBienMini().state, 'hn')).vi.startsWith('Toàn thành phố có 07 tổ dân phố, 03/04 phường')).toBe(true);
  });

  it('leaves out sentences with nothing to say', () => {
    const s = longBienMini();
    s.state.nominations = [];
    s.state.petitions = [];
    s.state.presentations = [];
    s.state.commendations = [];
    const { vi } = reportNarrative(report(s.state));
    expect(vi).not.toContain('Tiêu biểu');
    expect(vi).not.toContain('ngoài ra');
    expect(vi).not.toContain('đơn thư');
    expect(vi).not.toContain('tham luận');
    expect(vi).not.toContain('khen thưởng');
  });
});
