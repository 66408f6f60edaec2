import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFindings, computeFindings } from '../findings/compute.js';
import { directiveReport } from './directive-report.js';
import { reportNarrative } from './narrative.js';
import { arbitraryState, DATES, SCOPES } from './test-support/arbitrary.js';
import { expectWellFormed } from './test-support/invariants.js';

const query = fc.record({
  scope: fc.constantFrom(...SCOPES),
  to: fc.constantFrom(...DATES.filter((d) => d >= '2021-09-30')),
  from: fc.option(fc.constantFrom('2021-09-30', '2022-01-01'), { nil: undefined }),
});

describe('properties on random small states', () => {
  it('every figure has value = records.length, distinct records, and consistent ward entries', () => {
    fc.assert(
      fc.property(arbitraryState, query, (state, q) => {
        const r = directiveReport(state, { directiveId: 'dir', scopeUnitId: q.scope, from: q.from, to: q.to });
        if (q.from !== undefined && q.from > q.to) {
          expect(!r.ok && r.violations.map((v) => v.code)).toEqual(['PERIOD_ORDER']);
          return;
        }
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expectWellFormed(r.value);
        // Sub-figures are subsets of the people-on-boards figure.
        const on = new Set(r.value.figures.find((f) => f.key === 'politicalSystemPeopleOnBoards')?.records.map((x) => x.id));
        for (const key of ['partyMembersOnBoards', 'politicalSystemMembersOnBoards'] as const) {
          for (const x of r.value.figures.find((f) => f.key === key)?.records ?? []) expect(on.has(x.id)).toBe(true);
        }
        const text = reportNarrative(r.value);
        expect(text.vi.normalize('NFC')).toBe(text.vi);
      }),
      { numRuns: 300 },
    );
  });

  it('a district report is the union of its ward reports for additive figures', () => {
    fc.assert(
      fc.property(arbitraryState, (state) => {
        const district = directiveReport(state, { directiveId: 'dir', scopeUnitId: 'da', to: '2022-12-01' });
        const wards = ['wa', 'wb'].map((w) => directiveReport(state, { directiveId: 'dir', scopeUnitId: w, to: '2022-12-01' }));
        if (!district.ok) throw new Error('district report failed');
        for (const f of district.value.figures.filter((x) => x.byWardAdditive)) {
          const key = f.key;
          const total = district.value.figures.find((f) => f.key === key)?.value;
          const sum = wards.reduce((acc, w) => acc + (w.ok ? (w.value.figures.find((f) => f.key === key)?.value ?? 0) : 0), 0);
          const unassigned = district.value.figures.find((f) => f.key === key)?.byWard.find((w) => w.wardId === '')?.value ?? 0;
          expect(sum + unassigned).toBe(total);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('findings are sorted, one per gap, in scope wards, and deterministic', () => {
    fc.assert(
      fc.property(arbitraryState, query, (state, q) => {
        const r = computeFindings(state, { scopeUnitId: q.scope, on: q.to });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const findings = r.value;
        for (let i = 1; i < findings.length; i++) {
          const [a, b] = [findings[i - 1], findings[i]];
          if (a && b) expect(compareFindings(a, b)).toBeLessThanOrEqual(0);
        }
        const keys = findings.map((f) => `${f.code}|${f.entity.id}|${(f.related ?? []).map((x) => x.id).join(',')}`);
        expect(new Set(keys).size).toBe(keys.length);
        const again = computeFindings(state, { scopeUnitId: q.scope, on: q.to });
        expect(again).toEqual(r);
        const wardIds = new Set(findings.map((f) => f.wardId));
        const filtered = computeFindings(state, { scopeUnitId: q.scope, on: q.to, wardIds: [...wardIds].slice(0, 1) });
        if (filtered.ok) expect(filtered.value.every((f) => wardIds.size === 0 || f.wardId === [...wardIds][0])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
