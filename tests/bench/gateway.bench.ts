import { afterAll, beforeAll, bench, describe } from 'vitest';
import { apiToken, type GatewayProcess, graphql, startGatewayProcess } from '../support/gateway-process.js';

/**
 * Requests per second of the admin web's typical reads, through the built gateway over HTTP, on
 * the Long Biên sample data, one client at a time (the figure an officer's click waits for).
 * `npm run bench`; baseline figures and the machine they were read on: tests/bench/README.md.
 */

let gateway: GatewayProcess | undefined;
let token = '';
const ids: { district?: string; directive?: string } = {};

beforeAll(async () => {
  gateway = await startGatewayProcess();
  token = await apiToken(gateway.baseUrl, 'quan.longbien', 'coso-quan-demo');
  const found = await graphql<{ units: { nodes: Array<{ id: string }> }; directives: { nodes: Array<{ id: string }> } }>(
    gateway.baseUrl,
    token,
    { query: '{ units(asOf: "2022-12-01", filter: { kind: DISTRICT }, first: 1) { nodes { id } } directives(first: 1) { nodes { id } } }' },
  );
  ids.district = found.data?.units.nodes[0]?.id;
  ids.directive = found.data?.directives.nodes[0]?.id;
  if (!ids.district || !ids.directive) throw new Error(`no district or directive in the sample data: ${JSON.stringify(found)}`);
  for (const request of cases) await request();
}, 180_000);

afterAll(async () => {
  await gateway?.stop();
}, 60_000);

async function run(query: string, variables: Record<string, unknown> = {}): Promise<void> {
  if (!gateway) throw new Error('the gateway is not started');
  const result = await graphql(gateway.baseUrl, token, { query, variables });
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
}

const OPTIONS = { time: 3_000, warmupTime: 500 } as const;

// tinybench records a failing request as a NaN rate, not a failure: every case is first run once
// in beforeAll, where an error stops the run with its message.
const cases: Array<() => Promise<void>> = [];
function benchRequest(name: string, request: () => Promise<void>): void {
  cases.push(request);
  bench(name, request, OPTIONS);
}

describe('admin web reads (district officer, sample data)', () => {
  benchRequest('units list: 14 wards with code and parent', () =>
    run(`{ units(asOf: "2022-12-01", filter: { kind: WARD }, first: 20) { totalCount nodes { id name code parent { name } } } }`),
  );

  benchRequest('people search "nguyen van", a page of 20 (masked, logged reads)', () =>
    run(
      `{ people(asOf: "2022-12-01", filter: { name: { search: "nguyen van" } }, first: 20) { totalCount nodes { id fullName birthYear citizenId phone residenceUnit { name } } } }`,
    ),
  );

  benchRequest('buildings page of 20 with group, ward and board', () =>
    run(
      `{ buildings(asOf: "2022-12-01", first: 20) { totalCount nodes { id name apartmentCount residentialGroup { name parent { name } } board { name } } } }`,
    ),
  );

  benchRequest(
    // Page sizes kept under the gateway's query-cost limit (50 000).
    'nested 5 wards → groups → buildings → board → members → person',
    () =>
      run(`{ units(asOf: "2022-12-01", filter: { kind: WARD }, first: 5) { nodes { name
        children(kind: RESIDENTIAL_GROUP, first: 20) { nodes { name buildings(first: 5) { nodes { name
          board { name members(first: 10) { nodes { role person { fullName } } } } } } } } } } }`),
  );

  benchRequest('directive report: every figure with its per-ward breakdown', () =>
    run(
      `query ($directive: ID!, $scope: ID!) { directiveReport(directiveId: $directive, scopeId: $scope, to: "2022-12-15") {
          figures { key value denominator byWard { wardName value } } } }`,
      { directive: ids.directive, scope: ids.district },
    ),
  );

  benchRequest('findings: first 50 gaps as of the review day', () =>
    run(
      `query ($scope: ID!) { findings(scopeId: $scope, asOf: "2022-12-01", first: 50) { totalCount nodes { code entityName wardName } } }`,
      {
        scope: ids.district,
      },
    ),
  );
});
