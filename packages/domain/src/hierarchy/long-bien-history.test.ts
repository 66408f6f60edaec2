import { describe, expect, it } from 'vitest';
import {
  abolitionOfDistricts2025,
  groupId,
  HANOI_ID,
  LONG_BIEN_DISTRICT_ID,
  longBienHistory,
  longBienState2003,
  newWardId,
  oldWardId,
} from '../testing/long-bien-history.js';
import { PlaceHierarchy } from './as-of.js';

const names = (units: { name: string }[]) => units.map((u) => u.name).sort();

describe('Long Biên as of a date (docs/domain.md §2)', () => {
  const h = new PlaceHierarchy(longBienHistory());

  it('has the 14 wards on 2022-12-01', () => {
    const wards = h.childrenOf(LONG_BIEN_DISTRICT_ID, '2022-12-01', 'WARD');
    expect(wards).toHaveLength(14);
    expect(names(wards)).toContain('Sài Đồng');
  });

  it('has 13 wards on 2025-03-01, Sài Đồng gone and its groups in Phúc Lợi and Phúc Đồng', () => {
    const wards = h.childrenOf(LONG_BIEN_DISTRICT_ID, '2025-03-01', 'WARD');
    expect(wards).toHaveLength(13);
    expect(names(wards)).not.toContain('Sài Đồng');
    expect(h.parentOf(groupId('sai-dong', 1), '2025-03-01')?.name).toBe('Phúc Lợi');
    expect(h.parentOf(groupId('sai-dong', 2), '2025-03-01')?.name).toBe('Phúc Đồng');
    expect(h.parentOf(groupId('sai-dong', 1), '2024-12-31')?.name).toBe('Sài Đồng');
  });

  it('has the four new wards directly under Hà Nội on 2025-08-01, and no district', () => {
    expect(h.unitOn(LONG_BIEN_DISTRICT_ID, '2025-08-01')).toBeUndefined();
    const newWards = ['long-bien', 'bo-de', 'viet-hung', 'phuc-loi'].map((k) => h.unitOn(newWardId(k), '2025-08-01'));
    expect(newWards.map((w) => w?.name)).toEqual(['Long Biên', 'Bồ Đề', 'Việt Hưng', 'Phúc Lợi']);
    for (const w of newWards) expect(w && h.parentIdOf(w.id, '2025-08-01')).toBe(HANOI_ID);
    const hanoiWards = h.childrenOf(HANOI_ID, '2025-08-01', 'WARD');
    expect(names(hanoiWards)).toEqual(['Bồ Đề', 'Hồng Hà', 'Long Biên', 'Phúc Lợi', 'Việt Hưng']);
    expect(h.childrenOf(HANOI_ID, '2025-06-30', 'WARD')).toHaveLength(0);
  });

  it('reads code 00118 as Ngọc Thụy before 2025-07-01 and Bồ Đề after', () => {
    expect(h.unitByCode('00118', '2025-06-30')?.id).toBe(oldWardId('ngoc-thuy'));
    expect(h.unitByCode('00118', '2025-07-01')?.id).toBe(newWardId('bo-de'));
    expect(h.unitByCode('00139', '2025-06-30')?.name).toBe('Bồ Đề');
    expect(h.unitByCode('00139', '2025-07-01')).toBeUndefined();
    expect(h.unitByCode('00142', '2024-12-31')?.name).toBe('Sài Đồng');
    expect(h.unitByCode('00142', '2025-01-01')).toBeUndefined();
    expect(h.codeOf(newWardId('long-bien'), '2025-08-01')).toBe('00145');
    expect(h.codeOf(oldWardId('long-bien'), '2024-01-01')).toBe('00145');
  });

  it('resolves ancestors as of the date', () => {
    expect(h.ancestorsOf(groupId('giang-bien', 1), '2022-12-01').map((u) => u.name)).toEqual(['Giang Biên', 'Long Biên', 'Hà Nội']);
    expect(h.ancestorsOf(groupId('giang-bien', 1), '2025-08-01').map((u) => u.name)).toEqual(['Việt Hưng', 'Hà Nội']);
    expect(h.enclosingOfKind(groupId('giang-bien', 2), ['WARD'], '2025-08-01')?.name).toBe('Phúc Lợi');
  });

  it('counts every sample group in the area before and after (nothing lost)', () => {
    const before = h.descendantsOf(LONG_BIEN_DISTRICT_ID, '2022-12-01', 'RESIDENTIAL_GROUP');
    const after = ['long-bien', 'bo-de', 'viet-hung', 'phuc-loi', 'hong-ha'].flatMap((k) =>
      h.descendantsOf(newWardId(k), '2025-08-01', 'RESIDENTIAL_GROUP'),
    );
    expect(before).toHaveLength(28);
    expect(after.map((u) => u.id).sort()).toEqual(before.map((u) => u.id).sort());
  });

  it('keeps the 2003 records for dates before the reorganisations unchanged', () => {
    const original = new PlaceHierarchy(longBienState2003());
    for (const date of ['2004-01-01', '2022-12-01', '2024-12-31']) {
      for (const u of original.unitsOn(date)) {
        expect(h.parentIdOf(u.id, date)).toBe(original.parentIdOf(u.id, date));
        expect(h.codeOf(u.id, date)).toBe(original.codeOf(u.id, date));
      }
    }
  });

  it('records the reorganisations as events linking originals to results', () => {
    const state = longBienHistory();
    expect(state.reorganisations.map((e) => e.effectiveOn)).toEqual(['2025-01-01', '2025-07-01']);
    const restructure = state.reorganisations[1];
    expect(restructure?.originalUnitIds).toContain(oldWardId('ngoc-thuy'));
    expect(restructure?.resultingUnitIds).toContain(newWardId('bo-de'));
    expect(abolitionOfDistricts2025().newUnits).toHaveLength(5);
  });
});
