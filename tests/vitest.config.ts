import { defineProject } from 'vitest/config';
import { STEP_TIMEOUT } from './e2e/support/ui-timeout.js';

// The cross-package tests: the domain as an installed package, the build graph, the docs' examples,
// spelling. One file at a time: two of them run turbo builds (cache hits that may rewrite a
// package's dist), which no other file may be reading meanwhile. The browser journeys are the
// `e2e` project (vitest.e2e.config.ts).
export default defineProject({
  test: {
    name: 'tests',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'artifacts/**', 'e2e/**'],
    environment: 'node',
    globalSetup: ['./support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: STEP_TIMEOUT,
    hookTimeout: 120_000,
  },
});
