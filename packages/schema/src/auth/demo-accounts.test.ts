import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { hashPassword } from './passwords.js';

/**
 * `installation.openDemoAccounts`: the demo accounts that can still sign in with their published
 * password, for the admin web's warning banner. Public: an anonymous caller asks before signing in.
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'));
});
afterAll(() => h.close());

const QUERY = '{ installation { openDemoAccounts } }';
const anonymous = () => h.exec<{ installation: { openDemoAccounts: string[] } }>(QUERY, {}, { viewer: { kind: 'anonymous' } });

// Every state a demo account can be in, and whether its published password still signs in (the oracle).
const DAY = 86_400_000;
const STATES = {
  open: { opens: true, published: true, validTo: () => null },
  'ends tomorrow': { opens: true, published: true, validTo: () => new Date(Date.now() + 2 * DAY) },
  ended: { opens: false, published: true, validTo: () => new Date(Date.now() - DAY) },
  'password changed': { opens: false, published: false, validTo: () => null },
} as const;
const STATE_NAMES = Object.keys(STATES) as (keyof typeof STATES)[];

describe('installation.openDemoAccounts', () => {
  it('is empty on a database without demo accounts, for an anonymous caller', async () => {
    expect(await anonymous()).toEqual({ data: { installation: { openDemoAccounts: [] } }, errors: [] });
  });

  it('lists exactly the demo accounts whose published password still signs in, for every account in every state', async () => {
    // The demo usernames, as viewers (this database holds no places to scope staff to; the role does not matter here).
    for (const a of DEMO_ACCOUNTS) {
      await h.prisma.account.create({
        data: { username: a.username, displayName: a.displayName, passwordHash: '', role: 'VIEWER', validFrom: new Date('2020-01-01') },
      });
    }
    const changed = await hashPassword('một mật khẩu khác của quản trị');
    // Round r gives account i the state (i + r) mod 4: every account passes through every state.
    for (let round = 0; round < STATE_NAMES.length; round++) {
      const expected: string[] = [];
      for (const [i, account] of DEMO_ACCOUNTS.entries()) {
        const name = STATE_NAMES[(i + round) % STATE_NAMES.length] as keyof typeof STATES;
        const state = STATES[name];
        await h.prisma.account.update({
          where: { username: account.username },
          data: { validTo: state.validTo(), passwordHash: state.published ? await hashPassword(account.password) : changed },
        });
        if (state.opens) expected.push(account.username);
      }
      const { data, errors } = await anonymous();
      expect(errors).toEqual([]);
      expect(data?.installation.openDemoAccounts).toEqual(expected.sort());
    }
  });
});
