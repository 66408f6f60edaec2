import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BUILT_CLI } from './test-support/paths.js';
import { signIn } from './test-support/sign-in.js';
import { startTestGateway, type TestGateway } from './test-support/test-gateway.js';

/**
 * `coso export <kind> --as <account>` (the built CLI) on the sample: the file is the one that
 * account's `GET /exports/templates/<kind>.xlsx` gives — the same rows, references and masking,
 * compared cell by cell once both files are parsed. The oracle is the HTTP endpoint (a session of
 * the account), never the command's code. Without `--as` the file is the platform's own (more rows
 * than a ward officer's, nothing masked); an unknown account writes nothing and exits 1.
 */
const run = promisify(execFile);
const AS_OF = '2022-12-01';
/** A ward officer (their ward, personal data seen) and a viewer (everything, masked). */
const ACCOUNTS = ['phuong.giangbien', 'xem'];
const KINDS = ['people', 'memberships'];

let t: TestGateway;
let origin = '';
let dir = '';
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestGateway(inject('databaseAdminUrl'));
  origin = new URL(t.gateway.graphqlUrl).origin;
  for (const name of ACCOUNTS) tokens[name] = await signIn(t.gateway.graphqlUrl, name);
  dir = mkdtempSync(join(tmpdir(), 'coso-export-'));
}, 300_000);
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function coso(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: t.url };
  delete env.TEST_DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, [BUILT_CLI, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Every sheet's cells as text, row by row. */
async function cellsOf(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[][] = [];
  for (const sheet of workbook.worksheets) {
    out.push([`# ${sheet.name}`]);
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      out.push(values.map((v) => (v === null || v === undefined ? '' : String(v))));
    });
  }
  return out;
}

async function cliExport(kind: string, as?: string): Promise<string[][]> {
  const out = join(dir, `${kind}-${as ?? 'platform'}.xlsx`);
  const r = await coso(['export', kind, '--as-of', AS_OF, '--out', out, ...(as ? ['--as', as] : [])]);
  expect(r.code, r.stderr).toBe(0);
  return cellsOf(readFileSync(out));
}

async function httpExport(kind: string, as: string): Promise<string[][]> {
  const res = await fetch(`${origin}/exports/templates/${kind}.xlsx?asOf=${AS_OF}`, { headers: { authorization: `Bearer ${tokens[as]}` } });
  expect(res.status, await res.clone().text()).toBe(200);
  return cellsOf(Buffer.from(await res.arrayBuffer()));
}

describe('coso export --as <account> (#14)', () => {
  it.each(ACCOUNTS.flatMap((as) => KINDS.map((kind) => [as, kind] as const)))(
    '%s: the CLI’s %s file is the one the account’s GET /exports file is',
    async (as, kind) => {
      const [cli, http] = await Promise.all([cliExport(kind, as), httpExport(kind, as)]);
      expect(cli.length).toBeGreaterThan(5);
      expect(cli).toEqual(http);
    },
    300_000,
  );

  it('without --as: the platform’s own file, every record and nothing masked; an unknown account writes nothing', async () => {
    const [platform, officer, viewer] = await Promise.all([
      cliExport('people'),
      httpExport('people', 'phuong.giangbien'),
      httpExport('people', 'xem'),
    ]);
    // The ward officer reads one ward of the district; the platform every person.
    expect(platform.length).toBeGreaterThan(officer.length);
    const withholds = (cells: string[][]) => cells.some((row) => row.some((c) => c.includes('this file cannot be imported back')));
    expect(withholds(platform)).toBe(false);
    // The viewer reads every person, masked: the file says so; the platform's withholds nothing.
    expect(withholds(viewer)).toBe(true);
    const out = join(dir, 'nobody.xlsx');
    const r = await coso(['export', 'people', '--as', 'nobody', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No active account "nobody"');
    expect(() => readFileSync(out)).toThrow();
  }, 300_000);
});
