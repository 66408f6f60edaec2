import { randomUUID } from 'node:crypto';
import { formatViDate, todayInVietnam } from '@coso/domain';
import { preparedRead } from '../database/prepared-read.js';
import type { AdministrativeUnit, PrismaClient } from '../generated/prisma/client.js';
import { type CredentialProblem, readAuthorization } from './credentials.js';
import { reserveAttempt, settleSuccess } from './login-throttle.js';
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

export type LoginFailure = 'INVALID_CREDENTIALS' | 'RATE_LIMITED' | 'ACCOUNT_DISABLED';

/** Hanoi is UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** "14:33 ngày 05/12/2026": the minute (rounded up, so trying then works) and the day, in Vietnam. */
function vietnamMinute(at: Date): { time: string; day: string } {
  const local = new Date(Math.ceil((at.getTime() + VIETNAM_OFFSET_MS) / 60_000) * 60_000).toISOString();
  return { time: local.slice(11, 16), day: formatViDate(local.slice(0, 10)) };
}

/**
 * The bilingual message of a refused login. RATE_LIMITED says when to try again; it reads the same
 * whether the username exists or not (unknown usernames are throttled like real ones).
 */
export function loginMessage(failure: LoginFailure, retryAt?: Date | null): { vi: string; en: string } {
  switch (failure) {
    case 'INVALID_CREDENTIALS':
      return { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' };
    case 'ACCOUNT_DISABLED':
      return { vi: 'Tài khoản đã bị khóa.', en: 'The account is disabled.' };
    case 'RATE_LIMITED': {
      if (!retryAt) return { vi: 'Đăng nhập sai quá nhiều lần; hãy thử lại sau.', en: 'Too many failed sign-ins; try again later.' };
      const { time, day } = vietnamMinute(retryAt);
      return {
        vi: `Đăng nhập sai quá nhiều lần từ nơi này. Hãy thử lại từ ${time} ngày ${day} (giờ Việt Nam).`,
        en: `Too many failed sign-ins from here. Try again from ${time} on ${day} (Vietnam time).`,
      };
    }
  }
}

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; viewer: AccountViewer }
  | { ok: false; failure: LoginFailure; retryAt?: Date };

/**
 * Checks a password and opens a session. The failed-login counters (auth/login-throttle.ts) are
 * checked and counted in one locked step in the database before the password is checked, so the
 * limits hold across parallel requests, gateway processes and restarts, and a guesser who is
 * slowed down learns nothing from trying. Every attempt is also logged in `login_attempts`.
 */
export async function login(
  prisma: PrismaClient,
  username: string,
  password: string,
  address: string,
  now: Date = new Date(),
): Promise<LoginResult> {
  const name = username.trim().toLowerCase();
  const logAttempt = (succeeded: boolean) => prisma.loginAttempt.create({ data: { username: name, address, succeeded, at: now } });
  const reserved = await reserveAttempt(prisma, name, address, now);
  if (!reserved.ok) {
    await logAttempt(false);
    return { ok: false, failure: 'RATE_LIMITED', retryAt: reserved.retryAt };
  }
  const account = await prisma.account.findUnique({ where: { username: name } });
  // An unknown username costs the same scrypt work as a wrong password: timing tells nothing.
  const valid = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
  if (!account || !valid) {
    await logAttempt(false);
    return { ok: false, failure: 'INVALID_CREDENTIALS' };
  }
  if (isLocked(account, now)) {
    await logAttempt(false);
    return { ok: false, failure: 'ACCOUNT_DISABLED' };
  }
  const { token, hash } = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const session = await prisma.session.create({ data: { accountId: account.id, tokenHash: hash, expiresAt, address } });
  await settleSuccess(prisma, name, address, reserved.known, now);
  await logAttempt(true);
  return { ok: true, token, expiresAt, viewer: toViewer(account, session.id) };
}

export async function logout(prisma: PrismaClient, viewer: Viewer): Promise<boolean> {
  if (viewer.kind !== 'account') return false;
  await prisma.session.update({ where: { id: viewer.sessionId }, data: { revokedAt: new Date() } });
  return true;
}

/**
 * An account is locked from the instant `lockedAt` (lockAccount: "now"), and from the day
 * `validTo` in Vietnam (endAccount: an administrator's "from today" at 06:00 in Hanoi is still
 * yesterday in UTC).
 */
function isLocked(account: { validTo: Date | null; lockedAt: Date | null }, now: Date): boolean {
  if (account.lockedAt !== null && account.lockedAt <= now) return true;
  return account.validTo !== null && account.validTo.toISOString().slice(0, 10) <= todayInVietnam(now);
}

/**
 * A stored account as the viewer its own session would give (the same `toViewer`), for the CLI's
 * `--as <account>`: null for an unknown account, and for one locked or ended (its sessions are
 * refused too). It has no session: `sessionId` is this run's own id.
 */
export async function accountViewer(prisma: PrismaClient, username: string, now: Date = new Date()): Promise<AccountViewer | null> {
  const account = await prisma.account.findUnique({ where: { username } });
  if (!account || isLocked(account, now)) return null;
  return toViewer(account, randomUUID());
}

/** The viewer behind a bearer token: anonymous when the token is unknown, expired or revoked. */
export async function viewerFromToken(prisma: PrismaClient, token: string | null | undefined, now: Date = new Date()): Promise<Viewer> {
  if (!token) return { kind: 'anonymous' };
  const found = await sessionViewer(prisma, token, now);
  return typeof found === 'string' ? { kind: 'anonymous' } : found.viewer;
}

/**
 * The viewer behind a request's `Authorization` header (what the gateway calls for every request):
 * an account, or anonymous with the reason it is (`credential`), which the UNAUTHENTICATED error
 * tells the caller together with how to sign in (credentials.ts).
 */
export async function viewerFromAuthorization(
  prisma: PrismaClient,
  header: string | undefined | null,
  now: Date = new Date(),
): Promise<Viewer> {
  return (await sessionFromAuthorization(prisma, header, now)).viewer;
}

/**
 * The viewer behind a request's `Authorization` header and, for an account bound to a unit, that
 * unit's row as of this request, read by the same statement as the session: the territory's day
 * comes from it (Access) and `me { scopeUnit }` answers from it, so a district officer's request
 * needs no statement of its own before its data queries, as an administrator's does not. Pass
 * `scopeUnit` to `createRequestContext` with the viewer; it is this request's, not to be kept.
 */
export async function sessionFromAuthorization(
  prisma: PrismaClient,
  header: string | undefined | null,
  now: Date = new Date(),
): Promise<{ viewer: Viewer; scopeUnit: AdministrativeUnit | null }> {
  const read = readAuthorization(header);
  if ('problem' in read) return { viewer: { kind: 'anonymous', credential: read.problem }, scopeUnit: null };
  const found = await sessionViewer(prisma, read.token, now);
  return typeof found === 'string' ? { viewer: { kind: 'anonymous', credential: found }, scopeUnit: null } : found;
}

/**
 * The session, its account and the account's scope unit, by token hash: ONE statement, prepared
 * (database/prepared-read.ts), run for every request that carries a token. Through Prisma
 * (`findUnique` with its includes) the same read cost more of the gateway's CPU than the rest of a
 * compiled nested read (its query building and result mapping, 18% of the gateway's busy time);
 * `sessions.test.ts` holds it equal to Prisma's for every state a session can be in. Dates (`@db.Date`)
 * come as text and become UTC midnights, as Prisma makes them whatever the process's time zone.
 */
const SESSION_SQL = `SELECT s.id::text AS "sessionId", s.revoked_at AS "revokedAt", s.expires_at AS "expiresAt",
  a.id::text AS "accountId", a.username, a.display_name AS "displayName", a.role::text AS role,
  a.scope_unit_id::text AS "scopeUnitId", a.party_organisation AS "partyOrganisation",
  a.valid_to::text AS "accountValidTo", a.locked_at AS "lockedAt",
  u.id::text AS "unitId", u.kind::text AS "unitKind", u.name AS "unitName", u.kind_label AS "unitKindLabel",
  u.name_search AS "unitNameSearch", u.valid_from::text AS "unitValidFrom", u.valid_to::text AS "unitValidTo",
  u.version AS "unitVersion", u.created_at AS "unitCreatedAt", u.updated_at AS "unitUpdatedAt"
FROM sessions s JOIN accounts a ON a.id = s.account_id LEFT JOIN administrative_units u ON u.id = a.scope_unit_id
WHERE s.token_hash = $1`;

interface SessionRow {
  sessionId: string;
  revokedAt: Date | null;
  expiresAt: Date;
  accountId: string;
  username: string;
  displayName: string;
  role: AccountViewer['role'];
  scopeUnitId: string | null;
  partyOrganisation: boolean;
  accountValidTo: string | null;
  lockedAt: Date | null;
  unitId: string | null;
  unitKind: AdministrativeUnit['kind'];
  unitName: string;
  unitKindLabel: string | null;
  unitNameSearch: string;
  unitValidFrom: string;
  unitValidTo: string | null;
  unitVersion: number;
  unitCreatedAt: Date;
  unitUpdatedAt: Date;
}

/** A `date` column's text as Prisma gives a `@db.Date`: that day's midnight UTC. */
const dbDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

function scopeUnitOf(row: SessionRow): AdministrativeUnit | null {
  if (row.unitId === null) return null;
  return {
    id: row.unitId,
    kind: row.unitKind,
    name: row.unitName,
    kindLabel: row.unitKindLabel,
    nameSearch: row.unitNameSearch,
    validFrom: dbDate(row.unitValidFrom),
    validTo: row.unitValidTo === null ? null : dbDate(row.unitValidTo),
    version: row.unitVersion,
    createdAt: row.unitCreatedAt,
    updatedAt: row.unitUpdatedAt,
  };
}

/** The account of a session token (with its scope unit's row), or why the token opens none. */
async function sessionViewer(
  prisma: PrismaClient,
  token: string,
  now: Date,
): Promise<{ viewer: AccountViewer; scopeUnit: AdministrativeUnit | null } | CredentialProblem> {
  const [row] = await preparedRead<SessionRow>(prisma, SESSION_SQL, [hashToken(token)]);
  if (!row) return 'UNKNOWN';
  if (row.revokedAt) return 'REVOKED';
  if (row.expiresAt <= now) return 'EXPIRED';
  // A locked or ended account's sessions end with it (lockAccount revokes them; endAccount from its date).
  if (isLocked({ lockedAt: row.lockedAt, validTo: row.accountValidTo === null ? null : dbDate(row.accountValidTo) }, now)) return 'REVOKED';
  const account = { ...row, id: row.accountId };
  return { viewer: toViewer(account, row.sessionId), scopeUnit: scopeUnitOf(row) };
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
