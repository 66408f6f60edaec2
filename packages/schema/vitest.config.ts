import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'schema',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
