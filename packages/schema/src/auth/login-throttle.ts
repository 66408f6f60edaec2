import { createHash } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';

/**
 * Failed-login throttling (OWASP Authentication Cheat Sheet): growing delays, not hard locks.
 *
 * Three counters, each a row of `login_throttles`:
 * - `pair`: one account from one address — the guesser's own counter;
 * - `account`: one account from every address it has never signed in from (guesses spread over addresses);
 * - `address`: one address against every account it has never signed in to (one address, many usernames).
 * An address that has signed in to an account before (a known place) answers to its pair counter
 * only, so a guesser elsewhere, or behind the same address for other accounts, cannot keep the
 * holder out. Unknown usernames are counted like real ones: the answers tell nothing of existence.
 *
 * A counter lets `free` failures through; from then on each failure closes it for a delay that
 * doubles (FIRST_DELAY, 2×, 4×, … up to MAX_DELAY), counted from that failure. Attempts refused
 * while closed are not counted (they cannot extend anyone's wait). A counter forgets after
 * FORGET_AFTER without a failure; a success resets its pair counter.
 */
export const LOGIN_THROTTLES = {
  pair: { free: 5 },
  account: { free: 20 },
  address: { free: 30 },
} as const satisfies Record<string, { free: number }>;
export type ThrottleKind = keyof typeof LOGIN_THROTTLES;

export const FIRST_DELAY_MINUTES = 1;
export const MAX_DELAY_MINUTES = 15;
export const FORGET_AFTER_HOURS = 24;

/** How long a counter stays closed after its `failures`-th failure (0: still open). */
export function delayAfterMs(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_DELAY_MINUTES, FIRST_DELAY_MINUTES * 2 ** (failures - free)) * 60_000;
}

interface CounterRow {
  kind: ThrottleKind;
  failures: number;
  lastFailureAt: Date | null;
  knownSince: Date | null;
}

/** Failures that still count at `now` (a counter quiet for FORGET_AFTER starts again). */
function current(row: CounterRow, now: Date): number {
  if (!row.lastFailureAt || now.getTime() - row.lastFailureAt.getTime() >= FORGET_AFTER_HOURS * 3_600_000) return 0;
  return row.failures;
}

/** When the counter opens again, or null when it is open at `now`. */
function closedUntil(row: CounterRow, now: Date): Date | null {
  const delay = delayAfterMs(current(row, now), LOGIN_THROTTLES[row.kind].free);
  // No delay, no wait — also when another gateway's clock wrote a last failure slightly ahead of ours.
  if (!row.lastFailureAt || delay === 0) return null;
  const until = row.lastFailureAt.getTime() + delay;
  return until > now.getTime() ? new Date(until) : null;
}

type Key = readonly [ThrottleKind, string, string];
/** The keys of the three counters of an attempt. */
function keys(username: string, address: string): readonly [Key, Key, Key] {
  return [
    ['account', username, ''],
    ['address', '', address],
    ['pair', username, address],
  ];
}

/** A transaction-scoped advisory lock id per counter (64 bits of SHA-256: a collision only makes two counters wait for each other). */
function lockId([kind, username, address]: Key): bigint {
  return createHash('sha256').update(`coso.login_throttles\0${kind}\0${username}\0${address}`).digest().readBigInt64BE(0);
}

export type Reservation = { ok: true; known: boolean } | { ok: false; retryAt: Date };

/**
 * Checks the counters of one attempt and, if they are open, counts the attempt as a failure in
 * each — one transaction holding an advisory lock per counter, so parallel attempts (from any
 * gateway process) are checked one after another against what the others counted. The locks need
 * no row, so a refused attempt writes no counter. Only then is the password checked; a success
 * takes its count back (`settleSuccess`).
 */
export async function reserveAttempt(prisma: PrismaClient, username: string, address: string, now: Date): Promise<Reservation> {
  const all = keys(username, address);
  // Always taken in the same (ascending) order: two attempts never wait for each other in a cycle.
  const locks = [...new Set(all.map(lockId))].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const [a, b, c] = all;
  return prisma.$transaction(
    async (tx) => {
      for (const id of locks) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${id})`;
      const found = await tx.$queryRaw<CounterRow[]>`
        SELECT kind, failures, last_failure_at AS "lastFailureAt", known_since AS "knownSince"
          FROM login_throttles
         WHERE (kind, username, address) IN ((${a[0]}, ${a[1]}, ${a[2]}), (${b[0]}, ${b[1]}, ${b[2]}), (${c[0]}, ${c[1]}, ${c[2]}))`;
      const row = (kind: ThrottleKind): CounterRow =>
        found.find((r) => r.kind === kind) ?? { kind, failures: 0, lastFailureAt: null, knownSince: null };
      const known = row('pair').knownSince !== null;
      const applicable = known ? [c] : all;
      const waits = applicable.map(([kind]) => closedUntil(row(kind), now)).filter((d): d is Date => d !== null);
      if (waits.length) return { ok: false, retryAt: new Date(Math.max(...waits.map((d) => d.getTime()))) };
      const forgetBefore = new Date(now.getTime() - FORGET_AFTER_HOURS * 3_600_000);
      for (const [kind, user, place] of applicable) {
        // Relative to the row as it stands: a success or an administrator's reset (which take no
        // advisory lock) between the read above and this write is kept. The last failure never
        // moves back (parallel attempts carry clocks read a little apart).
        await tx.$executeRaw`INSERT INTO login_throttles AS t (kind, username, address, failures, last_failure_at)
          VALUES (${kind}, ${user}, ${place}, 1, ${now})
          ON CONFLICT (kind, username, address) DO UPDATE SET
            failures = CASE WHEN t.last_failure_at IS NULL OR t.last_failure_at <= ${forgetBefore} THEN 1 ELSE t.failures + 1 END,
            last_failure_at = greatest(t.last_failure_at, ${now})`;
      }
      return { ok: true, known };
    },
    // Parallel attempts queue on the locks; each holds them for a few statements, never during a password check.
    { maxWait: 30_000, timeout: 30_000 },
  );
}

/** A right password: the pair starts afresh and becomes a known place; the other counters take back this attempt. */
export async function settleSuccess(prisma: PrismaClient, username: string, address: string, known: boolean, now: Date): Promise<void> {
  await prisma.$executeRaw`UPDATE login_throttles SET failures = 0, last_failure_at = NULL, known_since = coalesce(known_since, ${now})
    WHERE kind = 'pair' AND username = ${username} AND address = ${address}`;
  if (known) return;
  await prisma.$executeRaw`UPDATE login_throttles SET failures = greatest(failures - 1, 0)
    WHERE (kind, username, address) IN (('account', ${username}, ''), ('address', '', ${address}))`;
}

type Executor = Pick<PrismaClient, '$executeRaw'>;

/**
 * An administrator's reset: the account's counters (its own and those of every address with it)
 * start afresh; known places stay known. Returns how many counters were closed or counting.
 */
export async function clearThrottles(db: Executor, username: string): Promise<number> {
  return db.$executeRaw`UPDATE login_throttles SET failures = 0, last_failure_at = NULL
    WHERE username = ${username} AND kind IN ('pair', 'account') AND failures > 0`;
}
