import { applyReorganisation, BodyHierarchy, type DomainState, isActiveOn, PlaceHierarchy } from '@coso/domain';
import { abolitionOfDistricts2025, longBienHistory, longBienState2003, SAI_DONG_DISSOLUTION } from '@coso/domain/testing';
import { describe, expect, it } from 'vitest';
import {
  abolitionOfDistrictsPlan,
  CITY_PARTY_COMMITTEE_ID,
  DISTRICT_ID,
  HANOI_ID,
  longBien2022Dataset,
  longBien2022DatasetBeforeReorganisations,
  NEW_WARD_IDS,
  REVIEW_DATE,
  saiDongDissolutionPlan,
  WARD_IDS,
  wardPartyCommitteeId,
} from './index.js';

const before = longBien2022DatasetBeforeReorganisations();
const after = longBien2022Dataset();
const places = new PlaceHierarchy(after);
const bodies = new BodyHierarchy(after);
const names = (units: ReadonlyArray<{ name: string }>): string[] => units.map((u) => u.name).sort();
const groupsOn = (day: string): string[] =>
  places
    .unitsOn(day, 'RESIDENTIAL_GROUP')
    .map((u) => u.id)
    .sort();

describe('the real hierarchy, completed to 222 groups', () => {
  it('keeps @coso/domain’s Hà Nội, district and 14 wards with their codes', () => {
    const real = longBienState2003();
    for (const u of real.units.filter((x) => x.kind !== 'RESIDENTIAL_GROUP'))
      expect(after.units.find((x) => x.id === u.id)?.name).toBe(u.name);
    for (const c of real.unitCodes) expect(places.codeOf(c.unitId, REVIEW_DATE)).toBe(c.code);
    expect(places.childrenOf(DISTRICT_ID, REVIEW_DATE, 'WARD')).toHaveLength(14);
    expect(places.descendantsOf(DISTRICT_ID, REVIEW_DATE, 'RESIDENTIAL_GROUP')).toHaveLength(222);
    expect(places.unitOn('group-giang-bien-1', REVIEW_DATE)?.name).toBe('Tổ dân phố số 1');
  });

  it('has 13 wards in 2025 before July, Sài Đồng’s 13 groups in Phúc Lợi and Phúc Đồng', () => {
    const wards = places.childrenOf(DISTRICT_ID, '2025-03-01', 'WARD');
    expect(wards).toHaveLength(13);
    expect(names(wards)).not.toContain('Sài Đồng');
    const saiDong = places.childrenOf(WARD_IDS['sai-dong'], '2024-12-31', 'RESIDENTIAL_GROUP');
    expect(saiDong).toHaveLength(13);
    for (const g of saiDong) expect(['Phúc Lợi', 'Phúc Đồng']).toContain(places.parentOf(g.id, '2025-03-01')?.name);
  });

  it('has the new wards under Hà Nội on 01/08/2025, holding all 222 groups (none lost)', () => {
    expect(places.unitOn(DISTRICT_ID, '2025-08-01')).toBeUndefined();
    expect(names(places.childrenOf(HANOI_ID, '2025-08-01', 'WARD'))).toEqual(['Bồ Đề', 'Hồng Hà', 'Long Biên', 'Phúc Lợi', 'Việt Hưng']);
    const moved = Object.values(NEW_WARD_IDS)
      .flatMap((w) => places.descendantsOf(w, '2025-08-01', 'RESIDENTIAL_GROUP'))
      .map((u) => u.id)
      .sort();
    expect(moved).toHaveLength(222);
    expect(moved).toEqual(groupsOn(REVIEW_DATE));
    expect(groupsOn('2025-08-01')).toEqual(moved);
  });

  it('sends @coso/domain’s sample groups where its own history does', () => {
    const fixture = new PlaceHierarchy(longBienHistory());
    for (const day of ['2025-03-01', '2025-08-01']) {
      for (const u of fixture.unitsOn(day, 'RESIDENTIAL_GROUP'))
        expect(places.parentIdOf(u.id, day), `${u.id} ${day}`).toBe(fixture.parentIdOf(u.id, day));
    }
  });
});

describe('the two 2025 plans are @coso/domain’s, extended to every group and the bodies', () => {
  it('Sài Đồng’s dissolution (1/1/2025)', () => {
    const plan = saiDongDissolutionPlan(before);
    const { moveUnits, ...rest } = SAI_DONG_DISSOLUTION;
    expect(plan).toMatchObject(rest);
    expect(plan.moveUnits).toEqual(expect.arrayContaining(moveUnits));
    expect(plan.moveUnits).toHaveLength(13);
  });

  it('the abolition of districts (1/7/2025)', () => {
    const fixture = abolitionOfDistricts2025();
    const { moveUnits, ...rest } = fixture;
    const afterSaiDong = applyReorganisation(before, saiDongDissolutionPlan(before));
    if (!afterSaiDong.ok) throw new Error('the 1/1/2025 plan does not apply');
    const plan = abolitionOfDistrictsPlan(afterSaiDong.value.state);
    expect(plan).toMatchObject(rest);
    expect(plan.moveUnits).toEqual(expect.arrayContaining(moveUnits));
    expect(plan.moveUnits).toHaveLength(222);
    expect(after.reorganisations.map((e) => [e.id, e.effectiveOn])).toEqual([
      ['reorg-2025-01-sai-dong', '2025-01-01'],
      ['reorg-2025-07-hanoi-wards', '2025-07-01'],
    ]);
  });
});

describe('bodies through the reorganisations', () => {
  it('old ward party committees end; new ones start under the City Party Committee', () => {
    expect(bodies.organizationOn(wardPartyCommitteeId('sai-dong'), '2025-01-01')).toBeUndefined();
    expect(bodies.organizationOn(wardPartyCommitteeId('giang-bien'), '2025-06-30')).toBeDefined();
    expect(bodies.organizationOn(wardPartyCommitteeId('giang-bien'), '2025-07-01')).toBeUndefined();
    const committees = bodies.subOrganizationsOf(CITY_PARTY_COMMITTEE_ID, '2025-08-01', 'WARD_PARTY_COMMITTEE');
    expect(names(committees)).toEqual([
      'Đảng ủy phường Bồ Đề',
      'Đảng ủy phường Hồng Hà',
      'Đảng ủy phường Long Biên',
      'Đảng ủy phường Phúc Lợi',
      'Đảng ủy phường Việt Hưng',
    ]);
  });

  it('cells keep serving their groups, now under the party committee of the group’s new ward', () => {
    const cells = bodies.organizationsOn(REVIEW_DATE, 'PARTY_CELL').filter((c) => bodies.areasOf(c.id, REVIEW_DATE).length > 0);
    expect(cells.length).toBeGreaterThan(200);
    for (const cell of cells) {
      expect(bodies.areasOf(cell.id, '2025-08-01'), cell.id).toEqual(bodies.areasOf(cell.id, REVIEW_DATE));
      const group = bodies.areasOf(cell.id, '2025-08-01')[0] ?? '';
      const ward = places.parentIdOf(group, '2025-08-01');
      const committee = bodies.parentIdOf(cell.id, '2025-08-01');
      expect(committee && bodies.areasOf(committee, '2025-08-01'), cell.id).toEqual([ward]);
      expect(committee && bodies.parentIdOf(committee, '2025-08-01')).toBe(CITY_PARTY_COMMITTEE_ID);
    }
  });
});

describe('nothing recorded before is lost or rewritten', () => {
  it('every record before the plans is still there, unchanged or only ended on an effective day', () => {
    const effective = new Set(after.reorganisations.map((e) => e.effectiveOn));
    const problems: string[] = [];
    for (const table of Object.keys(before) as Array<keyof DomainState>) {
      const later = new Map((after[table] as Array<{ id: string }>).map((r) => [r.id, r]));
      for (const row of before[table] as Array<{ id: string; validTo?: string | null }>) {
        const now = later.get(row.id) as { validTo?: string | null } | undefined;
        if (!now) problems.push(`${table} ${row.id} lost`);
        else if (JSON.stringify(now) !== JSON.stringify(row)) {
          const same = JSON.stringify({ ...now, validTo: row.validTo }) === JSON.stringify(row);
          if (!same || row.validTo !== null || !effective.has(now.validTo ?? '')) problems.push(`${table} ${row.id} rewritten`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the state before the plans holds nothing after them', () => {
    expect(before.reorganisations).toEqual([]);
    expect(before.boardTerms.every((t) => (t.recognition?.decidedOn ?? '') < '2025-07-01')).toBe(true);
    expect(before.organizations.every((o) => o.validFrom < '2025-01-01' && o.validTo === null)).toBe(true);
    expect(before.units.every((u) => isActiveOn(u, '2024-12-31'))).toBe(true);
  });
});

/** One definition of a board's establishment day (the domain's `establishmentDate`), kept by the data. */
describe('establishment records are dated by the recognition of the first term', () => {
  it('every ESTABLISHMENT change falls on the day the People’s Committee recognised the board’s first term', () => {
    const state = longBien2022Dataset();
    const establishments = state.boardChanges.filter((c) => c.kind === 'ESTABLISHMENT');
    expect(establishments.length).toBeGreaterThan(30);
    for (const change of establishments) {
      const first = state.boardTerms.find((t) => t.boardId === change.boardId && t.termNumber === 1);
      expect(first?.recognition?.decidedOn, change.boardId).toBe(change.on);
      expect(first && change.on > first.electedOn, `${change.boardId}: recognised after its election`).toBe(true);
    }
  });
});
