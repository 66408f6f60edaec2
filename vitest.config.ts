import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One run over every workspace project, so `npm test` prints one summary.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'tests/vitest.config.ts', 'tests/vitest.e2e.config.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // vitest's default is one worker fewer than the cores: one worker on a 2-core CI machine, where
    // the database and API files spend most of their time waiting on PostgreSQL (another process).
    // Two files at a time there: measured in the closing note of session 6.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
