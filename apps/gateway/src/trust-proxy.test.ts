import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { startTestGateway, type TestGateway } from './test-support/test-gateway.js';
import { parseTrustProxy } from './trust-proxy.js';

/**
 * Issue #12: behind a reverse proxy the sign-in counters saw the proxy's address. TRUST_PROXY lets
 * the gateway read the client's address from X-Forwarded-For, only from the proxies it names (Express'
 * `trust proxy`, proxy-addr); by default no header moves a counter. Checked against a real gateway
 * and PostgreSQL: the addresses the throttle stores (login_attempts, login_throttles) and logs.
 */

const WRONG = 'mat-khau-sai';

describe('TRUST_PROXY values', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['off', false],
    ['1', 1],
    ['2', 2],
    ['127.0.0.1', ['127.0.0.1']],
    ['loopback, 10.0.0.0/8,fd00::/8', ['loopback', '10.0.0.0/8', 'fd00::/8']],
  ])('%j is %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it.each(['true', '*', '33', '10.0.0.0/99', 'proxy.example', '10.0.0.1, nonsense'])(
    '%j is refused at start, naming TRUST_PROXY in Vietnamese and English',
    (value) => {
      let error: unknown;
      try {
        loadConfig({ PORT: '0', TRUST_PROXY: value });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/TRUST_PROXY: .*vd\. TRUST_PROXY=1 .* \/ .*e\.g\. TRUST_PROXY=1/);
    },
  );
});

async function login(t: TestGateway, username: string, forwardedFor?: string) {
  const res = await fetch(t.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on LoginError { code } } }',
      variables: { u: username, p: WRONG },
    }),
  });
  const json = (await res.json()) as { data?: { login: { __typename: string; code?: string } } };
  return json.data?.login.code;
}

async function attemptAddresses(t: TestGateway, username: string): Promise<string[]> {
  const rows = await t.prisma.loginAttempt.findMany({ where: { username }, orderBy: { id: 'asc' }, select: { address: true } });
  return rows.map((r) => r.address);
}

/** Loopback as the gateway's socket sees this test's requests (IPv4, maybe IPv4-mapped IPv6). */
const LOOPBACK = /^(::ffff:)?127\.0\.0\.1$|^::1$/;

describe('the client address of the sign-in throttle', () => {
  let direct: TestGateway;
  let proxied: TestGateway;
  beforeAll(async () => {
    direct = await startTestGateway(inject('databaseAdminUrl'), { sampleData: false });
    proxied = await startTestGateway(inject('databaseAdminUrl'), { sampleData: false, config: { trustProxy: ['loopback'] } });
  }, 120_000);
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
  });

  it('ignores X-Forwarded-For by default: a spoofed header neither moves nor resets a counter', async () => {
    // Five failures are free per account and address; each comes with another made-up address.
    for (let i = 1; i <= 5; i++) expect(await login(direct, 'spoofer', `203.0.113.${i}`)).toBe('INVALID_CREDENTIALS');
    // A sixth, with yet another address in the header, is held: the counter is the peer's.
    expect(await login(direct, 'spoofer', '198.51.100.77')).toBe('RATE_LIMITED');
    const addresses = await attemptAddresses(direct, 'spoofer');
    expect(addresses.length).toBeGreaterThanOrEqual(5);
    for (const a of addresses) expect(a).toMatch(LOOPBACK);
    const pairs = await direct.prisma.loginThrottle.findMany({ where: { kind: 'pair', username: 'spoofer' } });
    expect(pairs.map((p) => p.failures)).toEqual([5]);
    expect(pairs[0]?.address).toMatch(LOOPBACK);
    const logged = direct.logs.filter((l) => l.msg === 'request' && l.path === '/graphql').map((l) => l.clientAddress);
    expect(logged.length).toBeGreaterThanOrEqual(6);
    for (const a of logged) expect(a).toMatch(LOOPBACK);
  });

  it('counts the client a trusted proxy names, not the proxy, nor what the client wrote before it', async () => {
    // Through the (loopback) proxy: the client's address is the one the proxy appended.
    for (let i = 1; i <= 5; i++) expect(await login(proxied, 'behind-proxy', '203.0.113.9')).toBe('INVALID_CREDENTIALS');
    expect(await login(proxied, 'behind-proxy', '203.0.113.9')).toBe('RATE_LIMITED');
    // Another client behind the same proxy has a counter of its own, even when it writes the first
    // client's address into the header itself: the proxy appends the real one, which is counted.
    expect(await login(proxied, 'behind-proxy', '203.0.113.9, 198.51.100.20')).toBe('INVALID_CREDENTIALS');
    expect(new Set(await attemptAddresses(proxied, 'behind-proxy'))).toEqual(new Set(['203.0.113.9', '198.51.100.20']));
    const pairs = await proxied.prisma.loginThrottle.findMany({
      where: { kind: 'pair', username: 'behind-proxy' },
      orderBy: { address: 'asc' },
    });
    expect(pairs.map((p) => [p.address, p.failures])).toEqual([
      ['198.51.100.20', 1],
      ['203.0.113.9', 5],
    ]);
    const logged = proxied.logs.filter((l) => l.msg === 'request' && l.path === '/graphql').map((l) => l.clientAddress);
    expect(logged).toContain('198.51.100.20');
  });

  it('without the header, the peer itself is the client, trusted or not', async () => {
    expect(await login(proxied, 'no-header')).toBe('INVALID_CREDENTIALS');
    expect(await attemptAddresses(proxied, 'no-header')).toEqual([expect.stringMatching(LOOPBACK)]);
  });
});
