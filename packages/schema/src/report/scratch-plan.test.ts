import { DIRECTIVE_ID, DISTRICT_ID, longBien2022Dataset, REVIEW_DATE } from '@coso/sample-data';
import { inject, it } from 'vitest';
import { Prisma } from '../generated/prisma/client.js';
import { stableUuid } from '../store/stable-id.js';
import { writeState } from '../store/state-tables.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { reportStatements, sqlDirectiveReport } from './sql-report.js';
import { readScope } from './sql-scope.js';

it('plans', async () => {
  const h = await graphqlHarness(inject('databaseAdminUrl'));
  await writeState(h.prisma, longBien2022Dataset());
  const q = { directiveId: stableUuid(DIRECTIVE_ID), scopeUnitId: stableUuid(DISTRICT_ID), to: REVIEW_DATE };
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await sqlDirectiveReport(h.prisma, q);
    console.log('report ms', performance.now() - t);
  }
  const scope = await readScope(h.prisma, q.scopeUnitId, q.to);
  const w = { scope: q.scopeUnitId, to: q.to, from: '2021-09-30', beforeFrom: '2020-06-30', directive: q.directiveId, wardLevel: false };
  for (const st of reportStatements(
    w,
    scope.filter((r) => r.role === 'ward'),
  )) {
    const rows = await h.prisma.$queryRaw<Array<Record<string, string>>>(Prisma.sql`EXPLAIN (ANALYZE, SUMMARY) ${st}`);
    console.log(
      rows
        .slice(-3)
        .map((r) => Object.values(r)[0])
        .join('\n'),
    );
  }
  await h.close();
}, 600_000);
