// Bulk import at the scale of issue #14 item 7: a file of N people (10,000) previewed (dry run) and
// committed, then a file of M memberships (2,000) committed, as `coso import` runs them (the system
// writer, in process), on the Long Biên sample. Beside each, a floor measured in the same run on the
// same database: the same rows written with `createMany` in one transaction (the same triggers —
// audit, versions, person_places — and no checks), then rolled back. Prints ms, rows/s, the ratio
// to the floor, and the process's peak RSS after each step. Ratios matter more than absolute times:
// the machine is shared.
//
//   npx turbo run build && node tests/bench/import.mjs [--people 10000] [--memberships 2000] [--data-dir /tmp/coso-bench-import]
//
// The seeded sample database is kept in the data directory; each run imports into a fresh copy of it.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildSchema, createPrismaClient, createRequestContext, importFile, startEmbeddedPostgres } from '@coso/schema';
import { cityDatabase } from './support/city.mjs';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '10000' },
    memberships: { type: 'string', default: '2000' },
    'data-dir': { type: 'string', default: '/tmp/coso-bench-import' },
    // Counts the statements each step sends (by shape) and prints the most frequent: where a row's time goes.
    statements: { type: 'boolean', default: false },
  },
});
const PEOPLE = Number(values.people);
const MEMBERSHIPS = Math.min(Number(values.memberships), PEOPLE);
const TODAY = '2026-11-25';

const server = await startEmbeddedPostgres({ dataDir: values['data-dir'] });
const root = createPrismaClient(server.connectionString);
const seeded = await cityDatabase(server, root, 'import_bench', 1);
await seeded.$disconnect();
await root.$executeRawUnsafe('DROP DATABASE IF EXISTS import_run');
await root.$executeRawUnsafe('CREATE DATABASE import_run TEMPLATE import_bench_1');
const u = new URL(server.connectionString);
u.pathname = '/import_run';
/** Statements sent during the current step, by their text with literals left as Prisma sends them (parameters). */
let statements = new Map();
const prisma = createPrismaClient(
  u.toString(),
  values.statements ? { onQuery: (sql) => statements.set(sql, (statements.get(sql) ?? 0) + 1) } : {},
);
const schema = buildSchema();

// Where the people live and which bodies they join: the sample's groups named with their ward, as
// people write them (only those the pair names alone: after the 2025 merger a new ward holds several
// "Tổ dân phố số 1"), and its Front work committees whose names are unique, as of today.
const groups = await prisma.$queryRawUnsafe(`
  SELECT g.name AS "group", w.name AS ward FROM administrative_units g
  JOIN unit_parents p ON p.unit_id = g.id AND p.valid_from <= '${TODAY}' AND (p.valid_to IS NULL OR p.valid_to > '${TODAY}')
  JOIN administrative_units w ON w.id = p.parent_id
  WHERE g.kind = 'RESIDENTIAL_GROUP' AND (g.valid_to IS NULL OR g.valid_to > '${TODAY}')
  GROUP BY g.name, w.name HAVING count(*) = 1 ORDER BY g.name, w.name LIMIT 200`);
const bodies = await prisma.$queryRawUnsafe(`
  SELECT name FROM organizations WHERE kind = 'FRONT_WORK_COMMITTEE' AND (valid_to IS NULL OR valid_to > '${TODAY}')
  GROUP BY name HAVING count(*) = 1 ORDER BY name LIMIT 200`);
if (!groups.length || !bodies.length) throw new Error('the sample has no groups or bodies to import into');

/** A citizen ID agreeing with a man born in 1980 (001 Hà Nội, 0 = a man of the 1900s, 80). */
const citizenId = (i) => `001080${String(100000 + i).padStart(6, '0')}`;
const peopleRows = Array.from({ length: PEOPLE }, (_, i) => {
  const g = groups[i % groups.length];
  return { key: `NK-${i}`, name: `Người Thử ${i + 1}`, id: citizenId(i), residence: `${g.group}, ${g.ward}` };
});
const peopleCsv = ['Mã nguồn;Họ và tên;Giới tính;Năm sinh;Số CCCD;Thường trú']
  .concat(peopleRows.map((p) => `${p.key};${p.name};Nam;1980;${p.id};"${p.residence}"`))
  .join('\n');
const membershipCsv = ['Mã nguồn;Số định danh cá nhân;Tổ chức;Chức vụ;Ngày bắt đầu']
  .concat(peopleRows.slice(0, MEMBERSHIPS).map((p, i) => `CV-${i};${p.id};"${bodies[i % bodies.length].name}";Thành viên;01/09/2025`))
  .join('\n');

const rss = () => Math.round(process.resourceUsage().maxRSS / 1024);
const results = [];
async function step(name, rows, run) {
  statements = new Map();
  const t = performance.now();
  const outcome = await run();
  const ms = performance.now() - t;
  if (values.statements) {
    const total = [...statements.values()].reduce((a, b) => a + b, 0);
    console.error(`${name}: ${total} statements (${(total / rows).toFixed(1)} a row); the most frequent:`);
    for (const [sql, n] of [...statements].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.error(`  ${n}× ${sql.slice(0, 160)}`);
  }
  results.push({ step: name, rows, ms: Math.round(ms), rowsPerSecond: Math.round((rows * 1000) / ms), peakRssMb: rss() });
  console.error(`${name}: ${Math.round(ms)} ms`);
  return outcome;
}

class RollBack extends Error {}
/** The floor: the same people written in one transaction with createMany (1,000 a statement), rolled back. */
async function floorPeople() {
  const residences = new Map(
    (
      await prisma.$queryRawUnsafe(`
    SELECT g.id, g.name AS "group", w.name AS ward FROM administrative_units g
    JOIN unit_parents p ON p.unit_id = g.id AND p.valid_from <= '${TODAY}' AND (p.valid_to IS NULL OR p.valid_to > '${TODAY}')
    JOIN administrative_units w ON w.id = p.parent_id WHERE g.kind = 'RESIDENTIAL_GROUP'`)
    ).map((r) => [`${r.group}, ${r.ward}`, r.id]),
  );
  try {
    await prisma.$transaction(
      async (tx) => {
        for (let i = 0; i < peopleRows.length; i += 1000) {
          const data = peopleRows.slice(i, i + 1000).map((p) => ({
            id: randomUUID(),
            fullName: p.name,
            nameSearch: p.name.toLowerCase(),
            sex: 'MALE',
            birthYear: 1980,
            citizenId: p.id,
            residenceUnitId: residences.get(p.residence) ?? null,
            validFrom: new Date(`${TODAY}T00:00:00Z`),
          }));
          await tx.person.createMany({ data });
        }
        throw new RollBack();
      },
      { timeout: 600_000 },
    );
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
}

const ctx = await createRequestContext({ prisma, viewer: { kind: 'system' }, today: TODAY });
const file = (name, text) => ({ fileName: name, bytes: Buffer.from(text, 'utf8') });
const check = (outcome, name) => {
  if (outcome.errors.length) throw new Error(`${name}: ${outcome.errors.length} errors, first ${JSON.stringify(outcome.errors[0])}`);
};

await step('floor: people createMany, rolled back', PEOPLE, floorPeople);
check(
  await step('people: preview (dry run)', PEOPLE, () =>
    importFile(ctx, schema, { kind: 'people', ...file('people.csv', peopleCsv), dryRun: true }),
  ),
  'preview',
);
check(
  await step('people: commit', PEOPLE, () => importFile(ctx, schema, { kind: 'people', ...file('people.csv', peopleCsv), dryRun: false })),
  'commit',
);
check(
  await step('memberships: commit', MEMBERSHIPS, () =>
    importFile(ctx, schema, { kind: 'memberships', ...file('memberships.csv', membershipCsv), dryRun: false }),
  ),
  'memberships',
);
const floorMs = results[0].ms;
console.log(`Import of ${PEOPLE} people and ${MEMBERSHIPS} memberships (Node ${process.version}, ${new Date().toISOString()})`);
console.log('| step | rows | ms | rows/s | × floor (people) | peak RSS MB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  const ratio = r.rows === PEOPLE ? (r.ms / floorMs).toFixed(1) : '—';
  console.log(`| ${r.step} | ${r.rows} | ${r.ms} | ${r.rowsPerSecond} | ${ratio} | ${r.peakRssMb} |`);
}
await prisma.$disconnect();
await root.$disconnect();
await server.stop();
