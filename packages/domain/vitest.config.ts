import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'domain',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Files share a worker's modules: most of the phase went to importing them again per file (import
    // 47 s of a 51 s unit phase in CI, tests 20 s). The tests keep no module state: no mocks or spies,
    // no env writes (the one module cache, the collator, is read-only).
    isolate: false,
    // Property tests run hundreds of generated cases: on a busy 2-core CI machine 5 s is not enough.
    testTimeout: 60_000,
  },
});
