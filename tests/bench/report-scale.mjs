// The report's scale table of issue #13: `directiveReport` and `findings` as an administrator, in
// process, for one district and for the whole city, on a city of 1 district (the sample) and of N
// districts (`coso seed --sample city --districts N`), with the process's peak RSS after each case.
// Ratios against peers of the same run matter more than absolute times: the machine is shared.
//
//   npx turbo run build && node tests/bench/report-scale.mjs [--districts 30] [--runs 3] [--data-dir /tmp/coso-scale-sqlreport]
//
// The data directory is kept: a second run reuses the seeded databases (and applies any new
// migration to them), so a change is measured before and after on the same data.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DIRECTIVE_ID, DISTRICT_ID, HANOI_ID, REVIEW_DATE } from '@coso/sample-data';
import { buildSchema, createPrismaClient, stableUuid, startEmbeddedPostgres } from '@coso/schema';
import { cityDatabase, request as requestAs, viewerOf } from './support/city.mjs';

const { values } = parseArgs({
  options: {
    districts: { type: 'string', default: '30' },
    runs: { type: 'string', default: '3' },
    'data-dir': { type: 'string', default: '/tmp/coso-scale-sqlreport' },
  },
});
const N = Number(values.districts);
const RUNS = Number(values.runs);
const TODAY = '2026-11-25';

// Relay global ids, as the API encodes them (base64 of "Type:uuid").
const gid = (type, key) => Buffer.from(`${type}:${stableUuid(key)}`).toString('base64');
const report = (scope) => `{ directiveReport(directiveId: "${gid('Directive', DIRECTIVE_ID)}", scopeId: "${scope}", to: "${REVIEW_DATE}") {
  figures { key value denominator byWard { wardId value denominator } records(first: 5) { totalCount nodes { id name } } } } }`;
const findings = (scope) =>
  `{ findings(scopeId: "${scope}", asOf: "${REVIEW_DATE}", first: 200) { totalCount nodes { code entityId wardName message { vi } } } }`;
const SCOPES = { district: gid('AdministrativeUnit', DISTRICT_ID), city: gid('AdministrativeUnit', HANOI_ID) };
const CASES = {
  'directiveReport, one district': report(SCOPES.district),
  'directiveReport, whole city': report(SCOPES.city),
  'findings, one district': findings(SCOPES.district),
  'findings, whole city': findings(SCOPES.city),
};

const server = await startEmbeddedPostgres({ dataDir: values['data-dir'] });
const root = createPrismaClient(server.connectionString);
const statements = { count: 0 };
const schema = buildSchema();
const city = (districts) => cityDatabase(server, root, 'report_scale', districts, () => statements.count++);
const admin = (prisma) => viewerOf(prisma, 'admin');
const request = (prisma, viewer, source) => requestAs(schema, prisma, viewer, source, TODAY);

/** Mean time of RUNS requests after one warm-up, statements per request, and the process's peak RSS so far. */
async function measure(prisma, viewer, source) {
  await request(prisma, viewer, source);
  const before = statements.count;
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await request(prisma, viewer, source);
    times.push(performance.now() - t);
  }
  return {
    ms: times.reduce((a, b) => a + b, 0) / times.length,
    statements: (statements.count - before) / RUNS,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const sizes = [1, N];
const results = {};
for (const size of sizes) {
  const prisma = await city(size);
  const viewer = await admin(prisma);
  for (const [name, source] of Object.entries(CASES)) {
    try {
      results[`${name}|${size}`] = await measure(prisma, viewer, source);
    } catch (error) {
      // A read that fails is a result too (the first line of its error).
      results[`${name}|${size}`] = { error: String(error.message).split('\\n').filter(Boolean).slice(-1)[0] ?? 'error' };
    }
  }
  await prisma.$disconnect();
}
await root.$disconnect();
await server.stop();

const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
console.log(`\nReport scale, admin, mean of ${RUNS} requests in process (${new Date().toISOString().slice(0, 16)}Z)\n`);
console.log(`| read | 1 district | ${N} districts | ${N}÷1 | statements (1 / ${N}) | peak RSS after (MB, 1 / ${N}) |`);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const name of Object.keys(CASES)) {
  const a = results[`${name}|1`];
  const b = results[`${name}|${N}`];
  if (a.error || b.error) {
    console.log(
      `| ${name} | ${a.error ? `fails: ${a.error}` : `${f(a.ms)} ms`} | ${b.error ? `fails: ${b.error}` : `${f(b.ms)} ms`} | | | |`,
    );
    continue;
  }
  console.log(
    `| ${name} | ${f(a.ms)} ms | ${f(b.ms)} ms | ${(b.ms / a.ms).toFixed(2)}× | ${f(a.statements)} / ${f(b.statements)} | ${f(a.peakRssMb)} / ${f(b.peakRssMb)} |`,
  );
}
