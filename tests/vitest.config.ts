import { defineProject } from 'vitest/config';
import { STEP_TIMEOUT, UI_TIMEOUT } from './e2e/support/ui-timeout.js';

export default defineProject({
  test: {
    name: 'tests',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'artifacts/**'],
    environment: 'node',
    globalSetup: ['./support/global-setup.ts'],
    // Each e2e file starts its own database, gateway and Chromium: one at a time on a 2-core machine.
    fileParallelism: false,
    // A journey step may make several UI waits (see e2e/support/ui-timeout.ts).
    testTimeout: STEP_TIMEOUT,
    hookTimeout: 120_000,
    // expect.poll waits like every other browser wait: vitest's own default (1 s) gave up under load.
    expect: { poll: { timeout: UI_TIMEOUT, interval: 100 } },
  },
});
