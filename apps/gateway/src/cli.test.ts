import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { printSchemaSdl } from '@coso/schema';
import { createTestDatabase } from '@coso/schema/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { postgresPids, tempDataDir } from './test-support/gateway-process.js';
import { BUILT_CLI } from './test-support/paths.js';

const run = promisify(execFile);

/** Runs `coso …` (the built CLI) and returns its exit code and output. */
async function coso(args: string[], env: Record<string, string>) {
  const base: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete base.TEST_DATABASE_URL;
  if (!env.DATABASE_URL) delete base.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, [BUILT_CLI, ...args], { env: base });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase(inject('databaseAdminUrl'), { template: null }); // nothing migrated yet
});
afterAll(() => db?.drop());

describe('coso CLI', () => {
  it('print-schema prints the SDL, needing no database', async () => {
    const { code, stdout } = await coso(['print-schema'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(code).toBe(0);
    expect(stdout).toBe(printSchemaSdl());
  });

  it('migrate applies the migrations once, seed loads the sample data once and refuses to overwrite', async () => {
    const env = { DATABASE_URL: db.url };
    const first = await coso(['migrate'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Đã áp dụng \d+ migration: .*\/ Applied \d+ migrations\./);
    const again = await coso(['migrate'], env);
    expect(again.stdout).toMatch(/^Cơ sở dữ liệu đã cập nhật/);

    const seeded = await coso(['seed'], env);
    expect(seeded).toMatchObject({ code: 0 });
    expect(seeded.stdout).toMatch(/^Đã nạp dữ liệu mẫu \(\d+ đơn vị hành chính\)/);
    const notAgain = await coso(['seed'], env);
    expect(notAgain).toMatchObject({ code: 0 });
    expect(notAgain.stdout).toMatch(/^Cơ sở dữ liệu đã có dữ liệu/);
    const forced = await coso(['seed', '--force'], env);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/^Từ chối: cơ sở dữ liệu đã có dữ liệu .* coso không xoá dữ liệu/);
    expect(forced.stderr).toContain('Refused: the database already holds data');
  });

  it('migrate works on the embedded database and leaves no postgres running', async () => {
    const dataDir = tempDataDir();
    try {
      const { code, stdout } = await coso(['migrate'], { DATA_DIR: dataDir });
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Đã áp dụng/);
      expect(postgresPids(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('explains its usage, and refuses unknown commands and options', async () => {
    expect((await coso(['help'], {})).stdout).toContain('Lệnh / Commands:');
    const unknown = await coso(['frobnicate'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Không có lệnh "frobnicate" \/ Unknown command "frobnicate"/);
    expect((await coso(['seed', '--nope'], {})).code).toBe(2);
  });
});
