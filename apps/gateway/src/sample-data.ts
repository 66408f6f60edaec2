import { cityParts } from '@coso/sample-data';
import { createDemoAccounts, type PrismaClient, writeState } from '@coso/schema';

/**
 * The sample data a fresh installation starts with: the Long Biên 2022 dataset of Directive
 * 05-TT/QU (@coso/sample-data: 14 wards, 222 residential groups, boards, people, nominations,
 * the review of 1/12/2022, and the 2025 reorganisations), and the documented demo accounts.
 */
export async function loadSampleData(prisma: PrismaClient, options: { districts?: number } = {}): Promise<void> {
  // The sample is the city of one district; a larger city (`seed --sample city --districts N`, for
  // measuring scale) adds the clones one transaction each, through the same store path.
  for (const part of cityParts(options.districts ?? 1)) await writeState(prisma, part);
  await createDemoAccounts(prisma);
  // Statistics for the planner now, not when autovacuum next gets to it: the first reports after a
  // load were planned blind (the directive report took 2.5 s instead of 0.15 s on the sample). And
  // the visibility map: without it an index-only scan (a territory's units from the closure's
  // index, a person's place rows by unit) is priced as heap reads, and whole tables are scanned.
  await prisma.$executeRawUnsafe('VACUUM ANALYZE');
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
