import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeGlobalID } from '@pothos/plugin-relay';
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../auth/demo-accounts.js';
import { viewerOf } from '../../auth/test-support/access-fixture.js';
import { SAMPLE_FIXTURE } from '../../auth/test-support/sample-fixtures.js';
import type { AccountViewer, Viewer } from '../../auth/viewer.js';
import { poolOf } from '../../database/prisma-client.js';
import { graphqlHarness } from '../../testing/graphql-harness.js';
import { memberAndGroupOutside } from '../../testing/outside-residence.js';
import { MAX_PAGE_SIZE } from '../builder.js';
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
    const { member, elsewhere } = await memberAndGroupOutside(h.prisma, scope);
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

// ───────────────────────────── pages after a cursor ─────────────────────────────

/** The admin web's own documents, as its generated gql.ts holds them (what the browser sends). */
const GQL = readFileSync(fileURLToPath(new URL('../../../../../apps/admin-web/src/gql/gql.ts', import.meta.url)), 'utf8');
function adminDocument(name: string): string {
  const literal = GQL.match(/"(?:[^"\\]|\\.)*"/g)?.find((s) => s.includes(`query ${name}(`));
  if (!literal) throw new Error(`no ${name} in the admin web's gql.ts`);
  return JSON.parse(literal) as string;
}

type Connection = { pageInfo?: { endCursor?: string | null } };
const endCursorOf = (data: unknown, root: string) => (data as Record<string, Connection> | null)?.[root]?.pageInfo?.endCursor ?? null;

/**
 * A cursor of the same list (its binding, list-cursors.ts) naming another row: taken from a cursor
 * the list handed out, its inner Prisma cursor replaced — what a client holding a cursor of a row
 * since moved out of the filter or the territory, or deleted, sends.
 */
function cursorNaming(cursor: string, id: string): string {
  const [, bound] = /^(L1:[\w-]{11}\.[\w-]{11}:)/.exec(Buffer.from(cursor, 'base64').toString('utf8')) ?? [];
  if (!bound) throw new Error(`not a list cursor: ${cursor}`);
  return Buffer.from(`${bound}${Buffer.from(`GPC:S:${id}`).toString('base64')}`).toString('base64');
}

/** Compares one request both ways, and that the statement answered it alone. */
async function same(source: string, who: string, variables: Record<string, unknown>) {
  const r = await both(source, who, variables);
  const asked = `${who} ${JSON.stringify(variables)}: ${source}`;
  expect(r.compiled.data, asked).toEqual(r.oracle.data);
  expect(r.compiled.errors, asked).toEqual(r.oracle.errors);
  expect(r.compiled.hidden ?? [], asked).toEqual(r.oracle.hidden ?? []);
  expect(r.compiledLog, asked).toEqual(r.oracleLog);
  expect(r.compiledCount, asked).toBe(1);
  // A related record the viewer may not read (a ward's district, for the ward's officer): the
  // statement ran, met it, and the resolvers answered with their error (finish-answer.ts).
  if (r.oracle.errors.length) {
    expect(
      r.oracle.errors.map((e) => e.code),
      asked,
    ).toEqual(r.oracle.errors.map(() => 'FORBIDDEN'));
    expect(r.withoutExecution, asked).toBe(false);
    return r;
  }
  expect(r.withoutExecution, asked).toBe(true);
  expect(r.others, asked).toEqual(r.oracleLog.length ? [expect.stringMatching(readLogInsert)] : []);
  return r;
}

/** Rows of every kind a cursor may name: current, ended (out of the as-of date), anywhere (out of a territory). */
const otherIds = { people: [] as string[], units: [] as string[] };

beforeAll(async () => {
  for (const [key, table] of [
    ['people', 'people'],
    ['units', 'administrative_units'],
  ] as const) {
    const rows = await h.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      `(SELECT id::text FROM ${table} WHERE valid_to IS NOT NULL ORDER BY id LIMIT 3) UNION ALL (SELECT id::text FROM ${table} ORDER BY md5(id::text) LIMIT 5)`,
    );
    otherIds[key] = rows.map((r) => r.id);
  }
  expect(otherIds.people.length).toBeGreaterThan(3);
});

describe('pages after a cursor, as the admin web’s lists ask them, compiled to one statement', () => {
  const LISTS = [
    {
      root: 'people',
      document: adminDocument('PeopleList'),
      variables: [
        { asOf: '2026-11-25', first: 25 },
        { asOf: '2026-11-25', first: 7, filter: { name: { search: 'nguyen' } }, orderBy: [{ field: 'BIRTH_YEAR', direction: 'DESC' }] },
        {
          asOf: '2022-12-01',
          first: 10,
          filter: { sex: 'FEMALE' },
          orderBy: [{ field: 'NAME', direction: 'DESC' }, { field: 'BIRTH_YEAR' }],
        },
      ],
    },
    {
      root: 'units',
      document: adminDocument('UnitsList'),
      variables: [
        { asOf: '2026-11-25', first: 25 },
        {
          asOf: '2022-12-01',
          first: 6,
          filter: { kind: 'RESIDENTIAL_GROUP' },
          orderBy: [{ field: 'KIND', direction: 'DESC' }, { field: 'NAME' }],
        },
        { asOf: '2025-07-01', first: 4, filter: { name: { search: 'phuc' } }, orderBy: [{ field: 'VALID_FROM', direction: 'DESC' }] },
      ],
    },
  ] as const;

  it.each(LISTS.map((l) => [l.root, l] as const))(
    'the admin web’s %s list, page after page (the resolvers’ endCursor), for every account: one statement each',
    async (_root, list) => {
      let alone = 0;
      for (const who of WHO) {
        for (const base of list.variables) {
          let after: string | null = null;
          for (let page = 0; page < 3; page += 1) {
            const r = await same(list.document, who, { ...base, after });
            if (r.withoutExecution && after) alone += 1;
            const total = (r.oracle.data as Record<string, { totalCount: number }> | null)?.[list.root]?.totalCount ?? 0;
            // A page of exactly the rows there are: full, and yet no next page.
            if (page === 0 && total >= 1 && total <= MAX_PAGE_SIZE) await same(list.document, who, { ...base, first: total, after: null });
            after = endCursorOf(r.oracle.data, list.root);
            if (!after) break;
          }
        }
      }
      // Pages after a cursor answered by the statement alone, for most accounts and lists.
      expect(alone).toBeGreaterThan(WHO.length);
    },
  );

  it.each(LISTS.map((l) => [l.root, l] as const))(
    'the %s list after a cursor naming a row outside the list (ended, elsewhere, unknown): the same page as the resolvers’',
    async (_root, list) => {
      const ids = [...otherIds[list.root], randomUUID()];
      for (const who of ['admin', 'quan.longbien', 'phuong.giangbien', 'xem']) {
        for (const base of list.variables) {
          const first = await same(list.document, who, { ...base, after: null });
          const cursor = endCursorOf(first.oracle.data, list.root);
          if (!cursor) continue;
          for (const id of ids) await same(list.document, who, { ...base, after: cursorNaming(cursor, id) });
        }
      }
    },
  );

  it('a cursor the resolvers refuse (another list’s, one that does not decode) is theirs to answer: the same error, no statement', async () => {
    const list = LISTS[0];
    const first = await both(list.document, 'admin', { ...list.variables[0], after: null });
    const cursor = endCursorOf(first.oracle.data, 'people') as string;
    for (const after of [cursor.slice(0, -6), Buffer.from('GPC:S:1').toString('base64'), 'x']) {
      const r = await both(list.document, 'admin', { ...list.variables[1], after });
      expect(r.compiled).toEqual(r.oracle);
      expect(r.oracle.errors.map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
      expect(r.compiledCount).toBe(0);
    }
    // Another list's cursor (another filter).
    const other = await both(list.document, 'admin', { ...list.variables[1], after: cursor });
    expect(other.compiled).toEqual(other.oracle);
    expect(other.oracle.errors.map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
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

/** The page asked: nodes, edges (cursor and node) or both, maybe with some of pageInfo. */
const pageSelection = fc
  .record({
    nodes: fc.boolean(),
    edges: fc.boolean(),
    info: fc.subarray(['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor', '__typename']),
  })
  .map(({ nodes, edges, info }) => (node: string) => {
    const parts = [
      ...(info.length ? [`pageInfo { ${info.join(' ')} }`] : []),
      ...(edges ? [`edges { cursor node { ${node} } }`] : []),
      ...(nodes || !edges ? [`nodes { ${node} }`] : []),
    ];
    return parts.join(' ');
  });

/** Which pages: the first; the next one or two (the resolvers' endCursor); after a row outside the list or an unknown id. */
const afterMode = fc.constantFrom('none', 'next', 'next2', 'outside', 'unknown');
type AfterMode = typeof afterMode extends fc.Arbitrary<infer T> ? T : never;

/** A generated list request: the source (its cursor a variable), the one asking only its endCursor, and which pages to ask. */
function paged(root: 'people' | 'units', args: string[], selection: string, after: AfterMode) {
  const all = `(${[...args, 'after: $after'].join(', ')})`;
  return {
    root,
    source: `query ($after: String) { ${root}${all} { ${selection} } }`,
    cursors: `query ($after: String) { ${root}${all} { pageInfo { endCursor } } }`,
    after,
  };
}

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
    page: pageSelection,
    after: afterMode,
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
    return paged('people', args, `${r.total ? 'totalCount ' : ''}${r.page(r.fields)}`, r.after);
  });

const unitsRequest = fc
  .record({
    kind: maybe(fc.constantFrom('WARD', 'RESIDENTIAL_GROUP', 'DISTRICT')),
    search: maybe(fc.constantFrom('giang bien', 'tổ 5 giang biên', 'to 1', 'viet hung', 'phuc')),
    first: maybe(fc.integer({ min: 1, max: 25 })),
    asOf: maybe(fc.constantFrom(...DATES)),
    codeAsOf: maybe(fc.constantFrom(...DATES)),
    parentAsOf: maybe(fc.constantFrom(...DATES)),
    orderBy: maybe(
      fc.constantFrom(
        '[{ field: KIND, direction: DESC }, { field: NAME }]',
        '[{ field: VALID_FROM }]',
        '[{ field: NAME, direction: DESC }]',
      ),
    ),
    page: pageSelection,
    after: afterMode,
  })
  .map((r) => {
    const filter = [...(r.kind ? [`kind: ${r.kind}`] : []), ...(r.search ? [`name: { search: ${JSON.stringify(r.search)} }`] : [])];
    const args = [
      ...(filter.length ? [`filter: { ${filter.join(', ')} }`] : []),
      ...(r.orderBy ? [`orderBy: ${r.orderBy}`] : []),
      ...(r.first ? [`first: ${r.first}`] : []),
      ...(r.asOf ? [`asOf: "${r.asOf}"`] : []),
    ];
    const dated = (name: string, d: string | undefined) => (d ? `${name}(asOf: "${d}")` : name);
    const node = `id name validTo ${dated('code', r.codeAsOf)} ${dated('parent', r.parentAsOf)} { name code }`;
    return paged('units', args, `totalCount ${r.page(node)}`, r.after);
  });

describe('generated requests (fast-check): searches, filters, orders, pages, dates, selections, accounts', () => {
  it.each([
    ['people', peopleRequest],
    ['units', unitsRequest],
  ] as const)('every generated %s request answers the same with and without the compiler, read log included', async (_name, request) => {
    await fc.assert(
      fc.asyncProperty(request, fc.constantFrom(...WHO), fc.nat(), async (request, who, pick) => {
        const { root, source } = request;
        let after: string | null = null;
        // The cursor of each page as the resolvers hand it out (the oracle), for the pages before the one compared.
        const next = async () =>
          endCursorOf((await h.exec(request.cursors, { after }, { viewer: viewers.get(who) as Viewer, compiledReads: false })).data, root);
        if (request.after !== 'none') {
          after = await next();
          if (after && request.after === 'next2') after = await next();
          const ids = otherIds[root];
          if (after && request.after === 'outside') after = cursorNaming(after, ids[pick % ids.length] as string);
          if (after && request.after === 'unknown') after = cursorNaming(after, randomUUID());
        }
        const r = await both(source, who, { after });
        const asked = `${source} after ${after}`;
        expect(r.compiled.data, asked).toEqual(r.oracle.data);
        expect(r.compiled.errors, asked).toEqual(r.oracle.errors);
        expect(r.compiled.hidden ?? [], asked).toEqual(r.oracle.hidden ?? []);
        expect(r.compiledLog, asked).toEqual(r.oracleLog);
        if (r.oracle.errors.length) return;
        // Answered by the statement alone, and only the read log besides it.
        expect(r.compiledCount, asked).toBe(1);
        expect(r.withoutExecution, asked).toBe(true);
        expect(r.others, asked).toEqual(r.oracleLog.length ? [expect.stringMatching(readLogInsert)] : []);
      }),
      { numRuns: 60 },
    );
  });
});

// ───────────────────────────── the explorer's next page of children ─────────────────────────────

describe('the explorer’s next page of a place’s children (`node(id:)`), compiled to one statement', () => {
  const EXPLORER = adminDocument('ExplorerChildren');
  // The same document with pages of 3, so the sample's places have several.
  const SMALL = EXPLORER.replace('first: 200, after: $after', 'first: 3, after: $after');
  type Node = { children?: { pageInfo?: { hasNextPage?: boolean; endCursor?: string | null } } } | null;
  const pageOf = (data: unknown) => (data as { node?: Node } | null)?.node?.children?.pageInfo;
  /** The district, wards (one merged away in 2025) and residential groups with buildings: global ids. */
  const places: string[] = [];
  const links: string[] = [];

  beforeAll(async () => {
    const rows = await h.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      `(SELECT id::text FROM administrative_units WHERE kind = 'DISTRICT' ORDER BY name LIMIT 1)
       UNION ALL (SELECT id::text FROM administrative_units WHERE kind = 'WARD' ORDER BY valid_to NULLS FIRST, name LIMIT 2)
       UNION ALL (SELECT id::text FROM administrative_units WHERE kind = 'WARD' AND valid_to IS NOT NULL ORDER BY name LIMIT 1)
       UNION ALL (SELECT u.id::text FROM administrative_units u WHERE kind = 'RESIDENTIAL_GROUP'
         AND EXISTS (SELECT 1 FROM apartment_buildings b WHERE b.residential_group_id = u.id) ORDER BY u.name LIMIT 2)`,
    );
    places.push(...rows.map((r) => encodeGlobalID('AdministrativeUnit', r.id)));
    expect(places.length).toBe(6);
    // Parent links a cursor of the district's children may name: ended ones, and others' (any parent).
    const named = await h.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      `(SELECT id::text FROM unit_parents WHERE valid_to IS NOT NULL ORDER BY id LIMIT 3) UNION ALL (SELECT id::text FROM unit_parents ORDER BY md5(id::text) LIMIT 5)`,
    );
    links.push(...named.map((r) => r.id));
    expect(links.length).toBe(8);
  });

  it('the document holds the page size the test shrinks', () => {
    expect(SMALL).not.toBe(EXPLORER);
  });

  it.each(WHO)('as %s: page after page of a district, wards and groups, on two dates: the same answer, one statement each', async (who) => {
    let paged = 0;
    // And the account's own place (a ward officer's ward: its groups).
    const scope = (viewers.get(who) as AccountViewer).scopeUnitId;
    const own = scope ? [encodeGlobalID('AdministrativeUnit', scope)] : [];
    for (const asOf of ['2022-12-01', '2026-11-25'])
      for (const id of [...places, ...own])
        for (const document of [EXPLORER, SMALL]) {
          let after: string | null = null;
          for (let page = 0; page < 6; page += 1) {
            const r = await same(document, who, { id, asOf, after });
            if (after && !r.oracle.errors.length) paged += 1;
            const info = pageOf(r.oracle.data);
            if (!info?.hasNextPage) break;
            after = info.endCursor ?? null;
          }
        }
    // Pages after a cursor were asked (the district's wards, a ward's groups), not only first pages.
    expect(paged).toBeGreaterThan(0);
  });

  it('a cursor of another place’s children, or naming a row outside the list, or a place that does not exist: the resolvers’ answer', async () => {
    for (const who of ['admin', 'quan.longbien', 'phuong.giangbien']) {
      const [district, ward] = places as [string, string];
      const first = await both(SMALL, who, { id: district, asOf: '2022-12-01', after: null });
      const cursor = pageOf(first.oracle.data)?.endCursor;
      if (!cursor) continue;
      // Bound to the district: refused under the ward (the list-cursor plugin's error), by the resolvers.
      const other = await both(SMALL, who, { id: ward, asOf: '2022-12-01', after: cursor });
      expect(other.compiled).toEqual(other.oracle);
      expect(other.compiledCount).toBe(0);
      for (const row of [...links, randomUUID()])
        await same(SMALL, who, { id: district, asOf: '2022-12-01', after: cursorNaming(cursor, row) });
      // Beside another root field (graphql-js walks the statement's objects: the Node's type by `__typename`), and with
      // a response key `__typename` that is another field's alias (the resolvers' to answer).
      // Alone, the alias is the response's key as the statement writes it; beside another field it is not compiled.
      for (const [source, statements] of [
        [
          `query($id: ID!) { me { username } node(id: $id) { ... on AdministrativeUnit { id name children(first: 2) { nodes { name } } } } }`,
          1,
        ],
        [`query($id: ID!) { me { username } node(id: $id) { ... on AdministrativeUnit { __typename: name id } } }`, 0],
        [`query($id: ID!) { node(id: $id) { ... on AdministrativeUnit { __typename: name id } } }`, 1],
      ] as const) {
        const r = await both(source, who, { id: ward });
        expect(r.compiled, source).toEqual(r.oracle);
        // The administrator reads every place: none refused.
        if (who === 'admin') expect([r.oracle.errors, r.compiledCount], source).toEqual([[], statements]);
      }
      const missing = await both(SMALL, who, { id: encodeGlobalID('AdministrativeUnit', randomUUID()), asOf: '2022-12-01', after: null });
      expect(missing.compiled).toEqual(missing.oracle);
      expect(missing.oracle.data).toEqual({ node: null });
    }
  });
});

describe('how the statement is planned (Params.planPerValues)', () => {
  // A pool of its own: whether a text is prepared by name also depends on how many texts its pool
  // prepared before (MAX_PREPARED, prepared-read.ts), and the other tests of this file prepare dozens.
  let fresh: Awaited<ReturnType<typeof graphqlHarness>>;
  beforeAll(async () => {
    fresh = await graphqlHarness(inject('databaseAdminUrl'), { fixture: SAMPLE_FIXTURE });
  });
  afterAll(() => fresh.close());

  /** The compiled statements a request sent to the pool, each with whether it was prepared by name (pg: `name`). */
  async function sent(source: string): Promise<Array<{ named: boolean }>> {
    const pool = poolOf(fresh.prisma)?.pool as pg.Pool;
    const query = pool.query;
    const seen: Array<{ named: boolean }> = [];
    pool.query = ((config: unknown, ...rest: unknown[]) => {
      const c = config as { text?: string; name?: string };
      if (c?.text?.startsWith(COMPILED_MARK)) seen.push({ named: c.name !== undefined });
      return (query as (...a: unknown[]) => unknown).call(pool, config, ...rest);
    }) as typeof pool.query;
    try {
      const r = await fresh.exec(source, {}, { viewer: viewers.get('quan.longbien') as Viewer });
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
