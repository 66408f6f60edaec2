import { defineConfig } from 'vitest/config';

// One run over every workspace project, so `npm test` prints one summary.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'tests/vitest.config.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
