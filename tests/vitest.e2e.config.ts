import { defineProject } from 'vitest/config';
import { STEP_TIMEOUT, UI_TIMEOUT } from './e2e/support/ui-timeout.js';

// The browser journeys (e2e/). Each file starts its own database (a clone), gateway and Chromium,
// so files are independent: two at a time, which keeps a 2-core machine busy while a journey waits
// on Chromium or the gateway (one at a time, the browser phase was 976 s of CI's 24–26 minutes),
// and no more on a larger machine (each file's gateway and browser hold 0.5–1 GB). A group of its
// own (groupOrder 1): after every other project's files, so never beside the `tests` project's
// turbo builds.
export default defineProject({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts'],
    exclude: ['node_modules/**', 'artifacts/**'],
    environment: 'node',
    globalSetup: ['./support/global-setup.ts'],
    // A worker's files share its modules (Playwright, @coso/schema's testing, the harness), imported
    // once instead of per file (import was 49 s of the phase's CPU). The harness keeps its state in
    // each file's useAdminWebBrowser call, none at module level.
    isolate: false,
    maxWorkers: 2,
    sequence: { groupOrder: 1 },
    // A journey step may make several UI waits (see e2e/support/ui-timeout.ts).
    testTimeout: STEP_TIMEOUT,
    hookTimeout: 120_000,
    // expect.poll waits like every other browser wait: vitest's own default (1 s) gave up under load.
    expect: { poll: { timeout: UI_TIMEOUT, interval: 100 } },
  },
});
