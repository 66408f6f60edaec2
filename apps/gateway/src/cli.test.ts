import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { createPrismaClient, printSchemaSdl } from '@coso/schema';
import { createTestDatabase } from '@coso/schema/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { createGateway } from './server.js';
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

    // Sample data and demo accounts (published passwords) load only when asked for by name.
    const unasked = await coso(['seed'], env);
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toMatch(/^Thiếu --sample: .*\nMissing --sample: /);
    expect(await createPrismaClient(db.url).administrativeUnit.count()).toBe(0);

    const seeded = await coso(['seed', '--sample'], env);
    expect(seeded).toMatchObject({ code: 0 });
    expect(seeded.stdout).toMatch(/^Đã nạp dữ liệu mẫu \(\d+ đơn vị hành chính\)/);
    const notAgain = await coso(['seed', '--sample'], env);
    expect(notAgain).toMatchObject({ code: 0 });
    expect(notAgain.stdout).toMatch(/^Cơ sở dữ liệu đã có dữ liệu/);
    const forced = await coso(['seed', '--sample', '--force'], env);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/^Từ chối: cơ sở dữ liệu đã có dữ liệu .* coso không xóa dữ liệu/);
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

  it('users create-admin creates an administrator who can sign in over GraphQL; refuses a weak password and a taken username', async () => {
    const fresh = await createTestDatabase(inject('databaseAdminUrl'), { template: null });
    try {
      const env = { DATABASE_URL: fresh.url };
      const weak = await coso(['users', 'create-admin', '--username', 'chu.tich'], { ...env, COSO_ADMIN_PASSWORD: 'ngan' });
      expect(weak.code).toBe(1);
      expect(weak.stderr).toMatch(/^Không tạo được tài khoản quản trị:\n {2}- Mật khẩu phải có ít nhất 10 ký tự\.\nCould not create/);
      expect(weak.stderr).toContain('The password must have at least 10 characters.');
      // Without the variable and with no terminal to ask on, it says how to give the password.
      const noPassword = await coso(['users', 'create-admin', '--username', 'chu.tich'], env);
      expect(noPassword.code).toBe(1);
      expect(noPassword.stderr).toContain('COSO_ADMIN_PASSWORD');

      const password = 'mat-khau-quan-tri-that';
      const made = await coso(['users', 'create-admin', '--username', 'Chu.Tich', '--display-name', 'Chủ tịch'], {
        ...env,
        COSO_ADMIN_PASSWORD: password,
      });
      expect(made.stderr).toBe('');
      expect(made).toMatchObject({ code: 0 });
      expect(made.stdout).toMatch(/^Đã tạo tài khoản quản trị "chu\.tich"/);
      const taken = await coso(['users', 'create-admin', '--username', 'chu.tich'], { ...env, COSO_ADMIN_PASSWORD: 'mot-mat-khau-khac' });
      expect(taken.code).toBe(1);
      expect(taken.stderr).toMatch(/^Không tạo được tài khoản quản trị:\n {2}- Tên đăng nhập "chu\.tich" đã có/);
      expect(taken.stderr).toContain('Username "chu.tich" is taken');
      expect((await coso(['users', 'create-admin'], env)).code).toBe(2);

      // The new administrator signs in over HTTP and is what `me` says.
      const prisma = createPrismaClient(fresh.url);
      const gateway = await createGateway(loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: fresh.url }), {
        prisma,
        log: createLogger({ logLevel: 'silent' }),
        shutdownGraceMs: 1_000,
      });
      try {
        const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
          const res = await fetch(gateway.graphqlUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify({ query, variables }),
          });
          return (await res.json()) as { data?: Record<string, Record<string, unknown> | null> };
        };
        const login = await post(
          'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on LoginSuccess { token } ... on LoginError { code } } }',
          { u: 'chu.tich', p: password },
        );
        expect(login.data?.login?.__typename).toBe('LoginSuccess');
        const token = String(login.data?.login?.token);
        const me = await post('{ me { username displayName role permissions { admin } } }', {}, token);
        expect(me.data?.me).toEqual({ username: 'chu.tich', displayName: 'Chủ tịch', role: 'SYSTEM_ADMIN', permissions: { admin: true } });
        const wrong = await post(
          'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on LoginError { code } } }',
          {
            u: 'chu.tich',
            p: 'khong-phai-mat-khau',
          },
        );
        expect(wrong.data?.login).toEqual({ __typename: 'LoginError', code: 'INVALID_CREDENTIALS' });
        // Stored hashed, and the creation is in the audit trail (by the platform itself).
        const account = await prisma.account.findUniqueOrThrow({ where: { username: 'chu.tich' } });
        expect(account.passwordHash).toMatch(/^scrypt\$/);
        expect(await prisma.auditEntry.count({ where: { operation: 'createAccount', entityId: account.id, actor: 'system' } })).toBe(1);
      } finally {
        await gateway.close();
        await prisma.$disconnect();
      }
    } finally {
      await fresh.drop();
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
