import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The turbo task graph of `npm test` holds no race: turbo runs tasks in parallel unless one depends on
 * the other, so two tasks writing one folder, or a task reading generated sources another task writes
 * without depending on it, fail or not depending on timing (a clean clone once failed with ENOTEMPTY
 * because `build` and `typecheck` both ran `prisma generate`). Read from turbo's own dry run.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TURBO = join(REPO, 'node_modules/.bin/turbo');

interface DryTask {
  taskId: string;
  task: string;
  package: string;
  directory: string;
  command: string;
  outputs: string[] | null;
  dependencies: string[];
}

function dryRun(tasks: string[]): DryTask[] {
  const json = execFileSync(TURBO, ['run', ...tasks, '--dry=json'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  return (JSON.parse(json) as { tasks: DryTask[] }).tasks.filter((t) => t.command !== '<NONEXISTENT>');
}

/** The folder an output glob writes under, relative to the repository ('apps/admin-web/src/gql'). */
function outputRoot(task: DryTask, glob: string): string {
  const literal = glob.split('/').filter((part, i, parts) => !/[*?{[]/.test(part) && parts.slice(0, i).every((p) => !/[*?{[]/.test(p)));
  return join(task.directory, ...literal);
}

const overlaps = (a: string, b: string): boolean => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

function dependsOn(tasks: Map<string, DryTask>, from: string, target: string, seen = new Set<string>()): boolean {
  if (seen.has(from)) return false;
  seen.add(from);
  const task = tasks.get(from);
  return (task?.dependencies ?? []).some((dep) => dep === target || dependsOn(tasks, dep, target, seen));
}

// What npm test and npm start run, and the package test tasks.
const graph = dryRun(['build', 'typecheck', 'test']);
const byId = new Map(graph.map((t) => [t.taskId, t]));

describe('the turbo task graph', () => {
  it('has the tasks it is checked over', () => {
    expect(byId.has('@coso/schema#generate')).toBe(true);
    expect(byId.has('@coso/admin-web#generate')).toBe(true);
    expect(graph.length).toBeGreaterThan(10);
  });

  it('has no two tasks writing the same folder', () => {
    const clashes: string[] = [];
    const written = graph.flatMap((t) => (t.outputs ?? []).map((glob) => ({ task: t.taskId, root: outputRoot(t, glob) })));
    for (const [i, a] of written.entries()) {
      for (const b of written.slice(i + 1)) {
        if (a.task !== b.task && overlaps(a.root, b.root)) clashes.push(`${a.task} and ${b.task} both write ${a.root} / ${b.root}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('orders every task after the task that generates sources it compiles', () => {
    const unordered: string[] = [];
    for (const generator of graph.filter((t) => (t.outputs ?? []).some((glob) => outputRoot(t, glob).startsWith(`${t.directory}/src`)))) {
      for (const reader of graph.filter((t) => t.package === generator.package && t.taskId !== generator.taskId)) {
        if (!dependsOn(byId, reader.taskId, generator.taskId))
          unordered.push(`${reader.taskId} may run before or beside ${generator.taskId}`);
      }
    }
    expect(unordered).toEqual([]);
  });

  it('orders every task after the build of each workspace package it uses', () => {
    const missing: string[] = [];
    // A generator reads only its declared inputs (schema files, documents), never another package's build.
    for (const task of graph.filter((t) => t.task !== 'generate')) {
      const manifest = JSON.parse(readFileSync(join(REPO, task.directory, 'package.json'), 'utf8')) as Record<
        string,
        Record<string, string> | undefined
      >;
      const uses = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => byId.has(`${name}#build`));
      for (const name of uses)
        if (!dependsOn(byId, task.taskId, `${name}#build`)) missing.push(`${task.taskId} does not wait for ${name}#build`);
    }
    expect(missing).toEqual([]);
  });

  it('lets only the generate task run a code generator', () => {
    const generators = /prisma generate|prisma-generate|graphql-codegen|npm run (generate|codegen)/;
    const offenders = graph.filter((t) => t.task !== 'generate' && generators.test(t.command)).map((t) => `${t.taskId}: ${t.command}`);
    expect(offenders).toEqual([]);
  });
});
