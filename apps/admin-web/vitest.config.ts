import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'admin-web',
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    environment: 'node',
    // Generated cities and property tests are CPU-bound: on a busy 2-core CI machine 5 s is not enough
    // (a 3-district city timed out at 5 s at load 20). Every project of the workspace has this bound.
    testTimeout: 60_000,
  },
});
