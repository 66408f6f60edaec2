import { describe, expect, inject, it } from 'vitest';
import { createPrismaClient } from './prisma-client.js';

const adminUrl = inject('databaseAdminUrl');

/** random_page_cost as the statements of a client made by createPrismaClient see it, on several connections at once. */
async function costsSeen(url: string): Promise<string[]> {
  const prisma = createPrismaClient(url, { maxConnections: 3 });
  try {
    // Three at once, so they cannot all be answered by one connection of the pool.
    const rows = await Promise.all(
      [1, 2, 3].map(() =>
        prisma.$queryRawUnsafe<Array<{ cost: string }>>(
          "SELECT current_setting('random_page_cost') AS cost, pg_sleep(0.05)::text AS slept",
        ),
      ),
    );
    return rows.map(([row]) => String(row?.cost));
  } finally {
    await prisma.$disconnect();
  }
}

describe("the pool's planner costs (database/prisma-client.ts)", () => {
  it('every connection plans with random_page_cost 1.1, whatever the server’s own default', async () => {
    expect(await costsSeen(adminUrl)).toEqual(['1.1', '1.1', '1.1']);
  });

  it('an options parameter in the database URL takes precedence (a DBA’s choice stands)', async () => {
    const url = new URL(adminUrl);
    url.searchParams.set('options', '-c random_page_cost=2');
    expect(await costsSeen(url.toString())).toEqual(['2', '2', '2']);
  });
});
