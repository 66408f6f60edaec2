import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * The project's own migration step (the Prisma CLI cannot apply migrations offline here).
 * Plain SQL files in Prisma's layout (`prisma/migrations/<timestamp>_<name>/migration.sql`),
 * recorded in Prisma's `_prisma_migrations` table with Prisma's checksum, so the history stays
 * readable by Prisma's own tools where they are available.
 */
export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 of migration.sql, hex, as Prisma computes it. */
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/** The applied history does not match the files: refuse rather than guess. */
export class MigrationHistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationHistoryError';
  }
}

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'prisma', 'migrations');

// Any fixed 64-bit key; every coso process that migrates takes the same lock.
const LOCK_KEY = 4_242_001;

export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

/**
 * Applies pending migrations in order, each in its own transaction. Idempotent; safe when several
 * processes start at once (a session advisory lock serialises them); refuses a database whose
 * applied history differs from the files (edited, missing, failed or out-of-order migrations).
 */
export async function applyMigrations(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void /** SET ROLE first: what is created belongs to this role. */; role?: string } = {},
): Promise<MigrationReport> {
  const files = readMigrations(options.dir);
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    if (options.role) await client.query(`SET ROLE ${client.escapeIdentifier(options.role)}`);
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(HISTORY_TABLE);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY migration_name',
    );
    checkHistory(rows, files);
    const pending = files.slice(rows.length);
    for (const m of pending) {
      log(`applying migration ${m.name}`);
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)',
          [randomUUID(), m.checksum, m.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${m.name} failed and was rolled back: ${(error as Error).message}`);
      }
    }
    return { applied: pending.map((m) => m.name), alreadyApplied: rows.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** What a connection would find: the migrations still to apply, and whether its role may apply them. */
export interface MigrationStatus {
  role: string;
  applied: number;
  pending: string[];
  /**
   * The role owns the history table (so, by `coso db roles`, the schema's tables), or there is no
   * history yet and it may create tables. A gateway role that owns nothing cannot migrate.
   */
  canMigrate: boolean;
}

/** Reads the applied history without writing anything (a lesser role may only read it). */
export async function migrationStatus(connectionString: string, options: { dir?: string } = {}): Promise<MigrationStatus> {
  const files = readMigrations(options.dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows: who } = await client.query<{ role: string; history: boolean; can_migrate: boolean }>(
      `SELECT current_user AS role, to_regclass('"_prisma_migrations"') IS NOT NULL AS history,
              CASE WHEN to_regclass('"_prisma_migrations"') IS NULL THEN has_schema_privilege(current_schema(), 'CREATE')
                   ELSE pg_has_role((SELECT relowner FROM pg_class WHERE oid = to_regclass('"_prisma_migrations"')), 'USAGE') END AS can_migrate`,
    );
    const { role, history, can_migrate } = who[0] as { role: string; history: boolean; can_migrate: boolean };
    const applied = history
      ? (
          await client.query<AppliedRow>(
            'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY migration_name',
          )
        ).rows
      : [];
    checkHistory(applied, files);
    return { role, applied: applied.length, pending: files.slice(applied.length).map((m) => m.name), canMigrate: can_migrate };
  } finally {
    await client.end();
  }
}

/** Migrations are pending and the connected role may not apply them: the owner role must. */
export class MigrationsPendingError extends Error {
  readonly localizedMessage: { vi: string; en: string };
  constructor(readonly status: MigrationStatus) {
    const n = status.pending.length;
    const localized = {
      vi: `Vai trò "${status.role}" không được áp dụng ${n} migration còn thiếu (${status.pending.join(', ')}). Chạy \`coso migrate\` với DATABASE_URL của vai trò chủ sở hữu (owner), rồi \`coso db roles\` để cấp lại quyền, sau đó khởi động lại.`,
      en: `The role "${status.role}" may not apply the ${n} pending migrations (${status.pending.join(', ')}). Run \`coso migrate\` with the owner role's DATABASE_URL, then \`coso db roles\` to grant again, and start again.`,
    };
    super(`${localized.vi}\n${localized.en}`);
    this.name = 'MigrationsPendingError';
    this.localizedMessage = localized;
  }
}

/**
 * What a process does on start: nothing when the database is current; applies the pending
 * migrations when its role may; otherwise refuses (MigrationsPendingError) rather than fail half-way.
 */
export async function migrateIfPermitted(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrationReport> {
  const status = await migrationStatus(connectionString, options);
  if (status.pending.length === 0) return { applied: [], alreadyApplied: status.applied };
  if (!status.canMigrate) throw new MigrationsPendingError(status);
  return applyMigrations(connectionString, options);
}

function checkHistory(applied: readonly AppliedRow[], files: readonly MigrationFile[]): void {
  applied.forEach((row, i) => {
    const file = files[i];
    if (row.finished_at === null) {
      throw new MigrationHistoryError(
        `Migration ${row.migration_name} is recorded as started but never finished; repair the database before migrating.`,
      );
    }
    if (!file || file.name !== row.migration_name) {
      throw new MigrationHistoryError(
        `The database has migration ${row.migration_name} applied, but the files ${file ? `have ${file.name} in its place` : 'do not have it'}; this database belongs to another history.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationHistoryError(
        `Migration ${row.migration_name} was edited after it was applied (checksum differs); add a new migration instead.`,
      );
    }
  });
}
