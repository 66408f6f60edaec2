// The scale table of issue #13: the same reads as a district officer and as an administrator, on a
// city of 1 district (the sample) and of N districts (`coso seed --sample city --districts N`), in
// one run on one embedded PostgreSQL. It prints ratios against peers measured in the same run
// (district officer ÷ admin; N districts ÷ 1), not absolute targets: the machine is shared.
//
//   npx turbo run build && node tests/bench/scale.mjs [--districts 30] [--runs 5] [--data-dir /tmp/coso-scale]
//
// The data directory is kept: a second run reuses the seeded databases (and applies any new
// migration to them), so a change can be measured before and after on the same data.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildSchema, createPrismaClient, startEmbeddedPostgres } from '@coso/schema';
import { cityDatabase, request as requestAs, viewerOf } from './support/city.mjs';

const { values } = parseArgs({
  options: {
    districts: { type: 'string', default: '30' },
    runs: { type: 'string', default: '5' },
    'data-dir': { type: 'string', default: '/tmp/coso-scale' },
  },
});
const N = Number(values.districts);
const RUNS = Number(values.runs);
const TODAY = '2026-11-25';

const CASES = {
  me: '{ me { username role scopeUnit { name } permissions { canWrite } } }',
  'units list': '{ units(asOf: "2022-12-01", filter: { kind: WARD }, first: 20) { totalCount nodes { id name code parent { name } } } }',
  'people search "nguyen van"':
    '{ people(asOf: "2022-12-01", filter: { name: { search: "nguyen van" } }, first: 20) { totalCount nodes { id fullName birthYear citizenId phone residenceUnit { name } } } }',
  'nested read': `{ units(asOf: "2022-12-01", filter: { kind: WARD }, first: 5) { nodes { name
      children(kind: RESIDENTIAL_GROUP, first: 20) { nodes { name buildings(first: 5) { nodes { name
        board { name members(first: 10) { nodes { role person { fullName } } } } } } } } } } }`,
};
const ROLES = { admin: 'admin', 'district officer': 'quan.longbien' };

const server = await startEmbeddedPostgres({ dataDir: values['data-dir'] });
const root = createPrismaClient(server.connectionString);
const statements = { count: 0 };
const schema = buildSchema();
const city = (districts) => cityDatabase(server, root, 'scale_h', districts, () => statements.count++);
const request = (prisma, viewer, source) => requestAs(schema, prisma, viewer, source, TODAY);

async function measure(prisma, viewer, source) {
  for (let i = 0; i < 2; i++) await request(prisma, viewer, source); // warm-up
  const before = statements.count;
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await request(prisma, viewer, source);
    times.push(performance.now() - t);
  }
  return { ms: times.reduce((a, b) => a + b, 0) / times.length, statements: (statements.count - before) / RUNS };
}

const sizes = [1, N];
const results = {};
const prismas = new Map();
for (const size of sizes) prismas.set(size, await city(size));
// Two passes over every case: the first warms the process (JIT, plan caches, pools) for all of
// them, so the case measured first is not the one that pays for it; the second is reported.
for (const pass of [0, 1]) {
  for (const size of sizes) {
    const prisma = prismas.get(size);
    for (const [role, username] of Object.entries(ROLES)) {
      const viewer = await viewerOf(prisma, username);
      for (const [name, source] of Object.entries(CASES)) {
        const m = await measure(prisma, viewer, source);
        if (pass === 1) results[`${name}|${role}|${size}`] = m;
      }
    }
  }
}
for (const prisma of prismas.values()) await prisma.$disconnect();
await root.$disconnect();
await server.stop();

const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
console.log(`\nScale, mean of ${RUNS} requests in process (${new Date().toISOString().slice(0, 16)}Z)\n`);
console.log(`| read | role | 1 district | ${N} districts | ${N}÷1 | statements (1 / ${N}) |`);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const name of Object.keys(CASES)) {
  for (const role of Object.keys(ROLES)) {
    const a = results[`${name}|${role}|1`];
    const b = results[`${name}|${role}|${N}`];
    console.log(
      `| ${name} | ${role} | ${f(a.ms)} ms | ${f(b.ms)} ms | ${(b.ms / a.ms).toFixed(2)}× | ${f(a.statements)} / ${f(b.statements)} |`,
    );
  }
}
console.log(`\n| read | district officer ÷ admin, 1 district | at ${N} districts |`);
console.log('| --- | --- | --- |');
for (const name of Object.keys(CASES)) {
  const r = (size) => (results[`${name}|district officer|${size}`].ms / results[`${name}|admin|${size}`].ms).toFixed(2);
  console.log(`| ${name} | ${r(1)}× | ${r(N)}× |`);
}
