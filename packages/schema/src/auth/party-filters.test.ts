import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type PartyFilterSpec, partyFilterOf, type ReferenceSpec, referenceOf } from '../graphql/references.js';
import { buildSchema } from '../graphql/schema.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { ACCESS_FIXTURE, gid, viewersOf } from './test-support/access-fixture.js';
import type { Viewer } from './viewer.js';

/**
 * Party data through read arguments, generated from the schema (issue #12): every ID argument or
 * input field of a read declares what it names, every organisation-kind or party-status one declares
 * whether it is party data; and for every declared one that names a party body, a party kind or a
 * party status, each role without party rights (analyst, viewer, a non-party ward officer) is
 * refused with FORBIDDEN — counts included, the field gives nothing — while the same read naming a
 * non-party body is answered (the control), and party-organisation roles are answered. A field whose
 * result lists the bodies themselves (`bodiesOnly`) answers the non-party role exactly what it
 * answers a party role of the same reach: bodies are public.
 */

const schema = buildSchema();

/** Fields that take any record's id: each decides by reading the record itself (canRead). */
const ANY_RECORD = new Set(['Query.node.id', 'Query.nodes.ids', 'Query.history.id']);

interface Declared {
  /** 'Query.people', 'AdministrativeUnit.organizations'. */
  field: string;
  parent: string;
  def: GraphQLField<unknown, unknown>;
  /** Argument path: ['filter', 'memberOfOrganizationId']. */
  path: string[];
  leaf: string;
  ref?: ReferenceSpec;
  party?: PartyFilterSpec;
}

/** Every leaf under every read field's arguments (ID, organisation kind, party status), with what it declares (inherited from the input field above it). */
function readLeaves(): Declared[] {
  const out: Declared[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Mutation') continue;
    for (const def of Object.values(type.getFields())) {
      const visit = (
        t: GraphQLInputType,
        path: string[],
        ext: Readonly<Record<string, unknown>> | null | undefined,
        inh: Pick<Declared, 'ref' | 'party'>,
        seen: Set<string>,
      ) => {
        const ref = referenceOf(ext);
        const party = partyFilterOf(ext);
        const declared = ref || party ? { ...(ref ? { ref } : {}), ...(party ? { party } : {}) } : inh;
        const named = getNamedType(t);
        if (isInputObjectType(named)) {
          if (seen.has(named.name)) return;
          for (const f of Object.values(named.getFields()))
            visit(f.type, [...path, f.name], f.extensions, declared, new Set(seen).add(named.name));
          return;
        }
        if (['ID', 'OrganizationKind', 'PartyStatus'].includes(named.name))
          out.push({ field: `${type.name}.${def.name}`, parent: type.name, def, path, leaf: named.name, ...declared });
      };
      for (const arg of def.args) visit(arg.type, [arg.name], arg.extensions, {}, new Set());
    }
  }
  return out;
}

const leaves = readLeaves();
const where = (d: Declared) => `${d.field}(${d.path.join('.')})`;
const refusedForNonParty = (d: Declared) =>
  (d.leaf === 'ID' && d.ref?.typename === 'Organization' && !d.ref.bodiesOnly) ||
  (d.leaf === 'OrganizationKind' && d.party?.kind === 'bodyKind' && !d.party.bodiesOnly) ||
  (d.leaf === 'PartyStatus' && d.party?.kind === 'status');
const bodiesOnly = (d: Declared) =>
  (d.leaf === 'ID' && d.ref?.bodiesOnly === true) || (d.party?.kind === 'bodyKind' && d.party.bodiesOnly === true);

/** A GraphQL literal placing `leaf` at `path` under `type` (lists get one item). */
function literal(type: GraphQLInputType, path: string[], leaf: string): string {
  if (isNonNullType(type)) return literal(type.ofType, path, leaf);
  if (isListType(type)) return `[${literal(type.ofType as GraphQLInputType, path, leaf)}]`;
  if (isInputObjectType(type)) {
    const [head, ...rest] = path;
    const field = type.getFields()[head as string];
    if (!field) throw new Error(`no input field ${head}`);
    return `{ ${head}: ${literal(field.type, rest, leaf)} }`;
  }
  return leaf;
}

/** What to ask of a field's result: counts when it has them, and the ids of what it lists. */
function selection(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const fields = named.getFields();
  if (fields.totalCount && fields.nodes) return `{ totalCount nodes ${selection(fields.nodes.type)} }`;
  return fields.id ? '{ __typename id }' : '{ __typename }';
}

/** A record whose nested field is asked, by the type the field is on (node(id:) reaches it). */
const PARENT_RECORD: Record<string, string> = {
  AdministrativeUnit: gid('AdministrativeUnit', 'group-phuc-loi-1'),
  Organization: gid('Organization', 'ward-party-a'),
  Person: gid('Person', 'person-a'),
};

/** The read with `value` (a GraphQL literal) at the declared path; the data's path to the field. */
function readWith(d: Declared, value: string): { source: string; at: string[] } {
  const [argName, ...rest] = d.path;
  const arg = d.def.args.find((a) => a.name === argName) as GraphQLArgument;
  const missing = d.def.args.filter((a) => a !== arg && isNonNullType(a.type) && a.defaultValue === undefined);
  if (missing.length) throw new Error(`${where(d)}: give the test a value for required ${missing.map((a) => a.name).join(', ')}`);
  const call = `${d.def.name}(${argName}: ${literal(arg.type, rest, value)}) ${selection(d.def.type)}`;
  if (d.parent === 'Query') return { source: `{ ${call} }`, at: [d.def.name] };
  const parent = PARENT_RECORD[d.parent];
  if (!parent) throw new Error(`${where(d)}: give the test a record of ${d.parent} to reach the field from`);
  return { source: `{ node(id: "${parent}") { ... on ${d.parent} { ${call} } } }`, at: ['node', d.def.name] };
}

/** A party value and a non-party control for a leaf. */
function values(d: Declared): { party: string[]; control: string | null } {
  if (d.leaf === 'ID') {
    return {
      party: [`"${gid('Organization', 'cell-a')}"`, `"${gid('Organization', 'ward-party-a')}"`],
      control: `"${gid('Organization', 'front-a')}"`,
    };
  }
  if (d.leaf === 'OrganizationKind') return { party: ['PARTY_CELL', 'WARD_PARTY_COMMITTEE'], control: 'FRONT_WORK_COMMITTEE' };
  return { party: ['OFFICIAL', 'PROBATIONARY'], control: null };
}

/** Roles without party rights, each with the party role of the same reach (same territory) to compare with. */
const NON_PARTY: ReadonlyArray<[string, string]> = [
  ['phantich', 'admin'],
  ['xem', 'admin'],
  ['canbo.phucloi', 'phuong.phucloi'],
];

let h: Awaited<ReturnType<typeof graphqlHarness>>;
let viewer: (name: string) => Viewer;

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
  viewer = await viewersOf(h.prisma, ['admin', 'phuong.phucloi', 'canbo.phucloi', 'phantich', 'xem']);
});
afterAll(() => h.close());

describe('every read argument declares what it names', () => {
  it('every ID argument or input field of a read declares its reference (node, nodes, history take any record)', () => {
    const undeclared = leaves.filter((d) => d.leaf === 'ID' && !d.ref && !ANY_RECORD.has(`${d.field}.${d.path.join('.')}`)).map(where);
    expect(undeclared, "declare it with extensions: references('<Type>') (bodiesOnly when the result lists the bodies)").toEqual([]);
  });

  it('every organisation-kind or party-status argument of a read declares whether it is party data', () => {
    const undeclared = leaves.filter((d) => d.leaf !== 'ID' && !d.party).map(where);
    expect(undeclared, "declare it with extensions: partyFilter({ kind: 'bodyKind' | 'status', … })").toEqual([]);
  });

  it('the generated cases cover the known party filters (the walk finds what it should)', () => {
    const refused = leaves.filter(refusedForNonParty).map(where);
    expect(refused).toEqual(
      expect.arrayContaining([
        'Query.people(filter.memberOfOrganizationId)',
        'Query.people(filter.partyStatus)',
        'Query.memberships(filter.organizationId)',
        'Query.memberships(filter.organizationKind)',
      ]),
    );
  });
});

describe.each(NON_PARTY)('%s (no party rights) learns nothing from a read naming a party body, kind or status', (name, peer) => {
  const cases = leaves.filter(refusedForNonParty);
  it.each(cases.map((d) => [where(d), d] as const))(
    '%s: FORBIDDEN as a whole (counts too); a non-party body is answered',
    async (_w, d) => {
      const { party, control } = values(d);
      for (const value of party) {
        const { source, at } = readWith(d, value);
        const r = await h.exec(source, {}, { viewer: viewer(name) });
        expect(
          r.errors.map((e) => `${e.code}@${e.path}`),
          `${source}`,
        ).toEqual([`FORBIDDEN@${at.join('.')}`]);
        expect(JSON.stringify(r.data ?? null)).not.toMatch(/totalCount|"id"/);
        // The party role of the same reach is answered: the refusal is about party rights, nothing else.
        const allowed = await h.exec(source, {}, { viewer: viewer(peer) });
        expect(allowed.errors, `${peer}: ${source}`).toEqual([]);
      }
      if (control !== null) {
        const { source } = readWith(d, control);
        const r = await h.exec(source, {}, { viewer: viewer(name) });
        expect(r.errors, source).toEqual([]);
      }
    },
  );

  const publicCases = leaves.filter(bodiesOnly);
  it.each(publicCases.map((d) => [where(d), d] as const))('%s lists bodies only: the same answer as the party role gets', async (_w, d) => {
    for (const value of values(d).party) {
      const { source } = readWith(d, value);
      const mine = await h.exec(source, {}, { viewer: viewer(name) });
      const theirs = await h.exec(source, {}, { viewer: viewer(peer) });
      expect(mine.errors, source).toEqual([]);
      expect(mine.data, source).toEqual(theirs.data);
    }
  });
});

describe('the finding: people by a party body', () => {
  const query = `query($cell: ID!) { people(filter: { memberOfOrganizationId: $cell }) { totalCount nodes { fullName } } }`;

  it('a party role gets the cell’s post holders (what the filter would reveal)', async () => {
    const r = await h.run<{ people: { totalCount: number; nodes: Array<{ fullName: string }> } }>(
      query,
      { cell: gid('Organization', 'cell-a') },
      { viewer: viewer('admin') },
    );
    expect(r.people).toEqual({ totalCount: 1, nodes: [{ fullName: 'Nguyễn Văn An' }] });
  });

  it.each(['phantich', 'xem', 'canbo.phucloi'])('%s is refused, whether the id is global or a plain UUID', async (name) => {
    for (const cell of [gid('Organization', 'cell-a'), Buffer.from(gid('Organization', 'cell-a'), 'base64').toString().split(':')[1]]) {
      const r = await h.exec(query, { cell }, { viewer: viewer(name) });
      expect(r).toEqual({ data: null, errors: [expect.objectContaining({ code: 'FORBIDDEN', path: 'people' })] });
    }
  });
});

describe('counts of post holders (an aggregate over bodies)', () => {
  const query = `query($scope: ID!) { counts(scopeId: $scope, measure: PEOPLE, groupBy: [KIND]) { kind count } }`;
  const scope = gid('AdministrativeUnit', 'group-phuc-loi-1');
  type Rows = { counts: Array<{ kind: string; count: number }> };

  it('a party role counts the cell’s post holders; other roles get the counts without party bodies, as if there were none', async () => {
    const admin = await h.run<Rows>(query, { scope }, { viewer: viewer('admin') });
    // Hand-counted from the fixture: group Phúc Lợi 1 has its Front committee (person-a heads it,
    // person-xb and person-xc are members) and cell-a (person-a is its secretary).
    expect(admin.counts).toEqual([
      { kind: 'FRONT_WORK_COMMITTEE', count: 3 },
      { kind: 'PARTY_CELL', count: 1 },
    ]);
    for (const name of ['phantich', 'xem', 'canbo.phucloi']) {
      const r = await h.run<Rows>(query, { scope }, { viewer: viewer(name) });
      expect(r.counts, name).toEqual([{ kind: 'FRONT_WORK_COMMITTEE', count: 3 }]);
    }
  });

  it('a new party post changes nothing a non-party role can count (it learns nothing)', async () => {
    const ungrouped = `query($scope: ID!) { counts(scopeId: $scope, measure: PEOPLE, groupBy: []) { count } }`;
    const before = await Promise.all(
      ['phantich', 'canbo.phucloi', 'admin'].map((n) => h.run<Rows>(ungrouped, { scope }, { viewer: viewer(n) })),
    );
    const person = await h.prisma.person.create({
      data: { fullName: 'Đỗ Văn Mới', nameSearch: 'do van moi', sex: 'MALE', birthYear: 1980, validFrom: new Date('1980-01-01') },
    });
    const cell = await h.prisma.organization.findFirstOrThrow({ where: { name: 'Chi bộ TDP số 1 Phúc Lợi' } });
    await h.prisma.membership.create({
      data: { personId: person.id, organizationId: cell.id, role: 'MEMBER', validFrom: new Date('2024-01-01') },
    });
    try {
      const after = await Promise.all(
        ['phantich', 'canbo.phucloi', 'admin'].map((n) => h.run<Rows>(ungrouped, { scope }, { viewer: viewer(n) })),
      );
      expect(after[0]).toEqual(before[0]);
      expect(after[1]).toEqual(before[1]);
      expect(after[2]?.counts[0]?.count).toBe((before[2]?.counts[0]?.count ?? 0) + 1);
    } finally {
      await h.prisma.membership.deleteMany({ where: { personId: person.id } });
      await h.prisma.person.delete({ where: { id: person.id } });
    }
  });
});
