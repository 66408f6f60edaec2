import { type GraphQLInputType, getNamedType, isInputObjectType, isListType, isNonNullType } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCESS_FIXTURE, accessState } from '../auth/test-support/access-fixture.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { buildSchema } from './schema.js';

/**
 * `search` of a TextFilter is literal text (issue #12: `_` matched 2 509 of 2 510 people, as
 * LIKE's any-one-character): `_`, `%` and `\` match only themselves, on every list that has a
 * text filter (found by walking the schema's query fields).
 */

const schema = buildSchema();
let h: Awaited<ReturnType<typeof graphqlHarness>>;

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
}, 300_000);
afterAll(() => h?.close());

type Path = string[];

/** Paths to every TextFilter in a root field's arguments ([arg, field, …]). */
function textFilterPaths(type: GraphQLInputType, path: Path, seen: ReadonlySet<string>): Path[] {
  const t = isNonNullType(type) ? type.ofType : type;
  if (isListType(t)) return [];
  if (getNamedType(t).name === 'TextFilter') return [path];
  if (!isInputObjectType(t) || seen.has(t.name)) return [];
  return Object.values(t.getFields()).flatMap((f) => textFilterPaths(f.type, [...path, f.name], new Set([...seen, t.name])));
}

const searchable = Object.values(schema.getQueryType()?.getFields() ?? {}).flatMap((field) =>
  field.args.flatMap((arg) => textFilterPaths(arg.type, [arg.name], new Set()).map((path) => ({ field, path }))),
);

function nest(path: Path, value: unknown): unknown {
  const [head, ...rest] = path;
  return head === undefined ? value : { [head]: nest(rest, value) };
}

/** How many rows a list gives for a search at `path` (edges of one page of 200). */
async function hits(field: string, path: Path, search: string): Promise<number> {
  const [arg = '', ...rest] = path;
  const r = await h.run<Record<string, { edges: unknown[] }>>(
    `query($v: ${typeOf(field, arg)}) { ${field}(first: 200, ${arg}: $v) { edges { cursor } } }`,
    {
      v: nest(rest, { search }),
    },
  );
  return r[field]?.edges.length ?? 0;
}

function typeOf(field: string, arg: string): string {
  return String(
    schema
      .getQueryType()
      ?.getFields()
      [field]?.args.find((a) => a.name === arg)?.type,
  );
}

/** Every name, title and code the fixture holds (the oracle: none has a wildcard character). */
function fixtureTexts(): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string' && /name|title|code|label/i.test(key)) out.push(v);
    else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(accessState(), '');
  return out;
}

describe('search is literal text', () => {
  it('the walk finds the text filters of people, bodies, units, buildings and directives', () => {
    const fields = new Set(searchable.map((s) => s.field.name));
    for (const name of ['people', 'organizations', 'units', 'buildings', 'directives']) expect(fields.has(name), name).toBe(true);
  });

  it('`_`, `%` and `\\` find nothing on any list when no stored text holds them', async () => {
    const texts = fixtureTexts();
    expect(texts.length).toBeGreaterThan(20);
    for (const c of ['_', '%', '\\']) expect(texts.filter((t) => t.includes(c))).toEqual([]);
    for (const { field, path } of searchable) {
      for (const search of ['_', '%', '\\', '__', 'a%']) {
        expect(await hits(field.name, path, search), `${field.name}(${path.join('.')}) search ${search}`).toBe(0);
      }
    }
  });

  it('they find the one person whose name holds them, and only there', async () => {
    const created = await h.run<{ createPerson: { __typename: string } }>(
      'mutation { createPerson(input: { fullName: "Lê_Văn%Tám", sex: MALE, birthYear: 1970 }) { __typename } }',
    );
    expect(created.createPerson.__typename).toBe('MutationCreatePersonSuccess');
    const people = searchable.find((s) => s.field.name === 'people' && s.path.join('.') === 'filter.name');
    expect(people).toBeDefined();
    const count = (search: string) => hits('people', ['filter', 'name'], search);
    expect(await count('_')).toBe(1);
    expect(await count('%')).toBe(1);
    expect(await count('e_v')).toBe(1);
    expect(await count('le_van%tam')).toBe(1);
    expect(await count('lexvan')).toBe(0);
    expect(await count('l_')).toBe(0);
  });
});
