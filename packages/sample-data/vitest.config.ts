import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sample-data',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Files share a worker's modules: most of the phase went to importing them again per file (import
    // 47 s of a 51 s unit phase in CI, tests 20 s). The tests keep no module state: no mocks or spies,
    // no env writes (the one module cache, the collator, is read-only).
    isolate: false,
    // Generated cities and property tests are CPU-bound: on a busy 2-core CI machine 5 s is not enough
    // (a 3-district city timed out at 5 s at load 20). Every project of the workspace has this bound.
    testTimeout: 60_000,
  },
});
