import { todayInVietnam } from '@coso/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PrismaClient } from '../generated/prisma/client.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import type { CredentialProblem } from './credentials.js';
import { sessionFromAuthorization } from './sessions.js';
import { ACCESS_FIXTURE, uid } from './test-support/access-fixture.js';
import { newSessionToken } from './tokens.js';
import type { Viewer } from './viewer.js';

/**
 * The session's lookup is one hand-written statement (sessions.ts), not Prisma's `findUnique` with
 * its includes: differentially, for generated sessions in every state (revoked or not, expiring
 * around now, accounts locked or ended around now, with a scope unit or none, current or ended),
 * it answers what the Prisma read it replaced answers (the oracle below, the code before #13's
 * per-request work) — the same viewer, the same reason for an anonymous one, the same unit row.
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
}, 300_000);
afterAll(() => h?.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The lookup as it was, through Prisma: the oracle. */
async function throughPrisma(prisma: PrismaClient, tokenHash: string, now: Date): Promise<{ viewer: Viewer; scopeUnit: unknown }> {
  const anonymous = (credential: CredentialProblem) => ({ viewer: { kind: 'anonymous' as const, credential }, scopeUnit: null });
  const session = await prisma.session.findUnique({ where: { tokenHash }, include: { account: { include: { scopeUnit: true } } } });
  if (!session) return anonymous('UNKNOWN');
  if (session.revokedAt) return anonymous('REVOKED');
  if (session.expiresAt <= now) return anonymous('EXPIRED');
  const { account } = session;
  if (account.lockedAt !== null && account.lockedAt <= now) return anonymous('REVOKED');
  if (account.validTo !== null && account.validTo.toISOString().slice(0, 10) <= todayInVietnam(now)) return anonymous('REVOKED');
  return {
    viewer: {
      kind: 'account',
      accountId: account.id,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      scopeUnitId: account.scopeUnitId,
      partyOrganisation: account.partyOrganisation,
      sessionId: session.id,
    },
    scopeUnit: account.scopeUnit,
  };
}

// A current ward and a district that ended on 1/7/2025 (district and ward staff only: a check constraint).
const SCOPES = [uid('ward-2025-phuc-loi'), uid('long-bien-district')] as const;
const TERRITORIAL = new Set(['DISTRICT_STAFF', 'WARD_STAFF']);

const sessionCase = fc.record({
  role: fc.constantFrom('SYSTEM_ADMIN', 'DISTRICT_STAFF', 'WARD_STAFF', 'ANALYST', 'VIEWER' as const),
  scope: fc.constantFrom(...SCOPES),
  partyOrganisation: fc.boolean(),
  displayName: fc.constantFrom('Nguyễn Văn An', 'Trần Thị Bích', 'Lê "Quote" \\ O\'Brien'),
  revoked: fc.boolean(),
  /** Hours from now: expired at or before 0. */
  expiresIn: fc.integer({ min: -3, max: 3 }),
  /** Hours from now, or never locked. */
  lockedIn: fc.option(fc.integer({ min: -3, max: 3 })),
  /** Days from today, or never ended. */
  endsIn: fc.option(fc.integer({ min: -2, max: 2 })),
  /** Instead of a session, a token no session has. */
  unknown: fc.boolean(),
});

describe('the session lookup (one prepared statement) answers what Prisma’s read answered', () => {
  it('for generated sessions in every state', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(sessionCase, async (c) => {
        n += 1;
        const now = new Date();
        const ends = c.endsIn === null ? null : new Date(Date.parse(`${todayInVietnam(now)}T00:00:00Z`) + c.endsIn * DAY);
        const account = await h.prisma.account.create({
          data: {
            username: `lookup-${process.pid}-${n}-${Date.now()}`,
            displayName: c.displayName,
            passwordHash: 'not-a-hash',
            role: c.role,
            scopeUnitId: TERRITORIAL.has(c.role) ? c.scope : null,
            partyOrganisation: c.partyOrganisation,
            validFrom: new Date('2020-01-01T00:00:00Z'),
            validTo: ends,
            lockedAt: c.lockedIn === null ? null : new Date(now.getTime() + c.lockedIn * HOUR),
          },
        });
        const { token, hash } = newSessionToken();
        if (!c.unknown)
          await h.prisma.session.create({
            data: {
              accountId: account.id,
              tokenHash: hash,
              expiresAt: new Date(now.getTime() + c.expiresIn * HOUR),
              revokedAt: c.revoked ? new Date(now.getTime() - HOUR) : null,
            },
          });
        const expected = await throughPrisma(h.prisma, hash, now);
        const actual = await sessionFromAuthorization(h.prisma, `Bearer ${token}`, now);
        expect(actual).toEqual(expected);
        // Dates exactly as Prisma's (toEqual compares Dates by time; the classes too).
        if (expected.scopeUnit) expect(actual.scopeUnit).toStrictEqual(expected.scopeUnit);
      }),
      { numRuns: 60 },
    );
  });
});
