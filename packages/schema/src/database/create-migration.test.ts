import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, withClient } from '../testing/test-database.js';
import { createMigration, SCHEMA_PATH } from './create-migration.js';
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
    writeFileSync(
      schemaPath,
      `${schemaText}
model NeighbourhoodWatch {
  id        String    @id @db.Uuid
  name      String
  validFrom DateTime  @map("valid_from") @db.Date
  validTo   DateTime? @map("valid_to") @db.Date
  version   Int       @default(1)

  @@map("neighbourhood_watches")
}
`,
    );
    const made = await createMigration(adminUrl, 'add_neighbourhood_watch', { schemaPath, dir, now: new Date('2099-01-01T00:00:00Z') });
    expect(made?.sql).toContain(`SELECT coso_audit_table('neighbourhood_watches', 'NeighbourhoodWatch');`);
    expect(made?.sql).toContain('ADD CONSTRAINT "neighbourhood_watches_period"');
    expect(readFileSync(join(made?.dir ?? '', 'migration.sql'), 'utf8')).toBe(made?.sql);

    const db = await createTestDatabase(adminUrl, { template: null });
    drops.push(db.drop);
    await applyMigrations(db.url, { dir });
    const written = await withClient(db.url, async (c) => {
      await c.query(`INSERT INTO neighbourhood_watches (id, name, valid_from) VALUES (gen_random_uuid(), 'Tổ tự quản', '2025-08-01')`);
      await c.query(`UPDATE neighbourhood_watches SET name = 'Tổ tự quản số 1'`);
      const version = await c.query<{ version: number }>('SELECT version FROM neighbourhood_watches');
      const audit = await c.query<{ entity_type: string; n: number }>(
        `SELECT entity_type, count(*)::int AS n FROM audit_entries WHERE entity_type = 'NeighbourhoodWatch' GROUP BY 1`,
      );
      const backwards = await c
        .query(
          `INSERT INTO neighbourhood_watches (id, name, valid_from, valid_to) VALUES (gen_random_uuid(), 'Sai', '2025-08-01', '2025-07-01')`,
        )
        .then(
          () => 'accepted',
          (e: { constraint?: string }) => e.constraint,
        );
      return { version: version.rows[0]?.version, entries: audit.rows[0]?.n, backwards };
    });
    expect(written).toEqual({ version: 2, entries: 2, backwards: 'neighbourhood_watches_period' });
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
