import { describe, expect, it } from 'vitest';
import { UNASSIGNED_WARD_ID } from '../directive/scope.js';
import type { DomainState } from '../model/state.js';
import { directiveReport, figureByKey } from './directive-report.js';
import { expectWellFormed } from './test-support/invariants.js';
import { longBienMini, REVIEW_FROM, REVIEW_TO } from './test-support/long-bien-mini.js';
import type { DirectiveReport, DirectiveReportQuery, Figure, FigureKey } from './types.js';

function report(state: DomainState, query: Partial<DirectiveReportQuery> = {}): DirectiveReport {
  const r = directiveReport(state, { directiveId: 'tt05', scopeUnitId: 'lb', to: REVIEW_TO, ...query });
  if (!r.ok) throw new Error(r.violations.map((v) => v.message.en).join('; '));
  return r.value;
}

function fig(r: DirectiveReport, key: FigureKey): Figure {
  const f = figureByKey(r, key);
  if (!f) throw new Error(`no figure ${key}`);
  return f;
}

const ids = (f: { records: { id: string }[] }): string[] => f.records.map((x) => x.id).sort();

/** Ward name → value (and "/denominator"), skipping empty wards, for compact assertions. */
function wards(f: Figure): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of f.byWard) {
    if (w.value === 0 && !w.denominator) continue;
    out[w.wardId === UNASSIGNED_WARD_ID ? '(none)' : w.wardName] =
      w.denominator === undefined ? String(w.value) : `${w.value}/${w.denominator}`;
  }
  return out;
}

describe('directiveReport on the mini district (review of 01/12/2022)', () => {
  const state = longBienMini().state;
  const r = report(state);

  it('has every figure, each with value = records, distinct records, consistent ward entries', () => {
    expectWellFormed(r);
  });

  it('reads the period from the directive and the wards as of the review date', () => {
    expect(r.period).toEqual({ from: REVIEW_FROM, to: REVIEW_TO });
    expect(r.asOf).toBe(REVIEW_TO);
    expect(r.directive.id).toBe('tt05');
    expect(r.scope).toEqual({ id: 'lb', name: 'Long Biên', kind: 'DISTRICT', kindLabel: 'Quận' });
    expect(r.wards.map((w) => w.name)).toEqual(['Bồ Đề', 'Giang Biên', 'Phúc Đồng']);
  });

  it('hierarchy figures: groups, wards with apartment groups, groups with cells, the cells', () => {
    expect(fig(r, 'residentialGroups')).toMatchObject({ value: 6 });
    expect(ids(fig(r, 'residentialGroups'))).toEqual(['g1', 'g2', 'g3', 'g4', 'g5', 'g6']);
    expect(wards(fig(r, 'residentialGroups'))).toEqual({ 'Bồ Đề': '1', 'Giang Biên': '3', 'Phúc Đồng': '2' });

    const wardsWith = fig(r, 'wardsWithApartmentGroups');
    expect([wardsWith.value, wardsWith.denominator]).toEqual([2, 3]);
    expect(ids(wardsWith)).toEqual(['w-gb', 'w-pd']);
    expect(wards(wardsWith)).toEqual({ 'Bồ Đề': '0/1', 'Giang Biên': '1/1', 'Phúc Đồng': '1/1' });

    const withCell = fig(r, 'apartmentGroupsWithCell');
    expect([withCell.value, withCell.denominator]).toEqual([2, 3]);
    expect(ids(withCell)).toEqual(['g1', 'g3']);
    expect(withCell.denominatorRecords?.map((x) => x.id).sort()).toEqual(['g1', 'g3', 'g6']); // g4's building is gone
    expect(wards(withCell)).toEqual({ 'Giang Biên': '1/2', 'Phúc Đồng': '1/1' });

    expect(ids(fig(r, 'apartmentGroupCells'))).toEqual(['c1', 'c3']);
  });

  it('board figures: distinct boards with a change in [from, to], of this directive or none', () => {
    expect(ids(fig(r, 'boardsEstablished'))).toEqual(['bq1', 'bq3']);
    expect(wards(fig(r, 'boardsEstablished'))).toEqual({ 'Giang Biên': '1', 'Phúc Đồng': '1' });
    expect(ids(fig(r, 'boardsConsolidated'))).toEqual(['bq2', 'bq3']);
    expect(fig(r, 'boardsConsolidated').records.find((x) => x.id === 'bq3')).toEqual({
      type: 'Organization',
      id: 'bq3',
      name: 'Ban quản trị HH3',
    });
  });

  it('people on boards: distinct people, overlapping sub-figures, non-additive by ward', () => {
    const all = fig(r, 'politicalSystemPeopleOnBoards');
    const party = fig(r, 'partyMembersOnBoards');
    const posts = fig(r, 'politicalSystemMembersOnBoards');
    expect(ids(all)).toEqual(['p1', 'p2', 'p3', 'p8']);
    expect(ids(party)).toEqual(['p1', 'p2', 'p8']);
    expect(ids(posts)).toEqual(['p1', 'p3', 'p8']);
    // p1 and p8 are both party members and post holders: once in the total, once in each sub-figure.
    expect(party.value + posts.value - all.value).toBe(2);
    // p2 sits on boards in Giang Biên and Phúc Đồng: counted in both wards.
    expect(all.byWardAdditive).toBe(false);
    expect(wards(all)).toEqual({ 'Giang Biên': '3', 'Phúc Đồng': '2' });
    expect(wards(party)).toEqual({ 'Giang Biên': '3', 'Phúc Đồng': '1' });
    expect(all.records.find((x) => x.id === 'p1')).toEqual({ type: 'Person', id: 'p1', name: 'Nguyễn Văn An' });
  });

  it('nominations: Regulation 213 members by board ward; ward committees by their own ward', () => {
    const rc = fig(r, 'residenceContactMembersIntroduced');
    expect(ids(rc)).toEqual(['p10', 'p4']);
    expect(wards(rc)).toEqual({ 'Giang Biên': '1', 'Phúc Đồng': '1' });
    const party = fig(r, 'nominatedPartyMembers');
    expect(ids(party)).toEqual(['p1', 'p4', 'p8']);
    expect(wards(party)).toEqual({ 'Giang Biên': '3' });
    const system = fig(r, 'nominatedPoliticalSystemMembers');
    expect(ids(system)).toEqual(['p3', 'p8']);
    expect(wards(system)).toEqual({ 'Giang Biên': '1', 'Phúc Đồng': '1' });
  });

  it('conference figures: presentations and distinct commended recipients', () => {
    const pres = fig(r, 'presentations');
    expect(ids(pres)).toEqual(['pr1', 'pr2', 'pr3']);
    // The district office's presentation lies in no ward.
    expect(wards(pres)).toEqual({ 'Giang Biên': '1', 'Phúc Đồng': '1', '(none)': '1' });
    expect(ids(fig(r, 'commendedCollectives'))).toEqual(['bq3', 'wpc-gb']);
    expect(ids(fig(r, 'commendedIndividuals'))).toEqual(['p1', 'p3']);
    expect(wards(fig(r, 'commendedIndividuals'))).toEqual({ 'Giang Biên': '1', 'Phúc Đồng': '1' });
  });

  it('petitions: equal windows before and after the directive, both ends of [from, to] included', () => {
    expect(ids(fig(r, 'petitionsBefore'))).toEqual(['pet-a', 'pet-b', 'pet-b2']);
    expect(ids(fig(r, 'petitionsAfter'))).toEqual(['pet-d', 'pet-e', 'pet-f']);
    expect(wards(fig(r, 'petitionsAfter'))).toEqual({ 'Bồ Đề': '1', 'Giang Biên': '1', 'Phúc Đồng': '1' });
    expect(fig(r, 'petitionsBefore').definition.vi).toContain('từ 29/07/2020 đến 29/09/2021');
    expect(fig(r, 'petitionsBefore').definition.en).toContain('2020-07-29 to 2021-09-29');
  });

  it('fire-safety training of board heads, with the heads as denominator', () => {
    const f = fig(r, 'boardHeadsTrainedFireSafety');
    expect([f.value, f.denominator]).toEqual([1, 3]);
    expect(ids(f)).toEqual(['p1']);
    expect(f.denominatorRecords?.map((x) => x.id).sort()).toEqual(['p1', 'p2', 'p4']);
    expect(wards(f)).toEqual({ 'Giang Biên': '1/2', 'Phúc Đồng': '0/1' });
    const later = fig(report(state, { to: '2022-12-15' }), 'boardHeadsTrainedFireSafety');
    expect(ids(later)).toEqual(['p1', 'p2']);
  });

  it('definitions name the dates they count', () => {
    expect(fig(r, 'residentialGroups').definition.vi).toContain('01/12/2022');
    expect(fig(r, 'boardsEstablished').definition.vi).toContain('từ 30/09/2021 đến 01/12/2022');
    expect(fig(r, 'boardsEstablished').definition.en).toContain('2021-09-30 to 2022-12-01');
  });
});

describe('scope and dates', () => {
  it('a ward scope counts only the ward, and leaves out district-level records', () => {
    const r = report(longBienMini().state, { scopeUnitId: 'w-pd' });
    expectWellFormed(r);
    expect(r.wards.map((w) => w.id)).toEqual(['w-pd']);
    expect(ids(fig(r, 'residentialGroups'))).toEqual(['g3', 'g4']);
    expect(ids(fig(r, 'politicalSystemPeopleOnBoards'))).toEqual(['p2', 'p3']);
    expect(ids(fig(r, 'presentations'))).toEqual(['pr3']);
    expect(ids(fig(r, 'nominatedPartyMembers'))).toEqual([]);
  });

  it('an explicit from narrows the period (and the petitions windows follow)', () => {
    const r = report(longBienMini().state, { from: '2022-01-01' });
    expectWellFormed(r);
    expect(ids(fig(r, 'boardsEstablished'))).toEqual(['bq1']);
    expect(ids(fig(r, 'boardsConsolidated'))).toEqual(['bq2', 'bq3']);
    // [2022-01-01, 2022-12-01] has 335 days: before is [2021-01-31, 2021-12-31].
    expect(ids(fig(r, 'petitionsBefore'))).toEqual(['pet-f']);
  });

  it('after a group moves ward, a later report places it in the new ward; the review date keeps the old', () => {
    const s = longBienMini().moveUnit('g6', 'w-bd', '2023-01-01');
    const atReview = report(s.state);
    const later = report(s.state, { to: '2023-06-01' });
    expectWellFormed(later);
    expect(wards(fig(atReview, 'residentialGroups'))).toEqual({ 'Bồ Đề': '1', 'Giang Biên': '3', 'Phúc Đồng': '2' });
    expect(wards(fig(later, 'residentialGroups'))).toEqual({ 'Bồ Đề': '2', 'Giang Biên': '2', 'Phúc Đồng': '2' });
    expect(wards(fig(later, 'apartmentGroupsWithCell'))).toEqual({ 'Bồ Đề': '0/1', 'Giang Biên': '1/1', 'Phúc Đồng': '1/1' });
  });

  it('after districts are abolished, the city scope reports the same wards directly', () => {
    const s = longBienMini();
    const lb = s.state.units.find((u) => u.id === 'lb');
    if (lb) lb.validTo = '2025-07-01';
    for (const w of ['w-gb', 'w-pd', 'w-bd']) s.moveUnit(w, 'hn', '2025-07-01');
    const r = report(s.state, { scopeUnitId: 'hn', to: '2025-08-01' });
    expectWellFormed(r);
    expect(r.scope.kindLabel).toBe('Thành phố');
    expect(r.wards.map((w) => w.name)).toEqual(['Bồ Đề', 'Giang Biên', 'Phúc Đồng', 'Trâu Quỳ']);
    expect(fig(r, 'residentialGroups').value).toBe(7);
  });

  it('a petition about a group gone by the as-of date is placed as of its receipt', () => {
    const s = longBienMini()
      .unit('g-old', 'RESIDENTIAL_GROUP', 'Tổ dân phố cũ', 'w-gb', { to: '2022-01-01' })
      .petition('pet-old', 'g-old', '2021-05-01')
      // A ward dissolved with its group: its petition lies in no ward of the scope on the as-of date.
      .unit('w-old', 'WARD', 'Phường cũ', 'lb', { to: '2022-01-01' })
      .unit('g-older', 'RESIDENTIAL_GROUP', 'Tổ dân phố cũ hơn', 'w-old', { to: '2022-01-01' })
      .petition('pet-older', 'g-older', '2021-06-01');
    const f = fig(report(s.state), 'petitionsBefore');
    expect(ids(f)).toEqual(['pet-a', 'pet-b', 'pet-b2', 'pet-old', 'pet-older']);
    expect(
      f.byWard
        .find((w) => w.wardId === 'w-gb')
        ?.records.map((x) => x.id)
        .sort(),
    ).toEqual(['pet-a', 'pet-old']);
    expect(f.byWard.find((w) => w.wardId === UNASSIGNED_WARD_ID)?.records.map((x) => x.id)).toEqual(['pet-older']);
    expect(f.byWard.reduce((sum, w) => sum + w.value, 0)).toBe(5);
  });
});

describe('bad input never throws', () => {
  const state = longBienMini().state;

  it('an unknown directive is ENTITY_NOT_FOUND', () => {
    const r = directiveReport(state, { directiveId: 'nope', scopeUnitId: 'lb', to: REVIEW_TO });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.violations).toHaveLength(1);
      expect(r.violations[0]).toMatchObject({ code: 'ENTITY_NOT_FOUND', path: ['directiveId'], entity: { type: 'Directive', id: 'nope' } });
      expect(r.violations[0]?.message.vi).toContain('Không tìm thấy');
    }
  });

  it('an unknown scope is UNIT_NOT_FOUND, and every problem is listed at once', () => {
    const r = directiveReport(state, { directiveId: 'nope', scopeUnitId: 'nowhere', to: REVIEW_TO });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.violations.map((v) => v.code)).toEqual(['ENTITY_NOT_FOUND', 'UNIT_NOT_FOUND']);
  });

  it('bad dates are DATE_FORMAT; a period that ends before it starts is PERIOD_ORDER', () => {
    const bad = directiveReport(state, { directiveId: 'tt05', scopeUnitId: 'lb', to: '01/12/2022' });
    expect(!bad.ok && bad.violations.map((v) => v.code)).toEqual(['DATE_FORMAT']);
    const reversed = directiveReport(state, { directiveId: 'tt05', scopeUnitId: 'lb', from: '2023-01-01', to: REVIEW_TO });
    expect(!reversed.ok && reversed.violations.map((v) => v.code)).toEqual(['PERIOD_ORDER']);
  });
});
