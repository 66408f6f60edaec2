import { todayInVietnam } from '@coso/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { hashPassword, verifyPassword } from './passwords.js';

let decoy: Promise<string> | undefined;
/** A hash of nothing anyone knows, made once per process, to check unknown usernames against. */
function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
}

import { hashToken, newSessionToken } from './tokens.js';
import type { AccountViewer, Viewer } from './viewer.js';

export const SESSION_HOURS = 12;
/** Failed logins allowed per account, and per address, in the window before further tries are refused. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const FAILURE_WINDOW_MINUTES = 15;

export type LoginFailure = 'INVALID_CREDENTIALS' | 'RATE_LIMITED' | 'ACCOUNT_DISABLED';

export const LOGIN_MESSAGES: Record<LoginFailure, { vi: string; en: string }> = {
  INVALID_CREDENTIALS: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  RATE_LIMITED: {
    vi: `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${FAILURE_WINDOW_MINUTES} phút.`,
    en: `Too many failed logins; try again in ${FAILURE_WINDOW_MINUTES} minutes.`,
  },
  ACCOUNT_DISABLED: { vi: 'Tài khoản đã bị khoá.', en: 'The account is disabled.' },
};

export type LoginResult = { ok: true; token: string; expiresAt: Date; viewer: AccountViewer } | { ok: false; failure: LoginFailure };

/**
 * Checks a password and opens a session. Failures are recorded in the database, so the limits
 * hold across gateway processes and restarts. The limit is checked before the password, so a
 * locked-out guesser learns nothing from trying.
 */
export async function login(
  prisma: PrismaClient,
  username: string,
  password: string,
  address: string,
  now: Date = new Date(),
): Promise<LoginResult> {
  const name = username.trim().toLowerCase();
  const since = new Date(now.getTime() - FAILURE_WINDOW_MINUTES * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    prisma.loginAttempt.count({ where: { username: name, succeeded: false, at: { gte: since } } }),
    prisma.loginAttempt.count({ where: { address, succeeded: false, at: { gte: since } } }),
  ]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) {
    await prisma.loginAttempt.create({ data: { username: name, address, succeeded: false, at: now } });
    return { ok: false, failure: 'RATE_LIMITED' };
  }
  const account = await prisma.account.findUnique({ where: { username: name } });
  // An unknown username costs the same scrypt work as a wrong password: timing tells nothing.
  const valid = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
  if (!account) {
    await prisma.loginAttempt.create({ data: { username: name, address, succeeded: false, at: now } });
    return { ok: false, failure: 'INVALID_CREDENTIALS' };
  }
  if (!valid) {
    await prisma.loginAttempt.create({ data: { username: name, address, succeeded: false, at: now } });
    return { ok: false, failure: 'INVALID_CREDENTIALS' };
  }
  if (lockedOn(account.validTo, now)) {
    await prisma.loginAttempt.create({ data: { username: name, address, succeeded: false, at: now } });
    return { ok: false, failure: 'ACCOUNT_DISABLED' };
  }
  const { token, hash } = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const session = await prisma.session.create({ data: { accountId: account.id, tokenHash: hash, expiresAt, address } });
  await prisma.loginAttempt.create({ data: { username: name, address, succeeded: true, at: now } });
  return { ok: true, token, expiresAt, viewer: toViewer(account, session.id) };
}

export async function logout(prisma: PrismaClient, viewer: Viewer): Promise<boolean> {
  if (viewer.kind !== 'account') return false;
  await prisma.session.update({ where: { id: viewer.sessionId }, data: { revokedAt: new Date() } });
  return true;
}

/**
 * An account locked from `validTo` is locked from that day in Vietnam (an administrator's "from
 * today" at 06:00 in Hanoi is still yesterday in UTC).
 */
function lockedOn(validTo: Date | null, now: Date): boolean {
  return validTo !== null && validTo.toISOString().slice(0, 10) <= todayInVietnam(now);
}

/** The viewer behind a bearer token: anonymous when the token is unknown, expired or revoked. */
export async function viewerFromToken(prisma: PrismaClient, token: string | null | undefined, now: Date = new Date()): Promise<Viewer> {
  if (!token) return { kind: 'anonymous' };
  const session = await prisma.session.findUnique({ where: { tokenHash: hashToken(token) }, include: { account: true } });
  if (!session || session.revokedAt || session.expiresAt <= now) return { kind: 'anonymous' };
  const account = session.account;
  if (lockedOn(account.validTo, now)) return { kind: 'anonymous' };
  return toViewer(account, session.id);
}

function toViewer(
  account: {
    id: string;
    username: string;
    displayName: string;
    role: AccountViewer['role'];
    scopeUnitId: string | null;
    partyOrganisation: boolean;
  },
  sessionId: string,
): AccountViewer {
  return {
    kind: 'account',
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    scopeUnitId: account.scopeUnitId,
    partyOrganisation: account.partyOrganisation,
    sessionId,
  };
}
