import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS_DIR, readMigrations } from './migrate.js';
import { recordTableSql } from './record-table-sql.js';
import { createSchemaDiffer, isEmptyDiff } from './schema-engine.js';

export const SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'prisma', 'schema.prisma');

/** Each migration keeps the schema.prisma it was made from, so the next one diffs from it (no shadow database). */
export const SNAPSHOT_FILE = 'schema.prisma';

/** The schema the latest migration was made from, or null when there is none. */
export function latestSnapshot(dir: string = MIGRATIONS_DIR): string | null {
  const last = readMigrations(dir).at(-1);
  if (!last) return null;
  const file = join(dir, last.name, SNAPSHOT_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** SQL for the changes in schema.prisma that no migration covers yet ('' when there are none). */
export async function pendingSchemaChanges(connectionString: string, options: { schemaPath?: string; dir?: string } = {}): Promise<string> {
  const current = readFileSync(options.schemaPath ?? SCHEMA_PATH, 'utf8');
  const differ = await createSchemaDiffer(connectionString);
  const sql = await differ.diff(latestSnapshot(options.dir), current);
  return isEmptyDiff(sql) ? '' : sql;
}

/** A migration's `yyyymmddHHMMSS` prefix, UTC. */
function stampOf(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * The timestamp of the next migration: now, or one second after the latest existing one when that
 * is not earlier (a clock behind the repository's history). Migrations apply in name order and the
 * next one diffs from the latest one's snapshot, so a new migration must sort last.
 */
export function nextMigrationStamp(now: Date, existing: readonly string[]): string {
  const latest = existing
    .map((name) => /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_/.exec(name))
    .flatMap((m) => (m ? [Date.UTC(+(m[1] ?? 0), +(m[2] ?? 1) - 1, +(m[3] ?? 1), +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))] : []))
    .reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  const second = Math.floor(now.getTime() / 1000) * 1000;
  return stampOf(new Date(Math.max(second, latest + 1000)));
}

/**
 * Writes the next migration from the change to schema.prisma: `<timestamp>_<name>/migration.sql`
 * plus the schema snapshot, named to sort after every existing migration. Returns null when schema.prisma has no uncovered change.
 * Each table it creates gets its period check and audit triggers (`recordTableSql`); other
 * constraints Prisma cannot express (exclusions, checks, collations) are appended by hand, under
 * a `-- coso:` heading.
 */
export async function createMigration(
  connectionString: string,
  name: string,
  options: { schemaPath?: string; dir?: string; now?: Date } = {},
): Promise<{ dir: string; sql: string } | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Migration name "${name}" must be lower-case letters, digits and underscores`);
  const sql = await pendingSchemaChanges(connectionString, options);
  if (sql === '') return null;
  const stamp = nextMigrationStamp(
    options.now ?? new Date(),
    readMigrations(options.dir).map((m) => m.name),
  );
  const dir = join(options.dir ?? MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  const schemaText = readFileSync(options.schemaPath ?? SCHEMA_PATH, 'utf8');
  const written = sql + recordTableSql(sql, schemaText);
  writeFileSync(join(dir, 'migration.sql'), written);
  writeFileSync(join(dir, SNAPSHOT_FILE), schemaText);
  return { dir, sql: written };
}
