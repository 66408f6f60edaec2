import { computeFindings, type DomainState, directiveReport } from '@coso/domain';
import { longBien2022Dataset } from '@coso/sample-data';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadAccessFixture } from '../auth/test-support/access-fixture.js';
import { readState, writeState } from '../store/state-tables.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { readScopedState } from './scoped-state.js';

/**
 * The report and the findings of a scope, computed by the domain over the scoped read, are the
 * very ones it computes over the whole state — for every city and district and wards and groups
 * spread over two stored states (the Long Biên sample, and the access fixture's 2003 → 2025 history with its 2025
 * reorganisations and a side in another district), a few residential groups, and dates before
 * and after the reorganisations. The whole-state computation is the oracle; the scoped read only
 * decides which rows the domain sees.
 */
const DATES = ['2022-12-01', '2025-08-01'];

for (const [name, load] of [
  ['the Long Biên sample', (h: Harness) => writeState(h.prisma, longBien2022Dataset())],
  ['the access fixture', (h: Harness) => loadAccessFixture(h.prisma)],
] as const) {
  describe(`a scope's read gives the whole state's report and findings: ${name}`, () => {
    let h: Harness;
    let whole: DomainState;
    beforeAll(async () => {
      h = await graphqlHarness(inject('databaseAdminUrl'));
      await load(h);
      whole = await readState(h.prisma);
    });
    afterAll(() => h.close());

    it('every city and district, wards and groups spread over the state, as of each date', async () => {
      // Every city and district; wards and groups spread over the list (each scope recomputes the whole
      // state's report as its oracle, so the suite samples them rather than taking all).
      const spread = <T>(items: T[], n: number) => items.filter((_, i) => i % Math.max(1, Math.floor(items.length / n)) === 0).slice(0, n);
      const scopes = [
        ...whole.units.filter((u) => u.kind === 'PROVINCE' || u.kind === 'DISTRICT'),
        ...spread(
          whole.units.filter((u) => u.kind === 'WARD' || u.kind === 'COMMUNE'),
          8,
        ),
        ...spread(
          whole.units.filter((u) => u.kind === 'RESIDENTIAL_GROUP'),
          4,
        ),
      ];
      expect(scopes.length).toBeGreaterThan(5);
      expect(whole.directives.length).toBeGreaterThan(0);
      // Comparisons with something in them (a report with a figure above zero; findings).
      let compared = 0;
      let found = 0;
      let smaller = 0;
      for (const scope of scopes) {
        const part = await readScopedState(h.prisma, scope.id);
        const rows = (s: DomainState) => Object.values(s).reduce((n, t) => n + (t as unknown[]).length, 0);
        if (rows(part) < rows(whole)) smaller++;
        for (const on of DATES) {
          const query = { scopeUnitId: scope.id, on };
          const findings = computeFindings(whole, query);
          expect(computeFindings(part, query), `findings ${scope.name} ${on}`).toEqual(findings);
          if (findings.ok) found += findings.value.length;
          for (const directive of whole.directives) {
            const q = { directiveId: directive.id, scopeUnitId: scope.id, to: on };
            const expected = directiveReport(whole, q);
            expect(directiveReport(part, q), `report ${scope.name} ${on}`).toEqual(expected);
            if (expected.ok && expected.value.figures.some((f) => f.value > 0)) compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(5);
      expect(found).toBeGreaterThan(5);
      // The point of it: a ward's read leaves other wards' rows out.
      expect(smaller).toBeGreaterThan(scopes.length / 2);
    });
  });
}

type Harness = Awaited<ReturnType<typeof graphqlHarness>>;
