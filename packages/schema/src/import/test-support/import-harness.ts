import { inject } from 'vitest';
import { loadAccessFixture, viewerOf } from '../../auth/test-support/access-fixture.js';
import type { Context } from '../../graphql/context.js';
import { createRequestContext } from '../../graphql/request-context.js';
import { graphqlHarness } from '../../testing/graphql-harness.js';

export type ImportHarness = Awaited<ReturnType<typeof graphqlHarness>>;

/**
 * The import tests' start: a database of their own with the access fixture, and Phúc Lợi's ward
 * officer (a ward's writer: territory and read-back rules apply) as of `today`.
 */
export async function importHarness(today: string): Promise<{ h: ImportHarness; officer: Context }> {
  const h = await graphqlHarness(inject('databaseAdminUrl'));
  await loadAccessFixture(h.prisma);
  const officer = await createRequestContext({ prisma: h.prisma, viewer: await viewerOf(h.prisma, 'phuong.phucloi'), today });
  return { h, officer };
}
