import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Other teams install @coso/domain from a tarball or a registry. This packs it the way npm
 * publishes it, installs the tarball into a scratch project outside the workspace, and uses it
 * there: ESM import, TypeScript types, and every example of the package README.
 */
const repo = resolve(import.meta.dirname, '..', '..');
const domainDir = join(repo, 'packages', 'domain');
const tsc = join(repo, 'node_modules', '.bin', 'tsc');
let scratch = '';
let packedFiles: string[] = [];

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  // Through turbo: a cache hit when the build phase has just built it (CI), a build when sources changed.
  run('npx', ['turbo', 'run', 'build', '--filter=@coso/domain', '--output-logs=errors-only'], repo);
  scratch = mkdtempSync(join(tmpdir(), 'coso-domain-consumer-'));
  const packOut = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', scratch], domainDir)) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  const tarball = packOut[0]?.filename ?? '';
  packedFiles = packOut[0]?.files.map((f) => f.path) ?? [];
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(scratch, tarball)], scratch);
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('@coso/domain as an installed package', () => {
  it('ships the built ESM, types and README, and no sources or tests', () => {
    expect(packedFiles).toContain('dist/index.js');
    expect(packedFiles).toContain('dist/index.d.ts');
    expect(packedFiles).toContain('README.md');
    expect(packedFiles.filter((f) => f.startsWith('src/') || /\.test\./.test(f) || f.includes('test-support'))).toEqual([]);
  });

  it('uses no Node-only module, so it runs in a browser', () => {
    const dist = join(scratch, 'node_modules', '@coso', 'domain', 'dist');
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
    walk(dist);
    expect(offenders).toEqual([]);
  });

  it('imports as ESM in plain Node', () => {
    const out = run(
      'node',
      [
        '--input-type=module',
        '-e',
        "import * as d from '@coso/domain'; console.log(typeof d.PlaceHierarchy, typeof d.applyReorganisation, Object.keys(d).length > 20)",
      ],
      scratch,
    );
    expect(out.trim()).toBe('function function true');
  });

  it('type-checks a TypeScript consumer against the shipped .d.ts', () => {
    writeFileSync(
      join(scratch, 'consumer.ts'),
      [
        "import { PlaceHierarchy, type DomainState, type Violation } from '@coso/domain';
import { longBienHistory } from '@coso/domain/testing';",
        'const state: DomainState = longBienHistory();',
        "const wards: number = new PlaceHierarchy(state).childrenOf('long-bien-district', '2022-12-01', 'WARD').length;",
        'const v: Violation[] = [];',
        'console.log(wards, v.length);',
      ].join('\n'),
    );
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, types: [] },
        files: ['consumer.ts'],
      }),
    );
    expect(() => run(tsc, ['-p', 'tsconfig.json'], scratch)).not.toThrow();
  });

  it('runs every example of the package README with the output it promises', () => {
    const readme = readFileSync(join(domainDir, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(blocks.length).toBeGreaterThanOrEqual(4);
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
});
