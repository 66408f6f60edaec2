import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, withClient } from '../testing/test-database.js';
import { createMigration, nextMigrationStamp, SCHEMA_PATH } from './create-migration.js';
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from './migrate.js';
import { recordTableSql } from './record-table-sql.js';

const adminUrl = inject('databaseAdminUrl');
const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

const schemaText = readFileSync(SCHEMA_PATH, 'utf8');

describe('db:migration:create writes the period check and audit triggers of every table it creates', () => {
  it('a new record table gets its triggers with no hand edit: the migration applies and the table is audited and versioned', async () => {
    const work = mkdtempSync(join(tmpdir(), 'coso-migration-'));
    const dir = join(work, 'migrations');
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const schemaPath = join(work, 'schema.prisma');
    // A model no real schema has (appended to the real one, it must not clash with an entity).
    expect(schemaText).not.toMatch(/\bMigrationProbe\b|migration_probes/);
    writeFileSync(
      schemaPath,
      `${schemaText}
model MigrationProbe {
  id        String    @id @db.Uuid
  name      String
  validFrom DateTime  @map("valid_from") @db.Date
  validTo   DateTime? @map("valid_to") @db.Date
  version   Int       @default(1)

  @@map("migration_probes")
}
`,
    );
    // A clock behind the latest migration (the repository's history runs ahead of today's date).
    const made = await createMigration(adminUrl, 'add_migration_probe', { schemaPath, dir, now: new Date('2000-01-01T00:00:00Z') });
    expect(readMigrations(dir).at(-1)?.name).toBe(basename(made?.dir ?? ''));
    expect(made?.sql).toContain(`SELECT coso_audit_table('migration_probes', 'MigrationProbe');`);
    expect(made?.sql).toContain('ADD CONSTRAINT "migration_probes_period"');
    expect(readFileSync(join(made?.dir ?? '', 'migration.sql'), 'utf8')).toBe(made?.sql);

    const db = await createTestDatabase(adminUrl, { template: null });
    drops.push(db.drop);
    await applyMigrations(db.url, { dir });
    const written = await withClient(db.url, async (c) => {
      await c.query(`INSERT INTO migration_probes (id, name, valid_from) VALUES (gen_random_uuid(), 'Tổ tự quản', '2025-08-01')`);
      await c.query(`UPDATE migration_probes SET name = 'Tổ tự quản số 1'`);
      const version = await c.query<{ version: number }>('SELECT version FROM migration_probes');
      const audit = await c.query<{ entity_type: string; n: number }>(
        `SELECT entity_type, count(*)::int AS n FROM audit_entries WHERE entity_type = 'MigrationProbe' GROUP BY 1`,
      );
      const backwards = await c
        .query(
          `INSERT INTO migration_probes (id, name, valid_from, valid_to) VALUES (gen_random_uuid(), 'Sai', '2025-08-01', '2025-07-01')`,
        )
        .then(
          () => 'accepted',
          (e: { constraint?: string }) => e.constraint,
        );
      return { version: version.rows[0]?.version, entries: audit.rows[0]?.n, backwards };
    });
    expect(written).toEqual({ version: 2, entries: 2, backwards: 'migration_probes_period' });
  });

  it('derives exactly the lines the migrations hold by hand (period checks; audit of every record table and link, not of logs)', () => {
    const all = readMigrations()
      .map((m) => readFileSync(join(MIGRATIONS_DIR, m.name, 'migration.sql'), 'utf8'))
      .join('\n');
    const derived = recordTableSql(all, schemaText).split('\n');
    const lines = (pattern: RegExp) => new Set([...all.matchAll(pattern)].map((m) => m[0]));
    const audits = derived.filter((l) => l.startsWith('SELECT coso_audit_table('));
    const periods = derived.filter((l) => l.includes('_period" CHECK'));
    expect(audits.length).toBeGreaterThan(25);
    expect(periods.length).toBeGreaterThan(15);
    expect(new Set(audits)).toEqual(lines(/^SELECT coso_audit_table\(.*\);$/gm));
    expect(new Set(periods)).toEqual(lines(/^ALTER TABLE .*_period" CHECK.*;$/gm));
  });
});

describe('the next migration sorts after every existing one', () => {
  /** `yyyymmddHHMMSS` of a date, UTC, written out field by field. */
  const stamp = (d: Date) =>
    [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
      .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
      .join('');
  const dates = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });

  it('is one second after the latest when the clock is behind it (hand-computed, across a year end)', () => {
    expect(nextMigrationStamp(new Date('2026-12-03T08:04:43Z'), ['20261203120000_a', '20261203150000_b'])).toBe('20261203150001');
    expect(nextMigrationStamp(new Date('2026-12-03T08:04:43Z'), ['20261231235959_a'])).toBe('20270101000000');
    expect(nextMigrationStamp(new Date('2026-12-03T08:04:43.900Z'), ['20261203070000_a'])).toBe('20261203080443');
    expect(nextMigrationStamp(new Date('2026-12-03T08:04:43Z'), [])).toBe('20261203080443');
  });

  it('for any history and clock: sorts after every existing name, never before now, and is now when now is later', () => {
    fc.assert(
      fc.property(fc.array(dates, { maxLength: 8 }), dates, (existing, now) => {
        const names = existing.map((d, i) => `${stamp(d)}_m${i}`);
        const next = nextMigrationStamp(now, names);
        expect(next).toMatch(/^\d{14}$/);
        for (const name of names) expect(`${next}_new` > name).toBe(true);
        expect(next >= stamp(now)).toBe(true);
        if (names.every((name) => name.slice(0, 14) < stamp(now))) expect(next).toBe(stamp(now));
      }),
    );
  });
});
