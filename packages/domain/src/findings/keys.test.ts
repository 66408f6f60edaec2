import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longBienMini } from '../report/test-support/long-bien-mini.js';
import { computeFindings } from './compute.js';
import { FINDING_IDENTITY, findingKey, findingKeyCode } from './keys.js';
import { FINDING_CODES, type Finding } from './types.js';

function findings(build: ReturnType<typeof longBienMini>, on: string): Finding[] {
  const r = computeFindings(build.state, { scopeUnitId: 'lb', on });
  if (!r.ok) throw new Error(r.violations.map((v) => v.message.en).join('; '));
  return r.value;
}

/** Changes to the mini district that add gaps of every code (and two of some for one record). */
const STEPS: Record<string, (s: ReturnType<typeof longBienMini>) => void> = {
  // p2 also heads bq1: two head findings for one person, one per board.
  headsTwoBoards: (s) => void s.member('p2', 'bq1', 'HEAD'),
  // bq3 gets a third term that expires too: a new gap, not the one of term 2.
  thirdTermExpires: (s) => void s.term('bq3', 3, '2022-06-01', '2022-09-01'),
  secondBuildingWithoutBoard: (s) => void s.board('bq6', 'Ban quản trị Tháp Sông Hồng', { buildingId: 'b6' }),
  regulationEnds: (s) => void s.regulation('g1', 'bq1', '2020-01-01', '2021-01-01'),
};

describe('findingKey', () => {
  it('is the rule code and the subject records, one identity list per code', () => {
    expect(Object.keys(FINDING_IDENTITY).sort()).toEqual([...FINDING_CODES].sort());
    const all = findings(longBienMini(), '2022-12-01');
    const head = all.find((f) => f.code === 'BOARD_HEAD_WITHOUT_FIRE_TRAINING' && f.entity.id === 'p2');
    expect(head && findingKey(head)).toBe('BOARD_HEAD_WITHOUT_FIRE_TRAINING|Person:p2|Organization:bq3');
    const term = all.find((f) => f.code === 'BOARD_TERM_EXPIRED');
    expect(term?.related?.[0]?.type).toBe('BoardTerm');
    expect(term && findingKey(term)).toBe(`BOARD_TERM_EXPIRED|Organization:bq3|BoardTerm:${term?.related?.[0]?.id}`);
    const regulation = all.find((f) => f.code === 'GROUP_WITHOUT_COORDINATION_REGULATION');
    expect(regulation && findingKey(regulation)).toBe('GROUP_WITHOUT_COORDINATION_REGULATION|AdministrativeUnit:g3');
    expect(findingKeyCode('GROUP_WITHOUT_CELL|AdministrativeUnit:g6')).toBe('GROUP_WITHOUT_CELL');
    expect(findingKeyCode('PHONE_FORMAT|Person:p1')).toBeUndefined();
  });

  it('generated states and dates: every gap has its own key, the same on every computation, naming its code', () => {
    const steps = Object.keys(STEPS);
    fc.assert(
      fc.property(
        fc.subarray(steps),
        fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }),
        (chosen, day) => {
          const build = () => {
            const s = longBienMini();
            for (const step of chosen) STEPS[step]?.(s);
            return s;
          };
          const on = day.toISOString().slice(0, 10);
          const first = findings(build(), on);
          const keys = first.map(findingKey);
          // One work item per gap: no two findings share a key.
          expect(new Set(keys).size).toBe(keys.length);
          // Deterministic: a fresh state built the same way gives the same keys.
          expect(findings(build(), on).map(findingKey)).toEqual(keys);
          for (const [i, f] of first.entries()) expect(findingKeyCode(keys[i] ?? '')).toBe(f.code);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a person heading two boards has two head findings with different keys', () => {
    const s = longBienMini();
    STEPS.headsTwoBoards?.(s);
    const heads = findings(s, '2022-12-01').filter((f) => f.code === 'BOARD_HEAD_WITHOUT_FIRE_TRAINING' && f.entity.id === 'p2');
    expect(heads.map(findingKey).sort()).toEqual([
      'BOARD_HEAD_WITHOUT_FIRE_TRAINING|Person:p2|Organization:bq1',
      'BOARD_HEAD_WITHOUT_FIRE_TRAINING|Person:p2|Organization:bq3',
    ]);
  });
});
