import type { EntityType, Violation } from '@coso/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { ValidationError } from '../graphql/errors.js';

/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** One change a mutation made: what the audit trail (and cache invalidation) needs. */
export interface Change {
  operation: string;
  entityType: EntityType | 'Post' | 'UnitCode' | 'UnitParent' | 'OrganizationArea' | 'OrganizationParent' | string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Hook run inside the transaction after the work, before commit (the audit trail uses it). */
export type ChangeSink = (tx: Tx, changes: readonly Change[]) => Promise<void>;

/**
 * Runs a write in one transaction, collecting the changes it makes. A constraint the database
 * enforces (exclusion on periods, uniqueness) becomes a typed ValidationError, never a 500.
 */
export async function writeTransaction<T>(
  prisma: PrismaClient,
  work: (tx: Tx, record: (change: Change) => void) => Promise<T>,
  sink?: ChangeSink,
): Promise<T> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const changes: Change[] = [];
        const result = await work(tx, (c) => changes.push(c));
        if (sink) await sink(tx, changes);
        return result;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    const violation = constraintViolation(error);
    if (violation) throw new ValidationError([violation]);
    throw error;
  }
}

/** Database constraints (migrations' `-- coso:` section) and the rule code each one backs. */
const CONSTRAINT_RULES: Record<string, { code: string; path: string; vi: string; en: string }> = {
  memberships_no_overlap: {
    code: 'MEMBERSHIP_OVERLAP',
    path: 'validFrom',
    vi: 'Người này đã giữ chức vụ này trong cùng thời gian.',
    en: 'This person already holds this post in that period.',
  },
  unit_parents_one_at_a_time: {
    code: 'UNIT_ONE_PARENT',
    path: 'parentId',
    vi: 'Đơn vị đã có đơn vị cấp trên trong thời gian này.',
    en: 'The unit already has a parent in that period.',
  },
  unit_codes_one_holder_at_a_time: {
    code: 'ADMIN_CODE_UNIQUE',
    path: 'code',
    vi: 'Mã đơn vị hành chính đã được dùng trong cùng thời gian.',
    en: 'The administrative code is already in use in that period.',
  },
  unit_codes_one_per_unit_at_a_time: {
    code: 'ADMIN_CODE_UNIQUE',
    path: 'code',
    vi: 'Đơn vị đã có mã trong thời gian này.',
    en: 'The unit already has a code in that period.',
  },
  organization_parents_one_at_a_time: {
    code: 'INVALID_VALUE',
    path: 'parentId',
    vi: 'Tổ chức đã có tổ chức cấp trên trong thời gian này.',
    en: 'The body already has a parent body in that period.',
  },
  party_memberships_one_at_a_time: {
    code: 'MEMBERSHIP_OVERLAP',
    path: 'validFrom',
    vi: 'Người này đã có đảng tịch trong thời gian này.',
    en: 'This person already has a party-membership record in that period.',
  },
  people_citizen_id_key: {
    code: 'CITIZEN_ID_FORMAT',
    path: 'citizenId',
    vi: 'Số định danh này đã thuộc về người khác.',
    en: 'This citizen ID already belongs to another person.',
  },
};

function constraintViolation(error: unknown): Violation | null {
  const text = errorText(error);
  for (const [constraint, rule] of Object.entries(CONSTRAINT_RULES)) {
    if (text.includes(constraint)) {
      return { code: rule.code, severity: 'error', path: [rule.path], message: { vi: rule.vi, en: rule.en } };
    }
  }
  // Prisma's unique-constraint error names the fields instead of the constraint.
  if (/P2002/.test(text) && /citizen_?id/i.test(text)) {
    const rule = CONSTRAINT_RULES.people_citizen_id_key;
    if (rule) return { code: rule.code, severity: 'error', path: [rule.path], message: { vi: rule.vi, en: rule.en } };
  }
  return null;
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const meta = (error as { code?: string; meta?: unknown; cause?: unknown }) ?? {};
  return [error.message, meta.code ?? '', JSON.stringify(meta.meta ?? {}), meta.cause ? errorText(meta.cause) : ''].join(' ');
}
