import { ACCOUNT_ROLES } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.js';
import { ACCESS_FIXTURE, viewerOf } from '../auth/test-support/access-fixture.js';
import { createRequestContext } from '../graphql/request-context.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { uploadImport } from './batches.js';

/**
 * The web app offers "Nhập từ Excel" by `me.permissions.canWrite` (apps/admin-web/src/imports/
 * may-import.ts); that is only right if the permission the server sends is the one its import
 * checks. For every role (a demo account each): the permission equals whether an upload — the
 * door of every import, `POST /imports` and the CLI alike — is accepted or refused FORBIDDEN.
 */
const TODAY = '2026-11-25';
const FILE = Buffer.from('Họ và tên,Giới tính,Năm sinh,Số CCCD\nĐỗ Văn Hải,Nam,1980,001080777001\n');

let h: Awaited<ReturnType<typeof graphqlHarness>>;
const outcomes = new Set<boolean>();
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
});
afterAll(() => h.close());

describe('who may import (#14)', () => {
  it('the demo accounts hold every role', () => {
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role))).toEqual(new Set(ACCOUNT_ROLES));
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.role, a.username] as const))(
    '%s (%s): me.permissions.canWrite is whether an upload is accepted',
    async (_role, username) => {
      const viewer = await viewerOf(h.prisma, username);
      const me = await h.run<{ me: { permissions: { canWrite: boolean } } }>(
        '{ me { permissions { canWrite } } }',
        {},
        { viewer, today: TODAY },
      );
      const ctx = await createRequestContext({ prisma: h.prisma, viewer, today: TODAY });
      const accepted = await uploadImport(ctx, { kind: 'people', fileName: 'nhan-khau.csv', bytes: FILE }).then(
        () => true,
        (e: { extensions?: { code?: string } }) => {
          expect(e.extensions?.code).toBe('FORBIDDEN');
          return false;
        },
      );
      expect(me.me.permissions.canWrite).toBe(accepted);
      outcomes.add(accepted);
    },
  );

  it('some roles import and some do not (the comparison above had both sides)', () => {
    expect(outcomes).toEqual(new Set([true, false]));
  });
});
