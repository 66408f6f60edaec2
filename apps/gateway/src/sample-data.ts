import { longBienHistory } from '@coso/domain';
import { createDemoAccounts, type PrismaClient, writeState } from '@coso/schema';

/**
 * The sample data a fresh installation starts with. For now the Long Biên history (2003 → the
 * 2025 reorganisations) from @coso/domain, and the documented demo accounts (one per role); the
 * fuller directive dataset replaces the history here later.
 */
export async function loadSampleData(prisma: PrismaClient): Promise<void> {
  await writeState(prisma, longBienHistory());
  await createDemoAccounts(prisma);
}

/** A database is "empty" when it holds no administrative unit: nothing has been loaded yet. */
export async function isEmptyDatabase(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.administrativeUnit.count()) === 0;
}

export type SeedOutcome = 'loaded' | 'not-empty';

/**
 * Loads the sample data into an empty database. When two processes race on one server, the loser's
 * transaction fails on the (stable) primary keys and rolls back; it then finds the data loaded.
 */
export async function loadSampleDataIfEmpty(prisma: PrismaClient): Promise<SeedOutcome> {
  if (!(await isEmptyDatabase(prisma))) return 'not-empty';
  try {
    await loadSampleData(prisma);
    return 'loaded';
  } catch (error) {
    if (!(await isEmptyDatabase(prisma))) return 'not-empty';
    throw error;
  }
}
