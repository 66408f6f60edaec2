import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { applyMigrations, MigrationsPendingError, readMigrations } from '@coso/schema';
import { createTestDatabase, withClient, withDatabase } from '@coso/schema/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from './config.js';
import { createAdmin } from './create-admin.js';
import { startDatabase } from './database.js';
import { createLogger } from './logger.js';
import { createGateway } from './server.js';
import { describeStartupError } from './startup-errors.js';
import { BUILT_CLI } from './test-support/paths.js';

/**
 * Issue #12: on a PostgreSQL server, an owner role runs the migrations and the gateway connects as
 * a lesser role that owns nothing, so it cannot alter, disable or empty the audit trail. The test
 * server's admin is a superuser: it makes two roles with fresh names (roles are cluster-wide) and
 * drops them afterwards.
 */
const run = promisify(execFile);
const silent = createLogger({ logLevel: 'silent' });

async function coso(args: string[], env: Record<string, string>) {
  const base: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete base.TEST_DATABASE_URL;
  for (const name of ['COSO_OWNER_PASSWORD', 'COSO_GATEWAY_PASSWORD']) if (!(name in env)) delete base[name];
  try {
    const { stdout, stderr } = await run(process.execPath, [BUILT_CLI, ...args], { env: base });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const suffix = randomBytes(4).toString('hex');
const owner = `coso_owner_${suffix}`;
const gatewayRole = `coso_gw_${suffix}`;
const ownerPassword = `owner-${randomBytes(12).toString('hex')}`;
const gatewayPassword = `gateway-${randomBytes(12).toString('hex')}`;
const installed = `coso_roles_${suffix}`; // set up with `coso db roles --apply`
const bare = `coso_roles_bare_${suffix}`; // owned by the owner, not migrated

let adminUrl: string;
const as = (database: string, user?: string, password?: string) => {
  const url = new URL(withDatabase(adminUrl, database));
  if (user) {
    url.username = user;
    url.password = password ?? '';
  }
  return url.toString();
};
const gatewayUrl = (database: string) => as(database, gatewayRole, gatewayPassword);
const ownerUrl = (database: string) => as(database, owner, ownerPassword);

beforeAll(async () => {
  adminUrl = inject('databaseAdminUrl');
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${installed}`));
});
afterAll(async () => {
  await withClient(adminUrl, async (c) => {
    for (const db of [installed, bare]) await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    for (const role of [gatewayRole, owner]) await c.query(`DROP ROLE IF EXISTS ${role}`);
  });
});

/** Runs one statement on `c` (autocommit: a refusal leaves the session usable) and returns the SQLSTATE it failed with (or 'ok'). */
async function outcome(c: pg.Client, sql: string): Promise<string> {
  try {
    await c.query(sql);
    return 'ok';
  } catch (error) {
    return String((error as { code?: string }).code);
  }
}

/** Runs one statement as the gateway role, on a connection of its own; the SQLSTATE it failed with (or 'ok'). */
async function asGateway(database: string, sql: string): Promise<string> {
  return withClient(gatewayUrl(database), (c) => outcome(c, sql));
}

describe('coso db roles: an owner for migrations, a gateway role that cannot touch the audit trail', () => {
  it('prints the SQL without touching the server; refuses bad names', async () => {
    const printed = await coso(['db', 'roles', '--owner', owner, '--gateway', gatewayRole], { DATABASE_URL: as(installed) });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(`CREATE ROLE ${gatewayRole}`);
    expect(printed.stdout).toContain(`REVOKE INSERT, UPDATE, DELETE ON audit_entries, _prisma_migrations FROM ${gatewayRole}`);
    const roles = await withClient(adminUrl, (c) => c.query('SELECT 1 FROM pg_roles WHERE rolname IN ($1, $2)', [owner, gatewayRole]));
    expect(roles.rowCount).toBe(0);

    const same = await coso(['db', 'roles', '--owner', owner, '--gateway', owner], { DATABASE_URL: as(installed) });
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/phải khác nhau\.\n[\s\S]*must differ\./);
    const quoted = await coso(['db', 'roles', '--owner', 'Owner"; DROP', '--gateway', gatewayRole], { DATABASE_URL: as(installed) });
    expect(quoted.code).toBe(2);
    expect(quoted.stderr).toContain('Tên vai trò');
    // A new role needs a password, and there is no terminal to ask on.
    const noPassword = await coso(['db', 'roles', '--owner', owner, '--gateway', gatewayRole, '--apply'], { DATABASE_URL: as(installed) });
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toContain('COSO_OWNER_PASSWORD');
  });

  it('--apply creates both roles, migrates as the owner and grants; running it again changes nothing', async () => {
    const env = { DATABASE_URL: as(installed), COSO_OWNER_PASSWORD: ownerPassword, COSO_GATEWAY_PASSWORD: gatewayPassword };
    const applied = await coso(['db', 'roles', '--owner', owner, '--gateway', gatewayRole, '--apply'], env);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^Đã thiết lập vai trò/);
    // Again, with no passwords given: the roles are kept as they are (and their passwords too).
    const again = await coso(['db', 'roles', '--owner', owner, '--gateway', gatewayRole, '--apply'], { DATABASE_URL: as(installed) });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);

    const history = await withClient(ownerUrl(installed), (c) => c.query('SELECT count(*)::int AS n FROM "_prisma_migrations"'));
    expect(history.rows[0].n).toBe(readMigrations().length);
  });

  it('the gateway role owns nothing, and the owner owns every table, sequence, function and type of the schema', async () => {
    const owned = await withClient(as(installed), (c) =>
      c.query<{ owner: string; n: number }>(
        `SELECT r.rolname AS owner, count(*)::int AS n FROM (
           SELECT relowner AS o FROM pg_class WHERE relnamespace = 'public'::regnamespace
           UNION ALL SELECT proowner FROM pg_proc p WHERE pronamespace = 'public'::regnamespace
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
           UNION ALL SELECT typowner FROM pg_type t WHERE typnamespace = 'public'::regnamespace AND typtype IN ('e', 'd')
           UNION ALL SELECT datdba FROM pg_database WHERE datname = current_database()
         ) x JOIN pg_roles r ON r.oid = x.o GROUP BY r.rolname`,
      ),
    );
    expect(owned.rows.map((r) => r.owner)).toEqual([owner]);
    const gatewayOwns = await withClient(as(installed), (c) =>
      c.query(`SELECT 1 FROM pg_shdepend WHERE refobjid = (SELECT oid FROM pg_roles WHERE rolname = $1) AND deptype = 'o'`, [gatewayRole]),
    );
    expect(gatewayOwns.rowCount).toBe(0);
  });

  it('the gateway starts as the lesser role, writes records through the API, and the triggers audit them', async () => {
    const config = loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: gatewayUrl(installed), SAMPLE_DATA: 'off' });
    const database = await startDatabase(config, silent);
    const gateway = await createGateway(config, { prisma: database.prisma, log: silent, shutdownGraceMs: 1_000 });
    try {
      const password = 'mat-khau-quan-tri-that';
      await createAdmin(database.prisma, { username: 'quan.tri', displayName: 'Quản trị', password });
      const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
        const res = await fetch(gateway.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        return (await res.json()) as { data?: Record<string, Record<string, unknown> | null>; errors?: unknown[] };
      };
      // A failed login first: login_attempts, login_throttles and their advisory locks.
      const loginQuery =
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on LoginSuccess { token } ... on LoginError { code } } }';
      expect((await post(loginQuery, { u: 'quan.tri', p: 'khong-dung-mat-khau' })).data?.login).toEqual({
        __typename: 'LoginError',
        code: 'INVALID_CREDENTIALS',
      });
      const login = await post(loginQuery, { u: 'quan.tri', p: password });
      expect(login.data?.login?.__typename).toBe('LoginSuccess');
      const token = String(login.data?.login?.token);

      const created = await post(
        'mutation($i: CreatePersonInput!) { createPerson(input: $i) { __typename ... on MutationCreatePersonSuccess { data { id version } } } }',
        { i: { fullName: 'Nguyễn Văn An', birthYear: 1980, sex: 'MALE' } },
        token,
      );
      expect(created.errors).toBeUndefined();
      const person = created.data?.createPerson?.data as { id: string; version: number };
      const updated = await post(
        'mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { __typename ... on MutationUpdatePersonSuccess { data { fullName version } } } }',
        { i: { id: person.id, version: person.version, fullName: 'Nguyễn Văn Bình' } },
        token,
      );
      expect(updated.data?.updatePerson).toEqual({
        __typename: 'MutationUpdatePersonSuccess',
        data: { fullName: 'Nguyễn Văn Bình', version: person.version + 1 },
      });

      // The trail, read by the owner: the account, the person's creation and its update, by their writers.
      const trail = await withClient(ownerUrl(installed), (c) =>
        c.query<{ entity_type: string; operation: string; actor: string; after: { fullName?: string } }>(
          `SELECT entity_type, operation, actor, after FROM audit_entries WHERE entity_type IN ('Person', 'Account') ORDER BY id`,
        ),
      );
      expect(trail.rows.map((r) => [r.entity_type, r.operation, r.actor, r.after?.fullName ?? null])).toEqual([
        ['Account', 'createAccount', 'system', null],
        ['Person', 'createPerson', 'quan.tri', 'Nguyễn Văn An'],
        ['Person', 'updatePerson', 'quan.tri', 'Nguyễn Văn Bình'],
      ]);
      // The gateway reads the trail through the API.
      const read = await post('{ auditEntries(entityType: "Person") { totalCount } }', {}, token);
      expect(read.data?.auditEntries).toEqual({ totalCount: 2 });
    } finally {
      await gateway.close();
      await database.stop();
    }
  });

  it('the gateway role cannot change, empty or forge the trail, nor alter any table or trigger, nor create objects', async () => {
    const refusals: Record<string, string> = {};
    // One gateway session for the few hundred statements (a connection each, with its password
    // exchange, was most of this test's time); `SET ROLE` gets a session of its own below.
    const gateway = new pg.Client({ connectionString: gatewayUrl(installed) });
    await gateway.connect();
    const tryAs = async (sql: string) => {
      refusals[sql] = await outcome(gateway, sql);
    };
    await tryAs(`UPDATE audit_entries SET actor = 'someone else'`);
    await tryAs('DELETE FROM audit_entries');
    await tryAs('TRUNCATE audit_entries');
    await tryAs(`INSERT INTO audit_entries (actor, operation, entity_type, entity_id) VALUES ('x', 'forged', 'Person', 'x')`);
    await tryAs('ALTER TABLE audit_entries DISABLE TRIGGER ALL');
    await tryAs('DROP TRIGGER audit_entries_append_only ON audit_entries');
    await tryAs('UPDATE personal_data_reads SET account_id = NULL');
    await tryAs('DELETE FROM _prisma_migrations');
    await tryAs('CREATE TABLE public.shadow (id int)');
    await tryAs('CREATE FUNCTION public.coso_shadow() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$');
    await tryAs('CREATE SCHEMA shadow');
    await tryAs('ALTER FUNCTION coso_audit_row() SECURITY INVOKER');
    refusals[`SET ROLE ${owner}`] = await asGateway(installed, `SET ROLE ${owner}`);
    // Every table of the schema, generated from the catalogue: its triggers cannot be disabled or
    // dropped, nor new ones created; the record tables' coso_audit and coso_version by name.
    const tables = await withClient(as(installed), (c) =>
      c.query<{ table: string; audited: boolean; versioned: boolean }>(
        `SELECT c.relname AS table,
                EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'coso_audit') AS audited,
                EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'coso_version') AS versioned
           FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`,
      ),
    );
    expect(tables.rows.filter((t) => t.audited).length).toBeGreaterThan(30);
    for (const t of tables.rows) {
      await tryAs(`ALTER TABLE ${t.table} DISABLE TRIGGER ALL`);
      await tryAs(`ALTER TABLE ${t.table} ADD COLUMN shadow int`);
      await tryAs(`CREATE TRIGGER shadow BEFORE INSERT ON ${t.table} FOR EACH ROW EXECUTE FUNCTION coso_bump_version()`);
      if (t.audited) {
        await tryAs(`ALTER TABLE ${t.table} DISABLE TRIGGER coso_audit`);
        await tryAs(`DROP TRIGGER coso_audit ON ${t.table}`);
      }
      if (t.versioned) await tryAs(`ALTER TABLE ${t.table} DISABLE TRIGGER coso_version`);
    }
    await gateway.end();
    // 42501: insufficient_privilege (permission denied, must be owner) — every one of them.
    expect(Object.entries(refusals).filter(([, code]) => code !== '42501')).toEqual([]);
  });

  it('a gateway role that cannot migrate refuses to start on a database with pending migrations, and says to run coso migrate as the owner', async () => {
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${bare} OWNER ${owner}`));
    await withClient(adminUrl, (c) => c.query(`GRANT CONNECT ON DATABASE ${bare} TO ${gatewayRole}`));
    const config = loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: gatewayUrl(bare), SAMPLE_DATA: 'off' });
    const refused = await startDatabase(config, silent).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(MigrationsPendingError);
    const message = describeStartupError(refused, config);
    expect(message).toContain(`coso migrate`);
    expect(message).toMatch(/Vai trò "coso_gw_[0-9a-f]+" không được áp dụng \d+ migration còn thiếu/);
    expect(message).toMatch(/The role "coso_gw_[0-9a-f]+" may not apply the \d+ pending migrations/);
    // `coso migrate` as that role says the same; as the owner, it migrates; `coso db roles` grants,
    // and then the gateway starts.
    const asGatewayCli = await coso(['migrate'], { DATABASE_URL: gatewayUrl(bare) });
    expect(asGatewayCli.code).toBe(1);
    expect(asGatewayCli.stderr).toContain('coso migrate');
    const report = await applyMigrations(ownerUrl(bare));
    expect(report.applied.length).toBe(readMigrations().length);
    const granted = await coso(['db', 'roles', '--owner', owner, '--gateway', gatewayRole, '--apply'], { DATABASE_URL: as(bare) });
    expect(granted.stderr).toBe('');
    const database = await startDatabase(config, silent);
    expect(await database.prisma.person.count()).toBe(0);
    await database.stop();
  });

  it('hands over a database another role migrated (an older set-up), and refuses a gateway role that is a member of the owner', async () => {
    // Migrated by the server's superuser: every table, function and type is its own.
    const legacy = await createTestDatabase(adminUrl);
    try {
      const legacyName = new URL(legacy.url).pathname.slice(1);
      await withClient(adminUrl, (c) => c.query(`GRANT ${owner} TO ${gatewayRole}`));
      const member = await coso(['db', 'roles', '--owner', owner, '--gateway', gatewayRole, '--apply'], { DATABASE_URL: legacy.url });
      expect(member.code).toBe(1);
      expect(member.stderr).toContain(`Role ${gatewayRole} is a member of ${owner}`);
      await withClient(adminUrl, (c) => c.query(`REVOKE ${owner} FROM ${gatewayRole}`));

      const handed = await coso(['db', 'roles', '--owner', owner, '--gateway', gatewayRole, '--apply'], { DATABASE_URL: legacy.url });
      expect(handed.stderr).toBe('');
      const notOwners = await withClient(legacy.url, (c) =>
        c.query(
          `SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'S') AND c.relowner <> $1::regrole
           UNION ALL SELECT p.proname FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> $1::regrole
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
           UNION ALL SELECT t.typname FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd') AND t.typowner <> $1::regrole`,
          [owner],
        ),
      );
      expect(notOwners.rows).toEqual([]);
      expect(await asGateway(legacyName, 'ALTER TABLE people DISABLE TRIGGER coso_audit')).toBe('42501');
      expect(await asGateway(legacyName, 'SELECT count(*) FROM people')).toBe('ok');
    } finally {
      await legacy.drop();
    }
  });

  it('the audit trigger function runs as its owner: the gateway needs no INSERT on audit_entries', async () => {
    const fn = await withClient(as(installed), (c) =>
      c.query<{ definer: boolean; owner: string; config: string[] | null }>(
        `SELECT prosecdef AS definer, pg_get_userbyid(proowner) AS owner, proconfig AS config FROM pg_proc WHERE proname = 'coso_audit_row'`,
      ),
    );
    expect(fn.rows).toEqual([{ definer: true, owner, config: ['search_path=public, pg_temp'] }]);
    const privileges = await withClient(as(installed), (c) =>
      c.query<{ p: string }>(
        `SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p
          WHERE has_table_privilege($1, 'audit_entries', p)`,
        [gatewayRole],
      ),
    );
    expect(privileges.rows.map((r) => r.p)).toEqual(['SELECT']);
  });
});
