// Writing a district as the city grows (issue #13 item 7): seeds `coso seed --sample city` one
// district at a time into a fresh database, each district one `writeState` transaction as the
// scale benches seed it, and prints the seconds each district took. A flat line is the goal: a
// district's write should cost what its own rows cost, not what the rest of the city holds.
//
//   npx turbo run build && node tests/bench/seed-growth.mjs [--districts 60] [--data-dir /tmp/coso-growth]
//
// The database (`growth_<N>`) is dropped and seeded again on every run; the data directory stays.
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { cityParts } from '@coso/sample-data';
import { applyMigrations, createPrismaClient, startEmbeddedPostgres, writeState } from '@coso/schema';

const { values } = parseArgs({
  options: {
    districts: { type: 'string', default: '60' },
    'data-dir': { type: 'string', default: '/tmp/coso-growth' },
    // One JSON line per district, for plotting or comparing runs.
    out: { type: 'string' },
  },
});
const N = Number(values.districts);
const name = `growth_${N}`;

const server = await startEmbeddedPostgres({ dataDir: values['data-dir'] });
const root = createPrismaClient(server.connectionString);
await root.$executeRawUnsafe(`DROP DATABASE IF EXISTS ${name}`);
await root.$executeRawUnsafe(`CREATE DATABASE ${name}`);
const url = new URL(server.connectionString);
url.pathname = `/${name}`;
await applyMigrations(url.toString(), { log: () => {} });
const prisma = createPrismaClient(url.toString());

const seconds = [];
let k = 0;
for (const part of cityParts(N)) {
  k++;
  const started = performance.now();
  await writeState(prisma, part);
  const s = (performance.now() - started) / 1000;
  seconds.push(s);
  const load = loadavg()[0].toFixed(1);
  console.log(`district ${k}: ${s.toFixed(1)} s (load ${load})`);
  if (values.out)
    appendFileSync(values.out, `${JSON.stringify({ district: k, seconds: s, load: Number(load), at: new Date().toISOString() })}\n`);
}
await prisma.$disconnect();
await root.$disconnect();
await server.stop();

// Mean seconds per district over each tenth of the run: the growth at a glance.
const step = Math.max(1, Math.ceil(N / 10));
console.log(`\nSeconds per district, ${N} districts (${new Date().toISOString().slice(0, 16)}Z)\n`);
console.log('| districts | mean s / district |');
console.log('| --- | --- |');
for (let i = 0; i < N; i += step) {
  const slice = seconds.slice(i, i + step);
  console.log(`| ${i + 1}–${i + slice.length} | ${(slice.reduce((a, b) => a + b, 0) / slice.length).toFixed(1)} |`);
}
console.log(`\ntotal ${seconds.reduce((a, b) => a + b, 0).toFixed(0)} s`);
