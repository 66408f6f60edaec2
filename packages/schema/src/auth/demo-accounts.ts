import { todayInVietnam } from '@coso/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { stableUuid } from '../store/stable-id.js';
import { SYSTEM_WRITER, writeTransaction } from '../store/transaction.js';
import { hashPassword, verifyPassword } from './passwords.js';
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

// A stored hash → whether the published password of its demo account matches it. Checked once per
// hash (scrypt costs ~100 ms): a public query must not let anyone make the server hash at will.
const publishedMatches = new Map<string, Promise<boolean>>();

/**
 * The demo accounts that can sign in with their published password now (not ended, password not
 * changed), by username: while any is open, the admin web shows a warning.
 */
export async function openDemoAccounts(prisma: PrismaClient, now: Date = new Date()): Promise<string[]> {
  const published = new Map(DEMO_ACCOUNTS.map((a) => [a.username, a.password]));
  const today = todayInVietnam(now);
  const accounts = await prisma.account.findMany({
    where: { username: { in: [...published.keys()] } },
    select: { username: true, passwordHash: true, validTo: true },
    orderBy: { username: 'asc' },
  });
  const open: string[] = [];
  for (const a of accounts) {
    // Locked from validTo's day in Vietnam, as sign-in (sessions.ts) counts it.
    if (a.validTo !== null && a.validTo.toISOString().slice(0, 10) <= today) continue;
    const key = `${a.username}\0${a.passwordHash}`;
    let matches = publishedMatches.get(key);
    if (!matches) {
      matches = verifyPassword(published.get(a.username) ?? '', a.passwordHash).catch(() => false);
      publishedMatches.set(key, matches);
    }
    if (await matches) open.push(a.username);
  }
  return open;
}
