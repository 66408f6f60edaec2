import { DIRECTIVE_ID, DISTRICT_ID, REVIEW_DATE } from '@coso/sample-data';
import { stableUuid } from '@coso/schema';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ExpensiveWork } from './expensive-work.js';
import { signIn } from './test-support/sign-in.js';
import { startTestGateway, type TestGateway } from './test-support/test-gateway.js';

/**
 * Issue #12: one viewer's expensive requests cannot starve the others. A real gateway on the
 * sample data; the `admitted` hook of its bound on expensive work records every admission and holds
 * the work of a chosen viewer in flight until the test lets it go, so what runs while it is held is
 * observed by order, never by time.
 */

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const directiveId = globalId('Directive', stableUuid(DIRECTIVE_ID));
const districtId = globalId('AdministrativeUnit', stableUuid(DISTRICT_ID));
const REPORT = `{ directiveReport(directiveId: "${directiveId}", scopeId: "${districtId}", to: "${REVIEW_DATE}") { figures { key value } } }`;
const keyOf = (username: string) => `account:${stableUuid(`account-${username}`)}`;

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}
function deferred(): Deferred {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const admitted: string[] = [];
const holds = new Map<string, Deferred>();
const work = new ExpensiveWork({
  perViewer: 2,
  perViewerQueue: 2,
  total: 4,
  queue: 16,
  admitted: async (key) => {
    admitted.push(key);
    await holds.get(key)?.promise;
  },
});
const admissionsOf = (key: string) => admitted.filter((k) => k === key).length;

/** Waits (no deadline but the test's) until the gateway has reached a state. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}

let t: TestGateway;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestGateway(inject('databaseAdminUrl'), { expensiveWork: work });
  for (const username of ['admin', 'quan.longbien', 'phantich']) tokens[username] = await signIn(t.gateway.graphqlUrl, username);
});
afterAll(async () => {
  for (const hold of holds.values()) hold.resolve();
  await t?.close();
});

type Answer = {
  status: number;
  retryAfter: string | null;
  json: {
    data?: { directiveReport?: { figures: Array<{ key: string; value: number }> } } & Record<string, unknown>;
    errors?: Array<{
      message: string;
      extensions?: { code?: string; retryAfterSeconds?: number; localizedMessage?: { vi: string; en: string } };
    }>;
  };
};

async function ask(username: string, query: string): Promise<Answer> {
  const res = await fetch(t.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[username]}` },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), json: (await res.json()) as Answer['json'] };
}

/** The 222 residential groups of the article's report (Long Biên, 1 December 2022). */
function groups(answer: Answer): number | undefined {
  return answer.json.data?.directiveReport?.figures.find((f) => f.key === 'residentialGroups')?.value;
}

describe('expensive reads', () => {
  it('refuses 29 aliased reports in one request before anything runs, naming the field, in Vietnamese and English', async () => {
    const before = admitted.length;
    const query = `{ ${Array.from({ length: 29 }, (_, i) => `r${i}: directiveReport(directiveId: "${directiveId}", scopeId: "${districtId}", to: "${REVIEW_DATE}") { figures { key value } }`).join(' ')} }`;
    const answer = await ask('admin', query);
    expect(answer.status).toBe(400);
    expect(answer.json.data).toBeUndefined();
    const [error, ...others] = answer.json.errors ?? [];
    expect(others).toEqual([]);
    expect(error?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const { vi, en } = error?.extensions?.localizedMessage ?? { vi: '', en: '' };
    expect(vi).toMatch(
      /^Truy vấn quá tốn kém: chi phí ước tính \d+, tối đa 50000\. Trường tốn kém \(chi phí mỗi lần\): directiveReport × 29 \(5000\)/,
    );
    expect(en).toMatch(
      /^Query is too expensive: estimated cost \d+, at most 50000\. Expensive fields \(cost of each call\): directiveReport × 29 \(5000\)/,
    );
    expect(error?.message).toBe(`${vi} / ${en}`);
    // Refused by validation: never admitted to run.
    expect(admitted.length).toBe(before);
  });

  it("holds a viewer's third and fourth reports, refuses the fifth, and runs another viewer's report meanwhile; /healthz answers", async () => {
    const a = keyOf('admin');
    const b = keyOf('quan.longbien');
    const hold = deferred();
    holds.set(a, hold);
    const before = admissionsOf(a);

    const running = [ask('admin', REPORT), ask('admin', REPORT)];
    await until(() => admissionsOf(a) === before + 2);
    const more = [ask('admin', REPORT), ask('admin', REPORT), ask('admin', REPORT)];
    // Two wait for one of the viewer's own; the one past them is refused at once.
    const refused = await Promise.race(more.map((p, i) => p.then((answer) => ({ i, answer }))));
    expect(refused.answer.status).toBe(429);
    expect(refused.answer.retryAfter).toBe('2');
    const error = refused.answer.json.errors?.[0];
    expect(error?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(error?.extensions?.retryAfterSeconds).toBe(2);
    expect(error?.extensions?.localizedMessage?.vi).toContain('tối đa 2 cùng lúc; thử lại sau 2 giây');
    expect(error?.extensions?.localizedMessage?.en).toContain('at most 2 at a time; retry in 2 seconds');
    expect(error?.message).toBe(`${error?.extensions?.localizedMessage?.vi} / ${error?.extensions?.localizedMessage?.en}`);

    // The same bound covers the exports: the viewer's report file is refused too.
    const exported = await fetch(
      new URL(`/exports/directive-report.xlsx?directiveId=${directiveId}&scopeId=${districtId}&to=${REVIEW_DATE}`, t.gateway.url),
      { headers: { authorization: `Bearer ${tokens.admin}` } },
    );
    expect(exported.status).toBe(429);
    expect(exported.headers.get('retry-after')).toBe('2');
    expect(((await exported.json()) as Answer['json']).errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');

    // Another viewer's report runs to its end while the first viewer's are held.
    const other = await ask('quan.longbien', REPORT);
    expect(other.status).toBe(200);
    expect(groups(other)).toBe(222);
    expect(admissionsOf(b)).toBeGreaterThanOrEqual(1);
    // The process answers, and so do the held viewer's cheap reads.
    const health = await fetch(new URL('/healthz', t.gateway.url));
    expect(health.status).toBe(200);
    const cheap = await ask('admin', '{ units(asOf: "2022-12-01", filter: { kind: WARD }) { totalCount } }');
    expect(cheap.json.data).toEqual({ units: { totalCount: 14 } });
    expect(admissionsOf(a)).toBe(before + 2);

    holds.delete(a);
    hold.resolve();
    const waited = more.filter((_, i) => i !== refused.i);
    const answers = await Promise.all([...running, ...waited]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(groups(answer)).toBe(222);
    }
    expect(admissionsOf(a)).toBe(before + 4);
  });

  it("queues a viewer's report while the gateway's places are all taken, and runs it when one is given back", async () => {
    const a = keyOf('admin');
    const c = keyOf('phantich');
    const b = keyOf('quan.longbien');
    const [holdA, holdC] = [deferred(), deferred()];
    holds.set(a, holdA);
    holds.set(c, holdC);
    const [beforeA, beforeB, beforeC] = [admissionsOf(a), admissionsOf(b), admissionsOf(c)];

    const held = [ask('admin', REPORT), ask('admin', REPORT), ask('phantich', REPORT), ask('phantich', REPORT)];
    await until(() => admissionsOf(a) === beforeA + 2 && admissionsOf(c) === beforeC + 2);
    // The gateway's 4 places are taken: the third viewer's report waits for one.
    const waiting = ask('quan.longbien', REPORT);
    await until(() => work.queued === 1);
    expect(admissionsOf(b)).toBe(beforeB);
    expect((await fetch(new URL('/healthz', t.gateway.url))).status).toBe(200);

    holds.delete(a);
    holdA.resolve();
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(groups(answer)).toBe(222);
    expect(admissionsOf(b)).toBe(beforeB + 1);
    // Admitted in order: after the held ones, while the second viewer's are still held.
    expect(admitted.lastIndexOf(b)).toBeGreaterThan(admitted.lastIndexOf(c));

    holds.delete(c);
    holdC.resolve();
    for (const done of await Promise.all(held)) expect(done.status).toBe(200);
  });
});
