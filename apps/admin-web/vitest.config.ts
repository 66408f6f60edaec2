import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'admin-web',
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    environment: 'node',
    // Files share a worker's modules (React, antd, the pages): importing them again per file was most
    // of the unit phase. The tests keep no module state: no mocks or spies, no globals or env written.
    isolate: false,
    // Generated cities and property tests are CPU-bound: on a busy 2-core CI machine 5 s is not enough
    // (a 3-district city timed out at 5 s at load 20). Every project of the workspace has this bound.
    testTimeout: 60_000,
  },
});
