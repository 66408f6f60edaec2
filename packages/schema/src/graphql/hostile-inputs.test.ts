import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCESS_FIXTURE } from '../auth/test-support/access-fixture.js';
import { graphqlHarness, type HarnessError } from '../testing/graphql-harness.js';
import { MAX_LIST_LENGTH, MAX_TEXT_LENGTH } from './input-bounds.js';
import { buildSchema } from './schema.js';

/**
 * Hostile values in every argument the schema has, found by walking it (a new field or input field
 * is covered without touching this file): every String, ID and Date argument and input field, at
 * the root (Query, Mutation) and on the fields of every record type reached through `node(id:)`,
 * every list, every connection cursor. The answer is data or an error with a known code and a
 * `{ vi, en }` message — never the database's, Prisma's or Node's text. Values the edge refuses by
 * rule (NUL and other control characters, broken UTF-16, more than MAX_TEXT_LENGTH characters,
 * dates outside 1900-01-01..9999-12-31, lists longer than MAX_LIST_LENGTH, cursors that are not a
 * cursor of that list) are BAD_USER_INPUT.
 */

const schema = buildSchema();
let h: Awaited<ReturnType<typeof graphqlHarness>>;
/** One stored record id per record type, where the fixture has one (for fields below `node(id:)`). */
const sampleIds = new Map<string, string>();
/** A real cursor of the `people` list, to use on every other list. */
let personCursor: string;

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
  for (const type of Object.values(schema.getTypeMap())) {
    const model = isObjectType(type) ? (type.extensions as { pothosPrismaModel?: string }).pothosPrismaModel : undefined;
    if (!model || !isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) continue;
    const delegate = (h.prisma as unknown as Record<string, { findFirst(a: object): Promise<{ id: string } | null> }>)[lowerFirst(model)];
    const row = await delegate?.findFirst({ select: { id: true } });
    if (row) sampleIds.set(type.name, Buffer.from(`${type.name}:${row.id}`).toString('base64'));
  }
  const page = await h.run<{ people: { pageInfo: { endCursor: string } } }>('{ people(first: 1) { pageInfo { endCursor } } }');
  personCursor = page.people.pageInfo.endCursor;
}, 300_000);
afterAll(() => h?.close());

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const MISSING_UUID = '7d9f3a52-0c4e-4b8e-9a51-3f0e2b6c1d00';
const base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

type Kind = 'String' | 'ID' | 'Date' | 'cursor';
type Path = Array<string | number>;

/** Where an argument is asked: a root field, or a field of a record type reached by `node(id:)`. */
interface Site {
  operation: 'query' | 'mutation';
  /** Undefined for root fields. */
  recordType?: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
}

interface Leaf {
  site: Site;
  arg: GraphQLArgument;
  path: Path;
  kind: Kind | 'list';
  /** The list's item type, for list leaves. */
  itemType?: GraphQLInputType;
}

function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  return getNamedType(field.type).name.endsWith('Connection');
}

/** The record type a connection lists (edges.node). */
function nodeTypeOf(field: GraphQLField<unknown, unknown>): string | undefined {
  const connection = getNamedType(field.type);
  const edges = isObjectType(connection) ? connection.getFields().edges : undefined;
  const edge = edges ? getNamedType(edges.type) : undefined;
  const node = edge && isObjectType(edge) ? edge.getFields().node : undefined;
  return node ? getNamedType(node.type).name : undefined;
}

/** Every String/ID/Date/cursor leaf and every list inside one argument, input objects walked (each type once per path). */
function leavesOf(site: Site, arg: GraphQLArgument): Leaf[] {
  const out: Leaf[] = [];
  const visit = (type: GraphQLInputType, path: Path, seen: ReadonlySet<string>) => {
    if (isNonNullType(type)) return visit(type.ofType, path, seen);
    if (isListType(type)) {
      out.push({ site, arg, path, kind: 'list', itemType: type.ofType });
      return visit(type.ofType, [...path, 0], seen);
    }
    if (isInputObjectType(type)) {
      if (seen.has(type.name)) return;
      for (const f of Object.values(type.getFields())) visit(f.type, [...path, f.name], new Set([...seen, type.name]));
      return;
    }
    const name = getNamedType(type).name;
    if (path.length === 0 && (arg.name === 'after' || arg.name === 'before') && isConnection(site.field)) {
      out.push({ site, arg, path, kind: 'cursor' });
    } else if (name === 'String' || name === 'ID' || name === 'Date') out.push({ site, arg, path, kind: name });
  };
  visit(arg.type, [], new Set());
  return out;
}

function sites(): Site[] {
  const out: Site[] = [];
  for (const [operation, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) out.push({ operation, field });
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !sampleIds.has(type.name)) continue;
    for (const field of Object.values(type.getFields()))
      if (field.args.length > 0) out.push({ operation: 'query', recordType: type, field });
  }
  return out;
}

/** The least value GraphQL accepts for a type (required input fields filled, lists empty). */
function minimal(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return minimal(type.ofType);
  if (isListType(type)) return [];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields()))
      if (isNonNullType(f.type) && f.defaultValue === undefined) value[f.name] = minimal(f.type);
    return value;
  }
  if (isEnumType(type)) return type.getValues()[0]?.value;
  const scalar: Record<string, unknown> = {
    String: 'x',
    ID: MISSING_UUID,
    Date: '2025-01-01',
    DateTime: '2025-01-01T00:00:00.000Z',
    Int: 1,
    Float: 1,
    Boolean: false,
    JSON: {},
  };
  if (!isLeafType(type) || !(type.name in scalar)) throw new Error(`no minimal value for ${String(type)}`);
  return scalar[type.name];
}

/** The argument's minimal value with `value` put at `path` (containers made on the way). */
function withValueAt(type: GraphQLInputType, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const t = isNonNullType(type) ? type.ofType : type;
  const [head, ...rest] = path;
  if (isListType(t)) return [withValueAt(t.ofType, rest, value)];
  if (!isInputObjectType(t)) throw new Error(`cannot descend into ${String(t)}`);
  const field = t.getFields()[String(head)];
  if (!field) throw new Error(`no field ${String(head)} on ${t.name}`);
  return { ...(minimal(t) as object), [String(head)]: withValueAt(field.type, rest, value) };
}

/** The operation that sends `value` at the leaf (other required arguments minimal) and its variables. */
function request(leaf: Leaf, value: unknown): { source: string; variables: Record<string, unknown> } {
  const { site } = leaf;
  const variables: Record<string, unknown> = {};
  const defs: string[] = [];
  const uses: string[] = [];
  for (const [i, arg] of site.field.args.entries()) {
    if (arg !== leaf.arg && !isNonNullType(arg.type)) continue;
    variables[`a${i}`] = arg === leaf.arg ? withValueAt(arg.type, leaf.path, value) : minimal(arg.type);
    defs.push(`$a${i}: ${String(arg.type)}`);
    uses.push(`${arg.name}: $a${i}`);
  }
  const selection = isLeafType(getNamedType(site.field.type)) ? '' : '{ __typename }';
  const call = `${site.field.name}${uses.length ? `(${uses.join(', ')})` : ''} ${selection}`;
  if (!site.recordType) return { source: `${site.operation}${defs.length ? `(${defs.join(', ')})` : ''} { ${call} }`, variables };
  variables.node = sampleIds.get(site.recordType.name);
  defs.push('$node: ID!');
  return { source: `query(${defs.join(', ')}) { node(id: $node) { ... on ${site.recordType.name} { ${call} } } }`, variables };
}

function where(leaf: Leaf): string {
  const owner = leaf.site.recordType ? leaf.site.recordType.name : leaf.site.operation;
  return `${owner}.${leaf.site.field.name}(${[leaf.arg.name, ...leaf.path].join('.')})`;
}

const LEAK = /prisma|postgres|invalid byte sequence|can't reach|node_modules|\/work\/|\.[cm]?[jt]s:\d+|ECONN|violates|syntax for type/i;
const KNOWN_CODES = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED']);

function describeErrors(errors: readonly HarnessError[]): string {
  return errors.map((e) => `${e.code}: ${e.message.slice(0, 200)}`).join(' | ');
}

/** Data, or only errors of a known code with a `{ vi, en }` message and no internals. */
function expectSafe(label: string, errors: readonly HarnessError[]): void {
  for (const e of errors) {
    expect(KNOWN_CODES.has(e.code), `${label}: ${describeErrors(errors)}`).toBe(true);
    expect(e.localizedMessage?.vi, `${label}: no localizedMessage`).toEqual(expect.any(String));
    expect(e.localizedMessage?.en, `${label}: no localizedMessage`).toEqual(expect.any(String));
    expect(`${e.message} ${e.localizedMessage?.vi} ${e.localizedMessage?.en}`, label).not.toMatch(LEAK);
  }
}

/** Refused at the edge: only BAD_USER_INPUT, saying it in both languages. */
function expectRefused(label: string, errors: readonly HarnessError[]): void {
  expect(errors.length, `${label}: accepted`).toBeGreaterThan(0);
  expectSafe(label, errors);
  for (const e of errors) expect(e.code, `${label}: ${describeErrors(errors)}`).toBe('BAD_USER_INPUT');
}

const allLeaves = () => sites().flatMap((site) => site.field.args.flatMap((arg) => leavesOf(site, arg)));

const REFUSED_TEXT: Array<[string, string]> = [
  ['a NUL byte', 'a\u0000b'],
  ['a control character', 'a\u0007b'],
  ['a lone surrogate', 'a\uD800b'],
  [`${MAX_TEXT_LENGTH + 1} characters`, 'x'.repeat(MAX_TEXT_LENGTH + 1)],
  ['200 001 characters', 'x'.repeat(200_001)],
];
const REFUSED_DATES = ['0000-01-01', '1899-12-31', '0001-01-01'];

describe('the schema is walked (the generator sees what it should)', () => {
  it('finds text, id, date, cursor and list arguments at the root and below node(id:)', () => {
    const leaves = allLeaves();
    const count = (k: Leaf['kind']) => leaves.filter((l) => l.kind === k).length;
    // Independent floor: the API has search filters, ids, asOf dates and paged lists on many fields.
    expect(count('String')).toBeGreaterThan(50);
    expect(count('ID')).toBeGreaterThan(50);
    expect(count('Date')).toBeGreaterThan(50);
    expect(count('cursor')).toBeGreaterThan(10);
    expect(count('list')).toBeGreaterThan(20);
    expect(leaves.some((l) => l.site.recordType && l.kind === 'cursor')).toBe(true);
    expect(leaves.some((l) => l.site.field.name === 'login')).toBe(true);
  });
});

describe('hostile text in every String and ID argument', () => {
  it('is refused as BAD_USER_INPUT: NUL and control characters, broken UTF-16, over-long text', async () => {
    for (const leaf of allLeaves().filter((l) => l.kind === 'String' || l.kind === 'ID' || l.kind === 'cursor')) {
      for (const [name, value] of REFUSED_TEXT) {
        const { source, variables } = request(leaf, value);
        const r = await h.exec(source, variables);
        expectRefused(`${where(leaf)} with ${name}`, r.errors);
      }
    }
  });

  it('zero-width-only text is answered with data or a typed error, never internals', async () => {
    for (const leaf of allLeaves().filter((l) => l.kind === 'String' || l.kind === 'ID')) {
      const { source, variables } = request(leaf, '\u200B\u200C\u200D\uFEFF');
      const r = await h.exec(source, variables);
      expectSafe(`${where(leaf)} with zero-width text`, r.errors);
    }
  });
});

describe('dates out of range in every Date argument', () => {
  it('are BAD_USER_INPUT', async () => {
    for (const leaf of allLeaves().filter((l) => l.kind === 'Date')) {
      for (const value of REFUSED_DATES) {
        const { source, variables } = request(leaf, value);
        const r = await h.exec(source, variables);
        expectRefused(`${where(leaf)} = ${value}`, r.errors);
      }
    }
  });
});

describe('lists longer than the bound, in every list argument', () => {
  it('are BAD_USER_INPUT', async () => {
    for (const leaf of allLeaves().filter((l) => l.kind === 'list')) {
      const item = minimal(leaf.itemType as GraphQLInputType);
      const { source, variables } = request(
        leaf,
        Array.from({ length: MAX_LIST_LENGTH + 1 }, () => item),
      );
      const r = await h.exec(source, variables);
      expectRefused(`${where(leaf)} with ${MAX_LIST_LENGTH + 1} entries`, r.errors);
    }
  });

  it('100 000 ids in an `in` list are BAD_USER_INPUT, not a database error', async () => {
    const ids = Array.from({ length: 100_000 }, () => MISSING_UUID);
    const r = await h.exec('query($ids: [ID!]) { people(filter: { id: { in: $ids } }) { totalCount } }', { ids });
    expectRefused('people(filter.id.in) with 100 000 ids', r.errors);
  });
});

describe('cursors', () => {
  const garbage: Array<[string, () => string]> = [
    ['garbage', () => 'garbage'],
    ['a cursor holding no uuid', () => base64('GPC:S:not-a-uuid')],
    ['a cursor of the people list', () => personCursor],
    ['base64 of nothing', () => base64('')],
  ];

  it('that are not a cursor of the list asked are BAD_USER_INPUT, on every connection', async () => {
    for (const leaf of allLeaves().filter((l) => l.kind === 'cursor')) {
      for (const [name, value] of garbage) {
        if (name === 'a cursor of the people list' && nodeTypeOf(leaf.site.field) === 'Person') continue;
        const { source, variables } = request(leaf, value());
        const r = await h.exec(source, variables);
        expectRefused(`${where(leaf)} after ${name}`, r.errors);
      }
    }
  });

  it('a list’s own cursor still pages (the refusal is not of every cursor)', async () => {
    const first = await h.run<{ people: { edges: Array<{ node: { id: string } }>; pageInfo: { endCursor: string } } }>(
      '{ people(first: 2) { edges { node { id } } pageInfo { endCursor } } }',
    );
    const next = await h.run<{ people: { edges: Array<{ node: { id: string } }> } }>(
      'query($after: String) { people(first: 2, after: $after) { edges { node { id } } } }',
      { after: first.people.pageInfo.endCursor },
    );
    expect(next.people.edges.length).toBeGreaterThan(0);
    const seen = new Set(first.people.edges.map((e) => e.node.id));
    for (const e of next.people.edges) expect(seen.has(e.node.id)).toBe(false);
  });
});

describe('the findings of the probe, one by one', () => {
  it.each([
    ['a NUL byte in a search', '{ people(filter: { name: { search: "a\\u0000b" } }) { totalCount } }'],
    ['asOf 0000-01-01', 'query { people(asOf: $d) { totalCount } }'.replace('query', 'query($d: Date)')],
    ['after: "garbage"', '{ people(after: "garbage") { totalCount } }'],
    ['a NUL byte in login', 'mutation { login(username: "a\\u0000", password: "x") { __typename } }'],
    [
      'a NUL byte in createPerson',
      'mutation { createPerson(input: { fullName: "An\\u0000", birthYear: 1980, sex: MALE }) { __typename } }',
    ],
  ])('%s is BAD_USER_INPUT', async (name, source) => {
    const r = await h.exec(source, { d: '0000-01-01' });
    expectRefused(name, r.errors);
  });
});
