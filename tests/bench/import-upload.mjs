// Bulk import the way the gateway runs it (issue #14 item 7): a people workbook (.xlsx, N rows) and a
// memberships workbook (M rows) each uploaded (POST /imports' use-case: read and kept as a batch),
// previewed (importBatch.preview's) and committed (commitImport's), as the administrator, in one
// process that does nothing else — so its peak RSS is what a gateway needs for them. Prints ms,
// rows/s, the process's peak RSS (maxRSS) and its RSS after each step.
//
//   npx turbo run build
//   node tests/bench/import-upload.mjs --seed-only     # once: seeds the sample, writes the two files
//   node [--expose-gc] [--max-old-space-size=<MB>] tests/bench/import-upload.mjs [--people 10000] [--memberships 2000]
//
// With --expose-gc it also prints the heap in use after each step once collected; with a small
// --max-old-space-size a step that holds the whole file fails (heap out of memory) instead of growing.
//
// --root <checkout> runs another checkout's built code (its migrations, its import) with this same
// script: the before/after of a change in the same hour. Each checkout needs its own --data-dir.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '10000' },
    memberships: { type: 'string', default: '2000' },
    'data-dir': { type: 'string', default: '/tmp/coso-bench-import-upload' },
    root: { type: 'string' },
    'seed-only': { type: 'boolean', default: false },
  },
});
const PEOPLE = Number(values.people);
const MEMBERSHIPS = Math.min(Number(values.memberships), PEOPLE);
const TODAY = '2026-11-25';
const ROOT = resolve(values.root ?? join(dirname(fileURLToPath(import.meta.url)), '../..'));
const DATA = values['data-dir'];

const schemaPackage = await import(pathToFileURL(join(ROOT, 'packages/schema/dist/index.js')).href);
const { buildSchema, createPrismaClient, createRequestContext, startEmbeddedPostgres } = schemaPackage;
// The use-cases the gateway's upload route and GraphQL call (not all exported by the package's index).
const { uploadImport, previewImport, commitImport } = await import(
  pathToFileURL(join(ROOT, 'packages/schema/dist/import/batches.js')).href
);
const { cityDatabase, viewerOf } = await import(pathToFileURL(join(ROOT, 'tests/bench/support/city.mjs')).href);

const server = await startEmbeddedPostgres({ dataDir: DATA });
const root = createPrismaClient(server.connectionString);
const files = { people: join(DATA, `people-${PEOPLE}.xlsx`), memberships: join(DATA, `memberships-${MEMBERSHIPS}.xlsx`) };

if (values['seed-only']) {
  // Seeding and writing the workbooks (exceljs in memory) happen here, not in the measured process.
  const seeded = await cityDatabase(server, root, 'import_upload', 1);
  const groups = await seeded.$queryRawUnsafe(`
    SELECT g.name AS "group", w.name AS ward FROM administrative_units g
    JOIN unit_parents p ON p.unit_id = g.id AND p.valid_from <= '${TODAY}' AND (p.valid_to IS NULL OR p.valid_to > '${TODAY}')
    JOIN administrative_units w ON w.id = p.parent_id
    WHERE g.kind = 'RESIDENTIAL_GROUP' AND (g.valid_to IS NULL OR g.valid_to > '${TODAY}')
    GROUP BY g.name, w.name HAVING count(*) = 1 ORDER BY g.name, w.name LIMIT 200`);
  const bodies = await seeded.$queryRawUnsafe(`
    SELECT name FROM organizations WHERE kind = 'FRONT_WORK_COMMITTEE' AND (valid_to IS NULL OR valid_to > '${TODAY}')
    GROUP BY name HAVING count(*) = 1 ORDER BY name LIMIT 200`);
  await seeded.$disconnect();
  const { default: ExcelJS } = await import(pathToFileURL(join(ROOT, 'node_modules/exceljs/lib/exceljs.nodejs.js')).href);
  const citizenId = (i) => `001080${String(100000 + i).padStart(6, '0')}`;
  const people = new ExcelJS.Workbook();
  const ps = people.addWorksheet('Nhân khẩu');
  ps.addRow(['DANH SÁCH NHÂN KHẨU']);
  ps.mergeCells('A1:F1');
  ps.addRow(['Mã nguồn', 'Họ và tên', 'Giới tính', 'Năm sinh', 'Số CCCD', 'Thường trú']);
  for (let i = 0; i < PEOPLE; i++) {
    const g = groups[i % groups.length];
    ps.addRow([`NK-${i}`, `Người Thử ${i + 1}`, 'Nam', 1980, citizenId(i), `${g.group}, ${g.ward}`]);
  }
  writeFileSync(files.people, Buffer.from(await people.xlsx.writeBuffer()));
  const memberships = new ExcelJS.Workbook();
  const ms = memberships.addWorksheet('Thành viên');
  ms.addRow(['Mã nguồn', 'Số định danh cá nhân', 'Tổ chức', 'Chức vụ', 'Ngày bắt đầu']);
  for (let i = 0; i < MEMBERSHIPS; i++) ms.addRow([`CV-${i}`, citizenId(i), bodies[i % bodies.length].name, 'Thành viên', '01/09/2025']);
  writeFileSync(files.memberships, Buffer.from(await memberships.xlsx.writeBuffer()));
  console.error(`seeded; wrote ${files.people} and ${files.memberships}`);
  await root.$disconnect();
  await server.stop();
  process.exit(0);
}

await root.$executeRawUnsafe('DROP DATABASE IF EXISTS import_upload_run');
await root.$executeRawUnsafe('CREATE DATABASE import_upload_run TEMPLATE import_upload_1');
const u = new URL(server.connectionString);
u.pathname = '/import_upload_run';
const prisma = createPrismaClient(u.toString());
const schema = buildSchema();
const ctx = await createRequestContext({ prisma, viewer: await viewerOf(prisma, 'admin'), today: TODAY });

const mb = (bytes) => Math.round(bytes / 1024 / 1024);
/** The heap still in use once collected (node --expose-gc): what a step keeps, not what it left for the collector. */
const liveHeap = () => {
  if (typeof globalThis.gc !== 'function') return '—';
  globalThis.gc();
  return mb(process.memoryUsage().heapUsed);
};
const peak = () => Math.round(process.resourceUsage().maxRSS / 1024);
const results = [];
results.push({
  step: 'started (schema built, connected)',
  rows: 0,
  ms: 0,
  peakRssMb: peak(),
  rssMb: mb(process.memoryUsage().rss),
  heapMb: liveHeap(),
});
async function step(name, rows, run) {
  const t = performance.now();
  const answer = await run();
  const ms = Math.round(performance.now() - t);
  results.push({ step: name, rows, ms, peakRssMb: peak(), rssMb: mb(process.memoryUsage().rss), heapMb: liveHeap() });
  console.error(`${name}: ${ms} ms, peak RSS ${peak()} MB`);
  return answer;
}
/** The errors of a run, from either shape (counts: rows kept as rows; errors: the whole outcome). */
const errorsOf = (o) => (o.counts ? o.counts.errors : o.errors.length);

for (const [kind, file, rows] of [
  ['people', files.people, PEOPLE],
  ['memberships', files.memberships, MEMBERSHIPS],
]) {
  const bytes = readFileSync(file);
  const batch = await step(`${kind}: upload (.xlsx, ${Math.round(bytes.length / 1024)} KB)`, rows, () =>
    uploadImport(ctx, { kind, fileName: file.split('/').pop(), bytes }),
  );
  const preview = await step(`${kind}: preview`, rows, () => previewImport(ctx, schema, batch.id));
  if (errorsOf(preview) > 0) throw new Error(`${kind}: the preview found ${errorsOf(preview)} errors`);
  const commit = await step(`${kind}: commit`, rows, () => commitImport(ctx, schema, batch.id));
  if (!commit.committed) throw new Error(`${kind}: not committed`);
}

console.log(
  `Import through the gateway's use-cases: ${PEOPLE} people, ${MEMBERSHIPS} memberships (${ROOT}, Node ${process.version}, ${new Date().toISOString()})`,
);
console.log('| step | rows | ms | rows/s | peak RSS MB | RSS after MB | heap after GC MB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(
    `| ${r.step} | ${r.rows} | ${r.ms} | ${r.ms ? Math.round((r.rows * 1000) / r.ms) : '—'} | ${r.peakRssMb} | ${r.rssMb} | ${r.heapMb} |`,
  );
}
await prisma.$disconnect();
await root.$disconnect();
await server.stop();
