import { createRequire } from 'node:module';
import { defineProject } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineProject({
  // graphql 16 ships CJS (main) and ESM (module) builds. Node loads the CJS one for Pothos and
  // Apollo; make Vite resolve our own imports to the same file, or graphql sees two "realms".
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    name: 'gateway',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./src/test-support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
