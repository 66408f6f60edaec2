/** Whether the suite runs under CI (`CI` set): a longer timeout, no step pictures. */
export const UNDER_CI = Boolean(process.env.CI);

/**
 * The one timeout of the browser suite. Every wait uses it: Playwright's actions and waits
 * (`page.setDefaultTimeout`/`setDefaultNavigationTimeout` in the harness) and vitest's
 * `expect.poll` (its default in tests/vitest.e2e.config.ts). The journeys pass no timeout of their
 * own (support/waits.test.ts fails if one does, or sleeps).
 *
 * A wait returns as soon as its condition holds, so a long timeout costs nothing when the app
 * works: it only bounds how long a real failure takes to be reported. It is sized for the worst
 * machine the suite runs on, a busy 2-core CI runner shared by PostgreSQL, the gateway, Chromium
 * and vitest, where a request and the render after it have taken several seconds: 45 s under CI
 * (`CI` set), 30 s on a developer's machine, where a failure should come back sooner.
 */
export const UI_TIMEOUT = UNDER_CI ? 45_000 : 30_000;

/**
 * One journey step (vitest's test timeout): room for the several waits a step makes on a slow
 * machine plus one wait that runs out, so a failing step reports the wait that failed (with its
 * locator and a trace) rather than a bare "test timed out".
 */
export const STEP_TIMEOUT = 6 * UI_TIMEOUT;
