import { DIRECTIVE_ID, DISTRICT_ID } from '@coso/sample-data';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { type GraphQLField, getNamedType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.js';
import { viewerOf } from '../auth/test-support/access-fixture.js';
import { SAMPLE_FIXTURE } from '../auth/test-support/sample-fixtures.js';
import { stableUuid } from '../store/stable-id.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { isRoleGated } from './role-gated-plugin.js';
import { buildSchema } from './schema.js';

/**
 * One forbidden part does not blank the answer (issue #17), generated over every read field the
 * schema gates by role (field-level auth scopes, or declared `roleGated`): the field is nullable,
 * and asked by every demo account, a refusal is null at the field's own path with FORBIDDEN there
 * while its parent is answered.
 */

const schema = buildSchema();
const gated: Array<{ parent: string; field: GraphQLField<unknown, unknown> }> = [];
for (const type of Object.values(schema.getTypeMap())) {
  if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Mutation') continue;
  for (const field of Object.values(type.getFields())) {
    const scopes = (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes;
    if (isRoleGated({ extensions: field.extensions }, scopes)) gated.push({ parent: type.name, field });
  }
}

const LONG_BIEN = encodeGlobalID('AdministrativeUnit', stableUuid(DISTRICT_ID));
const DIRECTIVE = encodeGlobalID('Directive', stableUuid(DIRECTIVE_ID));

/** A party member of the sample (a person the party fields have something to say about). */
let member = '';
let cell = '';

/** How each parent type is reached from the root; the answer's path to the parent. */
const ROUTES: Record<string, { wrap: (body: string) => string; parentPath: string[] }> = {
  Query: { wrap: (body) => body, parentPath: [] },
  Person: { wrap: (body) => `node(id: "${member}") { __typename ... on Person { ${body} } }`, parentPath: ['node'] },
  Organization: { wrap: (body) => `node(id: "${cell}") { __typename ... on Organization { ${body} } }`, parentPath: ['node'] },
  ReportFigure: {
    wrap: (body) => `directiveReport(directiveId: "${DIRECTIVE}", scopeId: "${LONG_BIEN}", to: "2022-12-01") { figures { key ${body} } }`,
    parentPath: ['directiveReport', 'figures'],
  },
  ReportWardFigure: {
    wrap: (body) =>
      `directiveReport(directiveId: "${DIRECTIVE}", scopeId: "${LONG_BIEN}", to: "2022-12-01") { figures { byWard { wardName ${body} } } }`,
    parentPath: ['directiveReport', 'figures'],
  },
};

function leafSelection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const fields = named.getFields();
  return `{ __typename ${['id', 'totalCount'].filter((n) => fields[n]).join(' ')} }`;
}

let h: Awaited<ReturnType<typeof graphqlHarness>>;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: SAMPLE_FIXTURE });
  const row = await h.prisma.partyMembership.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { personId: true } });
  member = encodeGlobalID('Person', row.personId);
  // A party cell with party members: the body whose party fields are gated.
  const home = await h.prisma.partyMembership.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { homeCellId: true } });
  cell = encodeGlobalID('Organization', home.homeCellId);
});
afterAll(() => h.close());

describe('fields gated by role', () => {
  it('are found (the report’s records and the party fields of a person among them)', () => {
    const names = gated.map((g) => `${g.parent}.${g.field.name}`);
    expect(names).toEqual(expect.arrayContaining(['ReportFigure.records', 'ReportWardFigure.records', 'Person.partyMemberships']));
  });

  it.each(gated.map((g) => [`${g.parent}.${g.field.name}`, g] as const))('%s is nullable and reachable', (_name, g) => {
    expect(isNonNullType(g.field.type)).toBe(false);
    expect(ROUTES[g.parent]).toBeDefined();
  });

  const accounts = DEMO_ACCOUNTS.map((a) => a.username);
  const cases = gated.flatMap((g) => accounts.map((account) => [`${g.parent}.${g.field.name} as ${account}`, g, account] as const));
  it.each(cases)('%s: refused, it is null at its own path and its parent is answered', async (_name, g, account) => {
    const route = ROUTES[g.parent];
    if (!route) throw new Error(`no route to ${g.parent}`);
    const required = g.field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    if (required.length > 0) throw new Error(`${g.parent}.${g.field.name}: give the route its required arguments`);
    const r = await h.exec(
      `query Gated { ${route.wrap(`${g.field.name} ${leafSelection(g.field)}`)} }`,
      {},
      {
        viewer: await viewerOf(h.prisma, account),
      },
    );
    expect(r.errors.filter((e) => e.code !== 'FORBIDDEN')).toEqual([]);
    // A ward officer may not read the entry itself (a person or a report outside the ward): refused there, whole.
    const entry = route.parentPath[0];
    const forbidden = r.errors.filter((e) => e.code === 'FORBIDDEN' && e.path !== entry);
    for (const e of forbidden) {
      // The refusal is at the gated field itself, and the answer above it stands.
      expect(e.path.split('.').at(-1)).toBe(g.field.name);
      expect(e.localizedMessage?.vi).toBeTruthy();
      if (route.parentPath.length > 0) expect(r.data?.[route.parentPath[0] as string]).not.toBeNull();
      else expect(r.data).not.toBeNull();
    }
  });

  it('the issue’s case: the analyst asking the records of every figure gets the figures, party ones null with FORBIDDEN', async () => {
    const r = await h.exec<{ directiveReport: { figures: Array<{ key: string; value: number; records: { totalCount: number } | null }> } }>(
      `query Report { directiveReport(directiveId: "${DIRECTIVE}", scopeId: "${LONG_BIEN}", to: "2022-12-01") {
        figures { key value records(first: 1) { totalCount } } } }`,
      {},
      { viewer: await viewerOf(h.prisma, 'phantich') },
    );
    const figures = r.data?.directiveReport.figures ?? [];
    expect(figures.length).toBeGreaterThan(6);
    const refused = figures.filter((f) => f.records === null).map((f) => f.key);
    expect(refused.length).toBeGreaterThan(0);
    expect(r.errors.map((e) => e.path).sort()).toEqual(
      figures.flatMap((f, i) => (f.records === null ? [`directiveReport.figures.${i}.records`] : [])).sort(),
    );
    // The figures answered carry their records in full (totalCount = value).
    for (const f of figures) if (f.records) expect(f.records.totalCount).toBe(f.value);
  });
});
