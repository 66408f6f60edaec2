import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPrismaClient, type PrismaClient } from '@coso/schema';
import { createTestDatabase } from '@coso/schema/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BUILT_CLI } from './test-support/paths.js';

/**
 * `coso import` (the built CLI) against a migrated test database: a malformed file's dry run exits
 * non-zero listing its row errors and writes nothing; a commit killed midway (SIGKILL, no chance
 * to clean up) leaves nothing — no record, no batch — and the same file then imports whole.
 */
const run = promisify(execFile);
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase(inject('databaseAdminUrl'));
  prisma = createPrismaClient(db.url);
  dir = mkdtempSync(join(tmpdir(), 'coso-import-'));
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url };
  delete e.TEST_DATABASE_URL;
  return e;
}

async function coso(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BUILT_CLI, ...args], { env: env() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function written() {
  return { people: await prisma.person.count(), batches: await prisma.importBatch.count(), audit: await prisma.auditEntry.count() };
}

/** `n` people with citizen IDs that agree with their birth year and sex (001 Hà Nội, 0 = a man born in the 1900s). */
function peopleCsv(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => `Người Thử ${i + 1};Nam;1980;001080${100000 + i}`);
  return ['Họ và tên;Giới tính;Năm sinh;Số CCCD', ...rows, ''].join('\n');
}

describe('coso import', () => {
  it('a dry run of a malformed file exits 1 with every row error, by row and column, and writes nothing', async () => {
    const file = join(dir, 'hong.csv');
    writeFileSync(file, 'Họ và tên,Giới tính,Năm sinh\nNguyễn Văn A,Nam,1980\nTrần Thị B,Khác,1985\nLê Văn C,Nam,năm 90\n');
    const before = await written();
    const r = await coso(['import', file, '--kind', 'people', '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('Dòng'))).toEqual([
      'Dòng / Row 3, cột / column "Giới tính" [INVALID_VALUE]: Giới tính "Khác" không thuộc danh sách: Nam, Nữ. / Sex "Khác" is not one of: Male, Female.',
      'Dòng / Row 4, cột / column "Năm sinh" [INVALID_VALUE]: Năm sinh phải là số nguyên (ô ghi "năm 90"). / Birth year must be a whole number (the cell says "năm 90").',
    ]);
    expect(r.stdout).toContain('không ghi gì');
    expect(await written()).toEqual(before);
  });

  it('usage: a missing kind or file exits 2; an unknown kind names the kinds', async () => {
    expect((await coso(['import', '--kind', 'people'])).code).toBe(2);
    expect((await coso(['import', join(dir, 'none.csv'), '--kind', 'people'])).code).toBe(2);
    const file = join(dir, 'x.csv');
    writeFileSync(file, 'Họ và tên\n');
    const unknown = await coso(['import', file, '--kind', 'ghosts']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('people (Nhân khẩu)');
  });

  it('killed midway (SIGKILL) leaves nothing; the same file then imports whole', async () => {
    const file = join(dir, 'nhan-khau-400.csv');
    writeFileSync(file, peopleCsv(400));
    const before = await written();
    const child = spawn(process.execPath, [BUILT_CLI, 'import', file, '--kind', 'people'], { env: env() });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Killed once it has written 20 of its 400 rows inside its transaction.
    await new Promise<void>((resolve) => {
      let err = '';
      child.stderr.on('data', (chunk) => {
        err += String(chunk);
        if (/… 20\/400\n/u.test(err)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    expect(await exited).toBe('SIGKILL');
    expect(stdout).not.toContain('Đã nhập');
    expect(await written()).toEqual(before);

    const whole = await coso(['import', file, '--kind', 'people']);
    expect(whole.code).toBe(0);
    expect(whole.stdout).toContain('Đã nhập 400 dòng: 400 tạo mới');
    const after = await written();
    expect({ people: after.people - before.people, batches: after.batches - before.batches }).toEqual({ people: 400, batches: 1 });
  });
});

describe('coso export, and coso import --sheet', () => {
  it('exports the people in their template; imported back from the sheet named, nothing changes; an unknown sheet is refused', async () => {
    const source = join(dir, 'nguoi.csv');
    writeFileSync(source, peopleCsv(3));
    expect((await coso(['import', source, '--kind', 'people'])).code).toBe(0);
    const people = await prisma.person.count();
    const out = join(dir, 'nhan-khau.xlsx');
    const exported = await coso(['export', 'people', '--as-of', '2026-06-01', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`Exported ${people} rows to ${out}`);
    const back = await coso(['import', out, '--kind', 'people', '--sheet', 'Nhân khẩu', '--dry-run']);
    expect(back.code, back.stdout + back.stderr).toBe(0);
    expect(back.stdout).toContain(`0 to create, 0 to update, ${people} unchanged`);
    const wrong = await coso(['import', out, '--kind', 'people', '--sheet', 'Không có', '--dry-run']);
    expect(wrong.code).not.toBe(0);
    expect(await prisma.person.count()).toBe(people);
    const usage = await coso(['export', 'nobody']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('No kind "nobody"');
  });
});
