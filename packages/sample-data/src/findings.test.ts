import { computeFindings, FINDING_CODES, type Finding } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import {
  DISTRICT_ID,
  deliberateGaps,
  GROUP_WITHOUT_CELL_ON,
  longBien2022Dataset,
  longBien2022DatasetBeforeReorganisations,
  REVIEW_DATE,
} from './index.js';

const dataset = longBien2022Dataset();

function findings(on: string, state = dataset): Finding[] {
  const r = computeFindings(state, { scopeUnitId: DISTRICT_ID, on });
  if (!r.ok) throw new Error(r.violations.map((v) => v.message.en).join('; '));
  return r.value;
}

/** The record a finding names: the board for a head's missing training, else the finding's entity. */
function gapKey(f: Finding): string {
  const id = f.code === 'BOARD_HEAD_WITHOUT_FIRE_TRAINING' ? f.related?.find((x) => x.type === 'Organization')?.id : f.entity.id;
  return `${f.code} ${id ?? '?'}`;
}

const gaps = deliberateGaps();
const keys = (list: ReadonlyArray<{ code: string; entityId: string }>): string[] => list.map((g) => `${g.code} ${g.entityId}`).sort();

describe('the deliberate gaps, as computeFindings shows them', () => {
  it('on 01/12/2022: exactly the documented gaps, nothing else', () => {
    const found = findings(REVIEW_DATE);
    expect(found.map(gapKey).sort()).toEqual(keys(gaps.filter((g) => g.on === REVIEW_DATE)));
    expect(new Set(found.map((f) => f.code))).toEqual(new Set(FINDING_CODES.filter((c) => c !== 'GROUP_WITHOUT_CELL')));
  });

  it('GROUP_WITHOUT_CELL cannot show on 01/12/2022 (49/49 groups with buildings have a cell); it shows on 01/12/2023', () => {
    const later = findings(GROUP_WITHOUT_CELL_ON).filter((f) => f.code === 'GROUP_WITHOUT_CELL');
    expect(later.map(gapKey)).toEqual(keys(gaps.filter((g) => g.code === 'GROUP_WITHOUT_CELL')));
    expect(later[0]?.message.vi).toContain('chưa có chi bộ');
    // The cell founded on 01/03/2024 closes it.
    expect(findings('2024-06-01').filter((f) => f.code === 'GROUP_WITHOUT_CELL')).toEqual([]);
  });

  it('together the dates cover every finding code of the domain', () => {
    expect(new Set(gaps.map((g) => g.code))).toEqual(new Set(FINDING_CODES));
  });

  it('places the gaps in the wards of 2022, and the same on the state before the 2025 plans', () => {
    const found = findings(REVIEW_DATE);
    expect(found.every((f) => f.wardId.startsWith('ward-2003-'))).toBe(true);
    expect(findings(REVIEW_DATE, longBien2022DatasetBeforeReorganisations())).toEqual(found);
  });

  it('as of 01/08/2025 findings group under the new wards', () => {
    const r = computeFindings(dataset, { scopeUnitId: 'hanoi', on: '2025-08-01' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.length).toBeGreaterThan(0);
    expect(r.value.every((f) => f.wardId.startsWith('ward-2025-'))).toBe(true);
  });
});
