import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sample-data',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
