import type { PrismaClient } from '../generated/prisma/client.js';
import { stableUuid } from '../store/stable-id.js';
import { SYSTEM_WRITER, writeTransaction } from '../store/transaction.js';
import { hashPassword } from './passwords.js';
import type { AccountRole } from './viewer.js';

/**
 * The documented demo accounts of the sample data, one per role (README). Demo only: their
 * passwords are public, so a production installation disables them (`endAccount`) or never loads
 * the sample data.
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  username: string;
  password: string;
  displayName: string;
  role: AccountRole;
  scopeUnitKey: string | null;
  partyOrganisation: boolean;
}> = [
  {
    username: 'admin',
    password: 'coso-admin-demo',
    displayName: 'Quản trị hệ thống',
    role: 'SYSTEM_ADMIN',
    scopeUnitKey: null,
    partyOrganisation: true,
  },
  {
    username: 'quan.longbien',
    password: 'coso-quan-demo',
    displayName: 'Ban Tổ chức Quận ủy Long Biên',
    role: 'DISTRICT_STAFF',
    scopeUnitKey: 'long-bien-district',
    partyOrganisation: true,
  },
  {
    username: 'phuong.giangbien',
    password: 'coso-phuong-demo',
    displayName: 'Đảng ủy phường Giang Biên',
    role: 'WARD_STAFF',
    scopeUnitKey: 'ward-2003-giang-bien',
    partyOrganisation: true,
  },
  {
    username: 'phantich',
    password: 'coso-phantich-demo',
    displayName: 'Chuyên viên phân tích',
    role: 'ANALYST',
    scopeUnitKey: null,
    partyOrganisation: false,
  },
  { username: 'xem', password: 'coso-xem-demo', displayName: 'Người xem', role: 'VIEWER', scopeUnitKey: null, partyOrganisation: false },
];

export async function createDemoAccounts(prisma: PrismaClient, validFrom = new Date('2020-01-01T00:00:00Z')): Promise<void> {
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
  await writeTransaction(prisma, 'seedDemoAccounts', SYSTEM_WRITER, async (tx) => {
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      await tx.account.create({
        data: {
          id: stableUuid(`account-${a.username}`),
          username: a.username,
          displayName: a.displayName,
          passwordHash: hashes[i] as string,
          role: a.role,
          scopeUnitId: a.scopeUnitKey ? stableUuid(a.scopeUnitKey) : null,
          partyOrganisation: a.partyOrganisation,
          validFrom,
        },
      });
    }
  });
}
