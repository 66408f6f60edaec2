import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Other teams install @coso/domain from a tarball or a registry. This packs it the way npm
 * publishes it, installs the tarball into a scratch project outside the workspace (with a zod 4
 * of its own, as an app already has), and uses it there: ESM and CommonJS, TypeScript under
 * NodeNext and Bundler resolution, browser bundles within their budgets, every example of the
 * package README. One pack, one install.
 */
const repo = resolve(import.meta.dirname, '..', '..');
const domainDir = join(repo, 'packages', 'domain');
/** The app's TypeScript: 5.9 (`typescript`), as partner teams have it; the workspace builds with 7 (`typescript-7`). */
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
/** A zod 4 other than the workspace's own (4.6.7): the app's copy must be the only one. */
const APP_ZOD = '4.6.6';
const SUBPATHS = ['text', 'identifiers', 'rules', 'inputs', 'findings', 'report', 'import', 'testing'] as const;
let scratch = '';
let packedFiles: string[] = [];

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs and returns stdout and stderr together, so a failure shows the compiler's or Node's words. */
function runShowing(cmd: string, args: string[], cwd: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: run(cmd, args, cwd) };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

beforeAll(() => {
  // Through turbo: a cache hit when the build phase has just built it (CI), a build when sources changed.
  run('npx', ['turbo', 'run', 'build', '--filter=@coso/domain', '--output-logs=errors-only'], repo);
  scratch = mkdtempSync(join(tmpdir(), 'coso-domain-consumer-'));
  // --ignore-scripts: the build above is prepack's work, done once.
  const packOut = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], domainDir)) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  const tarball = packOut[0]?.filename ?? '';
  packedFiles = packOut[0]?.files.map((f) => f.path) ?? [];
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(scratch, tarball), `zod@${APP_ZOD}`], scratch);
  // A build, a pack and an install: minutes, not seconds, on a busy 2-core machine.
}, 600_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const installed = () => join(scratch, 'node_modules', '@coso', 'domain');

describe('@coso/domain as an installed package', () => {
  it('ships the built ESM, types, README, LICENSE, CHANGELOG and domain guide, and no sources or tests', () => {
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'README.md', 'LICENSE', 'CHANGELOG.md', 'docs/domain.md', 'package.json']) {
      expect(packedFiles).toContain(f);
    }
    for (const sub of SUBPATHS) expect(packedFiles).toContain(`dist/${sub}/index.js`);
    expect(packedFiles.filter((f) => f.startsWith('src/') || /\.test\./.test(f) || f.includes('test-support'))).toEqual([]);
  });

  it('ships source maps that carry their sources (no map points at a file it does not ship)', () => {
    const maps = packedFiles.filter((f) => f.endsWith('.js.map'));
    expect(maps.length).toBeGreaterThan(0);
    const withoutSources = maps.filter((f) => {
      const map = JSON.parse(readFileSync(join(installed(), f), 'utf8')) as { sources: string[]; sourcesContent?: Array<string | null> };
      return map.sourcesContent?.length !== map.sources.length || map.sourcesContent.some((c) => typeof c !== 'string' || c.length === 0);
    });
    expect(withoutSources).toEqual([]);
  });

  it('declares zod a caret-range peer (never a pinned dependency), the Node versions it runs on, and its entry points', () => {
    const manifest = JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(manifest.dependencies?.zod).toBeUndefined();
    expect(manifest.peerDependencies?.zod).toMatch(/^\^4\./);
    expect(manifest.engines?.node).toBeDefined();
    expect(Object.keys(manifest.exports ?? {}).sort()).toEqual(['.', './package.json', ...SUBPATHS.map((s) => `./${s}`)].sort());
  });

  it('installs with the app’s zod as the only copy', () => {
    const tree = JSON.parse(run('npm', ['ls', 'zod', '--all', '--json'], scratch)) as {
      dependencies: Record<string, { version: string; dependencies?: Record<string, { version: string }> }>;
    };
    const versions = new Set<string>();
    const walk = (deps: Record<string, { version: string; dependencies?: Record<string, { version: string }> }> | undefined) => {
      for (const [name, dep] of Object.entries(deps ?? {})) {
        if (name === 'zod') versions.add(dep.version);
        walk(dep.dependencies as never);
      }
    };
    walk(tree.dependencies);
    expect([...versions]).toEqual([APP_ZOD]);
    expect(existsSync(join(installed(), 'node_modules', 'zod'))).toBe(false);
  });

  it('uses no Node-only module, so it runs in a browser', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (p.endsWith('.js')) {
          const code = readFileSync(p, 'utf8');
          if (/from ['"]node:|require\(|\bprocess\.|\bBuffer\b|from ['"](fs|path|os|crypto)['"]/.test(code)) offenders.push(p);
        }
      }
    };
    walk(join(installed(), 'dist'));
    expect(offenders).toEqual([]);
  });

  it('imports as ESM in plain Node, from the main entry and from every subpath', () => {
    const imports = SUBPATHS.map((s, i) => `import * as s${i} from '@coso/domain/${s}';`).join(' ');
    const counts = SUBPATHS.map((_, i) => `Object.keys(s${i}).length > 0`).join(', ');
    const out = run(
      'node',
      [
        '--input-type=module',
        '-e',
        `import * as d from '@coso/domain'; ${imports} console.log(typeof d.PlaceHierarchy, typeof d.checkStateIntegrity, ${counts})`,
      ],
      scratch,
    );
    expect(out.trim()).toBe(['function', 'function', ...SUBPATHS.map(() => 'true')].join(' '));
  });

  it('loads with require() from CommonJS, main entry and subpaths', () => {
    writeFileSync(
      join(scratch, 'consumer.cjs'),
      [
        "const { validateCitizenId, PlaceHierarchy } = require('@coso/domain');",
        "const { searchKey } = require('@coso/domain/text');",
        "const { longBienHistory } = require('@coso/domain/testing');",
        "const [v] = validateCitizenId('001085012345', { birthYear: 1986, sex: 'MALE' }, ['citizenId']);",
        "const wards = new PlaceHierarchy(longBienHistory()).childrenOf('long-bien-district', '2022-12-01', 'WARD').length;",
        "console.log(v.code, searchKey('Đức Giang'), wards);",
      ].join('\n'),
    );
    const result = runShowing('node', ['consumer.cjs'], scratch);
    expect(result.output.trim()).toBe('CITIZEN_ID_MISMATCH duc giang 14');
    expect(result.ok).toBe(true);
  });

  it.each([
    ['NodeNext', { module: 'NodeNext', moduleResolution: 'NodeNext' }],
    ['Bundler', { module: 'ESNext', moduleResolution: 'Bundler' }],
  ] as const)('type-checks a TypeScript consumer under moduleResolution %s, with its own zod schemas', (name, resolution) => {
    const dir = join(scratch, `ts-${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'consumer.ts'),
      [
        "import { z } from 'zod';",
        "import { checkStateIntegrity, PlaceHierarchy, type DomainState, type RuleCode, type Violation } from '@coso/domain';",
        "import { createPersonInput, parseInput } from '@coso/domain/inputs';",
        "import { directiveReport } from '@coso/domain/report';",
        "import { longBienHistory, StateBuilder } from '@coso/domain/testing';",
        'const state: DomainState = longBienHistory();',
        "const wards: number = new PlaceHierarchy(state).childrenOf('long-bien-district', '2022-12-01', 'WARD').length;",
        'const v: Violation[] = checkStateIntegrity(new StateBuilder().state).map(() => ({ code: "STATE_REFERENCE_MISSING", severity: "error", path: [], message: { vi: "", en: "" } }));',
        'const code: RuleCode | undefined = v[0]?.code;',
        // The app's own schema, from the app's zod, through the package's parseInput (TS2589 with two zods).
        'const own = z.object({ name: z.string().min(1), count: z.number().int() });',
        "const parsed = parseInput(own, { name: 'x', count: 1 });",
        'const n: number = parsed.ok ? parsed.value.count : 0;',
        "const person = parseInput(createPersonInput, { fullName: 'An', sex: 'MALE', birthYear: 1970 });",
        "const report = directiveReport(state, { directiveId: 'none', scopeUnitId: 'long-bien-district', to: '2022-12-01' });",
        'console.log(wards, code, n, person.ok, report.ok);',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, ...resolution, target: 'ES2022', noEmit: true, types: [], skipLibCheck: false },
        files: ['consumer.ts'],
      }),
    );
    // The scratch project's package.json (type: module) is the consumer's; CommonJS is checked below.
    const result = runShowing(tsc, ['-p', 'tsconfig.json'], dir);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('type-checks a CommonJS (.cts) consumer that requires the package', () => {
    writeFileSync(
      join(scratch, 'consumer.cts'),
      [
        "import { validateCitizenId, type Violation } from '@coso/domain';",
        "import { searchKey } from '@coso/domain/text';",
        "const problems: Violation[] = validateCitizenId('001085012345', { birthYear: 1986, sex: 'MALE' }, []);",
        "console.log(problems.length, searchKey('Đức Giang'));",
      ].join('\n'),
    );
    writeFileSync(
      join(scratch, 'tsconfig.cjs.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, types: [] },
        files: ['consumer.cts'],
      }),
    );
    const result = runShowing(tsc, ['-p', 'tsconfig.cjs.json'], scratch);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('keeps browser bundles within budget: validateCitizenId ≤ 3 kB gzip, the report ≤ 20 kB gzip without zod', async () => {
    // Rolldown is the bundler of the admin web's Vite; it reads `sideEffects` and `@__NO_SIDE_EFFECTS__` as esbuild does.
    const { build } = (await import(join(repo, 'node_modules', 'rolldown', 'dist', 'index.mjs'))) as typeof import('rolldown');
    const gzipped = async (name: string, code: string) => {
      const input = join(scratch, `bundle-${name}.mjs`);
      writeFileSync(input, code);
      const out = await build({ input, cwd: scratch, write: false, logLevel: 'silent', output: { format: 'esm', minify: true } });
      const js = out.output.map((c) => (c.type === 'chunk' ? c.code : '')).join('\n');
      return { size: gzipSync(js).length, zod: /\$ZodType|_zod/.test(js) };
    };
    const citizenId = await gzipped('citizen-id', "import { validateCitizenId } from '@coso/domain'; console.log(validateCitizenId);");
    const citizenIdSub = await gzipped(
      'citizen-id-sub',
      "import { validateCitizenId } from '@coso/domain/identifiers'; console.log(validateCitizenId);",
    );
    const report = await gzipped('report', "import { directiveReport } from '@coso/domain/report'; console.log(directiveReport);");
    const reportMain = await gzipped('report-main', "import { directiveReport } from '@coso/domain'; console.log(directiveReport);");
    const schema = await gzipped('schema', "import { createPersonInput } from '@coso/domain/inputs'; console.log(createPersonInput);");
    console.log('bundle sizes, gzip bytes:', { citizenId, citizenIdSub, report, reportMain, schema });
    for (const b of [citizenId, citizenIdSub]) {
      expect(b.size).toBeLessThanOrEqual(3 * 1024);
      expect(b.zod).toBe(false);
    }
    for (const b of [report, reportMain]) {
      expect(b.size).toBeLessThanOrEqual(20 * 1024);
      expect(b.zod).toBe(false);
    }
    // The measure can see zod: a schema's bundle carries it.
    expect(schema.zod).toBe(true);
  });

  it('runs every example of the package README with the output it promises', () => {
    const readme = readFileSync(join(domainDir, 'README.md'), 'utf8');
    // Every fenced block says how CI treats it (run: node, or not-run: why) on the line before it.
    const fences = [...readme.matchAll(/(?:<!--\s*([^>]*?)\s*-->\s*\n\s*)?```(\w*)\n([\s\S]*?)```/g)];
    expect(fences.filter((m) => !m[1]).map((m) => m[3]?.slice(0, 60))).toEqual([]);
    const blocks = fences.filter((m) => m[1] === 'run: node').map((m) => m[3] ?? '');
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    mkdirSync(join(scratch, 'examples'), { recursive: true });
    blocks.forEach((code, i) => {
      const file = join(scratch, 'examples', `example-${i + 1}.mjs`);
      writeFileSync(file, code);
      const output = run('node', [file], scratch).trim().split('\n');
      // Each `console.log(...); // → text` line promises its output, in order.
      const promised = [...code.matchAll(/\/\/ → (.*)$/gm)].map((m) => (m[1] ?? '').trim());
      expect(promised.length, `example ${i + 1} promises no output`).toBeGreaterThan(0);
      expect(output, `example ${i + 1}`).toEqual(promised);
    });
  });

  it('generates its API reference with TypeDoc without a warning', () => {
    const out = mkdtempSync(join(tmpdir(), 'coso-domain-api-'));
    try {
      // typedoc.json treats warnings as errors: a non-zero exit lists them.
      const result = runShowing('npx', ['typedoc', '--out', out], domainDir);
      expect(result.output).not.toMatch(/\[warning\]|\[error\]/);
      expect(result.ok).toBe(true);
      expect(existsSync(join(out, 'index.html'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    // TypeDoc type-checks the whole package first: a minute on a busy machine.
  }, 600_000);
});
