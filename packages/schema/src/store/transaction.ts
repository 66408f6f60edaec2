import type { EntityType } from '@coso/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { constraintViolation } from './constraint-rules.js';
import { ValidationError } from './write-errors.js';

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
 * enforces (exclusion on periods, uniqueness, the rules' triggers) becomes a typed ValidationError
 * with the rule code it backs (store/constraint-rules.ts), never a 500.
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
