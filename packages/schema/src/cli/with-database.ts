import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';

/**
 * Runs `work` with a PostgreSQL connection string: DATABASE_URL when set, otherwise a throw-away
 * embedded server (the schema engine needs a live connection even to diff two schema files).
 */
export async function withDatabase<T>(work: (connectionString: string) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (url) return work(url);
  const db = await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'coso-pg-')), ephemeral: true });
  try {
    return await work(db.connectionString);
  } finally {
    await db.stop();
  }
}
