import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, declaredCost, MAX_PAGE_SIZE } from '@coso/schema';
import {
  type GraphQLArgument,
  type GraphQLField,
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
import { costRefusal, GRAPHQL_LIMITS, graphqlLimits } from './graphql-limits.js';
import { coercedVariables, operationCost } from './query-cost.js';

const schema = buildSchema();

/** The messages of every error the gateway's parser, validation and cost limit would give the query. */
function check(query: string, variables: Record<string, unknown> = {}): string[] {
  const limits = graphqlLimits();
  try {
    const document = parse(query, limits.parseOptions);
    const errors = validate(schema, document, [...specifiedRules, ...limits.validationRules]).map((e) => e.message);
    if (errors.length > 0) return errors;
    const refusal = costRefusal(costOf(query, variables));
    return refusal ? [refusal.message] : [];
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

/** `field(required args)`, with a selection when it returns an object. */
function call(def: GraphQLField<unknown, unknown>): string {
  const args = def.args.filter((a: GraphQLArgument) => isNonNullType(a.type)).map((a) => `${a.name}: ${literal(a.type)}`);
  const selection = isObjectType(getNamedType(def.type)) ? ' { __typename }' : '';
  return `${def.name}${args.length ? `(${args.join(', ')})` : ''}${selection}`;
}

/**
 * `{ a0: field … a1: field … }`, n times, for a costed field of Query; for a field of another type,
 * the same aliases under the Query field that returns that type (`importBatch(id: "x") { a0: preview … }`).
 */
function aliased(coordinate: string, n: number): string {
  const [typeName = '', field = ''] = coordinate.split('.');
  const parent = schema.getType(typeName);
  const def = isObjectType(parent) ? parent.getFields()[field] : undefined;
  if (!def) throw new Error(`${coordinate}: not a field of the schema`);
  const calls = Array.from({ length: n }, (_, i) => `a${i}: ${call(def)}`).join(' ');
  if (typeName === schema.getQueryType()?.name) return `{ ${calls} }`;
  const via = Object.values(schema.getQueryType()?.getFields() ?? {}).find((f) => getNamedType(f.type).name === typeName);
  if (!via) throw new Error(`${coordinate}: no Query field returns ${typeName}; give it a path in graphql-limits.test.ts`);
  return `{ ${call(via).replace(' { __typename }', '')} { ${calls} } }`;
}

/** What the path to a costed field adds (hand-counted: a Query field declaring no cost counts 1; none for Query's own). */
const pathCost = (coordinate: string): number => (coordinate.startsWith('Query.') ? 0 : 1);

function costOf(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  return operationCost(schema, operation, () => undefined, coercedVariables(schema, operation, variables));
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
    const base = pathCost(coordinate);
    it(`counts ${coordinate} (${cost}) once per call, every time it is asked for`, () => {
      // Hand-counted: the field and its __typename are 1 each, plus what it declares.
      for (const n of [1, 2, 7])
        expect(costOf(aliased(coordinate, n))).toEqual({
          cost: base + n * (cost + 2),
          expensive: Array.from({ length: n }, () => ({ field: coordinate, cost })),
        });
    });

    const tooMany = Math.floor((GRAPHQL_LIMITS.maxCost - base) / (cost + 2)) + 1;
    if (tooMany <= GRAPHQL_LIMITS.maxAliases) {
      it(`lets ${tooMany - 1} ${field} through in one request and refuses ${tooMany}, naming it`, () => {
        expect(check(aliased(coordinate, tooMany - 1))).toEqual([]);
        const [message, ...rest] = check(aliased(coordinate, tooMany));
        const estimated = base + tooMany * (cost + 2);
        expect(rest).toEqual([]);
        expect(message).toContain(`Truy vấn quá tốn kém: chi phí ước tính ${estimated}, tối đa ${GRAPHQL_LIMITS.maxCost}.`);
        expect(message).toContain(`Trường tốn kém (chi phí mỗi lần): ${field} × ${tooMany} (${cost})`);
        expect(message).toContain(`/ Query is too expensive: estimated cost ${estimated}`);
      });
    }
  }

  it("are the costs API.md's table tells clients", () => {
    const api = readFileSync(join(REPO_ROOT, 'packages/schema/API.md'), 'utf8');
    // A root field by its name (`findings`), a field of another type by its coordinate (`ImportBatch.preview`).
    const table = new Map(
      [...api.matchAll(/^\| `([\w.]+)` +\| (\d+) +\|/gm)].map((m) => [m[1]?.includes('.') ? m[1] : `Query.${m[1]}`, Number(m[2])]),
    );
    expect(table).toEqual(costed);
  });

  it("adds a connection's declared cost once, whatever its page size", () => {
    const findings = costedFields().get('Query.findings') ?? 0;
    const { cost } = costOf('{ findings(scopeId: "x", first: 100) { totalCount nodes { code } } }');
    // findings: declared + (1 + totalCount 1 + nodes (1 + code 1)) × 100
    expect(cost).toBe(findings + (1 + 1 + (1 + 1)) * 100);
  });
});

/** Every connection of the schema with where it is reached from: `Query.field`, or a node type's field under one. */
function connectionPaths(): Array<{ outer: string; inner?: string }> {
  const query = schema.getQueryType();
  const paths: Array<{ outer: string; inner?: string }> = [];
  const isPaged = (args: readonly GraphQLArgument[]) => args.some((a) => a.name === 'first');
  const callable = (args: readonly GraphQLArgument[]) => args.every((a) => !isNonNullType(a.type));
  for (const field of Object.values(query?.getFields() ?? {})) {
    if (!isPaged(field.args) || !callable(field.args)) continue;
    paths.push({ outer: field.name });
    const connection = getNamedType(field.type);
    const node = isObjectType(connection) ? connection.getFields().nodes : undefined;
    const nodeType = node && getNamedType(node.type);
    if (!isObjectType(nodeType)) continue;
    for (const inner of Object.values(nodeType.getFields()))
      if (isPaged(inner.args) && callable(inner.args)) paths.push({ outer: field.name, inner: inner.name });
  }
  return paths;
}

/**
 * One operation over a connection (and one nested in it), `aliases` times side by side, its page
 * sizes written as literals (`sizes` given) or as the variables `$o<i>`/`$i<i>`.
 */
function pagedOperation(path: { outer: string; inner?: string }, aliases: number, sizes?: { outer: number; inner: number }): string {
  const size = (which: 'o' | 'i', i: number) => (sizes ? String(which === 'o' ? sizes.outer : sizes.inner) : `$${which}${i}`);
  const fields = Array.from({ length: aliases }, (_, i) => {
    const inner = path.inner ? ` ${path.inner}(first: ${size('i', i)}) { totalCount }` : '';
    return `a${i}: ${path.outer}(first: ${size('o', i)}) { totalCount nodes { __typename${inner} } }`;
  });
  const declared = sizes
    ? ''
    : `(${Array.from({ length: aliases }, (_, i) => `$o${i}: Int${path.inner ? `, $i${i}: Int` : ''}`).join(', ')})`;
  return `query Paged${declared} { ${fields.join(' ')} }`;
}

// Issue #12: `first: $n` counted as 1, so 30 aliases of 200 × 200 passed the cost limit that
// refuses them written with literals. Generated over every connection of the schema (and each one
// nested under a Query connection), several page sizes and alias counts: written either way, the
// same operation costs the same and is refused the same.
describe('GraphQL cost of page sizes given as variables', () => {
  const paths = connectionPaths();
  const sizes = [1, 7, 50, 120, MAX_PAGE_SIZE];

  it('walks the connections of the schema', () => {
    expect(paths.filter((p) => !p.inner).length).toBeGreaterThanOrEqual(10);
    expect(paths.some((p) => p.outer === 'units' && p.inner === 'children')).toBe(true);
  });

  for (const path of paths) {
    const name = path.inner ? `${path.outer} › ${path.inner}` : path.outer;
    it(`costs ${name} with variable page sizes as with literal ones, and refuses the same`, () => {
      let refused = 0;
      for (const [k, outer] of sizes.entries()) {
        for (const aliases of [1, 3, 12]) {
          const inner = sizes[(k + aliases) % sizes.length] ?? 1;
          const variables = Object.fromEntries(
            Array.from({ length: aliases }, (_, i) => [
              [`o${i}`, outer],
              [`i${i}`, inner],
            ]).flat(),
          );
          const literal = pagedOperation(path, aliases, { outer, inner });
          const withVariables = pagedOperation(path, aliases);
          const expected = costOf(literal);
          expect(costOf(withVariables, variables)).toEqual(expected);
          expect(check(withVariables, variables)).toEqual(check(literal));
          if (check(literal).length > 0) refused++;
        }
      }
      // A nested list's largest shapes are over the limit: the refusal itself is compared, not only passes.
      if (path.inner) expect(refused).toBeGreaterThan(0);
    });
  }

  it('counts a variable with no value, or one over the maximum, as the maximum page size', () => {
    const literal = costOf(pagedOperation({ outer: 'units', inner: 'children' }, 2, { outer: MAX_PAGE_SIZE, inner: MAX_PAGE_SIZE }));
    const operation = pagedOperation({ outer: 'units', inner: 'children' }, 2);
    expect(costOf(operation, {})).toEqual(literal);
    expect(costOf(pagedOperation({ outer: 'units', inner: 'children' }, 2), { o0: 10_000, i0: 201, o1: null, i1: 99_999 })).toEqual(
      literal,
    );
  });

  it("counts a variable's default value when the request gives none", () => {
    const literal = costOf('{ units(first: 30) { nodes { children(first: 40) { totalCount } } } }');
    expect(costOf('query ($o: Int = 30, $i: Int = 40) { units(first: $o) { nodes { children(first: $i) { totalCount } } } }')).toEqual(
      literal,
    );
  });
});
