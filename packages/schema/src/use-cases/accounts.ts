import { type AccountRole, accountViolations } from '@coso/domain';
import { forbidden } from '../auth/access.js';
import { hashPassword } from '../auth/passwords.js';
import { isAdmin } from '../auth/viewer.js';
import type { Prisma } from '../generated/prisma/client.js';
import { toDbDate } from '../store/db-dates.js';
import { writeTransaction } from '../store/transaction.js';
import { ValidationError } from '../store/write-errors.js';
import type { UseCaseContext } from './context.js';

export interface CreateAccountInput {
  username: string;
  displayName: string;
  password: string;
  role: AccountRole;
  /** The database id of the territory (district and ward staff). */
  scopeUnitId: string | null;
  partyOrganisation?: boolean | null;
  validFrom?: string | null;
}

/**
 * Creates an account: administrators (and the platform itself: the CLI's create-admin) only. The
 * domain's account rules (username, territory for district and ward staff, password strength) and a
 * free username, every violation listed; the unique index holds the username when two race.
 */
export async function createAccount(ctx: UseCaseContext, input: CreateAccountInput): Promise<Prisma.AccountGetPayload<object>> {
  if (!isAdmin(ctx.viewer)) throw forbidden();
  const username = input.username.trim().toLowerCase();
  const violations = accountViolations({ ...input, username });
  if (await ctx.prisma.account.count({ where: { username } })) {
    violations.push({
      code: 'INVALID_VALUE',
      severity: 'error',
      path: ['username'],
      message: { vi: `Tên đăng nhập "${username}" đã có.`, en: `Username "${username}" is taken.` },
    });
  }
  if (violations.length) throw new ValidationError(violations);
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(ctx.prisma, 'createAccount', ctx.writer, (tx) =>
    tx.account.create({
      data: {
        username,
        displayName: input.displayName.normalize('NFC').trim(),
        passwordHash,
        role: input.role,
        scopeUnitId: input.scopeUnitId,
        partyOrganisation: input.partyOrganisation ?? false,
        validFrom: toDbDate(input.validFrom ?? ctx.today),
      },
    }),
  );
}
