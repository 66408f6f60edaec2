import { readFileSync } from 'node:fs';
import {
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  isInputObjectType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { z } from 'zod';
import { ACCESS_FIXTURE, gid, SIDES, uid, viewersOf } from '../auth/test-support/access-fixture.js';
import type { Viewer } from '../auth/viewer.js';
import { apiRefusals } from '../entities/api.js';
import { definitionOf, ENTITY_LIST, type EntityDefinition } from '../entities/definitions.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { registerGenerated } from './generated-entities.js';
import { referenceOf } from './references.js';
import { buildSchema } from './schema.js';

/**
 * The GraphQL of every entity whose definition has an `api` part is generated from it and the data
 * model. Expected shapes come from an independent reading: the text of `prisma/schema.prisma`
 * (parsed here, not through the generated client) and the domain's zod schemas; the cases are
 * generated from the definitions, so an entity given an `api` part is covered the day it is.
 */

const schema = buildSchema();
const prismaText = readFileSync(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8');

interface Line {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  date: boolean;
  /** Foreign-key columns, for a relation that holds them. */
  fields: string[];
}

const blocks = new Map(
  [...prismaText.matchAll(/^(model|enum) (\w+) \{\n([\s\S]*?)^\}/gm)].map((m) => [m[2] ?? '', { kind: m[1], body: m[3] ?? '' }]),
);
const ENUM_NAMES = new Set([...blocks].filter(([, b]) => b.kind === 'enum').map(([n]) => n));
const MODEL_NAMES = new Set([...blocks].filter(([, b]) => b.kind === 'model').map(([n]) => n));

function linesOf(model: string): Line[] {
  const body = blocks.get(model)?.body ?? '';
  return body.split('\n').flatMap((raw) => {
    const m = /^\s*(\w+)\s+(\w+)(\[\]|\?)?(.*)$/.exec(raw);
    if (!m || raw.trim().startsWith('//') || raw.trim().startsWith('@@')) return [];
    const fields = /@relation\([^)]*fields:\s*\[([^\]]*)\]/.exec(m[4] ?? '')?.[1];
    return [
      {
        name: m[1] ?? '',
        type: m[2] ?? '',
        optional: m[3] === '?',
        list: m[3] === '[]',
        date: (m[4] ?? '').includes('@db.Date'),
        fields: fields ? fields.split(',').map((f) => f.trim()) : [],
      },
    ];
  });
}

const HIDDEN = new Set(['id', 'createdAt', 'updatedAt', 'nameSearch']);
const SCALARS: Record<string, string> = { String: 'String', Int: 'Int', Boolean: 'Boolean' };

function graphqlType(line: Line, named: string): string {
  if (line.list) return `[${named}!]!`;
  return line.optional ? named : `${named}!`;
}

function scalarName(line: Line): string {
  if (ENUM_NAMES.has(line.type)) return line.type;
  if (line.type === 'DateTime' && line.date) return 'Date';
  const name = SCALARS[line.type];
  if (!name) throw new Error(`test oracle: no GraphQL type for ${line.type}`);
  return name;
}

/** What the object type of a model should have, read from the schema text and the api part. */
function expectedObjectFields(model: string, def: EntityDefinition): Record<string, string> {
  const api = def.api;
  const omit = new Set(api?.omit ?? []);
  const lines = linesOf(model);
  const keys = new Set(lines.flatMap((l) => l.fields));
  const out: Record<string, string> = { id: 'ID!' };
  for (const line of lines) {
    if (omit.has(line.name) || HIDDEN.has(line.name)) continue;
    if (MODEL_NAMES.has(line.type)) {
      if (line.fields.length) out[line.name] = graphqlType(line, line.type);
      else if (api?.related?.[line.name]) out[line.name] = `[${line.type}!]!`;
      continue;
    }
    if (!keys.has(line.name)) out[line.name] = graphqlType(line, scalarName(line));
  }
  return out;
}

const shapeOf = (o: GraphQLObjectType | GraphQLInputObjectType) =>
  Object.fromEntries(Object.values(o.getFields()).map((f) => [f.name, String(f.type)]));

const requiredByZod = (s: z.ZodType, key: string): boolean => {
  const field = (s as { shape?: Record<string, z.ZodType> }).shape?.[key];
  return field !== undefined && !field.safeParse(undefined).success;
};

/** What a write mutation returns on success: the `data` of its result union's success member. */
function returned(field: GraphQLField<unknown, unknown> | undefined): string | undefined {
  const result = field && getNamedType(field.type);
  if (!isUnionType(result)) return undefined;
  const success = result.getTypes().find((t) => t.name.endsWith('Success'));
  return success ? String(success.getFields().data?.type) : undefined;
}

const GENERATED = ENTITY_LIST.filter(([, def]) => def.api);
const typeOf = (name: string): GraphQLNamedType | undefined => schema.getType(name);

describe('generated types exist (the check is not vacuous)', () => {
  it('at least two entities are generated, one of them with a list', () => {
    expect(GENERATED.length).toBeGreaterThanOrEqual(2);
    expect(GENERATED.some(([, def]) => def.api?.list)).toBe(true);
  });
});

describe.each(GENERATED)('%s', (type, def) => {
  const api = def.api;
  if (!api) return;

  it('has its object type: a Node with the columns, to-one relations and related lists of its model', () => {
    const object = typeOf(type);
    if (!isObjectType(object)) throw new Error(`${type} is no object type`);
    expect(object.getInterfaces().map((i) => i.name)).toEqual(['Node']);
    expect(object.description).toBe(api.description);
    expect(shapeOf(object)).toEqual(expectedObjectFields(type, def));
    for (const [name, description] of Object.entries(api.descriptions ?? {}))
      expect(object.getFields()[name]?.description).toBe(description);
  });

  it('has its list field when the definition asks for one, with paging, as-of and place arguments', () => {
    const list = api.list;
    const fields = schema.getQueryType()?.getFields() ?? {};
    const listed = Object.values(fields).filter((f) => {
      const named = getNamedType(f.type);
      return isObjectType(named) && named.name.endsWith('Connection') && getNamedType(named.getFields().nodes?.type)?.name === type;
    });
    if (!list) {
      expect(listed.map((f) => f.name)).toEqual([]);
      return;
    }
    const field = fields[list.field] as GraphQLField<unknown, unknown>;
    expect(listed).toEqual([field]);
    const dated = linesOf(type).some((l) => l.name === 'validTo');
    const args = Object.fromEntries(field.args.map((a) => [a.name, String(a.type)]));
    expect(args).toEqual({
      after: 'String',
      before: 'String',
      first: 'Int',
      last: 'Int',
      ...(dated ? { asOf: 'Date' } : {}),
      ...(list.withinUnit ? { withinUnitId: 'ID' } : {}),
    });
    if (list.withinUnit)
      expect(referenceOf(field.args.find((a) => a.name === 'withinUnitId')?.extensions)?.typename).toBe('AdministrativeUnit');
  });

  it('has create, update (when the domain has an update schema) and end (when dated) with inputs from the model and non-null from the domain', () => {
    const mutations = api.mutations;
    const all = schema.getMutationType()?.getFields() ?? {};
    const named = ['create', 'update', 'end'].filter((verb) => `${verb}${type}` in all);
    // Without a mutations part, any mutations are written by hand (rules beyond references) and return the generated type.
    if (!mutations) {
      for (const verb of named) expect(returned(all[`${verb}${type}`]), `${verb}${type}`).toBe(`${type}!`);
      return;
    }
    const lines = linesOf(type);
    const dated = lines.some((l) => l.name === 'validTo');
    expect(named).toEqual(['create', ...(mutations.updateSchema ? ['update'] : []), ...(dated ? ['end'] : [])]);
    const keyOf = new Map(lines.flatMap((l) => l.fields.map((k) => [k, l.type] as const)));
    const columns = lines.filter((l) => !MODEL_NAMES.has(l.type) && !HIDDEN.has(l.name) && l.name !== 'version');
    const input = (verb: string) => {
      const arg = all[`${verb}${type}`]?.args.find((a) => a.name === 'input');
      const t = arg && getNamedType(arg.type);
      if (!isInputObjectType(t)) throw new Error(`${verb}${type} has no input object`);
      return t;
    };
    const base = (l: Line) => (keyOf.has(l.name) ? 'ID' : scalarName(l));
    const create = input('create');
    expect(shapeOf(create)).toEqual(
      Object.fromEntries(columns.map((l) => [l.name, requiredByZod(mutations.createSchema, l.name) ? `${base(l)}!` : base(l)])),
    );
    for (const [column, model] of keyOf) expect(referenceOf(create.getFields()[column]?.extensions)?.typename, column).toBe(model);
    for (const [name, description] of Object.entries(mutations.descriptions ?? {}))
      expect(create.getFields()[name]?.description).toBe(description);
    if (mutations.updateSchema) {
      expect(shapeOf(input('update'))).toEqual({
        id: 'ID!',
        version: 'Int!',
        ...Object.fromEntries(columns.map((l) => [l.name, base(l)])),
      });
    }
    if (dated) expect(shapeOf(input('end'))).toEqual({ id: 'ID!', version: 'Int!', on: 'Date!' });
    for (const verb of named) expect(returned(all[`${verb}${type}`]), `${verb}${type}`).toBe(`${type}!`);
  });
});

describe('a definition exposing personal or party data is refused', () => {
  const person = definitionOf('Person');
  const membership = definitionOf('Membership');

  it('a personal column left in the generated type (Person.citizenId …)', () => {
    const refused = apiRefusals('Person', { ...person, api: { description: 'x' } });
    expect(refused.join('\n')).toMatch(/Person\.citizenId is personal data/);
    expect(() => registerGenerated('Person', { description: 'x' })).toThrow(/personal data/);
  });

  it('not when every personal column is left out (to be exposed masked by hand): the refusal is about the columns', () => {
    expect(apiRefusals('Person', { ...person, api: { description: 'x', omit: person.personal ?? [] } })).toEqual([]);
  });

  it('a party-sensitive record, and a related list of one', () => {
    expect(apiRefusals('Membership', { ...membership, api: { description: 'x' } }).join('\n')).toMatch(/party-sensitive/);
    expect(() => registerGenerated('Membership', { description: 'x' })).toThrow(/party-sensitive/);
    // A post is no party record, but who holds it may be (the members of a party cell).
    const post = definitionOf('Post');
    expect(apiRefusals('Post', { ...post, api: { description: 'x', related: { memberships: { orderBy: {} } } } }).join('\n')).toMatch(
      /Post\.memberships lists Membership/,
    );
    expect(apiRefusals('Post', { ...post, api: { description: 'x' } })).toEqual([]);
  });

  it('every column that looks like personal data is declared personal (the refusal cannot be skipped by not declaring it)', () => {
    // birthYear is shown to every role by design (people.ts): age groups, not identity.
    const shownToAll = new Set(['Person.birthYear']);
    const looksPersonal = ENTITY_LIST.flatMap(([type]) =>
      linesOf(type)
        .filter((l) => !MODEL_NAMES.has(l.type) && /citizen|phone|birth|email|passport/i.test(l.name))
        .map((l) => `${type}.${l.name}`),
    );
    const declared = ENTITY_LIST.flatMap(([type, def]) => (def.personal ?? []).map((c) => `${type}.${c}`));
    expect(looksPersonal.length).toBeGreaterThan(2);
    for (const column of looksPersonal) if (!shownToAll.has(column)) expect(declared, column).toContain(column);
  });

  it('no definition in use is refused', () => {
    for (const [type, def] of GENERATED) expect(apiRefusals(type, def), type).toEqual([]);
  });
});

describe('every entity has an object type: generated from its api part, or written by hand', () => {
  it.each(ENTITY_LIST)('%s', (type) => {
    const object = typeOf(type);
    expect(
      isObjectType(object) && object.getInterfaces().some((i) => i.name === 'Node'),
      `${type}: give its definition an api part or write its type`,
    ).toBe(true);
  });
});

describe('the generated list reads like the hand-written ones: territory, as-of, place, paging', () => {
  let h: Awaited<ReturnType<typeof graphqlHarness>>;
  let viewer: (name: string) => Viewer;
  const LIST = `query($asOf: Date, $within: ID, $first: Int) {
    coordinationRegulations(asOf: $asOf, withinUnitId: $within, first: $first) { totalCount nodes { id } }
  }`;
  type Listed = { coordinationRegulations: { totalCount: number; nodes: Array<{ id: string }> } };
  // One current regulation per side, and one of side A ended at the start of 2024.
  const rows = [
    { key: 'regulation-a', side: SIDES.A, signedOn: '2023-03-01', validTo: null },
    { key: 'regulation-a-old', side: SIDES.A, signedOn: '2022-01-10', validTo: '2024-01-01' },
    { key: 'regulation-b', side: SIDES.B, signedOn: '2023-05-01', validTo: null },
    { key: 'regulation-c', side: SIDES.C, signedOn: '2023-04-01', validTo: null },
  ];
  const ids = (...keys: string[]) => keys.map((k) => gid('CoordinationRegulation', k));

  beforeAll(async () => {
    h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
    viewer = await viewersOf(h.prisma, ['admin', 'phuong.phucloi']);
    for (const r of rows) {
      await h.prisma.coordinationRegulation.create({
        data: {
          id: uid(r.key),
          residentialGroupId: uid(r.side.group),
          boardId: uid(r.side.org),
          signedOn: new Date(`${r.signedOn}T00:00:00Z`),
          validFrom: new Date(`${r.signedOn}T00:00:00Z`),
          validTo: r.validTo ? new Date(`${r.validTo}T00:00:00Z`) : null,
        },
      });
    }
  });
  afterAll(() => h.close());

  const list = async (name: string, variables: Record<string, unknown>) => {
    const r = await h.exec<Listed>(LIST, variables, { viewer: viewer(name) });
    expect(r.errors).toEqual([]);
    return r.data?.coordinationRegulations;
  };

  it('an administrator lists the current ones of every side, by signing date', async () => {
    expect(await list('admin', {})).toEqual({
      totalCount: 3,
      nodes: ids('regulation-a', 'regulation-c', 'regulation-b').map((id) => ({ id })),
    });
  });

  it('a ward officer lists their ward only', async () => {
    expect(await list('phuong.phucloi', {})).toEqual({ totalCount: 1, nodes: [{ id: ids('regulation-a')[0] }] });
  });

  it('as of a date: the ended one is there before its end', async () => {
    expect(await list('phuong.phucloi', { asOf: '2023-06-01' })).toEqual({
      totalCount: 2,
      nodes: ids('regulation-a-old', 'regulation-a').map((id) => ({ id })),
    });
  });

  it('within a place (the ward of side B), and one page at a time', async () => {
    expect(await list('admin', { within: gid('AdministrativeUnit', SIDES.B.ward) })).toEqual({
      totalCount: 1,
      nodes: [{ id: ids('regulation-b')[0] }],
    });
    expect(await list('admin', { first: 1 })).toEqual({ totalCount: 3, nodes: [{ id: ids('regulation-a')[0] }] });
  });
});
