import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'admin-web',
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    environment: 'node',
  },
});
