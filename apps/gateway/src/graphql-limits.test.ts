import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, declaredCost } from '@coso/schema';
import {
  type GraphQLArgument,
  type GraphQLInputType,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type OperationDefinitionNode,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './config.js';
import { GRAPHQL_LIMITS, graphqlLimits } from './graphql-limits.js';
import { operationCost } from './query-cost.js';

const schema = buildSchema();

/** The messages of every error the gateway's parser and validation would give the query. */
function check(query: string): string[] {
  const limits = graphqlLimits();
  try {
    const document = parse(query, limits.parseOptions);
    return validate(schema, document, [...specifiedRules, ...limits.validationRules]).map((e) => e.message);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

// Shapes the admin web and analysts really send: they must pass with room to spare.
const REAL = {
  'a page of 100 units with code, parent and ancestors': `
    { units(asOf: "2022-12-01", first: 100) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes { id name kind kindLabel code validFrom validTo parent { id name } ancestors { id name kind } } } }`,
  '50 districts × 50 wards with their codes': `
    { units(first: 50, filter: { kind: DISTRICT }) {
        nodes { id name code children(first: 50) { totalCount nodes { id name code kind codes { code validFrom validTo } } } } } }`,
  'a three-level tree, 20 × 20 × 20': `
    { units(first: 20) { nodes { name children(first: 20) { nodes { name children(first: 20) { nodes { name } } } } } } }`,
  'a dashboard of 25 counts side by side': `{ ${Array.from(
    { length: 25 },
    (_, i) => `w${2000 + i}: units(asOf: "${2000 + i}-12-31", filter: { kind: WARD }) { totalCount }`,
  ).join(' ')} }`,
  'the deepest real read (8 levels)': `
    { units(first: 10) { nodes { children(first: 10) { nodes { children(first: 10) { nodes { codes { code } } } } } } } }`,
  "GraphiQL's introspection query": getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
  }),
};

describe('GraphQL limits', () => {
  for (const [name, query] of Object.entries(REAL)) {
    it(`let through ${name}`, () => {
      expect(check(query)).toEqual([]);
    });
  }

  it('refuse a tree of 100 × 100 × 100 units (cost)', () => {
    const [message] = check(
      '{ units(first: 100) { nodes { children(first: 100) { nodes { children(first: 100) { nodes { name } } } } } } }',
    );
    expect(message).toMatch(/^Truy vấn quá tốn kém: chi phí ước tính 30\d{5}, tối đa 50000\./);
  });

  it('refuse 13 levels (depth)', () => {
    const query = `{ units { nodes { ${'children { nodes { '.repeat(5)}name${' } }'.repeat(5)} } } }`; // 2 + 10 + 1 = 13
    expect(check(query)).toEqual([
      `Truy vấn lồng quá sâu: 13 cấp, tối đa ${GRAPHQL_LIMITS.maxDepth} cấp. / Query is nested too deeply: 13 levels, at most ${GRAPHQL_LIMITS.maxDepth}.`,
    ]);
  });

  it('refuse more tokens than the limit while parsing', () => {
    expect(check(`{ ${'__typename '.repeat(GRAPHQL_LIMITS.maxTokens)} }`)[0]).toMatch(
      /^Syntax Error: Document contains more tha[nt] 5000 tokens/,
    );
  });
});

/** Every field of the schema that declares a cost of its own, as `Type.field` → cost. */
function costedFields(): Map<string, number> {
  const found = new Map<string, number>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      const cost = declaredCost(field);
      if (cost !== undefined) found.set(`${type.name}.${field.name}`, cost);
    }
  }
  return found;
}

/** A literal for a required argument (validation only checks its type, not what it names). */
function literal(type: GraphQLInputType): string {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return `[${literal(inner.ofType)}]`;
  if (isEnumType(inner)) return inner.getValues()[0]?.name ?? '';
  if (isScalarType(inner)) {
    if (inner.name === 'Int') return '1';
    if (inner.name === 'Boolean') return 'true';
    if (inner.name === 'Date') return '"2022-12-01"';
    return '"x"';
  }
  throw new Error(`no literal for ${String(type)}: extend literal() in graphql-limits.test.ts`);
}

/** `{ a0: field(required args) { __typename } … }`, n times. */
function aliased(field: string, n: number): string {
  const def = schema.getQueryType()?.getFields()[field];
  if (!def) throw new Error(`Query.${field}: a costed field off Query needs a path here`);
  const args = def.args.filter((a: GraphQLArgument) => isNonNullType(a.type)).map((a) => `${a.name}: ${literal(a.type)}`);
  const call = `${field}${args.length ? `(${args.join(', ')})` : ''}`;
  const selection = isObjectType(getNamedType(def.type)) ? ' { __typename }' : '';
  return `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${call}${selection}`).join(' ')} }`;
}

function costOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  return operationCost(schema, operation, () => undefined);
}

// Issue #12: one request of 29 aliased reports took 10–18 s. Costs are declared where the fields are
// defined (packages/schema), and the limit reads them from the schema.
describe('GraphQL cost of the fields that declare one', () => {
  const costed = costedFields();

  it('covers the reads the issue names as expensive', () => {
    for (const field of ['Query.directiveReport', 'Query.findings', 'Query.counts', 'Query.history']) {
      expect(costed.get(field), field).toBeGreaterThan(1);
    }
  });

  for (const [coordinate, cost] of costed) {
    const field = coordinate.split('.')[1] ?? '';
    it(`counts ${coordinate} (${cost}) once per call, every time it is asked for`, () => {
      // Hand-counted: the field and its __typename are 1 each, plus what it declares.
      for (const n of [1, 2, 7])
        expect(costOf(aliased(field, n))).toEqual({
          cost: n * (cost + 2),
          expensive: Array.from({ length: n }, () => ({ field: coordinate, cost })),
        });
    });

    const tooMany = Math.floor(GRAPHQL_LIMITS.maxCost / (cost + 2)) + 1;
    if (tooMany <= GRAPHQL_LIMITS.maxAliases) {
      it(`lets ${tooMany - 1} ${field} through in one request and refuses ${tooMany}, naming it`, () => {
        expect(check(aliased(field, tooMany - 1))).toEqual([]);
        const [message, ...rest] = check(aliased(field, tooMany));
        expect(rest).toEqual([]);
        expect(message).toContain(`Truy vấn quá tốn kém: chi phí ước tính ${tooMany * (cost + 2)}, tối đa ${GRAPHQL_LIMITS.maxCost}.`);
        expect(message).toContain(`Trường tốn kém (chi phí mỗi lần): ${field} × ${tooMany} (${cost})`);
        expect(message).toContain(`/ Query is too expensive: estimated cost ${tooMany * (cost + 2)}`);
      });
    }
  }

  it("are the costs API.md's table tells clients", () => {
    const api = readFileSync(join(REPO_ROOT, 'packages/schema/API.md'), 'utf8');
    const table = new Map([...api.matchAll(/^\| `(\w+)` +\| (\d+) +\|/gm)].map((m) => [`Query.${m[1]}`, Number(m[2])]));
    expect(table).toEqual(costed);
  });

  it("adds a connection's declared cost once, whatever its page size", () => {
    const findings = costedFields().get('Query.findings') ?? 0;
    const { cost } = costOf('{ findings(scopeId: "x", first: 100) { totalCount nodes { code } } }');
    // findings: declared + (1 + totalCount 1 + nodes (1 + code 1)) × 100
    expect(cost).toBe(findings + (1 + 1 + (1 + 1)) * 100);
  });
});
