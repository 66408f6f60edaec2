import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'domain',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Property tests run hundreds of generated cases: on a busy 2-core CI machine 5 s is not enough.
    testTimeout: 60_000,
  },
});
