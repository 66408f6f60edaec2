import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRequestContext } from '../graphql/request-context.js';
import { buildSchema } from '../graphql/schema.js';
import { fromDbDate } from '../store/db-dates.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { login, sessionFromAuthorization } from './sessions.js';
import { ACCESS_FIXTURE, EXTRA_ACCOUNTS, EXTRA_PASSWORD, uid } from './test-support/access-fixture.js';

/**
 * A territorial account's request needs no statement of its own before its data queries (#13): the
 * session lookup brings the scope unit's row, from which the territory's day is fixed and
 * `me { scopeUnit }` answered. Checked by the statements the client sends and against the
 * context made without that row (which reads the unit itself).
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
const schema = buildSchema();
const TODAY = '2026-11-25';

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
}, 300_000);
afterAll(() => h?.close());

async function signIn(username: string, password: string): Promise<string> {
  const r = await login(h.prisma, username, password, '127.0.0.1');
  if (!r.ok) throw new Error(`${username}: ${r.failure}`);
  return `Bearer ${r.token}`;
}

describe('the scope unit comes with the session', () => {
  it('a district officer (district since ended): one statement for the session, none for `me`; the territory’s day is the district’s last day', async () => {
    const header = await signIn('quan.longbien', 'coso-quan-demo');
    const before = h.statements.length;
    const { viewer, scopeUnit } = await sessionFromAuthorization(h.prisma, header);
    expect(h.statements.length - before).toBe(1);
    if (viewer.kind !== 'account') throw new Error('not signed in');
    const district = await h.prisma.administrativeUnit.findUniqueOrThrow({ where: { id: viewer.scopeUnitId ?? '' } });
    expect(scopeUnit).toEqual(district);

    const atStart = h.statements.length;
    const ctx = await createRequestContext({ prisma: h.prisma, viewer, scopeUnit, today: TODAY });
    const result = await execute({ schema, document: parse('{ me { username scopeUnit { id name } } }'), contextValue: ctx });
    expect(result.errors).toBeUndefined();
    expect(h.statements.length - atStart).toBe(0);
    expect(result.data).toMatchObject({ me: { username: 'quan.longbien', scopeUnit: { name: district.name } } });

    // The same day as a context that reads the unit itself, and the district's last day (it ended on 1/7/2025).
    const read = await createRequestContext({ prisma: h.prisma, viewer, today: TODAY });
    expect(ctx.access.territory()).toEqual(read.access.territory());
    expect(district.validTo && fromDbDate(district.validTo)).toBe('2025-07-01');
    expect(ctx.access.territory()?.on).toEqual(new Date('2025-06-30T00:00:00Z'));
  });

  it('a ward officer of a current ward: the territory is read as of today', async () => {
    const account = EXTRA_ACCOUNTS.find((a) => a.username === 'phuong.phucloi');
    if (!account) throw new Error('fixture');
    const { viewer, scopeUnit } = await sessionFromAuthorization(h.prisma, await signIn(account.username, EXTRA_PASSWORD));
    expect(scopeUnit?.id).toBe(uid(account.scopeUnitKey));
    const ctx = await createRequestContext({ prisma: h.prisma, viewer, scopeUnit, today: TODAY });
    expect(ctx.access.territory()).toEqual({ scopeId: uid(account.scopeUnitKey), on: new Date(`${TODAY}T00:00:00Z`) });
  });

  it('an administrator has no scope unit', async () => {
    const { viewer, scopeUnit } = await sessionFromAuthorization(h.prisma, await signIn('admin', 'coso-admin-demo'));
    expect(viewer.kind).toBe('account');
    expect(scopeUnit).toBeNull();
  });
});
