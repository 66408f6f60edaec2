import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, withClient } from '../testing/test-database.js';
import { latestSnapshot, pendingSchemaChanges, SCHEMA_PATH } from './create-migration.js';
import { createSchemaDiffer } from './schema-engine.js';

const adminUrl = inject('databaseAdminUrl');
const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

/** Tables, columns, types, nullability and foreign keys: what schema.prisma describes. */
async function catalog(url: string) {
  return withClient(url, async (c) => {
    const columns = await c.query(
      `SELECT table_name, column_name, udt_name, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`,
    );
    const fks = await c.query(
      `SELECT conrelid::regclass::text AS tbl, confrelid::regclass::text AS ref, pg_get_constraintdef(oid) AS def
         FROM pg_constraint WHERE contype = 'f' ORDER BY 1, 3`,
    );
    const uniques = await c.query(
      `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE%' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`,
    );
    return { columns: columns.rows, fks: fks.rows, uniques: uniques.rows };
  });
}

describe('schema.prisma and the migrations agree', () => {
  it('has no change in schema.prisma that no migration covers', async () => {
    const pending = await pendingSchemaChanges(adminUrl);
    expect(pending, 'run: npm run db:migration:create -w @coso/schema -- <name>').toBe('');
    expect(latestSnapshot()).toBe(readFileSync(SCHEMA_PATH, 'utf8'));
  });

  it('builds from the migrations the same tables, columns and keys as schema.prisma describes', async () => {
    const migrated = await createTestDatabase(adminUrl);
    drops.push(migrated.drop);
    const direct = await createTestDatabase(adminUrl, { template: null });
    drops.push(direct.drop);
    const differ = await createSchemaDiffer(adminUrl);
    const sql = await differ.diff(null, readFileSync(SCHEMA_PATH, 'utf8'));
    await withClient(direct.url, (c) => c.query(sql));
    expect(await catalog(migrated.url)).toEqual(await catalog(direct.url));
  });
});
