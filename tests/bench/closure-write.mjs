// The cost of one write to the unit hierarchy (issue #13): the unit closure's trigger work per
// statement, before (the whole closure rebuilt, migration unit_closure) and after (only the rows a
// statement can change, migration unit_closure_incremental), on the same data in one run. "Before"
// is the first migration's trigger put back inside the measuring transaction; every write is rolled
// back, so the cases do not disturb each other.
//
//   npx turbo run build && node tests/bench/closure-write.mjs [--districts 1] [--runs 10] [--data-dir /tmp/coso-closure-bench]
//
// The data directory is kept: a second run reuses the seeded database.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { cityParts } from '@coso/sample-data';
import { applyMigrations, createPrismaClient, startEmbeddedPostgres, writeState } from '@coso/schema';

const { values } = parseArgs({
  options: {
    districts: { type: 'string', default: '1' },
    runs: { type: 'string', default: '10' },
    'data-dir': { type: 'string', default: '/tmp/coso-closure-bench' },
  },
});
const N = Number(values.districts);
const RUNS = Number(values.runs);

const server = await startEmbeddedPostgres({ dataDir: values['data-dir'] });
const root = createPrismaClient(server.connectionString);
const name = `closure_bench_${N}`;
if (!(await root.$queryRawUnsafe(`SELECT 1 FROM pg_database WHERE datname = '${name}'`)).length)
  await root.$executeRawUnsafe(`CREATE DATABASE ${name}`);
const u = new URL(server.connectionString);
u.pathname = `/${name}`;
await applyMigrations(u.toString(), { log: () => {} });
const prisma = createPrismaClient(u.toString());
if ((await prisma.administrativeUnit.count()) === 0) {
  const started = performance.now();
  for (const part of cityParts(N)) await writeState(prisma, part);
  console.error(`seeded ${N} district(s) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

const [{ units, closure }] = await prisma.$queryRawUnsafe(
  'SELECT (SELECT count(*) FROM administrative_units)::int AS units, (SELECT count(*) FROM unit_closure)::int AS closure',
);
// A current ward (for a new group's link), its current link, and a district's current link.
const [ward] = await prisma.$queryRawUnsafe(
  `SELECT p.id::text AS link, p.unit_id::text AS unit FROM unit_parents p JOIN administrative_units w ON w.id = p.unit_id
   WHERE w.kind = 'WARD' AND w.valid_to IS NULL AND p.valid_to IS NULL ORDER BY w.name LIMIT 1`,
);
const [district] = await prisma.$queryRawUnsafe(
  `SELECT p.id::text AS link FROM unit_parents p JOIN administrative_units d ON d.id = p.unit_id
   WHERE d.kind = 'DISTRICT' ORDER BY d.name LIMIT 1`,
);
const [{ below }] = await prisma.$queryRawUnsafe(
  `SELECT count(*)::int AS below FROM unit_closure WHERE ancestor_id = '${ward.unit}'::uuid AND ancestor_id <> descendant_id`,
);

const CASES = {
  // As createUnitParent writes it: a new residential group's link under a current ward.
  'insert a new group under a ward': async (tx) => {
    await tx.$executeRawUnsafe(`INSERT INTO administrative_units (id, kind, name, name_search, valid_from)
      VALUES ('00000000-0000-4000-8000-00000000b001', 'RESIDENTIAL_GROUP', 'Tổ thử', 'to thu', '2026-01-01')`);
    return `INSERT INTO unit_parents (id, unit_id, parent_id, valid_from)
      VALUES (gen_random_uuid(), '00000000-0000-4000-8000-00000000b001', '${ward.unit}'::uuid, '2026-01-01')`;
  },
  [`end a ward's link (the ward and its ${below} units below)`]: async () =>
    `UPDATE unit_parents SET valid_to = '2026-06-01' WHERE id = '${ward.link}'::uuid`,
  "re-date a district's link (the district and all below it)": async () =>
    `UPDATE unit_parents SET valid_from = valid_from + 1 WHERE id = '${district.link}'::uuid`,
};

/** The first migration's trigger, put back for "before" (inside the transaction, rolled back). */
async function wholeRebuild(tx) {
  for (const event of ['insert', 'update', 'delete']) await tx.$executeRawUnsafe(`DROP TRIGGER coso_unit_closure_${event} ON unit_parents`);
  await tx.$executeRawUnsafe(`CREATE FUNCTION pg_temp.whole_rebuild() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM coso_rebuild_unit_closure(); RETURN NULL; END $$`);
  await tx.$executeRawUnsafe(`CREATE TRIGGER whole AFTER INSERT OR UPDATE OR DELETE ON unit_parents
    FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.whole_rebuild()`);
}

class Rollback extends Error {}
async function time(prepare, variant) {
  let ms = 0;
  await prisma
    .$transaction(
      async (tx) => {
        if (variant === 'before') await wholeRebuild(tx);
        const sql = await prepare(tx);
        const started = performance.now();
        await tx.$executeRawUnsafe(sql);
        ms = performance.now() - started;
        throw new Rollback();
      },
      { timeout: 120_000 },
    )
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return ms;
}

console.log(`${N} district(s): ${units} units, ${closure} closure rows; mean of ${RUNS} after 2 warm-ups, ms per statement`);
console.log('| write | before (whole rebuild) | after (touched rows) |');
console.log('| --- | --- | --- |');
for (const [label, prepare] of Object.entries(CASES)) {
  const cells = [];
  for (const variant of ['before', 'after']) {
    for (let i = 0; i < 2; i++) await time(prepare, variant);
    let sum = 0;
    for (let i = 0; i < RUNS; i++) sum += await time(prepare, variant);
    cells.push((sum / RUNS).toFixed(1));
  }
  console.log(`| ${label} | ${cells.join(' | ')} |`);
}
await prisma.$disconnect();
await root.$disconnect();
await server.stop();
