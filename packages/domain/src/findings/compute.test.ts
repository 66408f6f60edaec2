import { describe, expect, it } from 'vitest';
import type { DomainState } from '../model/state.js';
import { longBienMini, REVIEW_TO } from '../report/test-support/long-bien-mini.js';
import { DEFAULT_RULE_DATA, type RuleParameter } from '../rules/rule-data.js';
import type { StateBuilder } from '../testing/state-builder.js';
import { computeFindings } from './compute.js';
import type { Finding, FindingCode, FindingsQuery } from './types.js';

function findings(state: DomainState, query: Partial<FindingsQuery> = {}): Finding[] {
  const r = computeFindings(state, { scopeUnitId: 'lb', on: REVIEW_TO, ...query });
  if (!r.ok) throw new Error(r.violations.map((v) => v.message.en).join('; '));
  return r.value;
}

const brief = (f: Finding): string => `${f.wardName} | ${f.code} | ${f.entity.id}`;

function codesFor(state: DomainState, code: FindingCode, on = REVIEW_TO): string[] {
  return findings(state, { codes: [code], on }).map((f) => f.entity.id);
}

/** The mini district with every gap fixed. */
function clean(): StateBuilder {
  const s = longBienMini();
  s.org('c6', 'PARTY_CELL', 'Chi bộ tổ dân phố số 6', { serves: ['g6'] })
    .board('bq6', 'Ban quản trị Tháp Sông Hồng', { buildingId: 'b6' })
    .member('p9', 'bq6', 'HEAD')
    .member('p9', 'bq2', 'MEMBER')
    .term('bq3', 3, '2022-06-01', null)
    .training('t9', ['FIRE_SAFETY'], '2022-11-01', ['p2', 'p4', 'p9'])
    .regulation('g3', 'bq3', '2022-06-01')
    .regulation('g6', 'bq6', '2022-06-01');
  for (const [i, cell] of [
    [1, 'c1'],
    [2, 'c1'],
    [3, 'c2'],
    [4, 'c2'],
    [5, 'c2'],
    [6, 'c6'],
    [7, 'c6'],
    [8, 'c6'],
  ] as const) {
    s.person(`extra${i}`, `Đảng viên ${i}`).party(`extra${i}`, cell, 'OFFICIAL');
  }
  return s;
}

describe('computeFindings on the mini district', () => {
  const state = longBienMini().state;

  it('finds every gap once, grouped by ward in Vietnamese order, then code, then name', () => {
    expect(findings(state).map(brief)).toEqual([
      'Giang Biên | BOARD_HEAD_WITHOUT_FIRE_TRAINING | p4',
      'Giang Biên | BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER | bq2',
      'Giang Biên | BUILDING_WITHOUT_BOARD | b6',
      'Giang Biên | CELL_MIN_OFFICIAL_MEMBERS | c1',
      'Giang Biên | CELL_MIN_OFFICIAL_MEMBERS | c2',
      'Giang Biên | GROUP_WITHOUT_CELL | g6',
      'Phúc Đồng | BOARD_HEAD_WITHOUT_FIRE_TRAINING | p2',
      'Phúc Đồng | BOARD_TERM_EXPIRED | bq3',
      'Phúc Đồng | GROUP_WITHOUT_COORDINATION_REGULATION | g3',
    ]);
  });

  it('names the entity in a Vietnamese-first NFC message, with its ward and group', () => {
    const all = findings(state);
    for (const f of all) {
      expect(f.severity).toBe('warning');
      expect(f.message.vi.normalize('NFC')).toBe(f.message.vi);
      expect(f.message.vi).toContain(f.entityName);
      expect(f.message.en).toContain(f.entityName);
    }
    const cell = all.find((f) => f.code === 'GROUP_WITHOUT_CELL');
    expect(cell).toMatchObject({
      entity: { type: 'AdministrativeUnit', id: 'g6' },
      entityName: 'Tổ dân phố số 6',
      wardId: 'w-gb',
      wardName: 'Giang Biên',
      residentialGroupId: 'g6',
      message: { vi: 'Tổ dân phố số 6 có 1 nhà chung cư nhưng chưa có chi bộ' },
    });
    const head = all.find((f) => f.code === 'BOARD_HEAD_WITHOUT_FIRE_TRAINING' && f.entity.id === 'p2');
    expect(head).toMatchObject({
      entity: { type: 'Person', id: 'p2' },
      related: [{ type: 'Organization', id: 'bq3' }],
      message: { vi: 'Trưởng ban Trần Thị Bình (Ban quản trị HH3) chưa được tập huấn phòng cháy chữa cháy' },
    });
    const term = all.find((f) => f.code === 'BOARD_TERM_EXPIRED');
    expect(term?.message.vi).toBe('Ban quản trị HH3 đã hết nhiệm kỳ 2 từ ngày 01/06/2022 mà chưa bầu nhiệm kỳ mới');
    expect(all.find((f) => f.entity.id === 'c1')?.message.vi).toBe(
      'Chi bộ tổ dân phố số 1 chỉ có 1 đảng viên chính thức, chưa đủ 3 theo Điều lệ Đảng',
    );
  });

  it('never reports records of another district', () => {
    const ids = findings(state).map((f) => f.entity.id);
    for (const outside of ['gx', 'bx', 'bqx', 'px', 'cx']) expect(ids).not.toContain(outside);
    expect(findings(state, { scopeUnitId: 'gl' }).map(brief)).toEqual([
      'Trâu Quỳ | BOARD_HEAD_WITHOUT_FIRE_TRAINING | px',
      'Trâu Quỳ | CELL_MIN_OFFICIAL_MEMBERS | cx',
      'Trâu Quỳ | GROUP_WITHOUT_COORDINATION_REGULATION | gx',
    ]);
  });

  it('filters by code and by ward', () => {
    expect(findings(state, { codes: ['CELL_MIN_OFFICIAL_MEMBERS', 'BOARD_TERM_EXPIRED'] }).map(brief)).toEqual([
      'Giang Biên | CELL_MIN_OFFICIAL_MEMBERS | c1',
      'Giang Biên | CELL_MIN_OFFICIAL_MEMBERS | c2',
      'Phúc Đồng | BOARD_TERM_EXPIRED | bq3',
    ]);
    expect(findings(state, { wardIds: ['w-pd'] }).map((f) => f.entity.id)).toEqual(['p2', 'bq3', 'g3']);
    expect(findings(state, { codes: ['PHONE_FORMAT'] })).toEqual([]);
  });

  it('a ward scope sees only its ward', () => {
    expect(findings(state, { scopeUnitId: 'w-pd' }).map(brief)).toEqual(findings(state, { wardIds: ['w-pd'] }).map(brief));
  });

  it('the clean district has no finding at all', () => {
    expect(findings(clean().state)).toEqual([]);
  });
});

describe('each finding type', () => {
  it('GROUP_WITHOUT_CELL: needs a standing building and no serving cell', () => {
    const s = longBienMini();
    expect(codesFor(s.state, 'GROUP_WITHOUT_CELL')).toEqual(['g6']);
    // g4's only building was demolished in 2020: before that, g4 was a group with buildings (ward order: Giang Biên first).
    expect(codesFor(s.state, 'GROUP_WITHOUT_CELL', '2019-01-01')).toEqual(['g6', 'g4']);
    s.org('c6', 'PARTY_CELL', 'Chi bộ 6', { serves: ['g6'], from: '2022-11-01' });
    expect(codesFor(s.state, 'GROUP_WITHOUT_CELL')).toEqual([]);
    expect(codesFor(s.state, 'GROUP_WITHOUT_CELL', '2022-10-31')).toEqual(['g6']);
  });

  it('BUILDING_WITHOUT_BOARD: several owners and enough apartments by the rule data of the date', () => {
    const s = longBienMini();
    expect(codesFor(s.state, 'BUILDING_WITHOUT_BOARD')).toEqual(['b6']);
    // With the threshold lowered to 10, the 15-apartment building needs a board too.
    const lower: RuleParameter[] = [
      ...DEFAULT_RULE_DATA.filter((p) => p.key !== 'board.requiredFromApartments'),
      { key: 'board.requiredFromApartments', value: 10, validFrom: '2016-01-01', validTo: null, source: 'test' },
    ];
    expect(findings(s.state, { codes: ['BUILDING_WITHOUT_BOARD'], ruleData: lower }).map((f) => f.entity.id)).toEqual(['b6', 'b5']);
    s.board('bq6', 'Ban quản trị Tháp Sông Hồng', { buildingId: 'b6' }, { to: '2022-12-01' });
    expect(codesFor(s.state, 'BUILDING_WITHOUT_BOARD', '2022-11-30')).toEqual([]);
    expect(codesFor(s.state, 'BUILDING_WITHOUT_BOARD')).toEqual(['b6']); // board dissolved on the date
  });

  it('BUILDING_WITHOUT_BOARD: a board of the complex covers its buildings', () => {
    const s = longBienMini();
    const b6 = s.state.buildings.find((b) => b.id === 'b6');
    if (b6) b6.complexId = 'k1';
    s.complex('k1', 'Khu Sông Hồng').board('bqk', 'Ban quản trị khu Sông Hồng', { complexId: 'k1' });
    expect(codesFor(s.state, 'BUILDING_WITHOUT_BOARD')).toEqual([]);
  });

  it('BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER: one party member or post holder among active members is enough', () => {
    const s = longBienMini();
    expect(codesFor(s.state, 'BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER')).toEqual(['bq2']);
    // p6 was a party member until 2022-01-01: bq2 had a political-system member then.
    expect(codesFor(s.state, 'BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER', '2021-12-31')).toEqual([]);
    s.member('p3', 'bq2', 'MEMBER', { from: '2022-11-01' });
    expect(codesFor(s.state, 'BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER')).toEqual([]);
  });

  it('BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER: a board with no member is reported', () => {
    const s = longBienMini().board('bq6', 'Ban quản trị Tháp Sông Hồng', { buildingId: 'b6' });
    expect(codesFor(s.state, 'BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER')).toEqual(['bq2', 'bq6']);
  });

  it('BOARD_TERM_EXPIRED: the latest term has ended and none runs', () => {
    const s = longBienMini();
    expect(codesFor(s.state, 'BOARD_TERM_EXPIRED')).toEqual(['bq3']);
    expect(codesFor(s.state, 'BOARD_TERM_EXPIRED', '2022-05-31')).toEqual([]);
    s.term('bq3', 3, '2022-11-15', '2025-11-15');
    expect(codesFor(s.state, 'BOARD_TERM_EXPIRED')).toEqual([]);
    expect(codesFor(s.state, 'BOARD_TERM_EXPIRED', '2022-11-14')).toEqual(['bq3']);
  });

  it('BOARD_HEAD_WITHOUT_FIRE_TRAINING: only fire-safety training held by the date counts', () => {
    const s = longBienMini();
    expect(codesFor(s.state, 'BOARD_HEAD_WITHOUT_FIRE_TRAINING')).toEqual(['p4', 'p2']);
    expect(codesFor(s.state, 'BOARD_HEAD_WITHOUT_FIRE_TRAINING', '2022-12-15')).toEqual(['p4']);
    s.training('t9', ['BUILDING_OPERATION', 'FIRE_SAFETY'], '2022-11-30', ['p4', 'p2']);
    expect(codesFor(s.state, 'BOARD_HEAD_WITHOUT_FIRE_TRAINING')).toEqual([]);
  });

  it('CELL_MIN_OFFICIAL_MEMBERS: counts distinct official members on the date', () => {
    const s = longBienMini();
    expect(codesFor(s.state, 'CELL_MIN_OFFICIAL_MEMBERS')).toEqual(['c1', 'c2']);
    // Two records of the same person count once.
    s.person('q', 'Quách Văn Quý').party('q', 'c1', 'OFFICIAL', { to: '2022-06-01' }).party('q', 'c1', 'OFFICIAL', { from: '2022-06-01' });
    s.person('r', 'Phan Văn Rạng').party('r', 'c1', 'PROBATIONARY');
    expect(codesFor(s.state, 'CELL_MIN_OFFICIAL_MEMBERS')).toEqual(['c1', 'c2']);
    s.person('t', 'Lý Văn Tám').party('t', 'c1', 'OFFICIAL');
    expect(codesFor(s.state, 'CELL_MIN_OFFICIAL_MEMBERS')).toEqual(['c2']);
  });

  it('GROUP_WITHOUT_COORDINATION_REGULATION: only groups with a board, only regulations in force', () => {
    const s = longBienMini();
    expect(codesFor(s.state, 'GROUP_WITHOUT_COORDINATION_REGULATION')).toEqual(['g3']);
    expect(codesFor(s.state, 'GROUP_WITHOUT_COORDINATION_REGULATION', '2022-05-31')).toEqual([]);
    expect(codesFor(s.state, 'GROUP_WITHOUT_COORDINATION_REGULATION', '2021-12-31')).toEqual(['g1']);
    s.regulation('g3', 'bq3', '2022-07-01');
    expect(codesFor(s.state, 'GROUP_WITHOUT_COORDINATION_REGULATION')).toEqual([]);
  });
});

describe('findings after a reorganisation', () => {
  it('a group moved to another ward is reported under the new ward from the move on', () => {
    const s = longBienMini().moveUnit('g6', 'w-bd', '2023-01-01');
    const before = findings(s.state, { on: REVIEW_TO }).filter((f) => f.residentialGroupId === 'g6');
    const after = findings(s.state, { on: '2023-06-01' }).filter((f) => f.residentialGroupId === 'g6');
    expect(before.map(brief)).toEqual(['Giang Biên | BUILDING_WITHOUT_BOARD | b6', 'Giang Biên | GROUP_WITHOUT_CELL | g6']);
    expect(after.map(brief)).toEqual(['Bồ Đề | BUILDING_WITHOUT_BOARD | b6', 'Bồ Đề | GROUP_WITHOUT_CELL | g6']);
    // The ward filter follows the date too.
    expect(findings(s.state, { on: '2023-06-01', wardIds: ['w-gb'] }).some((f) => f.residentialGroupId === 'g6')).toBe(false);
    // And Bồ Đề, now first in Vietnamese order, leads the list.
    expect(findings(s.state, { on: '2023-06-01' })[0]?.wardName).toBe('Bồ Đề');
  });

  it('after districts are abolished, the city is the scope and the district is gone', () => {
    const s = longBienMini();
    const lb = s.state.units.find((u) => u.id === 'lb');
    if (lb) lb.validTo = '2025-07-01';
    for (const w of ['w-gb', 'w-pd', 'w-bd']) s.moveUnit(w, 'hn', '2025-07-01');
    const city = findings(s.state, { scopeUnitId: 'hn', on: '2025-08-01', wardIds: ['w-gb', 'w-pd', 'w-bd'] });
    expect(city.length).toBeGreaterThan(0);
    expect(new Set(city.map((f) => f.wardName))).toEqual(new Set(['Giang Biên', 'Phúc Đồng']));
    const gone = computeFindings(s.state, { scopeUnitId: 'lb', on: '2025-08-01' });
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.violations[0]).toMatchObject({ code: 'UNIT_NOT_FOUND', path: ['scopeUnitId'] });
  });
});

describe('bad input', () => {
  const state = longBienMini().state;
  it('an unknown scope is a failure with a Vietnamese and English message', () => {
    const r = computeFindings(state, { scopeUnitId: 'nowhere', on: REVIEW_TO });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.violations).toHaveLength(1);
      expect(r.violations[0]).toMatchObject({ code: 'UNIT_NOT_FOUND', severity: 'error' });
      expect(r.violations[0]?.message.vi).toContain('Không tìm thấy đơn vị hành chính');
    }
  });
  it('a scope that does not exist yet on the date is a failure', () => {
    expect(computeFindings(state, { scopeUnitId: 'lb', on: '1999-01-01' }).ok).toBe(false);
  });
  it('a malformed date is a failure, not an exception', () => {
    const r = computeFindings(state, { scopeUnitId: 'lb', on: '2022-13-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.violations[0]?.code).toBe('DATE_FORMAT');
  });
});
