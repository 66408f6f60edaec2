// `npm run bench`: coso's built gateway (as the administrator and as the district officer),
// PostGraphile 5 (Amber preset, no plugins) and a hand-written SQL floor, on ONE database (the Long
// Biên sample data in an embedded PostgreSQL), in one process tree, over HTTP on loopback, in one
// run. Each server answers the same cases one request at a time; the figures are printed as ratios
// against peers of the same run (the machine is shared: absolute figures move with its load).
//
//   npx turbo run build && npm run bench              (about 3 minutes with the defaults)
//   node tests/bench/compare.mjs [--seconds 4] [--warmup 1] [--cases nested,units] [--json out.json]
//                                [--variant 'name:KEY=value,KEY=value']   (NODE_ARGS=… go to node;
//                                GATEWAY=<other checkout>/apps/gateway/dist/main.js: another build)
//
// Per case and server: req/s; CPU ms per request of the server process and of PostgreSQL (every
// process of the postmaster's tree, from /proc); SQL statements per request (pg_stat_statements,
// BEGIN/COMMIT included); at the end, each server's peak RSS (VmHWM). The 1 vs N districts scale
// table is tests/bench/scale.mjs (in process, no HTTP).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { homedir, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { applyMigrations, startEmbeddedPostgres } from '@coso/schema';
import pg from 'pg';
import { startChild as startServer } from './support/process.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '../..');
const GATEWAY_MAIN = join(REPO, 'apps/gateway/dist/main.js');
const PG_DIR = join(HERE, 'postgraphile');

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '1' },
    cases: { type: 'string', default: 'nested,units,people,me' },
    json: { type: 'string', default: join(HERE, 'last-run.json') },
    // A second gateway (same build, same database) with extra environment, measured beside the
    // first in the same run: `--variant 'query strategy:COSO_X=1,COSO_Y=2'` (before/after of a switch).
    variant: { type: 'string' },
  },
});
const SECONDS = Number(values.seconds);
const WARMUP = Number(values.warmup);
const AS_OF = '2022-12-01';
/** However slow a server, at least this many requests warm it up and are measured per half. */
const MIN_WARMUP = 3;
const MIN_REQUESTS = 5;
const SEARCH = 'nguyen van';

// ───────────────────────────── the cases, as each server is asked ─────────────────────────────
// PostGraphile's Amber preset has no date filters, no text search and no viewer, and orders and
// filters by indexed columns only (names by the folded `name_search`, not the Vietnamese collation):
// its queries are the closest shapes it can express (same tables, nesting and page sizes).
const CASES = {
  nested: {
    title: 'nested 5 wards → groups → buildings → board → members → person',
    coso: `{ units(asOf: "${AS_OF}", filter: { kind: WARD }, first: 5) { nodes { name
      children(kind: RESIDENTIAL_GROUP, first: 20) { nodes { name buildings(first: 5) { nodes { name
        board { name members(first: 10) { nodes { role person { fullName } } } } } } } } } } }`,
    // No as-of filter: every link, building, board and membership ever recorded (a superset).
    postgraphile: `{ allAdministrativeUnits(condition: { kind: WARD }, first: 5, orderBy: [NAME_SEARCH_ASC, PRIMARY_KEY_ASC]) { nodes { name
      unitParentsByParentId(first: 20) { nodes { administrativeUnitByUnitId { name
        apartmentBuildingsByResidentialGroupId(first: 5, orderBy: [NAME_SEARCH_ASC, PRIMARY_KEY_ASC]) { nodes { name
          organizationsByBuildingId(condition: { kind: MANAGEMENT_BOARD }, first: 1) { nodes { name
            membershipsByOrganizationId(first: 10) { nodes { role personByPersonId { fullName } } } } } } } } } } } } }`,
  },
  units: {
    title: 'units list: 14 wards with code and parent',
    coso: `{ units(asOf: "${AS_OF}", filter: { kind: WARD }, first: 20) { totalCount nodes { id name code parent { name } } } }`,
    postgraphile: `{ allAdministrativeUnits(condition: { kind: WARD }, first: 20, orderBy: [NAME_SEARCH_ASC, PRIMARY_KEY_ASC]) { totalCount nodes { id name
      unitCodesByUnitId(first: 1) { nodes { code } } unitParentsByUnitId(first: 1) { nodes { administrativeUnitByParentId { name } } } } } }`,
  },
  people: {
    title: `people search "${SEARCH}", a page of 20 (masked for the officer; unmasked reads logged)`,
    coso: `{ people(asOf: "${AS_OF}", filter: { name: { search: "${SEARCH}" } }, first: 20) { totalCount nodes { id fullName birthYear citizenId phone residenceUnit { name } } } }`,
    // No LIKE filter in Amber: a page of 20 people by name with the total (no search, no read log).
    postgraphile: `{ allPeople(first: 20, orderBy: [NAME_SEARCH_ASC, PRIMARY_KEY_ASC]) { totalCount nodes { id fullName birthYear citizenId phone
      administrativeUnitByResidenceUnitId { name } } } }`,
  },
  me: {
    title: '`me`: the signed-in account, its scope and permissions',
    coso: '{ me { username role scopeUnit { name } permissions { canWrite } } }',
    // No viewer in PostGraphile without a JWT/RLS set-up: the account looked up by its username.
    postgraphile: `{ allAccounts(condition: { username: "quan.longbien" }, first: 1) { nodes { username role administrativeUnitByScopeUnitId { name } } } }`,
  },
};
const CASE_NAMES = values.cases.split(',').filter((c) => c in CASES);

// ───────────────────────────── /proc: CPU and memory ─────────────────────────────
const TICK_MS = 1000 / Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100);

function stat(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), self: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}
/** CPU ms of one process (its threads included). */
const processCpu = (pid) => (stat(pid)?.self ?? 0) * TICK_MS;
/** CPU ms of the postmaster and every backend and worker: live children plus those already reaped. */
function treeCpu(root) {
  const r = stat(root);
  if (!r) return 0;
  let ticks = r.self + r.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(entry);
    if (s?.ppid === root) ticks += s.self + s.children;
  }
  return ticks * TICK_MS;
}
function peakRssMb(pid) {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}
/** Peak RSS of the PostgreSQL tree: the largest single process (backends share their buffers). */
function pgPeakRssMb(root) {
  let max = peakRssMb(root);
  for (const entry of readdirSync('/proc')) if (/^\d+$/.test(entry) && stat(entry)?.ppid === root) max = Math.max(max, peakRssMb(entry));
  return max;
}

// ───────────────────────────── HTTP, one request at a time ─────────────────────────────
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function post(url, body, token) {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => {
          const json = JSON.parse(text);
          if (res.statusCode !== 200 || json.errors?.length) reject(new Error(`${url} ${res.statusCode}: ${text.slice(0, 600)}`));
          else resolve(json);
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

// ───────────────────────────── the process tree ─────────────────────────────
const children = [];
/** A server process of the tree, stopped at the end (support/process.mjs). */
const startChild = (name, command, args, env, ready) => startServer(name, command, args, env, ready, (child) => children.push(child));

/**
 * PostGraphile 5 needs Node ≥ 22: a Node 24 binary from the npm registry (scripts/node24.sh), and its
 * own install from tests/bench/postgraphile's package.json and lock, made by `npm ci --prefix` in a
 * cache outside the repository (as node24.sh does), so no node_modules lands where the workspace's
 * tools (vitest, tsc, biome) look. Keyed by the lock's hash: a new pin installs anew.
 */
function postgraphileServer() {
  const bin = spawnSync('bash', [join(REPO, 'scripts/node24.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (bin.status !== 0) throw new Error('scripts/node24.sh failed');
  const nodeDir = bin.stdout.trim();
  const lock = readFileSync(join(PG_DIR, 'package-lock.json'));
  const dir = join(
    process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
    'coso-bench-postgraphile',
    createHash('sha256').update(lock).digest('hex').slice(0, 16),
  );
  if (!existsSync(join(dir, 'node_modules/postgraphile/package.json'))) {
    console.error(`installing PostGraphile for the bench into ${dir} (once)…`);
    mkdirSync(dir, { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(PG_DIR, file), join(dir, file));
    const r = spawnSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error'], {
      stdio: 'inherit',
      env: { ...process.env, PATH: `${nodeDir}:${process.env.PATH}` },
    });
    if (r.status !== 0) throw new Error(`npm ci --prefix ${dir} failed`);
  }
  copyFileSync(join(PG_DIR, 'serve.mjs'), join(dir, 'serve.mjs')); // the repository's copy is the one run
  return { node: join(nodeDir, 'node'), script: join(dir, 'serve.mjs') };
}

async function main() {
  if (!existsSync(GATEWAY_MAIN)) throw new Error(`The gateway is not built (${GATEWAY_MAIN}): run \`npx turbo run build\`.`);
  const postgraphileBin = postgraphileServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'coso-bench-pg-'));
  let stats;
  let server = await startEmbeddedPostgres({ dataDir, ephemeral: false });
  const admin = new pg.Client({ connectionString: server.connectionString });
  try {
    // pg_stat_statements must be preloaded: set it, restart once.
    admin.on('error', () => {});
    await admin.connect();
    await admin.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    await admin.end();
    await server.stop();
    server = await startEmbeddedPostgres({ dataDir, ephemeral: false });
    const dbUrl = (() => {
      const u = new URL(server.connectionString);
      u.pathname = '/coso_bench';
      return u.toString();
    })();
    stats = new pg.Client({ connectionString: server.connectionString });
    stats.on('error', () => {}); // the server stops under it when a run fails: the first error is the one to see
    await stats.connect();
    await stats.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await stats.query('CREATE DATABASE coso_bench');
    await applyMigrations(dbUrl, { log: () => {} });
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const dbOid = (await stats.query("SELECT oid FROM pg_database WHERE datname = 'coso_bench'")).rows[0].oid;
    const statements = async () =>
      Number((await stats.query('SELECT COALESCE(sum(calls), 0) AS n FROM pg_stat_statements WHERE dbid = $1', [dbOid])).rows[0].n);

    console.error('starting the gateway (loads the sample data)…');
    const gateway = await startChild(
      'the gateway',
      process.execPath,
      [GATEWAY_MAIN],
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: dbUrl,
        SAMPLE_DATA: 'on',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        TEST_DATABASE_URL: '',
      },
      /GraphQL:\s+(http:\/\/\S+\/graphql)/,
    );
    const login = async (username, password) => {
      const r = await post(gateway.url, {
        query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { ... on LoginSuccess { token } } }',
        variables: { u: username, p: password },
      });
      return r.data.login.token;
    };
    const variant = values.variant ? await startVariant(values.variant, dbUrl) : null;
    const tokens = { admin: await login('admin', 'coso-admin-demo'), officer: await login('quan.longbien', 'coso-quan-demo') };
    const adminId = (await queryOne(dbUrl, "SELECT id FROM accounts WHERE username = 'admin'")).id;

    console.error('starting PostGraphile 5 (Node 24) and the SQL floor…');
    const postgraphile = await startChild(
      'PostGraphile',
      postgraphileBin.node,
      [postgraphileBin.script],
      { DATABASE_URL: dbUrl, NODE_ENV: 'production' },
      /ready (http:\/\/\S+)/,
    );
    const floor = await startChild(
      'the SQL floor',
      process.execPath,
      [join(HERE, 'floor-server.mjs')],
      { DATABASE_URL: dbUrl },
      /ready (http:\/\/\S+)/,
    );

    /** The servers, each with how it asks a case. */
    const SERVERS = {
      'coso admin': { pid: gateway.pid, ask: (c) => post(gateway.url, { query: CASES[c].coso }, tokens.admin) },
      'coso district officer': { pid: gateway.pid, ask: (c) => post(gateway.url, { query: CASES[c].coso }, tokens.officer) },
      ...(variant
        ? {
            [`coso admin (${variant.name})`]: { pid: variant.pid, ask: (c) => post(variant.url, { query: CASES[c].coso }, tokens.admin) },
            [`coso district officer (${variant.name})`]: {
              pid: variant.pid,
              ask: (c) => post(variant.url, { query: CASES[c].coso }, tokens.officer),
            },
          }
        : {}),
      'PostGraphile 5': { pid: postgraphile.pid, ask: (c) => post(postgraphile.url, { query: CASES[c].postgraphile }) },
      'SQL floor': {
        pid: floor.pid,
        ask: (c) => post(new URL(c, floor.url), { asOf: AS_OF, search: SEARCH, accountId: adminId }, tokens.admin),
      },
    };

    // Every answer once: a failing request stops the run. The floor is meant to return coso's admin
    // JSON exactly: a difference is printed, both answers are kept, and the table says NO.
    const agreement = {};
    for (const c of CASE_NAMES) {
      const answers = {};
      for (const [name, s] of Object.entries(SERVERS)) answers[name] = await s.ask(c);
      agreement[c] = {
        floorEqualsAdmin: isDeepStrictEqual(answers['SQL floor'], answers['coso admin']),
        // The same data; the officer's answer also says which records its territory may hide (extensions.hidden).
        officerEqualsAdmin: isDeepStrictEqual(answers['coso district officer']?.data, answers['coso admin']?.data),
        bytes: Object.fromEntries(Object.entries(answers).map(([n, a]) => [n, JSON.stringify(a).length])),
      };
      if (!agreement[c].floorEqualsAdmin) {
        writeFileSync(join(HERE, `last-${c}-admin.json`), JSON.stringify(answers['coso admin'], null, 1));
        writeFileSync(join(HERE, `last-${c}-floor.json`), JSON.stringify(answers['SQL floor'], null, 1));
        console.error(`✗ ${c}: the SQL floor's answer differs from coso's (tests/bench/last-${c}-{admin,floor}.json)`);
      }
    }

    // Each case is measured in two halves, servers in order then in reverse (A B C D, D C B A), so a
    // change of the machine's load during the case weighs on every server alike.
    const results = {};
    for (const c of CASE_NAMES) {
      const names = Object.keys(SERVERS);
      for (const name of [...names, ...[...names].reverse()]) {
        const s = SERVERS[name];
        const warmEnd = performance.now() + (WARMUP * 1000) / 2;
        for (let i = 0; performance.now() < warmEnd || i < MIN_WARMUP; i++) await s.ask(c);
        await stats.query('SELECT pg_stat_statements_reset()');
        const before = { server: processCpu(s.pid), pg: treeCpu(postmaster), statements: await statements() };
        const started = performance.now();
        const end = started + (SECONDS * 1000) / 2;
        let n = 0;
        while (performance.now() < end || n < MIN_REQUESTS) {
          await s.ask(c);
          n++;
        }
        const elapsed = (performance.now() - started) / 1000;
        const after = { server: processCpu(s.pid), pg: treeCpu(postmaster), statements: await statements() };
        results[`${c}|${name}`] ??= { n: 0, seconds: 0, serverCpuMs: 0, pgCpuMs: 0, statements: 0 };
        const r = results[`${c}|${name}`];
        r.n += n;
        r.seconds += elapsed;
        r.serverCpuMs += after.server - before.server;
        r.pgCpuMs += after.pg - before.pg;
        r.statements += after.statements - before.statements;
      }
      for (const name of names) {
        const r = results[`${c}|${name}`];
        Object.assign(r, {
          rps: r.n / r.seconds,
          serverCpuMs: r.serverCpuMs / r.n,
          pgCpuMs: r.pgCpuMs / r.n,
          statements: r.statements / r.n,
        });
        console.error(`  ${c} · ${name}: ${r.rps.toFixed(1)} req/s (${r.n} requests)`);
      }
    }
    const rss = {
      'coso gateway': peakRssMb(gateway.pid),
      ...(variant ? { [`coso gateway (${variant.name})`]: peakRssMb(variant.pid) } : {}),
      'PostGraphile 5': peakRssMb(postgraphile.pid),
      'SQL floor': peakRssMb(floor.pid),
      'PostgreSQL (largest process)': pgPeakRssMb(postmaster),
    };
    await stats.end();
    print(results, agreement, rss);
    writeFileSync(
      values.json,
      JSON.stringify({ at: new Date().toISOString(), loadavg: loadavg(), seconds: SECONDS, results, agreement, rss }, null, 1),
    );
  } finally {
    await stats?.end().catch(() => {});
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await server.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The second gateway of `--variant`: same build and database, no sample loading, extra environment. */
function startVariant(spec, dbUrl) {
  const at = spec.indexOf(':');
  const name = spec.slice(0, at);
  const env = Object.fromEntries(
    spec
      .slice(at + 1)
      .split(',')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  // NODE_ARGS= is given to node itself (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`, which NODE_OPTIONS refuses).
  const nodeArgs = (env.NODE_ARGS ?? '').split(' ').filter(Boolean);
  delete env.NODE_ARGS;
  // GATEWAY= runs another build's gateway (its apps/gateway/dist/main.js: the code before a change, built elsewhere).
  const main = env.GATEWAY ?? GATEWAY_MAIN;
  delete env.GATEWAY;
  console.error(`starting the variant gateway "${name}" (${JSON.stringify({ ...env, nodeArgs })})…`);
  return startChild(
    `the gateway (${name})`,
    process.execPath,
    [...nodeArgs, main],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: dbUrl,
      SAMPLE_DATA: 'off',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      TEST_DATABASE_URL: '',
      ...env,
    },
    /GraphQL:\s+(http:\/\/\S+\/graphql)/,
  ).then((g) => ({ ...g, name }));
}

async function queryOne(url, sql) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows[0];
  } finally {
    await c.end();
  }
}

function print(results, agreement, rss) {
  const NAMES = [...new Set(Object.keys(results).map((k) => k.slice(k.indexOf('|') + 1)))];
  const f = (x) => (!Number.isFinite(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(`\ncoso vs PostGraphile 5 vs hand-written SQL, ${new Date().toISOString().slice(0, 16)}Z, load average ${load}`);
  console.log(
    `one request at a time over HTTP on loopback, ${SECONDS} s per case and server (two halves, servers in order then reversed; at least ${2 * MIN_REQUESTS} requests) after ${WARMUP} s of warm-up\n`,
  );
  console.log('| case | server | req/s | ÷ coso admin | server CPU ms/req | PostgreSQL CPU ms/req | statements/req |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const c of CASE_NAMES) {
    const base = results[`${c}|coso admin`];
    for (const name of NAMES) {
      const r = results[`${c}|${name}`];
      console.log(
        `| ${c} | ${name} | ${f(r.rps)} | ${f(r.rps / base.rps)}× | ${f(r.serverCpuMs)} | ${f(r.pgCpuMs)} | ${f(r.statements)} |`,
      );
    }
  }
  // req/s on a loaded machine measure a share of the cores as much as the server; CPU per request
  // (server + PostgreSQL) is the figure that load moves least.
  console.log(
    '\n| case | coso admin ÷ PostGraphile, req/s (goal ≥ 1.0 for nested) | PostGraphile ÷ coso admin, CPU ms/req | district officer ÷ admin, req/s (goal ≥ 0.8) | admin ÷ officer, CPU ms/req | coso admin ÷ SQL floor, req/s | floor = coso JSON | officer = admin JSON |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const c of CASE_NAMES) {
    const r = (name) => results[`${c}|${name}`].rps;
    const cpu = (name) => results[`${c}|${name}`].serverCpuMs + results[`${c}|${name}`].pgCpuMs;
    const a = agreement[c];
    console.log(
      `| ${c} | ${f(r('coso admin') / r('PostGraphile 5'))}× | ${f(cpu('PostGraphile 5') / cpu('coso admin'))}× | ${f(r('coso district officer') / r('coso admin'))}× | ${f(cpu('coso admin') / cpu('coso district officer'))}× | ${f(r('coso admin') / r('SQL floor'))}× | ${a.floorEqualsAdmin ? 'yes' : 'NO'} | ${a.officerEqualsAdmin ? 'yes' : 'no'} |`,
    );
  }
  console.log('\n| peak RSS | MB |');
  console.log('| --- | --- |');
  for (const [name, mb] of Object.entries(rss)) console.log(`| ${name} | ${f(mb)} |`);
  console.log(`\nCase titles: ${CASE_NAMES.map((c) => `${c} = ${CASES[c].title}`).join('; ')}.`);
  console.log('Scale (1 vs N districts, in process): node tests/bench/scale.mjs --districts 30.');
}

await main();
