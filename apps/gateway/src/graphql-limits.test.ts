import { buildSchema } from '@coso/schema';
import { getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GRAPHQL_LIMITS, graphqlLimits } from './graphql-limits.js';

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
