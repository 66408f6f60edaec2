// The reads, report and findings with PostgreSQL's default planner cost (random_page_cost 4) beside
// the pool's own (database/prisma-client.ts PLANNER_OPTIONS: 1.1), on one seeded city, requests
// interleaved (A B, B A, …) so load weighs on both alike; median and minimum per case, in process.
//
//   npx turbo run build && node tests/bench/planner-costs.mjs [--districts 30] [--runs 10] [--as quan.longbien] [--data-dir /tmp/coso-scale-sqlreport]
//
// The city is report-scale.mjs' (`report_scale_<N>` in the same data directory): seeded once if missing.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DIRECTIVE_ID, DISTRICT_ID, HANOI_ID, REVIEW_DATE } from '@coso/sample-data';
import { buildSchema, createPrismaClient, stableUuid, startEmbeddedPostgres } from '@coso/schema';
import { cityDatabase, request as requestAs, viewerOf } from './support/city.mjs';

const { values } = parseArgs({
  options: {
    districts: { type: 'string', default: '30' },
    runs: { type: 'string', default: '10' },
    as: { type: 'string', default: 'quan.longbien' },
    'data-dir': { type: 'string', default: '/tmp/coso-scale-sqlreport' },
  },
});
const RUNS = Number(values.runs);
const TODAY = '2026-11-25';
const gid = (type, key) => Buffer.from(`${type}:${stableUuid(key)}`).toString('base64');
const district = gid('AdministrativeUnit', DISTRICT_ID);
const city = gid('AdministrativeUnit', HANOI_ID);
const report = (scope) => `{ directiveReport(directiveId: "${gid('Directive', DIRECTIVE_ID)}", scopeId: "${scope}", to: "${REVIEW_DATE}") {
  figures { key value denominator byWard { wardId value denominator } records(first: 5) { totalCount nodes { id name } } } } }`;
const findings = (scope) =>
  `{ findings(scopeId: "${scope}", asOf: "${REVIEW_DATE}", first: 200) { totalCount nodes { code entityId wardName message { vi } } } }`;
const CASES = {
  'units list': '{ units(asOf: "2022-12-01", filter: { kind: WARD }, first: 20) { totalCount nodes { id name code parent { name } } } }',
  'people search "nguyen van"':
    '{ people(asOf: "2022-12-01", filter: { name: { search: "nguyen van" } }, first: 20) { totalCount nodes { id fullName birthYear citizenId phone residenceUnit { name } } } }',
  'nested read': `{ units(asOf: "2022-12-01", filter: { kind: WARD }, first: 5) { nodes { name children(kind: RESIDENTIAL_GROUP, first: 20) { nodes { name
    buildings(first: 5) { nodes { name board { name members(first: 10) { nodes { role person { fullName } } } } } } } } } } }`,
  'directiveReport, one district': report(district),
  'findings, one district': findings(district),
  ...(values.as === 'admin' ? { 'directiveReport, whole city': report(city), 'findings, whole city': findings(city) } : {}),
};

const server = await startEmbeddedPostgres({ dataDir: values['data-dir'] });
const root = createPrismaClient(server.connectionString);
const seeded = await cityDatabase(server, root, 'report_scale', Number(values.districts), () => {});
const url = new URL(server.connectionString);
url.pathname = `/report_scale_${values.districts}`;
const withDefault = new URL(url);
withDefault.searchParams.set('options', '-c random_page_cost=4');
const clients = {
  'random_page_cost 4': createPrismaClient(withDefault.toString()),
  'the pool’s (1.1)': createPrismaClient(url.toString()),
};
const schema = buildSchema();
const viewers = {};
for (const [k, prisma] of Object.entries(clients)) viewers[k] = await viewerOf(prisma, values.as);
const ask = (k, source) => requestAs(schema, clients[k], viewers[k], source, TODAY);

const times = {};
const keys = Object.keys(clients);
for (const [name, source] of Object.entries(CASES)) {
  for (const k of keys) await ask(k, source); // warm-up: plans, caches
  for (let i = 0; i < RUNS; i++)
    for (const k of i % 2 ? [...keys].reverse() : keys) {
      const t = performance.now();
      await ask(k, source);
      const key = `${name}|${k}`;
      times[key] = [...(times[key] ?? []), performance.now() - t];
    }
}
for (const prisma of [...Object.values(clients), seeded, root]) await prisma.$disconnect();
await server.stop();

const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
console.log(
  `\nPlanner costs, ${values.districts} districts, as ${values.as}, ${RUNS} interleaved requests per setting (${new Date().toISOString().slice(0, 16)}Z)\n`,
);
console.log(`| read | ${keys.map((k) => `${k}: median (min) ms`).join(' | ')} | ratio of medians |`);
console.log(`| --- | ${keys.map(() => '---').join(' | ')} | --- |`);
for (const name of Object.keys(CASES)) {
  const [a, b] = keys.map((k) => times[`${name}|${k}`].sort((x, y) => x - y));
  const med = (v) => v[v.length >> 1];
  console.log(`| ${name} | ${f(med(a))} (${f(a[0])}) | ${f(med(b))} (${f(b[0])}) | ${(med(b) / med(a)).toFixed(2)}× |`);
}
