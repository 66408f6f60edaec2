import { DIRECTIVE_ID, DISTRICT_ID, REVIEW_DATE } from '@coso/sample-data';
import { stableUuid } from '@coso/schema';
import { afterAll, beforeAll, inject, it } from 'vitest';
import { signIn } from './test-support/sign-in.js';
import { startTestGateway, type TestGateway } from './test-support/test-gateway.js';

let t: TestGateway;
let auth = '';
const g = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
beforeAll(async () => {
  t = await startTestGateway(inject('databaseAdminUrl'));
  auth = `Bearer ${await signIn(t.gateway.graphqlUrl)}`;
}, 300_000);
afterAll(() => t?.close());

async function time(query: string, n = 8) {
  const post = () => fetch(t.gateway.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify({ query }) }).then((r) => r.text());
  const first = await post();
  const s = performance.now();
  for (let i = 0; i < n; i++) await post();
  return { ms: (performance.now() - s) / n, bytes: first.length, head: first.slice(0, 120) };
}

it('measures', async () => {
  const d = g('Directive', stableUuid(DIRECTIVE_ID));
  const s = g('AdministrativeUnit', stableUuid(DISTRICT_ID));
  const q = {
    units100: `{ units(asOf: "2022-12-01", first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { id name kind kindLabel code validFrom validTo parent { id name } ancestors { id name kind } } } }`,
    report: `{ directiveReport(directiveId: "${d}", scopeId: "${s}", to: "${REVIEW_DATE}") { scopeName figures { key value } } }`,
    reportFull: `{ directiveReport(directiveId: "${d}", scopeId: "${s}", to: "${REVIEW_DATE}") { scopeName narrative { vi } figures { key value records(first: 200) { nodes { id wardName } } } } }`,
    findings: `{ findings(scopeId: "${s}", asOf: "${REVIEW_DATE}", first: 10) { totalCount } }`,
    counts: `{ counts(scopeId: "${s}", measure: PEOPLE, groupBy: [WARD, KIND], asOf: "${REVIEW_DATE}") { count } }`,
    history: `{ history(id: "${s}") { at } }`,
    tiny: `{ __typename }`,
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(q)) out[k] = await time(v);
  require('node:fs').writeFileSync('/tmp/costs-measure/out.json', JSON.stringify(out, null, 1));
}, 600_000);
