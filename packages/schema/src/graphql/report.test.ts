import { DIRECTIVE_ID, DISTRICT_ID, HANOI_ID, longBien2022Dataset, WARD_IDS } from '@coso/sample-data';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDemoAccounts, DEMO_ACCOUNTS } from '../auth/demo-accounts.js';
import type { Viewer } from '../auth/viewer.js';
import { stableUuid } from '../store/stable-id.js';
import { writeState } from '../store/state-tables.js';
import { graphqlHarness } from '../testing/graphql-harness.js';

let h: Awaited<ReturnType<typeof graphqlHarness>>;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'));
  await writeState(h.prisma, longBien2022Dataset());
  await createDemoAccounts(h.prisma);
});
afterAll(() => h.close());

async function viewer(username: string): Promise<Viewer> {
  const a = await h.prisma.account.findUniqueOrThrow({ where: { username } });
  const demo = DEMO_ACCOUNTS.find((d) => d.username === username);
  return {
    kind: 'account',
    accountId: a.id,
    username,
    displayName: a.displayName,
    role: a.role,
    scopeUnitId: a.scopeUnitId,
    partyOrganisation: demo?.partyOrganisation ?? false,
    sessionId: 'test',
  };
}

const REPORT = `query($d: ID!, $s: ID!, $to: Date!) { directiveReport(directiveId: $d, scopeId: $s, to: $to) {
  scopeName narrative { vi }
  figures { key value denominator records(first: 3) { totalCount nodes { type name } } byWard { wardName value } } } }`;

type Report = {
  directiveReport: {
    scopeName: string;
    narrative: { vi: string };
    figures: Array<{
      key: string;
      value: number;
      denominator: number | null;
      records: { totalCount: number };
      byWard: Array<{ wardName: string; value: number }>;
    }>;
  };
};

describe('directiveReport over the Long Biên 2022 dataset', () => {
  it('gives exactly the article’s figures on 2022-12-01, each with its records', async () => {
    const r = await h.run<Report>(REPORT, { d: stableUuid(DIRECTIVE_ID), s: stableUuid(DISTRICT_ID), to: '2022-12-01' });
    const fig = Object.fromEntries(r.directiveReport.figures.map((f) => [f.key, f]));
    expect([fig.residentialGroups?.value, fig.wardsWithApartmentGroups?.value, fig.wardsWithApartmentGroups?.denominator]).toEqual([
      222, 13, 14,
    ]);
    expect([fig.apartmentGroupsWithCell?.value, fig.apartmentGroupsWithCell?.denominator]).toEqual([49, 49]);
    expect([fig.boardsEstablished?.value, fig.boardsConsolidated?.value]).toEqual([8, 31]);
    expect([fig.politicalSystemPeopleOnBoards?.value, fig.partyMembersOnBoards?.value, fig.politicalSystemMembersOnBoards?.value]).toEqual([
      65, 43, 29,
    ]);
    expect(fig.residenceContactMembersIntroduced?.value).toBe(22);
    expect(fig.nominatedPartyMembers?.byWard.find((w) => w.wardName === 'Giang Biên')?.value).toBe(35);
    expect(fig.nominatedPoliticalSystemMembers?.byWard.find((w) => w.wardName === 'Phúc Đồng')?.value).toBe(2);
    expect([fig.presentations?.value, fig.commendedCollectives?.value, fig.commendedIndividuals?.value]).toEqual([5, 25, 25]);
    for (const f of r.directiveReport.figures) expect(f.records.totalCount, f.key).toBe(f.value);
    expect(r.directiveReport.narrative.vi).toContain('222 tổ dân phố');
    expect(r.directiveReport.narrative.vi).toContain('49 chi bộ/49 tổ dân phố');
  });

  it('as of 2025-08-01 it reports over the new wards and loses no residential group', async () => {
    const r = await h.run<Report>(REPORT, { d: stableUuid(DIRECTIVE_ID), s: stableUuid(HANOI_ID), to: '2025-08-01' });
    const groups = r.directiveReport.figures.find((f) => f.key === 'residentialGroups');
    expect(
      groups?.byWard
        .filter((w) => w.value > 0)
        .map((w) => w.wardName)
        .sort(),
    ).toEqual(['Bồ Đề', 'Hồng Hà', 'Long Biên', 'Phúc Lợi', 'Việt Hưng']);
    expect(groups?.value).toBe(222);
  });

  it('hides the party figures’ records from an analyst, and another ward’s report from ward staff', async () => {
    const analyst = await viewer('phantich');
    const q = `query($d: ID!, $s: ID!) { directiveReport(directiveId: $d, scopeId: $s, to: "2022-12-01") { figures(keys: ["partyMembersOnBoards"]) { value records { totalCount } } } }`;
    await expect(h.run(q, { d: stableUuid(DIRECTIVE_ID), s: stableUuid(DISTRICT_ID) }, { viewer: analyst })).rejects.toThrow(
      /không có quyền|not allowed/,
    );
    const counts = await h.run<{ directiveReport: { figures: Array<{ value: number }> } }>(
      `query($d: ID!, $s: ID!) { directiveReport(directiveId: $d, scopeId: $s, to: "2022-12-01") { figures(keys: ["partyMembersOnBoards"]) { value } } }`,
      { d: stableUuid(DIRECTIVE_ID), s: stableUuid(DISTRICT_ID) },
      { viewer: analyst },
    );
    expect(counts.directiveReport.figures[0]?.value).toBe(43);
    const ward = await viewer('phuong.giangbien');
    await expect(
      h.run(REPORT, { d: stableUuid(DIRECTIVE_ID), s: stableUuid(DISTRICT_ID), to: '2022-12-01' }, { viewer: ward }),
    ).rejects.toThrow(/không có quyền|not allowed/);
    const own = await h.run<Report>(
      REPORT,
      { d: stableUuid(DIRECTIVE_ID), s: stableUuid(WARD_IDS['giang-bien']), to: '2022-12-01' },
      { viewer: ward },
    );
    expect(own.directiveReport.scopeName).toBe('Phường Giang Biên');
  });
});

describe('findings', () => {
  it('lists each gap with its rule code and a Vietnamese and English message, filterable by rule', async () => {
    const all = await h.run<{
      findings: { totalCount: number; nodes: Array<{ code: string; wardName: string; message: { vi: string; en: string } }> };
    }>(
      `query($s: ID!) { findings(scopeId: $s, asOf: "2022-12-01", first: 200) { totalCount nodes { code wardName message { vi en } } } }`,
      { s: stableUuid(DISTRICT_ID) },
    );
    const codes = new Set(all.findings.nodes.map((n) => n.code));
    for (const code of [
      'BUILDING_WITHOUT_BOARD',
      'BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER',
      'BOARD_TERM_EXPIRED',
      'BOARD_HEAD_WITHOUT_FIRE_TRAINING',
      'CELL_MIN_OFFICIAL_MEMBERS',
      'GROUP_WITHOUT_COORDINATION_REGULATION',
    ]) {
      expect(codes).toContain(code);
    }
    const later = await h.run<{ findings: { nodes: Array<{ code: string }> } }>(
      `query($s: ID!) { findings(scopeId: $s, asOf: "2023-12-01", codes: ["GROUP_WITHOUT_CELL"]) { nodes { code } } }`,
      { s: stableUuid(DISTRICT_ID) },
    );
    expect(later.findings.nodes.map((n) => n.code)).toEqual(['GROUP_WITHOUT_CELL']);
  });
});
