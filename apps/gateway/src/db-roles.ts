import { applyMigrations, passwordProblem } from '@coso/schema';
import pg from 'pg';
import { promptHidden } from './create-admin.js';

/**
 * `coso db roles`: two roles on a PostgreSQL server (issue #12). The owner owns the database and
 * every object of its schema and runs the migrations; the gateway role owns nothing, so it can
 * neither ALTER a table nor disable, drop or create a trigger; it reads and writes what the
 * application writes, reads the audit trail (which the trail's trigger function writes with the
 * owner's rights, migration audit_writer_definer) and reads the migration history (to check it on
 * start). Every statement is idempotent: run it again after each upgrade.
 */

export const OWNER_PASSWORD_VARIABLE = 'COSO_OWNER_PASSWORD';
export const GATEWAY_PASSWORD_VARIABLE = 'COSO_GATEWAY_PASSWORD';

/** Plain lower-case identifiers only: they are written into SQL unquoted and read the same everywhere. */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface RoleNames {
  owner: string;
  gateway: string;
}

/** A refusal the person at the terminal can act on, Vietnamese first. */
export class DbRolesRefused extends Error {
  constructor(
    readonly problems: ReadonlyArray<{ vi: string; en: string }>,
    /** 2: wrong usage (nothing was tried); 1: refused while applying. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(
      [
        'Không thiết lập được vai trò PostgreSQL:',
        ...problems.map((p) => `  - ${p.vi}`),
        'Could not set up the PostgreSQL roles:',
        ...problems.map((p) => `  - ${p.en}`),
      ].join('\n'),
    );
    this.name = 'DbRolesRefused';
  }
}

/** Refuses names that are not plain identifiers, and one role for both. */
export function checkRoleNames(names: { owner?: string | undefined; gateway?: string | undefined }): RoleNames {
  const problems: Array<{ vi: string; en: string }> = [];
  for (const [flag, name] of [
    ['--owner', names.owner],
    ['--gateway', names.gateway],
  ] as const) {
    if (!name) problems.push({ vi: `Thiếu ${flag} <tên>.`, en: `Missing ${flag} <name>.` });
    else if (!ROLE_NAME.test(name)) {
      problems.push({
        vi: `Tên vai trò ${flag} "${name}" không hợp lệ: chỉ chữ thường a–z, chữ số và dấu _, không bắt đầu bằng chữ số, tối đa 63 ký tự.`,
        en: `Role name ${flag} "${name}" is not valid: only lower-case a–z, digits and _, not starting with a digit, at most 63 characters.`,
      });
    }
  }
  if (names.owner && names.owner === names.gateway) {
    problems.push({
      vi: 'Vai trò chủ sở hữu (--owner) và vai trò của gateway (--gateway) phải khác nhau.',
      en: 'The owner role (--owner) and the gateway role (--gateway) must differ.',
    });
  }
  if (problems.length) throw new DbRolesRefused(problems, 2);
  return { owner: names.owner as string, gateway: names.gateway as string };
}

/** Step 1, as a superuser: both roles, the gateway role made lesser, and everything owned by the owner. */
export function rolesAndOwnershipSql({ owner, gateway }: RoleNames): string {
  return `-- The roles (created when missing, with LOGIN; passwords are set apart).
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${owner}') THEN CREATE ROLE ${owner} LOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${gateway}') THEN CREATE ROLE ${gateway} LOGIN; END IF;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${gateway}' AND rolsuper) THEN
    RAISE EXCEPTION 'Vai trò ${gateway} là superuser; chọn một vai trò khác cho gateway. / Role ${gateway} is a superuser; choose another role for the gateway.';
  END IF;
  IF pg_has_role('${gateway}', '${owner}', 'MEMBER') THEN
    RAISE EXCEPTION 'Vai trò ${gateway} là thành viên của ${owner}; bỏ quan hệ đó (REVOKE ${owner} FROM ${gateway}). / Role ${gateway} is a member of ${owner}; revoke that membership (REVOKE ${owner} FROM ${gateway}).';
  END IF;
END $$;
ALTER ROLE ${gateway} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;

-- The owner owns the database (so it may create the extension the migrations need) and every
-- table, sequence, function and type of the schema; the gateway role owns nothing.
REASSIGN OWNED BY ${gateway} TO ${owner};
DO $$ BEGIN EXECUTE format('ALTER DATABASE %I OWNER TO ${owner}', current_database()); END $$;
GRANT USAGE, CREATE ON SCHEMA public TO ${owner};
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
DO $$
DECLARE statement text;
BEGIN
  FOR statement IN
    SELECT format('ALTER %s %s OWNER TO ${owner}', CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, c.oid::regclass)
      FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
       AND c.relowner <> '${owner}'::regrole
       -- a sequence of a column follows its table; an extension's objects stay its own
       AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
    UNION ALL
    SELECT format('ALTER ROUTINE %s OWNER TO ${owner}', p.oid::regprocedure)
      FROM pg_proc p
     WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '${owner}'::regrole
       AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT format('ALTER TYPE %s OWNER TO ${owner}', t.oid::regtype)
      FROM pg_type t
     WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd') AND t.typowner <> '${owner}'::regrole
       AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE statement;
  END LOOP;
END $$;
`;
}

/** Step 3, after the migrations: what the gateway may do, table by table. */
export function grantsSql({ owner, gateway }: RoleNames): string {
  return `-- What the application does: read and write its tables, use their sequences. Granted afresh.
DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${gateway}', current_database()); END $$;
GRANT USAGE ON SCHEMA public TO ${gateway};
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${gateway};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${gateway};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${gateway};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${gateway};
-- Tables a later migration adds are granted the same until this runs again.
ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${gateway};
ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${gateway};

-- The audit trail is written by its trigger function with the owner's rights: read only. The
-- migration history is the owner's: read only (the gateway checks it on start).
REVOKE INSERT, UPDATE, DELETE ON audit_entries, _prisma_migrations FROM ${gateway};
-- Append-only logs (the tables that refuse changes, coso_refuse_change): insert and read.
DO $$
DECLARE tbl regclass;
BEGIN
  FOR tbl IN SELECT DISTINCT t.tgrelid::regclass FROM pg_trigger t WHERE t.tgfoid = 'coso_refuse_change'::regproc LOOP
    EXECUTE format('REVOKE UPDATE, DELETE ON %s FROM ${gateway}', tbl);
  END LOOP;
END $$;
`;
}

/** The script `coso db roles` prints (without --apply): for a DBA to read or run with psql. */
export function rolesScript(names: RoleNames): string {
  return `-- coso db roles --owner ${names.owner} --gateway ${names.gateway}
-- Run as a superuser, connected to coso's database: psql -v ON_ERROR_STOP=1 -d <database> -f <this file>
-- (\`coso db roles --apply\` runs the three steps itself and sets the passwords.)

-- 1. Roles and ownership ──────────────────────────────────────────────────────
${rolesAndOwnershipSql(names)}
-- Passwords: \\password ${names.owner}   and   \\password ${names.gateway}

-- 2. Migrations, as the owner: DATABASE_URL=postgres://${names.owner}:…@…/<database> coso migrate

-- 3. Grants (after the migrations; again after every upgrade) ──────────────────
${grantsSql(names)}
-- The gateway then runs with DATABASE_URL=postgres://${names.gateway}:…@…/<database>
`;
}

/** Where a password comes from: the environment, else a prompt on a terminal; refused when weak. */
export type PasswordSource = (variable: string, role: string) => Promise<string | undefined>;

export function passwordFromEnvOrPrompt(env: NodeJS.ProcessEnv, stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): PasswordSource {
  return async (variable, role) => {
    const fromEnv = env[variable];
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    if (!stdin.isTTY) return undefined;
    const first = await promptHidden(`Mật khẩu của vai trò ${role} / Password of role ${role}: `, stdin, stdout);
    const again = await promptHidden('Nhập lại / Repeat: ', stdin, stdout);
    if (again !== first) throw new DbRolesRefused([{ vi: 'Hai lần nhập mật khẩu không khớp.', en: 'The two passwords differ.' }]);
    return first;
  };
}

/**
 * `coso db roles --apply`, connected as a superuser: the roles and the ownership, then the pending
 * migrations as the owner (SET ROLE), then the grants. A role that is new needs a password; an
 * existing one keeps its own unless one is given.
 */
export async function applyRoles(
  connectionString: string,
  names: RoleNames,
  password: PasswordSource,
  log: (line: string) => void = () => {},
): Promise<{ created: string[]; migrated: string[] }> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const existing = new Set(
      (
        await client.query<{ rolname: string }>('SELECT rolname FROM pg_roles WHERE rolname = ANY($1)', [[names.owner, names.gateway]])
      ).rows.map((r) => r.rolname),
    );
    const passwords = new Map<string, string>();
    const problems: Array<{ vi: string; en: string }> = [];
    for (const [role, variable] of [
      [names.owner, OWNER_PASSWORD_VARIABLE],
      [names.gateway, GATEWAY_PASSWORD_VARIABLE],
    ] as const) {
      const given = await password(variable, role);
      if (given === undefined) {
        if (!existing.has(role)) {
          problems.push({
            vi: `Vai trò ${role} chưa có và cần mật khẩu: đặt biến môi trường ${variable}, hoặc chạy lệnh trong một terminal để nhập.`,
            en: `Role ${role} does not exist yet and needs a password: set the ${variable} environment variable, or run the command in a terminal to type it.`,
          });
        }
        continue;
      }
      const weak = passwordProblem(given);
      if (weak) problems.push({ vi: `${role}: ${weak.vi}`, en: `${role}: ${weak.en}` });
      else passwords.set(role, given);
    }
    if (problems.length) throw new DbRolesRefused(problems);

    await inTransaction(client, async () => {
      await client.query(rolesAndOwnershipSql(names));
      for (const [role, secret] of passwords) await client.query(`ALTER ROLE ${role} PASSWORD ${client.escapeLiteral(secret)}`);
    });
    const report = await applyMigrations(connectionString, { role: names.owner, log });
    await inTransaction(client, () => client.query(grantsSql(names)).then(() => undefined));
    return { created: [names.owner, names.gateway].filter((r) => !existing.has(r)), migrated: report.applied };
  } finally {
    await client.end();
  }
}

async function inTransaction(client: pg.Client, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
