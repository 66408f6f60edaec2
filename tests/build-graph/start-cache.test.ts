import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `npm start` with nothing changed builds nothing: every build task it runs is cached, and no
 * build or start writes a file that counts as another task's input. Misses come from three places,
 * each checked here for every task the start runs: a task that is not cacheable (no outputs, cache
 * off), generated files or build outputs read as inputs (a task's own dist, src/generated, src/gql),
 * and environment variables in the hash (what a user sets to start differently). Then the proof:
 * the start's own build command run twice, the second run reports every task as a cache hit.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TURBO = join(REPO, 'node_modules/.bin/turbo');

/** The `turbo run …` arguments of the root `start` script, as `npm start` runs them. */
function startTurboArgs(): string[] {
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const match = /\bturbo (run [^&]+?)\s*&&/.exec(manifest.scripts.start ?? '');
  if (!match?.[1]) throw new Error(`the start script runs no turbo build: ${manifest.scripts.start}`);
  return match[1].split(/\s+/);
}

interface DryTask {
  taskId: string;
  task: string;
  hash: string;
  directory: string;
  command: string;
  inputs: Record<string, string>;
  outputs: string[] | null;
  resolvedTaskDefinition: { cache: boolean };
}

const turboEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...process.env, TURBO_TELEMETRY_DISABLED: '1', ...extra });

function dryRun(extraEnv: NodeJS.ProcessEnv = {}): DryTask[] {
  const args = startTurboArgs().filter((a) => !a.startsWith('--output-logs'));
  const json = execFileSync(TURBO, [...args, '--dry=json'], { cwd: REPO, encoding: 'utf8', env: turboEnv(extraEnv) });
  return (JSON.parse(json) as { tasks: DryTask[] }).tasks.filter((t) => t.command !== '<NONEXISTENT>');
}

/** The folder an output glob writes under, relative to the repository. */
function outputRoot(task: DryTask, glob: string): string {
  const parts = glob.split('/');
  const literal = parts.slice(
    0,
    parts.findIndex((p) => /[*?{[]/.test(p)),
  );
  return join(task.directory, ...(literal.length ? literal : parts));
}

const tasks = dryRun();
const hashes = (list: DryTask[]) => Object.fromEntries(list.map((t) => [t.taskId, t.hash]));

describe('the build npm start runs', () => {
  it('builds the gateway, the admin web and what they use', () => {
    const ids = tasks.map((t) => t.taskId);
    for (const id of ['@coso/gateway#build', '@coso/admin-web#build', '@coso/schema#build', '@coso/schema#generate'])
      expect(ids).toContain(id);
  });

  it('caches every task it runs, each with the outputs it writes', () => {
    const uncached = tasks.filter((t) => !t.resolvedTaskDefinition.cache || !(t.outputs ?? []).length).map((t) => t.taskId);
    expect(uncached).toEqual([]);
  });

  it('reads no generated file or build output as an input of any task', () => {
    const written = tasks.flatMap((t) => (t.outputs ?? []).map((glob) => outputRoot(t, glob)));
    const fed: string[] = [];
    for (const task of tasks) {
      for (const file of Object.keys(task.inputs)) {
        const path = join(task.directory, file);
        const root = written.find((r) => path === r || path.startsWith(`${r}/`));
        if (root) fed.push(`${task.taskId} hashes ${path}, written by a task under ${root}`);
      }
    }
    expect(fed).toEqual([]);
  });

  it('hashes no environment variable a user sets to start differently', () => {
    const other = dryRun({
      PORT: '4999',
      HOST: '0.0.0.0',
      ADMIN_WEB_DIST: '/tmp/elsewhere',
      DATA_DIR: '/tmp/coso-data',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
      NODE_ENV: 'production',
      SAMPLE_DATA: 'off',
      DATABASE_URL: 'postgres://coso:coso@127.0.0.1:5432/coso',
      CI: '1',
    });
    expect(hashes(other)).toEqual(hashes(tasks));
  });

  it('run twice, the second run builds nothing: every task is a cache hit', () => {
    const run = () =>
      execFileSync(TURBO, [...startTurboArgs().filter((a) => !a.startsWith('--output-logs')), '--output-logs=hash-only'], {
        cwd: REPO,
        encoding: 'utf8',
        env: turboEnv(),
      });
    run(); // builds what is not built yet (nothing after `npm test`'s build phase)
    const second = run();
    const verdicts = [...second.matchAll(/^(\S+):(\S+): cache (hit|miss)/gm)].map((m) => `${m[1]}#${m[2]}: ${m[3]}`);
    expect(verdicts.length).toBe(tasks.length);
    expect(verdicts.filter((v) => !v.endsWith('hit'))).toEqual([]);
    // and the hashes it used are the ones the dry run computed before either run
    expect(hashes(dryRun())).toEqual(hashes(tasks));
  });
});
