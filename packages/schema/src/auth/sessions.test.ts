import { readFileSync } from 'node:fs';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient } from '../database/prisma-client.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { LOGIN_THROTTLES } from './login-throttle.js';
import { verifyPassword } from './passwords.js';
import { login, SESSION_HOURS, viewerFromToken } from './sessions.js';
import { ACCESS_FIXTURE, ANONYMOUS, EXTRA_PASSWORD, viewerOf } from './test-support/access-fixture.js';
import { hashToken, newSessionToken } from './tokens.js';
import type { Viewer } from './viewer.js';

/** Sessions: login and logout, expiry, disabled accounts, failed-login limits, password storage. */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
});
afterAll(() => h.close());

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename
  ... on LoginSuccess { token expiresAt me { username role } }
  ... on LoginError { code message messageVi messageEn retryAt } } }`;

type LoginOutcome = {
  __typename: string;
  token?: string;
  expiresAt?: string;
  me?: { username: string; role: string };
  code?: string;
  messageVi?: string;
  messageEn?: string;
  retryAt?: string | null;
};

/** `login` over GraphQL, as an anonymous client from `address`. */
async function signIn(username: string, password: string, address: string): Promise<LoginOutcome> {
  const r = await h.exec<{ login: LoginOutcome }>(LOGIN, { u: username, p: password }, { viewer: ANONYMOUS, clientAddress: address });
  expect(r.errors).toEqual([]);
  if (!r.data) throw new Error('no login result');
  return r.data.login;
}

function password(username: string): string {
  const a = DEMO_ACCOUNTS.find((x) => x.username === username);
  if (!a) throw new Error(`no demo account ${username}`);
  return a.password;
}

async function meOf(viewer: Viewer) {
  return (await h.run<{ me: { username: string } | null }>('{ me { username } }', {}, { viewer })).me;
}

describe('login and logout', () => {
  it('a right password opens a session whose token identifies the user (me)', async () => {
    const before = Date.now();
    const r = await signIn('phantich', password('phantich'), '10.0.1.1');
    expect(r).toMatchObject({ __typename: 'LoginSuccess', me: { username: 'phantich', role: 'ANALYST' } });
    const expires = new Date(r.expiresAt ?? '').getTime();
    expect(expires - before).toBeGreaterThanOrEqual(SESSION_HOURS * 3_600_000 - 60_000);
    expect(expires - before).toBeLessThanOrEqual(SESSION_HOURS * 3_600_000 + 60_000);
    const viewer = await viewerFromToken(h.prisma, r.token);
    expect(viewer).toMatchObject({ kind: 'account', username: 'phantich', role: 'ANALYST' });
    expect(await meOf(viewer)).toEqual({ username: 'phantich' });
    // Only the token's hash is stored.
    const session = await h.prisma.session.findFirstOrThrow({ where: { tokenHash: hashToken(r.token ?? '') } });
    expect(JSON.stringify(session)).not.toContain(r.token);
    // Usernames are not case-sensitive.
    expect((await signIn('  PhanTich ', password('phantich'), '10.0.1.1')).__typename).toBe('LoginSuccess');
  });

  it('a wrong password, or an unknown user, is INVALID_CREDENTIALS (the same answer for both), in Vietnamese then English', async () => {
    const wrong = await signIn('xem', 'khong-phai-mat-khau', '10.0.1.2');
    expect(wrong).toMatchObject({
      __typename: 'LoginError',
      code: 'INVALID_CREDENTIALS',
      messageVi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      messageEn: 'Wrong username or password.',
    });
    const unknown = await signIn('khong-co-ai', 'khong-phai-mat-khau', '10.0.1.2');
    expect(unknown).toEqual({ ...wrong });
    expect(await viewerFromToken(h.prisma, 'not-a-token')).toEqual({ kind: 'anonymous' });
  });

  it('logout revokes the token', async () => {
    const r = await signIn('xem', password('xem'), '10.0.1.3');
    const viewer = await viewerFromToken(h.prisma, r.token);
    expect(viewer.kind).toBe('account');
    expect(await h.run<{ logout: boolean }>('mutation { logout }', {}, { viewer })).toEqual({ logout: true });
    expect(await viewerFromToken(h.prisma, r.token)).toEqual({ kind: 'anonymous' });
    // Another session of the same user is untouched.
    const other = await signIn('xem', password('xem'), '10.0.1.3');
    expect((await viewerFromToken(h.prisma, other.token)).kind).toBe('account');
  });

  it('an expired session yields an anonymous viewer', async () => {
    const r = await signIn('xem', password('xem'), '10.0.1.4');
    const later = new Date(Date.now() + (SESSION_HOURS + 1) * 3_600_000);
    expect(await viewerFromToken(h.prisma, r.token, later)).toEqual({ kind: 'anonymous' });
    await h.prisma.session.update({ where: { tokenHash: hashToken(r.token ?? '') }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const viewer = await viewerFromToken(h.prisma, r.token);
    expect(viewer).toEqual({ kind: 'anonymous' });
    expect(await meOf(viewer)).toBeNull();
  });

  it('a disabled account (endAccount) loses its sessions and cannot sign in again', async () => {
    const r = await signIn('canbo.phucloi', EXTRA_PASSWORD, '10.0.1.5');
    expect(r.__typename).toBe('LoginSuccess');
    const account = await h.prisma.account.findUniqueOrThrow({ where: { username: 'canbo.phucloi' } });
    const ended = await h.run<{ endAccount: { __typename: string; data: { validTo: string } } }>(
      `mutation($input: EndAccountInput!) { endAccount(input: $input) { __typename ... on MutationEndAccountSuccess { data { validTo } } } }`,
      { input: { id: account.id, version: account.version, on: '2026-01-01' } },
      { viewer: await viewerOf(h.prisma, 'admin') },
    );
    expect(ended.endAccount).toEqual({ __typename: 'MutationEndAccountSuccess', data: { validTo: '2026-01-01' } });
    expect(await viewerFromToken(h.prisma, r.token)).toEqual({ kind: 'anonymous' });
    expect(await signIn('canbo.phucloi', EXTRA_PASSWORD, '10.0.1.5')).toMatchObject({
      __typename: 'LoginError',
      code: 'ACCOUNT_DISABLED',
    });
    // A session that was not revoked (e.g. opened by another process in between) is refused too: the account's end date counts.
    const { token } = await loginDirect('canbo.phucloi');
    expect(await viewerFromToken(h.prisma, token)).toEqual({ kind: 'anonymous' });
  });

  it('refuses to lock an account from a day not after its start, with a typed bilingual error, changing nothing', async () => {
    const account = await h.prisma.account.findUniqueOrThrow({ where: { username: 'xem' } });
    const start = account.validFrom.toISOString().slice(0, 10);
    const refused = await h.run<{ endAccount: { __typename: string; violations: Array<{ path: string[]; message: { vi: string } }> } }>(
      `mutation($input: EndAccountInput!) { endAccount(input: $input) { __typename ... on ValidationError { violations { path message { vi } } } } }`,
      { input: { id: account.id, version: account.version, on: start } },
      { viewer: await viewerOf(h.prisma, 'admin') },
    );
    expect(refused.endAccount.__typename).toBe('ValidationError');
    expect(refused.endAccount.violations[0]?.path).toEqual(['on']);
    expect(refused.endAccount.violations[0]?.message.vi).toMatch(/^Ngày khóa phải sau ngày tài khoản bắt đầu hoạt động/);
    expect(await h.prisma.account.findUniqueOrThrow({ where: { username: 'xem' } })).toEqual(account);
  });

  it('a changed role or territory ends the account’s sessions', async () => {
    const r = await signIn('phuong.longbien', EXTRA_PASSWORD, '10.0.1.6');
    const account = await h.prisma.account.findUniqueOrThrow({ where: { username: 'phuong.longbien' } });
    const changed = await h.run<{ updateAccount: { __typename: string } }>(
      `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) { __typename } }`,
      { input: { id: account.id, version: account.version, role: 'VIEWER', scopeUnitId: null } },
      { viewer: await viewerOf(h.prisma, 'admin') },
    );
    expect(changed.updateAccount.__typename).toBe('MutationUpdateAccountSuccess');
    expect(await viewerFromToken(h.prisma, r.token)).toEqual({ kind: 'anonymous' });
    expect((await viewerFromToken(h.prisma, (await signIn('phuong.longbien', EXTRA_PASSWORD, '10.0.1.6')).token)).kind).toBe('account');
  });

  it('an account locked from a date is locked from that day in Vietnam, not in UTC', async () => {
    await h.prisma.account.update({ where: { username: 'phuong.longbien' }, data: { validTo: new Date('2026-11-26T00:00:00Z') } });
    try {
      // 25/11 23:59 in Hanoi: still open; 26/11 00:30 in Hanoi (still 25/11 in UTC): locked.
      const before = await login(h.prisma, 'phuong.longbien', EXTRA_PASSWORD, '10.0.1.7', new Date('2026-11-25T16:59:00Z'));
      expect(before.ok).toBe(true);
      const after = await login(h.prisma, 'phuong.longbien', EXTRA_PASSWORD, '10.0.1.7', new Date('2026-11-25T17:30:00Z'));
      expect(after).toEqual({ ok: false, failure: 'ACCOUNT_DISABLED' });
      if (!before.ok) return;
      expect(await viewerFromToken(h.prisma, before.token, new Date('2026-11-25T16:59:30Z'))).toMatchObject({ kind: 'account' });
      expect(await viewerFromToken(h.prisma, before.token, new Date('2026-11-25T17:30:00Z'))).toEqual({ kind: 'anonymous' });
    } finally {
      await h.prisma.account.update({ where: { username: 'phuong.longbien' }, data: { validTo: null } });
    }
  });
});

describe('locking an account now (issue #12)', () => {
  const LOCK = `mutation($input: LockAccountInput!) { lockAccount(input: $input) { __typename
    ... on MutationLockAccountSuccess { data { lockedAt validTo } } } }`;

  it('an account created today can be locked at once: its sessions end in the same step and it cannot sign in again', async () => {
    const admin = await viewerOf(h.prisma, 'admin');
    const made = await h.run<{ createAccount: { __typename: string; data: { id: string } } }>(
      `mutation($input: CreateAccountInput!) { createAccount(input: $input) { __typename ... on MutationCreateAccountSuccess { data { id } } } }`,
      { input: { username: 'moi.khoa-ngay', displayName: 'Khóa ngay', password: EXTRA_PASSWORD, role: 'VIEWER' } },
      { viewer: admin },
    );
    expect(made.createAccount.__typename).toBe('MutationCreateAccountSuccess');
    const session = await signIn('moi.khoa-ngay', EXTRA_PASSWORD, '10.8.0.1');
    expect((await viewerFromToken(h.prisma, session.token)).kind).toBe('account');
    const account = await h.prisma.account.findUniqueOrThrow({ where: { username: 'moi.khoa-ngay' } });
    const before = Date.now();
    const locked = await h.run<{ lockAccount: { __typename: string; data: { lockedAt: string; validTo: string | null } } }>(
      LOCK,
      { input: { id: made.createAccount.data.id, version: account.version } },
      { viewer: admin },
    );
    const after = Date.now();
    expect(locked.lockAccount.__typename).toBe('MutationLockAccountSuccess');
    const lockedAt = new Date(locked.lockAccount.data.lockedAt).getTime();
    expect(lockedAt).toBeGreaterThanOrEqual(before - 1);
    expect(lockedAt).toBeLessThanOrEqual(after + 1);
    // Ended in the database, not only refused when read: the session row is revoked.
    expect((await h.prisma.session.findUniqueOrThrow({ where: { tokenHash: hashToken(session.token ?? '') } })).revokedAt).not.toBeNull();
    expect(await viewerFromToken(h.prisma, session.token)).toEqual({ kind: 'anonymous' });
    expect(await signIn('moi.khoa-ngay', EXTRA_PASSWORD, '10.8.0.1')).toMatchObject({ __typename: 'LoginError', code: 'ACCOUNT_DISABLED' });
    const trail = await h.prisma.auditEntry.findMany({ where: { operation: 'lockAccount', entityId: account.id } });
    expect(trail.map((e) => e.actor)).toEqual(['admin']);
    // Locking again keeps the first instant.
    const again = await h.run<{ lockAccount: { data: { lockedAt: string } } }>(
      LOCK,
      { input: { id: made.createAccount.data.id, version: account.version + 1 } },
      { viewer: admin },
    );
    expect(again.lockAccount.data.lockedAt).toBe(locked.lockAccount.data.lockedAt);
  });

  // Generated instants around a lock: a session (even one opened past `login`'s checks) and a
  // sign-in work strictly before it and never from it on.
  const OFFSETS_MS = [-1_200_000, -60_000, -1_000, -1, 0, 1, 1_000, 60_000, 1_200_000];
  it(`locked at an instant: refused from that instant, at ${OFFSETS_MS.length} generated distances from it`, async () => {
    // Half an hour ahead, so that every instant probed lies within the session's hour.
    const lockedAt = new Date(Date.now() + 1_800_123);
    await h.prisma.account.update({ where: { username: 'phuong.viethung' }, data: { lockedAt } });
    try {
      const { token } = await loginDirect('phuong.viethung');
      for (const offset of OFFSETS_MS) {
        const at = new Date(lockedAt.getTime() + offset);
        const open = offset < 0;
        expect((await viewerFromToken(h.prisma, token, at)).kind, `session at ${offset} ms`).toBe(open ? 'account' : 'anonymous');
        const r = await login(h.prisma, 'phuong.viethung', EXTRA_PASSWORD, '10.8.1.1', at);
        expect(r.ok ? 'ok' : r.failure, `sign-in at ${offset} ms`).toBe(open ? 'ok' : 'ACCOUNT_DISABLED');
      }
    } finally {
      await h.prisma.account.update({ where: { username: 'phuong.viethung' }, data: { lockedAt: null } });
    }
  });
});

/** A session opened directly in the table (bypassing `login`'s checks), for the token checks. */
async function loginDirect(username: string): Promise<{ token: string }> {
  const { token, hash } = newSessionToken();
  const account = await h.prisma.account.findUniqueOrThrow({ where: { username } });
  await h.prisma.session.create({ data: { accountId: account.id, tokenHash: hash, expiresAt: new Date(Date.now() + 3_600_000) } });
  return { token };
}

/**
 * The throttling policy as documented in API.md and the gateway's README (the oracle: these
 * numbers are written here by hand, not read from the code): failures let through per counter
 * before delays begin, and the delays after each further failure, in minutes.
 */
const DOCUMENTED_FREE: Record<string, number> = { pair: 5, account: 20, address: 30 };
const DOCUMENTED_DELAYS_MINUTES = [1, 2, 4, 8, 15, 15];
const FORGET_AFTER_MS = 24 * 3_600_000;

describe('failed sign-ins are slowed down per (account, address), per account and per address, not locked', () => {
  it('every counter is documented (a new one fails here until it is)', () => {
    expect(Object.fromEntries(Object.entries(LOGIN_THROTTLES).map(([k, v]) => [k, v.free]))).toEqual(DOCUMENTED_FREE);
  });

  /** A burst that only the counter `kind` can stop: the other two see one failure per key. */
  const bursts: Record<string, (i: number) => { username: string; address: string }> = {
    pair: () => ({ username: 'dot.cap', address: '10.1.0.1' }),
    account: (i) => ({ username: 'dot.taikhoan', address: `10.2.${Math.floor(i / 200)}.${i % 200}` }),
    address: (i) => ({ username: `dot.diachi.${i}`, address: '10.3.0.1' }),
  };
  for (const [kind, free] of Object.entries(DOCUMENTED_FREE)) {
    const extra = 3 + free / 5; // a few more than the counter lets through, different per counter
    it(`${kind}: ${free + extra} wrong passwords in parallel are checked exactly ${free} times; the rest wait`, async () => {
      const shape = bursts[kind];
      if (!shape) throw new Error(`no burst for ${kind}`);
      const outcomes = await Promise.all(
        Array.from({ length: free + extra }, (_, i) => {
          const { username, address } = shape(i);
          return signIn(username, `doan-sai-${kind}-${i}`, address);
        }),
      );
      expect(tally(outcomes)).toEqual({ INVALID_CREDENTIALS: free, RATE_LIMITED: extra });
      for (const o of outcomes.filter((x) => x.code === 'RATE_LIMITED')) expect(o.retryAt).not.toBeNull();
    });
  }

  it('after the free tries, each failure doubles the wait (1, 2, 4, 8, then 15 minutes at most); a day of quiet forgets', async () => {
    const address = '10.4.0.1';
    let now = new Date('2026-12-05T01:00:00Z');
    const attempt = (at: Date, pw = 'doan-sai-tuan-tu') => login(h.prisma, 'tuan.tu', pw, address, at);
    for (let i = 0; i < (DOCUMENTED_FREE.pair ?? 0); i++) expect(await attempt(now)).toEqual({ ok: false, failure: 'INVALID_CREDENTIALS' });
    const waits: number[] = [];
    for (let step = 0; step < DOCUMENTED_DELAYS_MINUTES.length; step++) {
      const refused = await attempt(now);
      if (refused.ok || refused.failure !== 'RATE_LIMITED' || !refused.retryAt) throw new Error(`not refused: ${JSON.stringify(refused)}`);
      waits.push((refused.retryAt.getTime() - now.getTime()) / 60_000);
      // A millisecond early is still refused, and not counted; at the instant it is checked again.
      expect(await attempt(new Date(refused.retryAt.getTime() - 1))).toMatchObject({ failure: 'RATE_LIMITED', retryAt: refused.retryAt });
      now = refused.retryAt;
      expect(await attempt(now)).toEqual({ ok: false, failure: 'INVALID_CREDENTIALS' });
    }
    expect(waits).toEqual(DOCUMENTED_DELAYS_MINUTES);
    now = new Date(now.getTime() + FORGET_AFTER_MS);
    for (let i = 0; i < (DOCUMENTED_FREE.pair ?? 0); i++) expect(await attempt(now)).toMatchObject({ failure: 'INVALID_CREDENTIALS' });
    expect(await attempt(now)).toMatchObject({ failure: 'RATE_LIMITED' });
  });

  it('the answer says when to try again, in Vietnam time, and reads the same whether the account exists or not', async () => {
    const at = new Date('2026-12-05T07:31:20Z'); // 14:31:20 in Hanoi
    const run = async (username: string) => {
      for (let i = 0; i < (DOCUMENTED_FREE.pair ?? 0); i++) await login(h.prisma, username, `doan-sai-${i}`, '10.5.0.1', at);
      return login(h.prisma, username, password('xem'), '10.5.0.1', at);
    };
    const existing = await run('xem');
    const unknown = await run('khong-ton-tai');
    expect(existing).toEqual({ ok: false, failure: 'RATE_LIMITED', retryAt: new Date('2026-12-05T07:32:20Z') });
    expect(unknown).toEqual(existing);
    // Over GraphQL: 14:32:20 is rounded up to the minute from which trying works.
    const answer = await signIn('xem', 'doan-sai-lan-nua', '10.5.0.1');
    expect(answer.code).toBe('RATE_LIMITED');
    const retry = new Date(answer.retryAt ?? '');
    const hanoi = new Date(Math.ceil((retry.getTime() + 7 * 3_600_000) / 60_000) * 60_000);
    const [hm, dmy] = [
      `${String(hanoi.getUTCHours()).padStart(2, '0')}:${String(hanoi.getUTCMinutes()).padStart(2, '0')}`,
      `${String(hanoi.getUTCDate()).padStart(2, '0')}/${String(hanoi.getUTCMonth() + 1).padStart(2, '0')}/${hanoi.getUTCFullYear()}`,
    ];
    expect(answer.messageVi).toBe(`Đăng nhập sai quá nhiều lần từ nơi này. Hãy thử lại từ ${hm} ngày ${dmy} (giờ Việt Nam).`);
    expect(answer.messageEn).toBe(`Too many failed sign-ins from here. Try again from ${hm} on ${dmy} (Vietnam time).`);
    expect(await h.prisma.loginAttempt.count({ where: { address: '10.5.0.1', succeeded: false } })).toBe(13);
  });

  it('guesses from many addresses slow down new places, not the place the holder signed in from before; an administrator clears them', async () => {
    const known = '10.6.0.1';
    expect((await signIn('quan.longbien', password('quan.longbien'), known)).__typename).toBe('LoginSuccess');
    // 20 addresses, one wrong guess each: the account's counter for unknown places closes.
    const guesses = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn('quan.longbien', `doan-sai-${i}`, `10.6.1.${i}`)));
    expect(tally(guesses)).toEqual({ INVALID_CREDENTIALS: 20 });
    expect(await signIn('quan.longbien', password('quan.longbien'), '10.6.2.1')).toMatchObject({ code: 'RATE_LIMITED' });
    // Wrong guesses from the known place are its own (five of them would slow it too); the right password works.
    expect((await signIn('quan.longbien', password('quan.longbien'), known)).__typename).toBe('LoginSuccess');

    const account = await h.prisma.account.findUniqueOrThrow({ where: { username: 'quan.longbien' } });
    const cleared = await h.run<{ clearLoginThrottles: { __typename: string } }>(
      `mutation($input: ClearLoginThrottlesInput!) { clearLoginThrottles(input: $input) { __typename } }`,
      { input: { id: encodeGlobalID('Account', account.id), version: account.version } },
      { viewer: await viewerOf(h.prisma, 'admin') },
    );
    expect(cleared.clearLoginThrottles.__typename).toBe('MutationClearLoginThrottlesSuccess');
    expect((await signIn('quan.longbien', password('quan.longbien'), '10.6.2.1')).__typename).toBe('LoginSuccess');
    const trail = await h.prisma.auditEntry.findMany({ where: { operation: 'clearLoginThrottles', entityId: account.id } });
    expect(trail).toHaveLength(1);
    // Others may not.
    const refused = await h.exec(
      `mutation($input: ClearLoginThrottlesInput!) { clearLoginThrottles(input: $input) { __typename } }`,
      { input: { id: encodeGlobalID('Account', account.id), version: account.version } },
      { viewer: await viewerOf(h.prisma, 'quan.longbien') },
    );
    expect(refused.errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
  });

  it('guesses at many accounts from one address do not keep out those who signed in from there before', async () => {
    const office = '10.7.0.1';
    expect((await signIn('phuong.giangbien', password('phuong.giangbien'), office)).__typename).toBe('LoginSuccess');
    const guesses = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(`ten-doan-${i}`, 'mat-khau-doan', office)));
    expect(tally(guesses)).toEqual({ INVALID_CREDENTIALS: 30 });
    // A first sign-in from this address waits …
    expect(await signIn('admin', password('admin'), office)).toMatchObject({ code: 'RATE_LIMITED' });
    // … the same account from elsewhere does not, and whoever signed in from here before signs in.
    expect((await signIn('admin', password('admin'), '10.7.0.2')).__typename).toBe('LoginSuccess');
    expect((await signIn('phuong.giangbien', password('phuong.giangbien'), office)).__typename).toBe('LoginSuccess');
    // Refused attempts write no counter: new usernames from a closed address leave no rows behind.
    const rows = await h.prisma.loginThrottle.count();
    for (let i = 0; i < 5; i++) expect((await signIn(`ten-moi-${i}`, 'mat-khau-doan', office)).code).toBe('RATE_LIMITED');
    expect(await h.prisma.loginThrottle.count()).toBe(rows);
  });
});

/** Answers counted by code: a RATE_LIMITED answer is given before any password is checked. */
function tally(outcomes: LoginOutcome[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.__typename === 'LoginSuccess' ? 'SUCCESS' : (o.code ?? '?');
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

describe('the failed-login limit is checked and counted in one atomic step (issue #12)', () => {
  it('40 wrong passwords in parallel, one account, one address: exactly 5 are checked', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn('song-song.mot', `doan-sai-song-song-${i}`, '10.0.4.1')),
    );
    expect(tally(outcomes)).toEqual({ INVALID_CREDENTIALS: 5, RATE_LIMITED: 35 });
  });

  it('two gateway processes (two clients, two connection pools) share the limit: 40 parallel wrong passwords, 5 checked', async () => {
    const other = createPrismaClient(h.url);
    try {
      const clients = [h.prisma, other];
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => login(clients[i % 2] ?? h.prisma, 'song-song.hai', `doan-sai-hai-cong-${i}`, '10.0.4.3')),
      );
      const failures = results.map((r) => (r.ok ? 'SUCCESS' : r.failure));
      expect(failures.filter((f) => f === 'INVALID_CREDENTIALS')).toHaveLength(5);
      expect(failures.filter((f) => f === 'RATE_LIMITED')).toHaveLength(35);
    } finally {
      await other.$disconnect();
    }
  });

  it('39 wrong and 1 right in parallel: 5 checked in all; once the limit is passed the right one does not sign in', async () => {
    const burst = () =>
      Promise.all(Array.from({ length: 40 }, (_, i) => signIn('xem', i === 17 ? password('xem') : `doan-sai-xem-${i}`, '10.0.4.2')));
    const first = tally(await burst());
    expect((first.INVALID_CREDENTIALS ?? 0) + (first.SUCCESS ?? 0)).toBe(5);
    expect(first.RATE_LIMITED).toBe(35);
    // Whether the right one was among the five or not, once the limit is passed nothing more is checked.
    // (A success starts the pair afresh: five more wrong ones reach the limit again.)
    if (first.SUCCESS) {
      for (let i = 0; i < 5; i++) expect((await signIn('xem', `doan-sai-them-${i}`, '10.0.4.2')).code).toBe('INVALID_CREDENTIALS');
    }
    expect(tally(await burst())).toEqual({ RATE_LIMITED: 40 });
  });
});

describe('passwords', () => {
  it('are stored as scrypt hashes (salted, parameters kept), never in plain text, nor in the audit trail', async () => {
    const accounts = await h.prisma.account.findMany();
    expect(accounts.length).toBeGreaterThanOrEqual(DEMO_ACCOUNTS.length);
    const hashes = new Set<string>();
    for (const a of accounts) {
      expect(a.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
      hashes.add(a.passwordHash);
    }
    expect(hashes.size).toBe(accounts.length); // salted: the accounts sharing a password have different hashes
    for (const d of DEMO_ACCOUNTS) {
      const stored = accounts.find((a) => a.username === d.username);
      expect(stored?.passwordHash).not.toContain(d.password);
      expect(await verifyPassword(d.password, stored?.passwordHash ?? '')).toBe(true);
      expect(await verifyPassword(`${d.password}x`, stored?.passwordHash ?? '')).toBe(false);
    }

    const admin = await viewerOf(h.prisma, 'admin');
    const create = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { __typename
      ... on MutationCreateAccountSuccess { data { id username role } }
      ... on ValidationError { violations { code path message { vi en } } } } }`;
    const weak = await h.run<{ createAccount: { __typename: string; violations: Array<{ path: string[]; message: { vi: string } }> } }>(
      create,
      { input: { username: 'moi', displayName: 'Mới', password: 'ngan', role: 'VIEWER' } },
      { viewer: admin },
    );
    expect(weak.createAccount.__typename).toBe('ValidationError');
    expect(weak.createAccount.violations).toEqual([
      expect.objectContaining({ path: ['password'], message: expect.objectContaining({ vi: 'Mật khẩu phải có ít nhất 10 ký tự.' }) }),
    ]);
    const secret = 'mot-mat-khau-rat-bi-mat';
    const made = await h.run<{ createAccount: { __typename: string } }>(
      create,
      { input: { username: 'moi', displayName: 'Mới', password: secret, role: 'VIEWER' } },
      { viewer: admin },
    );
    expect(made.createAccount.__typename).toBe('MutationCreateAccountSuccess');
    const stored = await h.prisma.account.findUniqueOrThrow({ where: { username: 'moi' } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword(secret, stored.passwordHash)).toBe(true);
    const trail = await h.prisma.auditEntry.findMany({ where: { entityId: stored.id } });
    expect(trail.map((e) => e.operation)).toEqual(['createAccount']);
    const recorded = JSON.stringify(trail.map((e) => [e.before, e.after]));
    expect(recorded).toContain('"username":"moi"');
    expect(recorded).not.toContain(secret);
    expect(recorded).not.toContain(stored.passwordHash);
    // Nor do failed attempts keep what was typed.
    await signIn('moi', 'mot-mat-khau-sai-roi', '10.0.4.1');
    const attempts = await h.prisma.loginAttempt.findMany({ where: { username: 'moi' } });
    expect(attempts).toHaveLength(1);
    expect(JSON.stringify(attempts.map(({ id: _id, ...rest }) => rest))).not.toContain('mot-mat-khau-sai-roi');
    expect((await signIn('moi', secret, '10.0.4.1')).__typename).toBe('LoginSuccess');
  });
});

describe('demo accounts', () => {
  it('one per role, each documented in the README with its password, role and party-data access', async () => {
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role)).size).toBe(DEMO_ACCOUNTS.length);
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    for (const a of DEMO_ACCOUNTS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${a.username}\``));
      expect(row, a.username).toBeDefined();
      const cells = (row ?? '').split('|').map((c) => c.trim().replaceAll('`', ''));
      expect(cells.slice(1, 4)).toEqual([a.username, a.password, a.role]);
      expect(cells[5]).toBe(a.partyOrganisation ? 'yes' : 'no');
      const stored = await h.prisma.account.findUniqueOrThrow({ where: { username: a.username } });
      expect(await verifyPassword(a.password, stored.passwordHash)).toBe(true);
    }
  });
});

describe('the login answer', () => {
  it('is read as the user who just signed in: their territory is in the same response', async () => {
    const r = await h.exec<{ login: { __typename: string; me?: { scopeUnit: { name: string } | null } } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on LoginSuccess { me { scopeUnit { name } } } } }',
      { u: 'phuong.giangbien', p: password('phuong.giangbien') },
      { viewer: ANONYMOUS, clientAddress: '10.9.9.9' },
    );
    expect(r.errors).toEqual([]);
    expect(r.data?.login.me?.scopeUnit?.name).toBe('Giang Biên');
  });

  it('does not change who the request is: a write after login in the same operation is the caller’s (anonymous: refused)', async () => {
    const before = await h.prisma.person.count();
    const r = await h.exec<{ login: { __typename: string } }>(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename }
         createPerson(input: { fullName: "Người Thử", sex: MALE, birthYear: 1980 }) { __typename } }`,
      { u: 'admin', p: password('admin') },
      { viewer: ANONYMOUS, clientAddress: '10.9.9.8' },
    );
    // createPerson answers a non-null result, so its refusal nulls the whole answer.
    expect(r.data).toBeNull();
    expect(r.errors.map((e) => `${e.code}@${e.path}`)).toEqual(['UNAUTHENTICATED@createPerson']);
    expect(await h.prisma.person.count()).toBe(before);
  });

  it('a signed-in caller who signs in as someone else in one operation writes, and is audited, as the caller', async () => {
    const caller = await viewerOf(h.prisma, 'admin');
    const r = await h.exec<{ createPerson: { __typename: string; data?: { id: string } } }>(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename }
         createPerson(input: { fullName: "Người Thử Hai", sex: FEMALE, birthYear: 1981 }) { __typename ... on MutationCreatePersonSuccess { data { id } } } }`,
      { u: 'phuong.phucloi', p: EXTRA_PASSWORD },
      { viewer: caller, clientAddress: '10.9.9.7' },
    );
    expect(r.errors).toEqual([]);
    expect(r.data?.createPerson.__typename).toBe('MutationCreatePersonSuccess');
    const entries = await h.prisma.auditEntry.findMany({
      where: { operation: 'createPerson', after: { path: ['fullName'], equals: 'Người Thử Hai' } },
    });
    expect(entries.map((e) => e.accountId)).toEqual([caller.accountId]);
  });
});
