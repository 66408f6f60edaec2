import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { figureByKey } from '@coso/domain';
import { cloneId, DISTRICT_ID, longBien2022Dataset, REVIEW_DATE } from '@coso/sample-data';
import { createPrismaClient, readState, stableUuid, storedDirectiveReport } from '@coso/schema';
import { createTestDatabase } from '@coso/schema/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSampleData } from './sample-data.js';
import { BUILT_CLI } from './test-support/paths.js';

/**
 * `coso seed --sample city --districts N` writes the city through the same store path as the
 * sample (one transaction per district). With N = 2: twice the sample's rows but for the city's
 * own records (hand-listed: Hà Nội and its code, the three city bodies and their areas), and the
 * original district's review figures are the article's, as if the clone were not there.
 */
const N = 2;
const SHARED: Record<string, number> = { units: 1, unitCodes: 1, organizations: 3, organizationAreas: 3 };

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: ReturnType<typeof createPrismaClient>;
beforeAll(async () => {
  db = await createTestDatabase(inject('databaseAdminUrl'));
  prisma = createPrismaClient(db.url);
  await loadSampleData(prisma, { districts: N });
}, 600_000);
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

describe(`a generated city of ${N} districts in the database`, () => {
  it('holds N times every table of the sample, the city records once', async () => {
    const stored = await readState(prisma);
    const sample = longBien2022Dataset();
    for (const [table, rows] of Object.entries(sample)) {
      if (!Array.isArray(rows)) continue;
      const got = (stored as unknown as Record<string, unknown[]>)[table]?.length;
      expect(got, table).toBe(N * rows.length - (N - 1) * (SHARED[table] ?? 0));
    }
  });

  it("keeps the original district's review figures (the article's), and the clone has its own", async () => {
    const known: Array<[string, number]> = [
      ['residentialGroups', 222],
      ['boardsEstablished', 8],
      ['boardsConsolidated', 31],
      ['politicalSystemPeopleOnBoards', 65],
      ['residenceContactMembersIntroduced', 22],
    ];
    for (const [district, directive] of [
      [DISTRICT_ID, 'directive-05-tt-qu'],
      [cloneId(DISTRICT_ID, 2), cloneId('directive-05-tt-qu', 2)],
    ] as const) {
      const r = await storedDirectiveReport(prisma, {
        directiveId: stableUuid(directive),
        scopeUnitId: stableUuid(district),
        to: REVIEW_DATE,
      });
      if (!r.ok) throw new Error(r.violations.map((v) => v.message.en).join('; '));
      for (const [key, value] of known) expect(figureByKey(r.value, key as never)?.value, `${key} in ${district}`).toBe(value);
    }
  });
});

describe('coso seed --sample city: arguments', () => {
  const run = promisify(execFile);
  async function coso(args: string[]) {
    try {
      await run(process.execPath, [BUILT_CLI, ...args], { env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } });
      return { code: 0, stderr: '' };
    } catch (error) {
      const e = error as { code: number; stderr: string };
      return { code: e.code, stderr: e.stderr };
    }
  }
  it.each([
    [['seed', '--sample', 'city', '--districts', '0']],
    [['seed', '--sample', 'city', '--districts', 'ba']],
    [['seed', '--sample', 'city', '--districts', '900']],
    [['seed', '--sample', '--districts', '2']],
  ])('refuses %j before touching a database', async (args) => {
    const { code, stderr } = await coso(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^--districts chỉ dùng với .* \/ --districts goes with /);
  });
});
