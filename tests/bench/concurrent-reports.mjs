// Issue #13's goal "24 concurrent city reports all answer (or are refused with a clear busy error)
// within 60 s, peak RSS growth per request < 100 MB", measured over HTTP against the built gateway
// (NODE_ENV=production, LOG_LEVEL=warn) on a seeded city, with its admission bounds as configured
// (apps/gateway/src/expensive-work.ts: per viewer, and for the whole gateway):
//
//   npx turbo run build && node tests/bench/concurrent-reports.mjs [--districts 30] [--clients 24]
//     [--data-dir /tmp/coso-scale-sqlreport] [--timeout 120]
//
// Two bursts, each of `--clients` `directiveReport` requests for the whole city sent at once:
//  - from as many viewers (accounts created for the bench), so only the gateway's own bound applies;
//  - from one viewer, so its per-viewer bound refuses what it cannot hold.
// Each request's outcome is printed by kind (answered, refused with its code and HTTP status,
// failed, timed out at the client) with its time, and the gateway's resident memory (VmRSS sampled
// every 50 ms, and VmHWM) before and during the burst. The data directory is kept (cityDatabase).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DIRECTIVE_ID, HANOI_ID, REVIEW_DATE } from '@coso/sample-data';
import { createPrismaClient, stableUuid, startEmbeddedPostgres } from '@coso/schema';
import { cityDatabase } from './support/city.mjs';
import { startChild } from './support/process.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const GATEWAY_MAIN = join(HERE, '../../apps/gateway/dist/main.js');
const { values } = parseArgs({
  options: {
    districts: { type: 'string', default: '30' },
    clients: { type: 'string', default: '24' },
    timeout: { type: 'string', default: '120' },
    'data-dir': { type: 'string', default: '/tmp/coso-scale-sqlreport' },
  },
});
const N = Number(values.districts);
const CLIENTS = Number(values.clients);
const TIMEOUT_MS = Number(values.timeout) * 1000;

const gid = (type, key) => Buffer.from(`${type}:${stableUuid(key)}`).toString('base64');
const REPORT = {
  query: `query CityReport($d: ID!, $s: ID!) { directiveReport(directiveId: $d, scopeId: $s, to: "${REVIEW_DATE}") {
    figures { key value denominator byWard { wardId value } } } }`,
  variables: { d: gid('Directive', DIRECTIVE_ID), s: gid('AdministrativeUnit', HANOI_ID) },
};

/** POST a GraphQL body; never throws for an HTTP or GraphQL error (they are outcomes here). */
async function post(url, body, token, timeoutMs = TIMEOUT_MS) {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const json = await res.json().catch(() => ({}));
    return { status: res.status, json, ms: performance.now() - started };
  } catch (e) {
    return { status: 0, error: e.name === 'TimeoutError' ? 'client timeout' : String(e), ms: performance.now() - started };
  }
}

const kb = (pid, field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const mb = (k) => `${(k / 1024).toFixed(0)} MB`;

const server = await startEmbeddedPostgres({ dataDir: values['data-dir'] });
const root = createPrismaClient(server.connectionString);
const prisma = await cityDatabase(server, root, 'report_scale', N);
const dbUrl = (() => {
  const u = new URL(server.connectionString);
  u.pathname = `/report_scale_${N}`;
  return u.toString();
})();

const gateway = await startChild(
  'the gateway',
  process.execPath,
  [GATEWAY_MAIN],
  { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: dbUrl, NODE_ENV: 'production', LOG_LEVEL: 'warn', TEST_DATABASE_URL: '' },
  /GraphQL:\s+(http:\/\/\S+\/graphql)/,
);

async function login(username, password) {
  const r = await post(gateway.url, {
    query: 'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { ... on LoginSuccess { token } } }',
    variables: { u: username, p: password },
  });
  const token = r.json?.data?.login?.token;
  if (!token) throw new Error(`login ${username}: ${JSON.stringify(r.json ?? r.error)}`);
  return token;
}

try {
  const adminToken = await login('admin', 'coso-admin-demo');
  // The bench's viewers: administrators (the city is their scope), created once and kept.
  const password = 'Bench-report-2026!x';
  const tokens = [adminToken];
  for (let i = 1; i < CLIENTS; i++) {
    const username = `bench.report.${i}`;
    if (!(await prisma.account.findUnique({ where: { username } }))) {
      const r = await post(
        gateway.url,
        {
          query: `mutation CreateBenchAccount($input: CreateAccountInput!) { createAccount(input: $input) { __typename } }`,
          variables: { input: { username, displayName: `Bench ${i}`, password, role: 'SYSTEM_ADMIN' } },
        },
        adminToken,
      );
      if (r.json?.errors?.length) throw new Error(`createAccount ${username}: ${JSON.stringify(r.json.errors)}`);
    }
    tokens.push(await login(username, password));
  }

  const warm = await post(gateway.url, REPORT, adminToken);
  if (warm.status !== 200 || warm.json?.errors?.length) throw new Error(`warm-up report: ${JSON.stringify(warm.json ?? warm.error)}`);
  console.log(`one city report alone (warm): ${(warm.ms / 1000).toFixed(2)} s; ${N} districts; load average ${loadavg()[0].toFixed(1)}`);

  for (const [name, burstTokens] of [
    [`${CLIENTS} viewers, one report each`, tokens],
    [`one viewer, ${CLIENTS} reports`, tokens.map(() => adminToken)],
  ]) {
    const pid = gateway.child.pid;
    const rssBefore = kb(pid, 'VmRSS');
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, kb(pid, 'VmRSS'));
    }, 50);
    const load = loadavg()[0];
    const started = performance.now();
    const outcomes = await Promise.all(burstTokens.map((t) => post(gateway.url, REPORT, t)));
    const wall = performance.now() - started;
    clearInterval(sampler);

    const kinds = new Map();
    for (const o of outcomes) {
      const code = o.json?.errors?.[0]?.extensions?.code;
      const kind = o.error ? o.error : code ? `refused ${code} (HTTP ${o.status})` : o.status === 200 ? 'answered' : `HTTP ${o.status}`;
      const list = kinds.get(kind) ?? [];
      list.push(o.ms);
      kinds.set(kind, list);
    }
    console.log(`\n${name} (load average ${load.toFixed(1)} at the start): all back in ${(wall / 1000).toFixed(1)} s`);
    console.log('| outcome | requests | fastest | slowest |');
    console.log('| --- | --- | --- | --- |');
    for (const [kind, times] of kinds) {
      console.log(
        `| ${kind} | ${times.length} | ${(Math.min(...times) / 1000).toFixed(2)} s | ${(Math.max(...times) / 1000).toFixed(2)} s |`,
      );
    }
    const answered = kinds.get('answered')?.length ?? 0;
    console.log(
      `gateway RSS ${mb(rssBefore)} before, ${mb(rssPeak)} at its peak during the burst (+${mb(rssPeak - rssBefore)}; ` +
        `${answered ? mb((rssPeak - rssBefore) / answered) : '—'} per answered report); VmHWM ${mb(kb(pid, 'VmHWM'))}`,
    );
    const sample = outcomes.find((o) => o.json?.errors?.length)?.json?.errors?.[0];
    if (sample) console.log(`a refusal reads: ${JSON.stringify({ message: sample.message, extensions: sample.extensions })}`);
  }
} finally {
  gateway.child.kill('SIGTERM');
  await new Promise((r) => gateway.child.once('exit', r));
  await prisma.$disconnect();
  await root.$disconnect();
  await server.stop();
}
