import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents from the API contract, offline: the schema is the printed, committed
 * packages/schema/schema.graphql (no server needed). Output in src/gql/ (git-ignored), written only
 * by the turbo task `generate` (build, typecheck, test and dev depend on it; two writers raced).
 */
const config: CodegenConfig = {
  schema: '../../packages/schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  silent: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        defaultScalarType: 'unknown',
        scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' },
        skipTypeNameForRoot: true,
      },
    },
    // Which types implement each union and interface (LoginResult, Node, mutation results), so
    // Apollo's cache matches fragments on them.
    './src/gql/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3, useExplicitTyping: true },
    },
  },
};

export default config;
