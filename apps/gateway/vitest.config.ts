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
    // Files share a worker's modules (no re-import of the schema, Prisma and Pothos per file: half
    // the phase's time went to imports). Tests keep no module state: no mocks, no env writes.
    isolate: false,
    globalSetup: ['./src/test-support/global-setup.ts'],
    // Several tests start whole processes (gateway, embedded PostgreSQL, the sample's seed, a
    // restart after kill -9): on a 2-core CI machine busy with other work they took over 60 s
    // (load average 15–20). The bound only decides how long a real failure takes to report.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
