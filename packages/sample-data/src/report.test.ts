import { type DirectiveReport, type DomainState, directiveReport, type FigureKey, figureByKey, reportNarrative } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { DIRECTIVE_ID, DISTRICT_ID, longBien2022Dataset, longBien2022DatasetBeforeReorganisations, REVIEW_DATE } from './index.js';

function report(state: DomainState): DirectiveReport {
  const r = directiveReport(state, { directiveId: DIRECTIVE_ID, scopeUnitId: DISTRICT_ID, to: REVIEW_DATE });
  if (!r.ok) throw new Error(r.violations.map((v) => v.message.en).join('; '));
  return r.value;
}

const dataset = longBien2022Dataset();
const r = report(dataset);
const value = (key: FigureKey): number | undefined => figureByKey(r, key)?.value;
const denominator = (key: FigureKey): number | undefined => figureByKey(r, key)?.denominator;
const inWard = (key: 'nominatedPartyMembers' | 'nominatedPoliticalSystemMembers', ward: string): number | undefined =>
  figureByKey(r, key)?.byWard.find((w) => w.wardName === ward)?.value;

describe("the review of 01/12/2022: the article's figures, counted from the records", () => {
  it('222 residential groups; 13 of 14 wards and 49 of 49 groups with apartment buildings, 49 cells', () => {
    expect(value('residentialGroups')).toBe(222);
    expect([value('wardsWithApartmentGroups'), denominator('wardsWithApartmentGroups')]).toEqual([13, 14]);
    expect([value('apartmentGroupsWithCell'), denominator('apartmentGroupsWithCell')]).toEqual([49, 49]);
    expect(value('apartmentGroupCells')).toBe(49);
    const without = figureByKey(r, 'wardsWithApartmentGroups')?.byWard.filter((w) => w.value === 0 && w.denominator === 1);
    expect(without?.map((w) => w.wardName)).toEqual(['Cự Khối']);
  });

  it('8 boards established and 31 consolidated', () => {
    expect(value('boardsEstablished')).toBe(8);
    expect(value('boardsConsolidated')).toBe(31);
  });

  it('each consolidation of the year really ends and adds members on its day; each establishment starts the board', () => {
    const inPeriod = dataset.boardChanges.filter((c) => c.on >= '2021-09-30' && c.on <= REVIEW_DATE);
    for (const c of inPeriod.filter((x) => x.kind === 'CONSOLIDATION')) {
      const members = dataset.memberships.filter((m) => m.organizationId === c.boardId);
      expect(members.filter((m) => m.validTo === c.on).length, c.boardId).toBeGreaterThan(0);
      expect(members.filter((m) => m.validFrom === c.on).length, c.boardId).toBeGreaterThan(0);
      expect(c.directiveId).toBe(DIRECTIVE_ID);
    }
    for (const c of inPeriod.filter((x) => x.kind === 'ESTABLISHMENT')) {
      const board = dataset.organizations.find((o) => o.id === c.boardId);
      expect(board && board.validFrom >= '2021-09-30' && board.validFrom <= c.on, c.boardId).toBe(true);
    }
  });

  it('65 people of the political system on boards: 43 party members, 29 post holders (7 are both)', () => {
    expect(value('politicalSystemPeopleOnBoards')).toBe(65);
    expect(value('partyMembersOnBoards')).toBe(43);
    expect(value('politicalSystemMembersOnBoards')).toBe(29);
    const party = new Set(figureByKey(r, 'partyMembersOnBoards')?.records.map((x) => x.id));
    const posts = figureByKey(r, 'politicalSystemMembersOnBoards')?.records.map((x) => x.id) ?? [];
    expect(posts.filter((id) => party.has(id))).toHaveLength(7);
  });

  it('22 Regulation 213 members introduced to boards', () => {
    expect(value('residenceContactMembersIntroduced')).toBe(22);
  });

  it('Giang Biên introduced 35 party members and 8 political-system members, Phúc Đồng 10 and 2; other wards fewer', () => {
    expect([inWard('nominatedPartyMembers', 'Giang Biên'), inWard('nominatedPoliticalSystemMembers', 'Giang Biên')]).toEqual([35, 8]);
    expect([inWard('nominatedPartyMembers', 'Phúc Đồng'), inWard('nominatedPoliticalSystemMembers', 'Phúc Đồng')]).toEqual([10, 2]);
    const party = figureByKey(r, 'nominatedPartyMembers')?.byWard ?? [];
    const system = figureByKey(r, 'nominatedPoliticalSystemMembers')?.byWard ?? [];
    const others = party.filter((w) => !['Giang Biên', 'Phúc Đồng'].includes(w.wardName));
    expect(others.length).toBeGreaterThan(5);
    for (const w of others) {
      const total = w.value + (system.find((x) => x.wardId === w.wardId)?.value ?? 0);
      expect(total, w.wardName).toBeLessThan(12);
    }
    expect(others.some((w) => w.value > 0)).toBe(true);
  });

  it('5 presentations; 25 collectives and 25 individuals commended', () => {
    expect(value('presentations')).toBe(5);
    expect(value('commendedCollectives')).toBe(25);
    expect(value('commendedIndividuals')).toBe(25);
  });

  it('fewer petitions after the directive than in the same length of time before it', () => {
    const before = value('petitionsBefore') ?? 0;
    const after = value('petitionsAfter') ?? 0;
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
  });

  it('some board heads are not trained in fire safety (a deliberate gap)', () => {
    const trained = value('boardHeadsTrainedFireSafety') ?? 0;
    const heads = denominator('boardHeadsTrainedFireSafety') ?? 0;
    expect(heads).toBeGreaterThan(40);
    expect(heads - trained).toBe(9);
  });

  it('reads like the article', () => {
    const { vi } = reportNarrative(r);
    for (const phrase of ['222 tổ dân phố', '13/14 phường', '49 chi bộ/49 tổ dân phố', '08 Ban quản trị']) expect(vi).toContain(phrase);
    expect(vi).toContain('Đảng ủy phường Giang Biên giới thiệu 35 đảng viên, 08 thành viên hệ thống chính trị');
    expect(vi).toContain('Đảng ủy phường Phúc Đồng giới thiệu 10 đảng viên, 02 thành viên hệ thống chính trị');
    expect(vi).toContain('có 65 đồng chí');
    expect(vi.normalize('NFC')).toBe(vi);
  });
});

describe('the 2025 reorganisations keep the review as it was', () => {
  it('gives the same report for 01/12/2022 before and after both plans are applied', () => {
    const before = report(longBien2022DatasetBeforeReorganisations());
    expect(r).toEqual(before);
  });
});

describe('determinism', () => {
  it('two calls give equal states, byte for byte', () => {
    const again = longBien2022Dataset();
    expect(again).toEqual(dataset);
    expect(JSON.stringify(again)).toBe(JSON.stringify(dataset));
    expect(again).not.toBe(dataset);
  });

  it('stays small enough to load fast', () => {
    expect(dataset.people.length).toBeLessThan(4000);
    expect(dataset.memberships.length).toBeLessThan(4000);
  });
});
