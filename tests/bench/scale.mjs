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
import { cityParts } from '@coso/sample-data';
import {
  applyMigrations,
  buildSchema,
  createDemoAccounts,
  createPrismaClient,
  createRequestContext,
  startEmbeddedPostgres,
  writeState,
} from '@coso/schema';
import { execute, parse } from 'graphql';

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
const url = (name) => {
  const u = new URL(server.connectionString);
  u.pathname = `/${name}`;
  return u.toString();
};

/** A database with the city of `districts`, seeded once through the store (as `coso seed --sample city`). */
async function city(districts) {
  const name = `scale_h_${districts}`;
  const exists = await root.$queryRawUnsafe(`SELECT 1 FROM pg_database WHERE datname = '${name}'`);
  if (!exists.length) await root.$executeRawUnsafe(`CREATE DATABASE ${name}`);
  await applyMigrations(url(name), { log: () => {} });
  const prisma = createPrismaClient(url(name), { onQuery: () => statements.count++ });
  if ((await prisma.administrativeUnit.count()) === 0) {
    const started = performance.now();
    for (const part of cityParts(districts)) await writeState(prisma, part);
    await createDemoAccounts(prisma);
    console.error(`seeded ${districts} district(s) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  return prisma;
}

const statements = { count: 0 };
const schema = buildSchema();

async function viewerOf(prisma, username) {
  const a = await prisma.account.findUniqueOrThrow({ where: { username } });
  return {
    kind: 'account',
    accountId: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    scopeUnitId: a.scopeUnitId,
    partyOrganisation: a.partyOrganisation,
    sessionId: 'bench',
  };
}

/** One request as the gateway runs it: a fresh context (territory, loaders) and the execution. */
async function request(prisma, viewer, source) {
  const contextValue = await createRequestContext({ prisma, viewer, today: TODAY });
  const result = await execute({ schema, document: parse(source), contextValue });
  await contextValue.access.settled();
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
}

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
