import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, withClient } from '../testing/test-database.js';
import { applyMigrations, MIGRATIONS_DIR, MigrationHistoryError, readMigrations } from './migrate.js';

const adminUrl = inject('databaseAdminUrl');
const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

async function emptyDatabase() {
  const db = await createTestDatabase(adminUrl, { template: null });
  drops.push(db.drop);
  return db.url;
}

const tables = (url: string) =>
  withClient(
    url,
    async (c) => (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).rows[0]?.n ?? 0,
  );

describe('db:migrate', () => {
  it('applies every migration once, then nothing (idempotent)', async () => {
    const url = await emptyDatabase();
    const first = await applyMigrations(url);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    expect(first.applied.length).toBeGreaterThan(0);
    const second = await applyMigrations(url);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
    expect(await tables(url)).toBeGreaterThan(30);
  });

  it('is safe when two processes start at once', async () => {
    const url = await emptyDatabase();
    const [a, b] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect(a.applied.length + b.applied.length).toBe(readMigrations().length);
    const rows = await withClient(url, (c) => c.query('SELECT migration_name FROM "_prisma_migrations"'));
    expect(rows.rowCount).toBe(readMigrations().length);
  });

  it('refuses a database whose applied migration was edited since, and changes nothing', async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    const dir = mkdtempSync(join(tmpdir(), 'coso-migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const first = readMigrations(dir)[0];
    if (!first) throw new Error('no migration');
    writeFileSync(join(dir, first.name, 'migration.sql'), `${first.sql}\n-- edited\n`);
    cpSync(join(dir, first.name), join(dir, '99990101000000_later'), { recursive: true });
    writeFileSync(join(dir, '99990101000000_later', 'migration.sql'), 'CREATE TABLE later_table (id int);');
    await expect(applyMigrations(url, { dir })).rejects.toBeInstanceOf(MigrationHistoryError);
    const later = await withClient(url, (c) => c.query("SELECT 1 FROM pg_tables WHERE tablename = 'later_table'"));
    expect(later.rowCount).toBe(0);
  });

  it('refuses a database with a migration the files do not have', async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    await withClient(url, (c) =>
      c.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at) VALUES ('x', 'y', '00000000000000_foreign', now())`,
      ),
    );
    await expect(applyMigrations(url)).rejects.toThrow(/another history|do not have it|in its place/);
  });

  it('rolls a failing migration back whole and records nothing for it', async () => {
    const url = await emptyDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'coso-migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const bad = join(dir, '99990101000000_broken');
    cpSync(join(dir, readMigrations(dir)[0]?.name ?? ''), bad, { recursive: true });
    writeFileSync(join(bad, 'migration.sql'), 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;');
    await expect(applyMigrations(url, { dir })).rejects.toThrow(/99990101000000_broken failed/);
    const half = await withClient(url, (c) => c.query("SELECT 1 FROM pg_tables WHERE tablename = 'half_done'"));
    expect(half.rowCount).toBe(0);
    const recorded = await withClient(url, (c) => c.query('SELECT migration_name FROM "_prisma_migrations"'));
    expect(recorded.rows.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));
  });
});
