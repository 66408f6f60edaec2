import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { applyMigrations, readMigrations } from '../database/migrate.js';

/**
 * Real PostgreSQL for tests. With TEST_DATABASE_URL (or DATABASE_URL) set, tests use that server
 * (CI runs them against the machine's PostgreSQL 15 too); otherwise an embedded server is
 * started for the run. Each test file gets its own database, cloned from a migrated template,
 * so files run in parallel without seeing each other's rows.
 */
export interface TestServer {
  /** Connection string to the server's maintenance database (`postgres`). */
  adminUrl: string;
  kind: 'embedded' | 'server';
  stop(): Promise<void>;
}

/**
 * The migrated template's name: one per set of migrations (their checksums' hash), so checkouts
 * with different migrations testing against one server each keep their own template instead of
 * rebuilding a shared one under each other's clones. Templates of older migration sets stay on a
 * long-lived server (about 10 MB each); `DROP DATABASE` them at will.
 */
function templateDatabase(): string {
  templateName ??= `coso_test_template_${migrationsFingerprint().slice(0, 16)}`;
  return templateName;
}
let templateName: string | undefined;

function migrationsFingerprint(): string {
  return createHash('sha256')
    .update(
      readMigrations()
        .map((m) => `${m.name}:${m.checksum}`)
        .join('\n'),
    )
    .digest('hex');
}

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (external) {
    const adminUrl = withDatabase(external, 'postgres');
    await prepareTemplate(adminUrl);
    return { adminUrl, kind: 'server', stop: async () => {} };
  }
  const db = await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'coso-test-pg-')), ephemeral: true });
  await prepareTemplate(db.connectionString);
  return { adminUrl: db.connectionString, kind: 'embedded', stop: () => db.stop() };
}

/**
 * Makes sure the template database holds every migration. Several test projects may start at once
 * against one server (CI runs two): an advisory lock serialises them, and a template that is
 * already built is reused without connecting to it (a connection to the template would make other
 * projects' `CREATE DATABASE … TEMPLATE` fail). A template is marked in its comment once its
 * migrations are applied; one left half-built (a run killed meanwhile) is built again.
 */
async function prepareTemplate(adminUrl: string): Promise<void> {
  const template = templateDatabase();
  await withClient(adminUrl, async (c) => {
    await c.query('SELECT pg_advisory_lock(4242002)');
    try {
      const { rows } = await c.query<{ comment: string | null }>(
        "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
        [template],
      );
      if (rows[0]?.comment === 'migrated') return;
      await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${template}`);
      await applyMigrations(withDatabase(adminUrl, template));
      await c.query(`COMMENT ON DATABASE ${template} IS 'migrated'`);
    } finally {
      await c.query('SELECT pg_advisory_unlock(4242002)');
    }
  });
}

/**
 * Data many test files start from (the access fixture, the sample dataset). It is loaded once per
 * test run into a template database of its own, and each file clones that template (a file copy in
 * PostgreSQL, well under a second) instead of writing the same rows again (seconds each, and its
 * accounts' scrypt hashes).
 */
export interface DatabaseFixture {
  /** Lower-case letters, digits and `_`: part of the template database's name. */
  name: string;
  /** Writes the fixture into an empty migrated database through `url`; closes what it opens. */
  load(url: string): Promise<void>;
}

/**
 * The template database of `fixture` for the test run `runId`, loaded the first time it is asked
 * for. Per run, not reused across runs: a fixture is code (the store, the loaders), and a template
 * left by an earlier run on a long-lived server could hold what older code wrote. Test files of a
 * run ask concurrently: an advisory lock per fixture lets one load it while the others wait.
 */
const fixtureTemplates = new Map<string, Promise<string>>();
function fixtureTemplate(adminUrl: string, fixture: DatabaseFixture, runId: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(fixture.name) || !/^[a-z0-9]+$/.test(runId))
    throw new Error(`bad fixture name or run id: ${fixture.name} ${runId}`);
  const name = `${FIXTURE_PREFIX}${fixture.name}_${runId}`;
  const key = `${adminUrl} ${name}`;
  let made = fixtureTemplates.get(key);
  if (!made) {
    made = withClient(adminUrl, async (c) => {
      await c.query('SELECT pg_advisory_lock(4242003, hashtext($1))', [name]);
      try {
        const { rows } = await c.query<{ comment: string | null }>(
          "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
          [name],
        );
        if (rows[0]?.comment === 'loaded') return name;
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
        await fixture.load(withDatabase(adminUrl, name));
        // Statistics for the planner, copied into every clone: without them a fresh database's first
        // plans are guesses (the SQL report took 2.5 s instead of 0.15 s on the sample).
        await withClient(withDatabase(adminUrl, name), (db) => db.query('ANALYZE'));
        // Marked only once loaded: a load that failed half-way is dropped and redone by the next file.
        await c.query(`COMMENT ON DATABASE ${name} IS 'loaded'`);
        return name;
      } finally {
        await c.query('SELECT pg_advisory_unlock(4242003, hashtext($1))', [name]);
      }
    });
    fixtureTemplates.set(key, made);
    made.catch(() => fixtureTemplates.delete(key));
  }
  return made;
}

const FIXTURE_PREFIX = 'coso_fx_';

/** Drops the fixture templates of a test run (its globalSetup's teardown). */
export async function dropFixtureTemplates(adminUrl: string, runId: string): Promise<void> {
  await withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${FIXTURE_PREFIX}%\\_${runId}`,
    ]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}

/** A fresh, migrated database for one test file (with a fixture's data when given); `drop` removes it. */
export async function createTestDatabase(
  adminUrl: string,
  options: { template?: string | null; fixture?: { fixture: DatabaseFixture; runId: string } } = {},
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `coso_test_${randomBytes(6).toString('hex')}`;
  const template = options.fixture
    ? await fixtureTemplate(adminUrl, options.fixture.fixture, options.fixture.runId)
    : options.template === undefined
      ? templateDatabase()
      : options.template;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: () => withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
