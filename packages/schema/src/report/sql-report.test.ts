import {
  addDays,
  computeFindings,
  computeReminders,
  type DirectiveReportQuery,
  type DomainState,
  directiveReport,
  FIGURE_KEYS,
  FINDING_CODES,
  type FigureKey,
  type FindingCode,
  type FindingsQuery,
  REMINDER_CODES,
  type ReminderCode,
  type RemindersQuery,
} from '@coso/domain';
import { DIRECTIVE_ID, DISTRICT_ID, REVIEW_DATE } from '@coso/sample-data';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
// The domain's own generator of stored states (test support: not part of the domain's build).
import { DATES, STORED_SCOPES, storedState } from '../../../domain/src/report/test-support/stored-arbitrary.js';
import { SAMPLE_FIXTURE } from '../auth/test-support/sample-fixtures.js';
import { stableUuid } from '../store/stable-id.js';
import { readState, writeState } from '../store/state-tables.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { sqlFindings, sqlReminders } from './sql-findings.js';
import { sqlDirectiveReport } from './sql-report.js';
import { emptyingStatement } from './test-support/emptying.js';

/**
 * The differential test of the report and the findings the database computes: on random states of the domain's
 * model (reorganisations, terms, overlapping dates, nominations, party cells, boards, buildings),
 * written into PostgreSQL, the SQL report — every figure's value, records (ids, names), per-ward
 * values and records, denominators, and the query's violations — equals the domain's
 * `directiveReport` over the same state read back; and so do the findings (every finding's code,
 * record, ward, group, related records and message, in order, and the query's violations) equal
 * the domain's `computeFindings`, and the reminders (asked up to 120 days before the date, so terms
 * end within their 90 days) the domain's `computeReminders`. The domain was written as the definition,
 * long before these statements: it is an oracle that was not designed together with them.
 */

/** Queries asked of each state: a scope, an as-of date and sometimes a period start. */
const queries = fc.array(
  fc.record({
    scope: fc.constantFrom(...STORED_SCOPES),
    to: fc.constantFrom(...DATES, '2024-01-01'),
    from: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
    directive: fc.constantFrom('dir', 'other'),
    /** Findings of some codes only, or in some wards only, now and then. */
    codes: fc.option(fc.subarray([...FINDING_CODES, 'NOT_A_CODE']), { nil: undefined, freq: 3 }),
    wards: fc.option(fc.subarray(['wa', 'wb', 'wc', 'wd', 'wm']), { nil: undefined, freq: 3 }),
    /** Reminders are asked this many days before the as-of date (terms end on the generated dates). */
    remindBefore: fc.integer({ min: 0, max: 120 }),
  }),
  { minLength: 1, maxLength: 3 },
);

const RUNS = Number(process.env.REPORT_RUNS ?? 100);

describe('the report, the findings and the reminders computed by the database equal the domain’s on generated states', () => {
  let h: Harness;
  let tables: string;
  beforeAll(async () => {
    h = await graphqlHarness(inject('databaseAdminUrl'));
    tables = await emptyingStatement(h.prisma);
  });
  afterAll(() => h.close());

  it(`figures, records, wards, findings, reminders and violations, for ${RUNS} states`, async () => {
    let compared = 0;
    let refused = 0;
    const exercised = new Set<FigureKey>();
    const found = new Set<FindingCode>();
    const reminded = new Set<ReminderCode>();
    let counted = 0;
    const property = fc.asyncProperty(storedState, queries, async (state, asked) => {
      await h.prisma.$executeRawUnsafe(tables);
      await writeState(h.prisma, state);
      const stored = await readState(h.prisma);
      // The whole city at the review, and what was drawn.
      const whole = {
        scope: 'hn',
        to: '2022-12-01',
        from: undefined,
        directive: 'dir',
        codes: undefined,
        wards: undefined,
        remindBefore: 60,
      };
      for (const q of [whole, ...asked]) {
        const query: DirectiveReportQuery = {
          directiveId: stableUuid(q.directive),
          scopeUnitId: stableUuid(q.scope),
          to: q.to,
          ...(q.from !== undefined ? { from: q.from } : {}),
        };
        const expected = directiveReport(stored, query);
        const actual = await sqlDirectiveReport(h.prisma, query);
        expect(actual, `${JSON.stringify(q)} on ${describeState(state)}`).toEqual(expected);
        compared++;
        if (expected.ok) {
          for (const f of expected.value.figures) {
            if (f.value > 0) exercised.add(f.key);
            if (f.value > 0) counted++;
          }
        } else refused++;

        const findingsQuery: FindingsQuery = {
          scopeUnitId: stableUuid(q.scope),
          on: q.to,
          ...(q.codes ? { codes: q.codes } : {}),
          ...(q.wards ? { wardIds: q.wards.map(stableUuid) } : {}),
        };
        const expectedFindings = computeFindings(stored, findingsQuery);
        const actualFindings = await sqlFindings(h.prisma, findingsQuery);
        expect(actualFindings, `findings ${JSON.stringify(q)} on ${describeState(state)}`).toEqual(expectedFindings);
        if (expectedFindings.ok) for (const f of expectedFindings.value) found.add(f.code);

        const remindersQuery: RemindersQuery = { scopeUnitId: stableUuid(q.scope), on: addDays(q.to, -q.remindBefore) };
        const expectedReminders = computeReminders(stored, remindersQuery);
        const actualReminders = await sqlReminders(h.prisma, remindersQuery);
        expect(actualReminders, `reminders ${JSON.stringify(remindersQuery)} on ${describeState(state)}`).toEqual(expectedReminders);
        if (expectedReminders.ok) for (const r of expectedReminders.value) reminded.add(r.code);
      }
      // Reminders of the whole city some days before each of (up to) two recorded term ends: terms ending soon.
      const ends = [...new Set(stored.boardTerms.flatMap((t) => (t.validTo ? [t.validTo] : [])))].slice(0, 2);
      for (const [i, end] of ends.entries()) {
        const remindersQuery: RemindersQuery = { scopeUnitId: stableUuid('hn'), on: addDays(end, -(asked[i]?.remindBefore ?? 30)) };
        const expectedReminders = computeReminders(stored, remindersQuery);
        expect(
          await sqlReminders(h.prisma, remindersQuery),
          `reminders ${JSON.stringify(remindersQuery)} on ${describeState(state)}`,
        ).toEqual(expectedReminders);
        if (expectedReminders.ok) for (const r of expectedReminders.value) reminded.add(r.code);
      }
    });
    const covered = () =>
      counted > RUNS &&
      refused > 0 &&
      FIGURE_KEYS.every((k) => exercised.has(k)) &&
      FINDING_CODES.filter((c) => !found.has(c)).length <= 1 &&
      reminded.has('BOARD_TERM_ENDING_SOON') &&
      reminded.size >= REMINDER_CODES.length - 1;
    await fc.assert(property, {
      numRuns: RUNS,
      // Replays one case: REPORT_SEED and REPORT_PATH from a failure's report.
      ...(process.env.REPORT_SEED ? { seed: Number(process.env.REPORT_SEED), path: process.env.REPORT_PATH } : {}),
    });
    // A rare figure can stay at zero in every one of RUNS random states (a ward party committee's
    // nomination of a political-system member, inside the period, happened to be drawn in none):
    // more random states, each compared the same way, until every figure, finding and reminder has
    // been exercised — up to 5 × RUNS more, after which the checks below report what never was.
    for (let extra = 0; !covered() && extra < 5 * RUNS && !process.env.REPORT_SEED; extra += 20) {
      await fc.assert(property, { numRuns: 20 });
    }
    // The comparisons had something in them: every figure above zero somewhere, refusals too.
    expect(compared).toBeGreaterThanOrEqual(RUNS);
    expect(counted).toBeGreaterThan(RUNS);
    expect(refused).toBeGreaterThan(0);
    expect(FIGURE_KEYS.filter((k) => !exercised.has(k))).toEqual([]);
    // Findings of every code but at most one (random states: a code can go unmet in a run, as
    // BOARD_HEAD_WITHOUT_FIRE_TRAINING did once in 100 states when every head drawn had the course).
    expect(FINDING_CODES.filter((c) => !found.has(c)).length).toBeLessThanOrEqual(1);
    // Reminders of every kind: terms ending soon among them.
    expect(reminded.has('BOARD_TERM_ENDING_SOON')).toBe(true);
    expect(reminded.size).toBeGreaterThanOrEqual(REMINDER_CODES.length - 1);
  }, 600_000);
});

describe('on the Long Biên sample: findings refuse what the domain refuses; an abandoned report stops issuing statements', () => {
  let h: Harness;
  let query: DirectiveReportQuery;
  beforeAll(async () => {
    h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: SAMPLE_FIXTURE });
    query = { directiveId: stableUuid(DIRECTIVE_ID), scopeUnitId: stableUuid(DISTRICT_ID), to: REVIEW_DATE };
  });
  afterAll(() => h.close());

  it.each([
    ['a date that does not exist', { scopeUnitId: stableUuid(DISTRICT_ID), on: '2022-02-30' }],
    ['a date in another format', { scopeUnitId: stableUuid(DISTRICT_ID), on: '01/12/2022' }],
    ['a scope before it existed', { scopeUnitId: stableUuid(DISTRICT_ID), on: '1990-01-01' }],
    ['a scope that is no unit', { scopeUnitId: 'not-a-unit', on: REVIEW_DATE }],
  ])('%s', async (_, query: FindingsQuery) => {
    const expected = computeFindings(await readState(h.prisma), query);
    expect(expected.ok).toBe(false);
    expect(await sqlFindings(h.prisma, query)).toEqual(expected);
  });

  it('the sample’s findings at the review equal the domain’s, for the district and every ward', async () => {
    const state = await readState(h.prisma);
    const wards = state.units.filter((u) => u.kind === 'WARD').map((u) => u.id);
    let total = 0;
    for (const scopeUnitId of [stableUuid(DISTRICT_ID), ...wards]) {
      const q: FindingsQuery = { scopeUnitId, on: REVIEW_DATE };
      const expected = computeFindings(state, q);
      expect(await sqlFindings(h.prisma, q), scopeUnitId).toEqual(expected);
      if (expected.ok) total += expected.value.length;
    }
    expect(total).toBeGreaterThan(0);
  });

  /** The client whose raw statements are counted, aborting `controller` once `after` of them have been issued. */
  function abortingAfter(after: number, controller: AbortController) {
    let issued = 0;
    const prisma = new Proxy(h.prisma, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (key !== '$queryRaw' || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          issued++;
          if (issued === after) controller.abort();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    return { prisma, issued: () => issued };
  }

  it('answers in full when nobody aborts, and refuses, bilingual, when the client has gone', async () => {
    const whole = abortingAfter(Number.POSITIVE_INFINITY, new AbortController());
    const report = await sqlDirectiveReport(whole.prisma, query);
    expect(report.ok).toBe(true);
    const statements = whole.issued();
    expect(statements).toBeGreaterThan(2);

    for (let after = 1; after < statements; after++) {
      const controller = new AbortController();
      const aborting = abortingAfter(after, controller);
      const error = await sqlDirectiveReport(aborting.prisma, query, controller.signal).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ extensions: { code: 'REQUEST_ABORTED', localizedMessage: { vi: expect.stringContaining('hủy') } } });
      // Not one statement after the abort.
      expect(aborting.issued(), `aborted after statement ${after}`).toBe(after);
    }
  });
});

/** The generated rows, without the fixed places and empty tables: a counterexample to read. */
function describeState(state: DomainState): string {
  const fixed = new Set(['hn', 'da', 'db', 'wa', 'wb', 'wc', 'wd', 'k1', 'k2', 'dir', 'other', 'r1', 'r2', 'r3', 'issuer']);
  const rows = Object.entries(state).flatMap(([table, list]) => {
    const kept = (list as Array<{ id: string }>).filter((r) => !fixed.has(r.id) && !/^w[a-d][1-3]$/.test(r.id));
    return kept.length ? [`${table}: ${kept.map((r) => JSON.stringify(r)).join(' ')}`] : [];
  });
  const moved = state.unitParents.filter((l) => l.validFrom !== '2000-01-01' || l.validTo !== null);
  const ended = state.units.filter((u) => u.validTo !== null);
  return [
    `links moved: ${JSON.stringify(moved)}`,
    `units ended: ${JSON.stringify(ended)}`,
    ...rows.filter((r) => !r.startsWith('unitParents')),
  ].join('\n');
}

type Harness = Awaited<ReturnType<typeof graphqlHarness>>;
