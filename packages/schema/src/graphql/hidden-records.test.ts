import { PARTY_ORGANIZATION_KINDS } from '@coso/domain';
import { DISTRICT_ID } from '@coso/sample-data';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { type GraphQLField, getNamedType, isEnumType, isListType, isNonNullType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { viewerOf } from '../auth/test-support/access-fixture.js';
import { SAMPLE_FIXTURE } from '../auth/test-support/sample-fixtures.js';
import type { Viewer } from '../auth/viewer.js';
import { stableUuid } from '../store/stable-id.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { buildSchema } from './schema.js';

/**
 * Hidden records are never silent (issue #17): whatever the analyst's role may not see is either
 * refused (FORBIDDEN, bilingual) or reported in `extensions.hidden`, generated over every list and
 * aggregate of the schema's root, with the administrator's answer as the oracle of what exists.
 */

const DATE = '2022-12-01';
const LONG_BIEN = encodeGlobalID('AdministrativeUnit', stableUuid(DISTRICT_ID));
const schema = buildSchema();
const query = schema.getQueryType();
if (!query) throw new Error('no Query type');

let h: Awaited<ReturnType<typeof graphqlHarness>>;
let admin: Viewer;
let analyst: Viewer;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: SAMPLE_FIXTURE });
  admin = await viewerOf(h.prisma, 'admin');
  analyst = await viewerOf(h.prisma, 'phantich');
});
afterAll(() => h.close());

type Field = GraphQLField<unknown, unknown>;
const connection = (f: Field) => {
  const t = getNamedType(f.type);
  return isObjectType(t) && 'totalCount' in t.getFields() && 'nodes' in t.getFields();
};
const aggregateList = (f: Field) => {
  const t = isNonNullType(f.type) ? f.type.ofType : f.type;
  const named = getNamedType(f.type);
  return isListType(t) && isObjectType(named) && 'count' in named.getFields();
};

/** Arguments a root list is called with: the district for a place it needs, the date, every value of a required enum. */
function calls(f: Field): string[] {
  const base: string[] = [];
  const variants: string[][] = [[]];
  for (const a of f.args) {
    const named = getNamedType(a.type);
    if (a.name === 'asOf') base.push(`asOf: "${DATE}"`);
    else if (!isNonNullType(a.type)) continue;
    else if (named.name === 'ID' && /scope|unit/i.test(a.name)) base.push(`${a.name}: "${LONG_BIEN}"`);
    else if (isEnumType(named)) {
      const values = named.getValues().map((v) => `${a.name}: ${v.name}`);
      variants.splice(0, variants.length, ...variants.flatMap((v) => values.map((x) => [...v, x])));
    } else return [];
  }
  if (f.name === 'counts') variants.splice(0, variants.length, ...variants.map((v) => [...v, 'groupBy: [WARD, KIND]']));
  return variants.map((v) => [...base, ...v].join(', '));
}

const lists = Object.values(query.getFields()).filter((f) => connection(f) || aggregateList(f));
const cases = lists.flatMap((f) => calls(f).map((args) => [`${f.name}(${args})`, f, args] as const));

async function size(f: Field, args: string, viewer: Viewer) {
  const body = connection(f) ? 'totalCount' : 'kind count';
  const r = await h.exec(`query List { list: ${f.name}${args ? `(${args})` : ''} { ${body} } }`, {}, { viewer });
  const list = (r.data as { list: unknown } | null)?.list;
  const n = connection(f)
    ? ((list as { totalCount: number } | null)?.totalCount ?? null)
    : Array.isArray(list)
      ? (list as Array<{ count: number }>).reduce((s, row) => s + row.count, 0)
      : null;
  return { n, r, rows: list };
}

describe('as the analyst, every root list and aggregate', () => {
  it('covers the lists the issue names', () => {
    const names = cases.map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining([`memberships(asOf: "${DATE}")`, `people(asOf: "${DATE}")`]));
    expect(names.some((n) => n.startsWith('counts(') && n.includes('PEOPLE'))).toBe(true);
  });

  it.each(cases)('%s: what the administrator gets and the analyst does not is reported or refused', async (_name, f, args) => {
    const all = await size(f, args, admin);
    const seen = await size(f, args, analyst);
    if (all.n === null || seen.n === null || seen.n >= all.n) {
      // Nothing missing (or refused: then the refusal is a clear, bilingual FORBIDDEN).
      for (const e of seen.r.errors)
        expect([e.code, Boolean(e.localizedMessage?.vi && e.localizedMessage.en)]).toEqual(['FORBIDDEN', true]);
      return;
    }
    expect(seen.r.errors).toEqual([]);
    expect(seen.r.hidden?.length ?? 0).toBeGreaterThan(0);
    for (const note of seen.r.hidden ?? []) expect(note.vi && note.en).toBeTruthy();
  });
});

describe('the issue’s cases', () => {
  it('memberships on the date: fewer for the analyst, with the party posts reported as left out', async () => {
    const q = `query Posts { memberships(asOf: "${DATE}") { totalCount } }`;
    const full = await h.exec<{ memberships: { totalCount: number } }>(q, {}, { viewer: admin });
    const partial = await h.exec<{ memberships: { totalCount: number } }>(q, {}, { viewer: analyst });
    const [inParty] = await h.prisma.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM memberships m JOIN organizations o ON o.id = m.organization_id
        WHERE m.valid_from <= $1::date AND (m.valid_to IS NULL OR m.valid_to > $1::date) AND o.kind::text = ANY($2::text[])`,
      DATE,
      [...PARTY_ORGANIZATION_KINDS],
    );
    expect(full.hidden).toBeUndefined();
    expect((full.data?.memberships.totalCount ?? 0) - (partial.data?.memberships.totalCount ?? 0)).toBe(inParty?.n);
    expect(partial.hidden).toEqual([expect.objectContaining({ type: 'Membership', reason: 'PARTY', kinds: PARTY_ORGANIZATION_KINDS })]);
  });

  it('a filter on a party kind is refused, not answered 0', async () => {
    const r = await h.exec(`query Cells { memberships(filter: { organizationKind: PARTY_CELL }) { totalCount } }`, {}, { viewer: analyst });
    expect(r.errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect(r.data).toBeNull();
  });

  it('counts of people by kind: no party kind row for the analyst, and the response says party posts were left out', async () => {
    const q = `query ByKind($s: ID!) { counts(scopeId: $s, measure: PEOPLE, groupBy: [KIND], asOf: "${DATE}") { kind count } }`;
    const r = await h.exec<{ counts: Array<{ kind: string }> }>(q, { s: LONG_BIEN }, { viewer: analyst });
    expect(r.data?.counts.filter((row) => PARTY_ORGANIZATION_KINDS.includes(row.kind as never))).toEqual([]);
    expect(r.hidden?.map((n) => [n.type, n.reason])).toEqual([['Membership', 'PARTY']]);
    const full = await h.exec<{ counts: Array<{ kind: string }> }>(q, { s: LONG_BIEN }, { viewer: admin });
    expect(full.data?.counts.some((row) => row.kind === 'PARTY_CELL')).toBe(true);
    expect(full.hidden).toBeUndefined();
  });

  it('people holding two posts: the analyst’s answer says posts in party bodies were not counted', async () => {
    const q = `query Two { people(asOf: "${DATE}", filter: { minPosts: 2 }) { totalCount } }`;
    const r = await h.exec(q, {}, { viewer: analyst });
    expect(r.hidden?.some((n) => n.type === 'Membership' && n.reason === 'PARTY')).toBe(true);
    expect((await h.exec(q, {}, { viewer: admin })).hidden).toBeUndefined();
  });
});
