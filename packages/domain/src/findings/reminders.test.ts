import { describe, expect, it } from 'vitest';
import { longBienMini } from '../report/test-support/long-bien-mini.js';
import { computeReminders, type Reminder } from './reminders.js';

function reminders(on: string, build = longBienMini()): Reminder[] {
  const r = computeReminders(build.state, { scopeUnitId: 'lb', on });
  if (!r.ok) throw new Error(r.violations.map((v) => v.message.en).join('; '));
  return r.value;
}
const brief = (r: Reminder): string => `${r.code} | ${r.entity.id} | ${r.dueOn ?? '-'}`;
const terms = (on: string, build = longBienMini()) =>
  reminders(on, build)
    .filter((r) => r.code === 'BOARD_TERM_ENDING_SOON')
    .map(brief);

// The mini district: bq3's term 2 runs 2021-01-01 → 2022-06-01 (end exclusive), bq1's term 1 → 2025-03-01.
describe('board terms ending within 90 days', () => {
  it('counts 90 days to the term end: 2022-03-03 is 90 days before 2022-06-01, 2022-03-02 is 91', () => {
    expect(terms('2022-03-03')).toEqual(['BOARD_TERM_ENDING_SOON | bq3 | 2022-06-01']);
    expect(terms('2022-03-02')).toEqual([]);
  });
  it('stops on the end day (then BOARD_TERM_EXPIRED is the finding), and is quiet once a next term is recorded', () => {
    expect(terms('2022-05-31')).toEqual(['BOARD_TERM_ENDING_SOON | bq3 | 2022-06-01']);
    expect(terms('2022-06-01')).toEqual([]);
    expect(terms('2022-05-01', longBienMini().term('bq3', 3, '2022-06-01', null))).toEqual([]);
  });
  it('lists terms soonest first, with a bilingual message naming the board, the end and the days left', () => {
    // bq2 gets a term ending on 2022-05-15: 30 days from 2022-04-15, before bq3's 47.
    const r = reminders('2022-04-15', longBienMini().term('bq2', 1, '2021-05-15', '2022-05-15')).filter(
      (x) => x.code === 'BOARD_TERM_ENDING_SOON',
    );
    expect(r.map(brief)).toEqual(['BOARD_TERM_ENDING_SOON | bq2 | 2022-05-15', 'BOARD_TERM_ENDING_SOON | bq3 | 2022-06-01']);
    r.shift();
    expect(r[0]?.message).toEqual({
      vi: 'Ban quản trị HH3: nhiệm kỳ 2 kết thúc ngày 01/06/2022 (còn 47 ngày), chưa có nhiệm kỳ mới',
      en: 'Ban quản trị HH3: term 2 ends on 2022-06-01 (in 47 days) and no next term is recorded',
    });
    expect(r[0]).toMatchObject({ wardName: 'Phúc Đồng', related: [{ type: 'BoardTerm' }] });
  });
});

describe('the standing reminders', () => {
  it('heads without fire-safety training and groups without a coordination regulation, after the terms', () => {
    // 2022-03-03: p1 is trained only on 2022-05-01, p2 on 2022-12-15, p4 never (t2 is no fire training);
    // g3's regulation runs to 2022-06-01 and g1's from 2022-01-01, so no group lacks one yet.
    expect(reminders('2022-03-03').map(brief)).toEqual([
      'BOARD_TERM_ENDING_SOON | bq3 | 2022-06-01',
      // Giang Biên: Nguyễn Văn An (p1, bq1), Phạm Thị Dung (p4, bq2); then Phúc Đồng: Trần Thị Bình (p2, bq3).
      'BOARD_HEAD_WITHOUT_FIRE_TRAINING | p1 | -',
      'BOARD_HEAD_WITHOUT_FIRE_TRAINING | p4 | -',
      'BOARD_HEAD_WITHOUT_FIRE_TRAINING | p2 | -',
    ]);
  });
  it('an unknown scope is a bilingual failure', () => {
    const r = computeReminders(longBienMini().state, { scopeUnitId: 'nowhere', on: '2022-03-03' });
    expect(r.ok).toBe(false);
  });
});
