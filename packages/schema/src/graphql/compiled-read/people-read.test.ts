import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../auth/demo-accounts.js';
import { viewerOf } from '../../auth/test-support/access-fixture.js';
import { SAMPLE_FIXTURE } from '../../auth/test-support/sample-fixtures.js';
import type { AccountViewer, Viewer } from '../../auth/viewer.js';
import { poolOf } from '../../database/prisma-client.js';
import { graphqlHarness } from '../../testing/graphql-harness.js';
import { COMPILED_MARK } from './nested-read.js';

/**
 * The people search and the units list as one generated statement each (issue #13) answer exactly
 * what the resolvers answer (`compiledReads: false`, the oracle): data, errors, hidden notes and
 * the personal-data read log (masked for roles without personal data, each unmasked read logged),
 * on the Long Biên sample, for every demo account and a second ward officer (another ward's
 * territory), over generated searches, filters, orders, pages, dates and selections. The statement
 * count is read off the statement log: the compiled statement, the read log's insert when something
 * was read unmasked, and nothing else (no territory's unit list, no per-object read check).
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
const viewers = new Map<string, Viewer>();
/** The harness reads a territorial viewer's scope unit when it makes the context (the gateway: with the session). */
const scopeUnitRead = /FROM "public"\."administrative_units" AS "t0" WHERE \("t0"\."id" = \$1 AND 1=1\) LIMIT/;
const readLogInsert = /^INSERT INTO "personal_data_reads"/;

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: SAMPLE_FIXTURE });
  for (const a of DEMO_ACCOUNTS) viewers.set(a.username, await viewerOf(h.prisma, a.username));
  // A second ward officer: Phúc Đồng's (merged into Việt Hưng in 2025: ended units and moved groups).
  const ward = await h.prisma.administrativeUnit.findFirstOrThrow({ where: { kind: 'WARD', name: { contains: 'Phúc Đồng' } } });
  viewers.set('phuong.phucdong', { ...(viewers.get('phuong.giangbien') as AccountViewer), scopeUnitId: ward.id });
});
afterAll(() => h.close());

/** The read log's rows written since `after`, as (person, field), sorted. */
async function readLogSince(after: bigint): Promise<string[]> {
  const rows = await h.prisma.personalDataRead.findMany({ where: { id: { gt: after } }, select: { personId: true, field: true } });
  return rows.map((r) => `${r.personId}:${r.field}`).sort();
}

async function lastLogId(): Promise<bigint> {
  const last = await h.prisma.personalDataRead.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  return last?.id ?? 0n;
}

/** The answer and read log with and without the compiler, and the statements the compiled request sent. */
async function both(source: string, who: string, variables: Record<string, unknown> = {}) {
  const viewer = viewers.get(who) as Viewer;
  const before = await lastLogId();
  const oracle = await h.exec(source, variables, { viewer, compiledReads: false });
  const oracleLog = await readLogSince(before);
  const middle = await lastLogId();
  h.statements.length = 0;
  const compiled = await h.exec(source, variables, { viewer });
  const statements = [...h.statements];
  const compiledLog = await readLogSince(middle);
  const compiledCount = statements.filter((sql) => sql.startsWith(COMPILED_MARK)).length;
  const others = statements.filter((sql) => !sql.startsWith(COMPILED_MARK) && !scopeUnitRead.test(sql));
  return { oracle, compiled, oracleLog, compiledLog, compiledCount, others, withoutExecution: h.answeredWithoutExecution };
}

const WHO = [...DEMO_ACCOUNTS.map((a) => a.username), 'phuong.phucdong'];
const BENCH_PEOPLE = `{ people(asOf: "2026-11-25", filter: { name: { search: "nguyen van" } }, first: 20) {
  totalCount nodes { id fullName birthYear citizenId phone residenceUnit { name } } } }`;
const BENCH_UNITS = `{ units(asOf: "2026-11-25", filter: { kind: WARD }, first: 20) { totalCount nodes { id name code parent { name } } } }`;

describe('the people search and the units list compiled to one statement equal the resolvers’ answer', () => {
  it.each(WHO)(
    'the bench’s people search and units list as %s: same data, errors, hidden notes and read log; one statement',
    async (who) => {
      for (const source of [BENCH_PEOPLE, BENCH_UNITS]) {
        const r = await both(source, who);
        expect(r.compiled, source).toEqual(r.oracle);
        expect(r.compiledLog, source).toEqual(r.oracleLog);
        expect(r.compiledCount, source).toBe(1);
        expect(r.withoutExecution, source).toBe(true);
        // Besides the statement: the read log's one insert when something was read unmasked, nothing else.
        expect(r.others, source).toEqual(r.oracleLog.length ? [expect.stringMatching(readLogInsert)] : []);
      }
    },
  );

  it('the sample answers something to compare: people found, masked for the analyst, unmasked and logged for the ward officer', async () => {
    const ward = await both(BENCH_PEOPLE, 'phuong.giangbien');
    const analyst = await both(BENCH_PEOPLE, 'phantich');
    type Page = { people: { totalCount: number; nodes: Array<{ citizenId: string | null }> } };
    const wardPage = (ward.compiled.data as Page).people;
    const analystPage = (analyst.compiled.data as Page).people;
    expect(analystPage.totalCount).toBeGreaterThan(wardPage.totalCount);
    expect(wardPage.totalCount).toBeGreaterThan(0);
    // Hand-checked shapes, independent of both paths: 12 digits unmasked, 9 stars and 3 digits masked.
    expect(wardPage.nodes.some((p) => /^\d{12}$/.test(p.citizenId ?? ''))).toBe(true);
    expect(analystPage.nodes.every((p) => p.citizenId === null || /^\*{9}\d{3}$/.test(p.citizenId))).toBe(true);
    expect(ward.compiledLog.length).toBeGreaterThan(0);
    expect(analyst.compiledLog).toEqual([]);
  });

  it('a person whose residence the viewer may not read: the resolvers answer (with their error on the field), logged once', async () => {
    // Someone placed in Giang Biên by a post (a board member there) moved to live in a group of another ward.
    const scope = (viewers.get('phuong.giangbien') as AccountViewer).scopeUnitId as string;
    const [member] = await h.prisma.$queryRawUnsafe<Array<{ id: string; name: string }>>(
      `SELECT p.id::text, p.full_name AS name FROM people p
        JOIN memberships m ON m.person_id = p.id AND m.valid_to IS NULL
        JOIN organizations o ON o.id = m.organization_id AND o.kind = 'MANAGEMENT_BOARD'
        JOIN apartment_buildings b ON b.id = o.building_id
        JOIN unit_closure c ON c.descendant_id = b.residential_group_id AND c.ancestor_id = $1::uuid
        WHERE p.valid_to IS NULL ORDER BY p.id LIMIT 1`,
      scope,
    );
    const [elsewhere] = await h.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT u.id::text FROM administrative_units u WHERE u.kind = 'RESIDENTIAL_GROUP' AND u.valid_to IS NULL
        AND NOT EXISTS (SELECT 1 FROM unit_closure c WHERE c.descendant_id = u.id AND c.ancestor_id = $1::uuid) ORDER BY u.id LIMIT 1`,
      scope,
    );
    if (!member || !elsewhere) throw new Error('the sample has no board member in Giang Biên or no group elsewhere');
    await h.prisma.person.update({ where: { id: member.id }, data: { residenceUnitId: elsewhere.id } });
    const source = `{ people(filter: { name: { equals: ${JSON.stringify(member.name)} } }) { nodes { fullName citizenId residenceUnit { name } } } }`;
    const r = await both(source, 'phuong.giangbien');
    expect(r.compiled).toEqual(r.oracle);
    expect(r.oracle.errors.map((e) => e.code)).toContain('FORBIDDEN');
    expect(r.compiledLog).toEqual(r.oracleLog);
    expect(r.compiledLog.length).toBeGreaterThan(0);
    // The statement ran, found the residence unreadable, and the resolvers answered.
    expect(r.compiledCount).toBe(1);
    expect(r.withoutExecution).toBe(false);

    // Beside a root field that compiles and reads personal details unmasked: when the operation falls
    // back to execution, nothing is logged twice (no answer is finished until every root field stands).
    const pair = `{ bench: people(asOf: "2026-11-25", filter: { name: { search: "nguyen van" } }, first: 20) { nodes { id citizenId phone } }
      moved: people(filter: { name: { equals: ${JSON.stringify(member.name)} } }) { nodes { fullName citizenId residenceUnit { name } } } }`;
    const two = await both(pair, 'phuong.giangbien');
    expect(two.compiled).toEqual(two.oracle);
    expect(two.compiledLog).toEqual(two.oracleLog);
    expect(two.compiledLog.length).toBeGreaterThan(r.compiledLog.length);
    expect(two.withoutExecution).toBe(false);
  });
});

// ───────────────────────────── generated requests ─────────────────────────────

const DATES = ['2019-06-01', '2022-12-01', '2025-07-01', '2026-11-25'];
/** Searches: name words with and without diacritics, parts of words, numbers, LIKE's own characters, nothing found. */
const searchText = fc.oneof(
  fc.constantFrom('nguyen van', 'Nguyễn Văn', 'thi', 'THỊ HƯƠNG', 'an', 'ng', 'le', 'Trần', 'hoang minh', '_', '%', 'a_b', 'zzzz', ''),
  fc.stringMatching(/^[a-zđ ]{1,6}$/u),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const personFields = fc
  .subarray([
    'id',
    'sex',
    'birthYear',
    'citizenId',
    'phone',
    'birthDate',
    'validFrom',
    'validTo',
    'version',
    '__typename',
    'residenceUnit { name kind }',
  ])
  .map((xs) => ['fullName', ...xs].join(' '));

const peopleRequest = fc
  .record({
    search: maybe(searchText),
    sex: maybe(fc.constantFrom('MALE', 'FEMALE')),
    birthYears: maybe(fc.array(fc.integer({ min: 1940, max: 2005 }), { minLength: 1, maxLength: 3 })),
    order: maybe(
      fc.constantFrom('[{ field: BIRTH_YEAR, direction: DESC }]', '[{ field: NAME, direction: DESC }]', '[{ field: BIRTH_YEAR }]'),
    ),
    first: maybe(fc.integer({ min: 1, max: 30 })),
    asOf: maybe(fc.constantFrom(...DATES)),
    total: fc.boolean(),
    fields: personFields,
  })
  .map((r) => {
    const filter: string[] = [];
    if (r.search !== undefined) filter.push(`name: { search: ${JSON.stringify(r.search)} }`);
    if (r.sex) filter.push(`sex: ${r.sex}`);
    if (r.birthYears) filter.push(`birthYear: [${r.birthYears.join(', ')}]`);
    const args = [
      ...(filter.length ? [`filter: { ${filter.join(', ')} }`] : []),
      ...(r.order ? [`orderBy: ${r.order}`] : []),
      ...(r.first ? [`first: ${r.first}`] : []),
      ...(r.asOf ? [`asOf: "${r.asOf}"`] : []),
    ];
    return `{ people${args.length ? `(${args.join(', ')})` : ''} { ${r.total ? 'totalCount ' : ''}nodes { ${r.fields} } } }`;
  });

const unitsRequest = fc
  .record({
    kind: maybe(fc.constantFrom('WARD', 'RESIDENTIAL_GROUP', 'DISTRICT')),
    search: maybe(fc.constantFrom('giang bien', 'tổ 5 giang biên', 'to 1', 'viet hung', 'phuc')),
    first: maybe(fc.integer({ min: 1, max: 25 })),
    asOf: maybe(fc.constantFrom(...DATES)),
    codeAsOf: maybe(fc.constantFrom(...DATES)),
    parentAsOf: maybe(fc.constantFrom(...DATES)),
  })
  .map((r) => {
    const filter = [...(r.kind ? [`kind: ${r.kind}`] : []), ...(r.search ? [`name: { search: ${JSON.stringify(r.search)} }`] : [])];
    const args = [
      ...(filter.length ? [`filter: { ${filter.join(', ')} }`] : []),
      ...(r.first ? [`first: ${r.first}`] : []),
      ...(r.asOf ? [`asOf: "${r.asOf}"`] : []),
    ];
    const dated = (name: string, d: string | undefined) => (d ? `${name}(asOf: "${d}")` : name);
    return `{ units${args.length ? `(${args.join(', ')})` : ''} { totalCount nodes { id name ${dated('code', r.codeAsOf)} ${dated('parent', r.parentAsOf)} { name code } } } }`;
  });

describe('generated requests (fast-check): searches, filters, orders, pages, dates, selections, accounts', () => {
  it.each([
    ['people', peopleRequest],
    ['units', unitsRequest],
  ] as const)('every generated %s request answers the same with and without the compiler, read log included', async (_name, request) => {
    await fc.assert(
      fc.asyncProperty(request, fc.constantFrom(...WHO), async (source, who) => {
        const r = await both(source, who);
        expect(r.compiled.data, source).toEqual(r.oracle.data);
        expect(r.compiled.errors, source).toEqual(r.oracle.errors);
        expect(r.compiled.hidden ?? [], source).toEqual(r.oracle.hidden ?? []);
        expect(r.compiledLog, source).toEqual(r.oracleLog);
        if (r.oracle.errors.length) return;
        // Answered by the statement alone, and only the read log besides it.
        expect(r.compiledCount, source).toBe(1);
        expect(r.withoutExecution, source).toBe(true);
        expect(r.others, source).toEqual(r.oracleLog.length ? [expect.stringMatching(readLogInsert)] : []);
      }),
      { numRuns: 60 },
    );
  });
});

describe('how the statement is planned (Params.planPerValues)', () => {
  /** The compiled statements a request sent to the pool, each with whether it was prepared by name (pg: `name`). */
  async function sent(source: string): Promise<Array<{ named: boolean }>> {
    const pool = poolOf(h.prisma)?.pool as pg.Pool;
    const query = pool.query;
    const seen: Array<{ named: boolean }> = [];
    pool.query = ((config: unknown, ...rest: unknown[]) => {
      const c = config as { text?: string; name?: string };
      if (c?.text?.startsWith(COMPILED_MARK)) seen.push({ named: c.name !== undefined });
      return (query as (...a: unknown[]) => unknown).call(pool, config, ...rest);
    }) as typeof pool.query;
    try {
      const r = await h.exec(source, {}, { viewer: viewers.get('quan.longbien') as Viewer });
      expect(r.errors).toEqual([]);
    } finally {
      pool.query = query;
    }
    return seen;
  }

  it('a name search is planned with its pattern every time (unnamed); a list without one is prepared once (named)', async () => {
    expect(await sent(BENCH_PEOPLE)).toEqual([{ named: false }]);
    expect(await sent('{ people(asOf: "2026-11-25", first: 20) { totalCount nodes { id fullName } } }')).toEqual([{ named: true }]);
    expect(await sent(BENCH_UNITS)).toEqual([{ named: true }]);
  });
});
