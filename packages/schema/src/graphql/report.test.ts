import { directiveReport, isActiveOn } from '@coso/domain';
import { DIRECTIVE_ID, DISTRICT_ID, HANOI_ID, longBien2022Dataset, WARD_IDS } from '@coso/sample-data';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.js';
import { LOCATORS } from '../auth/locator.js';
import { SAMPLE_FIXTURE } from '../auth/test-support/sample-fixtures.js';
import type { Viewer } from '../auth/viewer.js';
import { ORGANIZATION_PLACES_SQL, organizationAtWhere } from '../store/organization-places.js';
import { stableUuid } from '../store/stable-id.js';
import { writeState } from '../store/state-tables.js';
import { graphqlHarness } from '../testing/graphql-harness.js';

let h: Awaited<ReturnType<typeof graphqlHarness>>;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: SAMPLE_FIXTURE });
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

describe('the drill-down records say which ward they are in', () => {
  type Rec = { id: string; name: string; wardId: string | null; wardName: string | null };
  type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Rec[] };
  const FIGURE = `query($d: ID!, $s: ID!, $k: String!, $after: String) { directiveReport(directiveId: $d, scopeId: $s, to: "2022-12-01") {
    figures(keys: [$k]) { byWardAdditive records(first: 200, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name wardId wardName } }
      byWard { wardId wardName records(first: 200) { totalCount nodes { id } } } } } }`;
  type FigureAnswer = {
    directiveReport: {
      figures: Array<{
        byWardAdditive: boolean;
        records: Page;
        byWard: Array<{ wardId: string | null; wardName: string; records: { totalCount: number; nodes: Array<{ id: string }> } }>;
      }>;
    };
  };

  /** Every record of a figure (all pages) and its per-ward breakdown, over the district on 2022-12-01. */
  async function figure(key: string) {
    const records: Rec[] = [];
    let after: string | null = null;
    let byWard: FigureAnswer['directiveReport']['figures'][number]['byWard'] = [];
    do {
      const r: FigureAnswer = await h.run<FigureAnswer>(FIGURE, { d: stableUuid(DIRECTIVE_ID), s: stableUuid(DISTRICT_ID), k: key, after });
      const f = r.directiveReport.figures[0];
      if (!f) throw new Error(`no figure ${key}`);
      records.push(...f.records.nodes);
      byWard = f.byWard;
      after = f.records.pageInfo.hasNextPage ? f.records.pageInfo.endCursor : null;
    } while (after);
    return { records, byWard };
  }

  it('the district’s 222 residential groups: fourteen “Tổ dân phố số 1”, told apart by their ward', async () => {
    const { records, byWard } = await figure('residentialGroups');
    expect(records).toHaveLength(222);
    const firsts = records.filter((r) => r.name === 'Tổ dân phố số 1');
    expect(firsts).toHaveLength(14);
    expect(new Set(firsts.map((r) => r.wardName)).size).toBe(14);
    expect(new Set(records.map((r) => `${r.name} — ${r.wardName}`)).size).toBe(222);
    // Each record's ward is the ward entry that lists it.
    const wardOf = new Map<string, { wardId: string | null; wardName: string }>();
    for (const w of byWard) for (const n of w.records.nodes) wardOf.set(n.id, { wardId: w.wardId, wardName: w.wardName });
    for (const r of records) expect({ wardId: r.wardId, wardName: r.wardName }, r.name).toEqual(wardOf.get(r.id));
    const phucDong = byWard.find((w) => w.wardName === 'Phúc Đồng');
    expect(records.filter((r) => r.wardName === 'Phúc Đồng')).toHaveLength(phucDong?.records.totalCount ?? -1);
    // The ward id is the ward's global id: node(id:) gives the ward.
    const node = await h.run<{ node: { name: string; kind: string } }>(
      'query($id: ID!) { node(id: $id) { ... on AdministrativeUnit { name kind } } }',
      { id: firsts[0]?.wardId },
    );
    expect(node.node).toEqual({ name: firsts[0]?.wardName, kind: 'WARD' });
  });

  it('every figure: the ward(s) a record is counted in, as its per-ward breakdown lists it (several: names joined, no id)', async () => {
    const r = await h.run<{ directiveReport: { figures: Array<{ key: string }> } }>(
      `query($d: ID!, $s: ID!) { directiveReport(directiveId: $d, scopeId: $s, to: "2022-12-01") { figures { key } } }`,
      { d: stableUuid(DIRECTIVE_ID), s: stableUuid(DISTRICT_ID) },
    );
    for (const { key } of r.directiveReport.figures) {
      const { records, byWard } = await figure(key);
      const wards = new Map<string, Array<{ wardId: string; wardName: string }>>();
      for (const w of byWard) {
        if (!w.wardId) continue; // the unassigned entry: in no ward of the scope
        for (const n of w.records.nodes) wards.set(n.id, [...(wards.get(n.id) ?? []), { wardId: w.wardId, wardName: w.wardName }]);
      }
      for (const rec of records) {
        const expected = wards.get(rec.id) ?? [];
        expect(rec.wardName, `${key}: ${rec.name}`).toBe(expected.length ? expected.map((w) => w.wardName).join(', ') : null);
        expect(rec.wardId, `${key}: ${rec.name}`).toBe(expected.length === 1 ? expected[0]?.wardId : null);
      }
    }
  });
});

describe('a person on boards in two wards', () => {
  let two: Awaited<ReturnType<typeof graphqlHarness>>;
  let person = '';
  let wardNames: string[] = [];
  beforeAll(async () => {
    // The dataset plus one seat: someone counted on a board in one ward also sits on a board in another.
    const state = longBien2022Dataset();
    const report = directiveReport(state, { directiveId: DIRECTIVE_ID, scopeUnitId: DISTRICT_ID, to: '2022-12-01' });
    if (!report.ok) throw new Error('test setup: no report');
    const figure = (key: string) => report.value.figures.find((f) => f.key === key);
    const onBoards = figure('politicalSystemPeopleOnBoards')?.byWard.find((w) => w.wardId && w.records.length);
    const otherBoard = figure('boardsConsolidated')?.byWard.find((w) => w.wardId && w.wardId !== onBoards?.wardId && w.records.length);
    const [someone, board] = [onBoards?.records[0], otherBoard?.records[0]];
    if (!onBoards || !otherBoard || !someone || !board) throw new Error('test setup: no boards in two wards');
    state.memberships.push({
      id: 'membership-two-wards',
      personId: someone.id,
      organizationId: board.id,
      role: 'MEMBER',
      validFrom: '2022-06-01',
      validTo: null,
    });
    person = stableUuid(someone.id);
    wardNames = report.value.wards.map((w) => w.name).filter((n) => n === onBoards.wardName || n === otherBoard.wardName);
    two = await graphqlHarness(inject('databaseAdminUrl'));
    await writeState(two.prisma, state);
  });
  afterAll(() => two.close());

  it('is one record naming both wards (report order), with no single ward id', async () => {
    const r = await two.run<{
      directiveReport: { figures: Array<{ records: { nodes: Array<{ id: string; wardId: string | null; wardName: string | null }> } }> };
    }>(
      `query($d: ID!, $s: ID!) { directiveReport(directiveId: $d, scopeId: $s, to: "2022-12-01") {
        figures(keys: ["politicalSystemPeopleOnBoards"]) { records(first: 200) { nodes { id wardId wardName } } } } }`,
      { d: stableUuid(DIRECTIVE_ID), s: stableUuid(DISTRICT_ID) },
    );
    const mine = r.directiveReport.figures[0]?.records.nodes.filter((n) => n.id === encodeGlobalID('Person', person));
    expect(wardNames).toHaveLength(2);
    expect(mine).toEqual([{ id: encodeGlobalID('Person', person), wardId: null, wardName: wardNames.join(', ') }]);
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

describe('party figures and party findings for readers without party rights (API.md, "Party data and personal data")', () => {
  const FIGURES = `query($d: ID!, $s: ID!) { directiveReport(directiveId: $d, scopeId: $s, to: "2022-12-01") {
    narrative { vi } figures { key value byWardWithheld byWard { wardName value } } } }`;
  type Figures = {
    directiveReport: {
      narrative: { vi: string };
      figures: Array<{ key: string; value: number; byWardWithheld: boolean; byWard: Array<{ wardName: string; value: number }> }>;
    };
  };
  const WITHHELD_BY_WARD = [
    'politicalSystemPeopleOnBoards',
    'partyMembersOnBoards',
    'politicalSystemMembersOnBoards',
    'residenceContactMembersIntroduced',
  ];
  const byKey = (r: Figures) => Object.fromEntries(r.directiveReport.figures.map((f) => [f.key, f]));

  it.each(['phantich', 'xem'])(
    '%s: at the district, the published totals (65, 43, 29, 22) and the nominations by ward, no other ward values',
    async (name) => {
      const r = byKey(
        await h.run<Figures>(FIGURES, { d: stableUuid(DIRECTIVE_ID), s: stableUuid(DISTRICT_ID) }, { viewer: await viewer(name) }),
      );
      expect(WITHHELD_BY_WARD.map((k) => [k, r[k]?.value, r[k]?.byWard, r[k]?.byWardWithheld])).toEqual([
        ['politicalSystemPeopleOnBoards', 65, [], true],
        ['partyMembersOnBoards', 43, [], true],
        ['politicalSystemMembersOnBoards', 29, [], true],
        ['residenceContactMembersIntroduced', 22, [], true],
      ]);
      // The article prints each ward committee's nominations (Giang Biên 35, Phúc Đồng 10).
      expect(r.nominatedPartyMembers?.byWardWithheld).toBe(false);
      expect(r.nominatedPartyMembers?.byWard.find((w) => w.wardName === 'Giang Biên')?.value).toBe(35);
      expect(r.nominatedPartyMembers?.byWard.find((w) => w.wardName === 'Phúc Đồng')?.value).toBe(10);
      // Public figures keep their breakdown.
      expect(r.residentialGroups?.byWard.length).toBeGreaterThan(0);
    },
  );

  it('a party role gets every ward value', async () => {
    const r = byKey(
      await h.run<Figures>(FIGURES, { d: stableUuid(DIRECTIVE_ID), s: stableUuid(DISTRICT_ID) }, { viewer: await viewer('admin') }),
    );
    for (const k of WITHHELD_BY_WARD) {
      expect(r[k]?.byWardWithheld, k).toBe(false);
      expect(
        r[k]?.byWard.reduce((sum, w) => sum + w.value, 0),
        k,
      ).toBeGreaterThanOrEqual(r[k]?.value ?? 0);
    }
  });

  it('at ward scope (where a total is one ward’s value) the party people figures are left out for an analyst, and the narrative says nothing of them', async () => {
    const vars = { d: stableUuid(DIRECTIVE_ID), s: stableUuid(WARD_IDS['giang-bien']) };
    const analyst = await h.run<Figures>(FIGURES, vars, { viewer: await viewer('phantich') });
    const keys = analyst.directiveReport.figures.map((f) => f.key);
    for (const k of WITHHELD_BY_WARD) expect(keys).not.toContain(k);
    expect(byKey(analyst).nominatedPartyMembers?.value).toBe(35);
    expect(analyst.directiveReport.narrative.vi).not.toMatch(/đồng chí là thành viên|trong đó có/);
    const admin = await h.run<Figures>(FIGURES, vars, { viewer: await viewer('admin') });
    expect(admin.directiveReport.figures.map((f) => f.key)).toEqual(expect.arrayContaining(WITHHELD_BY_WARD));
    expect(admin.directiveReport.narrative.vi).toMatch(/đồng chí là thành viên/);
  });

  it('the political-system people on boards are not listed to an analyst (they include cell officers)', async () => {
    const q = `query($d: ID!, $s: ID!) { directiveReport(directiveId: $d, scopeId: $s, to: "2022-12-01") { figures(keys: ["politicalSystemMembersOnBoards"]) { records { totalCount } } } }`;
    const r = await h.exec(q, { d: stableUuid(DIRECTIVE_ID), s: stableUuid(DISTRICT_ID) }, { viewer: await viewer('phantich') });
    expect(r.errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
  });

  it('findings about cells’ official members and boards without party or political-system members: party roles only', async () => {
    const q = `query($s: ID!, $codes: [String!]) { findings(scopeId: $s, asOf: "2022-12-01", codes: $codes, first: 200) { totalCount nodes { code } } }`;
    type F = { findings: { totalCount: number; nodes: Array<{ code: string }> } };
    const party = ['CELL_MIN_OFFICIAL_MEMBERS', 'BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER'];
    const admin = await h.run<F>(q, { s: stableUuid(DISTRICT_ID) }, { viewer: await viewer('admin') });
    const analyst = await h.run<F>(q, { s: stableUuid(DISTRICT_ID) }, { viewer: await viewer('phantich') });
    const adminParty = admin.findings.nodes.filter((n) => party.includes(n.code)).length;
    expect(adminParty).toBeGreaterThan(0);
    expect(analyst.findings.nodes.map((n) => n.code)).toEqual(admin.findings.nodes.map((n) => n.code).filter((c) => !party.includes(c)));
    expect(analyst.findings.totalCount).toBe(admin.findings.totalCount - adminParty);
    for (const code of party) {
      const r = await h.exec(q, { s: stableUuid(DISTRICT_ID), codes: [code] }, { viewer: await viewer('phantich') });
      expect(
        r.errors.map((e) => `${e.code}@${e.path}`),
        code,
      ).toEqual(['FORBIDDEN@findings']);
    }
  });
});

describe('finding the directive by its number and symbol', () => {
  it.each(['05-TT/QU', '05-tt/qu', '05'])('"%s" finds Thông tri 05-TT/QU, whatever the case', async (search) => {
    const r = await h.run<{ directives: { nodes: Array<{ code: string }> } }>(
      'query($s: String!) { directives(search: { search: $s }) { nodes { code } } }',
      { s: search },
      { viewer: await viewer('xem') },
    );
    expect(r.directives.nodes.map((d) => d.code)).toContain('05-TT/QU');
  });
});

describe('a board is where its building stands, whether or not an area was recorded for it', () => {
  // The sample's 60 boards have no organization_areas rows: only their building places them.
  const ON = '2022-12-01';
  const boards = longBien2022Dataset().organizations.filter((o) => o.kind === 'MANAGEMENT_BOARD' && isActiveOn(o, ON));

  it('organizations(withinUnitId: the district, kind: board) finds every board alive that day', async () => {
    expect(boards.length).toBeGreaterThan(40);
    const r = await h.run<{ organizations: { totalCount: number } }>(
      'query($d: ID!) { organizations(asOf: "2022-12-01", filter: { withinUnitId: $d, kind: MANAGEMENT_BOARD }) { totalCount } }',
      { d: encodeGlobalID('AdministrativeUnit', stableUuid(DISTRICT_ID)) },
      { viewer: await viewer('xem') },
    );
    expect(r.organizations.totalCount).toBe(boards.length);
  });

  it('counts(BODIES) counts them, and servesUnitId finds a board from its building’s group', async () => {
    const r = await h.run<{ counts: Array<{ kind: string; count: number }> }>(
      'query($d: ID!) { counts(scopeId: $d, measure: BODIES, groupBy: [KIND], asOf: "2022-12-01") { kind count } }',
      { d: encodeGlobalID('AdministrativeUnit', stableUuid(DISTRICT_ID)) },
      { viewer: await viewer('xem') },
    );
    expect(r.counts.find((c) => c.kind === 'MANAGEMENT_BOARD')?.count).toBe(boards.length);
    const board = boards[0];
    const building = longBien2022Dataset().buildings.find((b) => b.id === board?.buildingId);
    const served = await h.run<{ organizations: { nodes: Array<{ id: string }> } }>(
      'query($g: ID!) { organizations(asOf: "2022-12-01", filter: { servesUnitId: $g, kind: MANAGEMENT_BOARD }) { nodes { id } } }',
      { g: encodeGlobalID('AdministrativeUnit', stableUuid(String(building?.residentialGroupId))) },
      { viewer: await viewer('xem') },
    );
    expect(served.organizations.nodes.map((n) => n.id)).toContain(encodeGlobalID('Organization', stableUuid(String(board?.id))));
  });

  it('the locator, the list condition and the SQL place every body alike', async () => {
    const rows = await h.prisma.$queryRawUnsafe<Array<{ organization_id: string; unit_id: string }>>(
      `SELECT DISTINCT organization_id, unit_id FROM (${ORGANIZATION_PLACES_SQL}) p`,
    );
    const bySql = new Map<string, Set<string>>();
    for (const r of rows) bySql.set(r.organization_id, (bySql.get(r.organization_id) ?? new Set()).add(r.unit_id));
    const ids = (await h.prisma.organization.findMany({ select: { id: true } })).map((o) => o.id);
    const located = await LOCATORS.Organization?.(h.prisma, ids);
    for (const id of ids) expect(new Set(located?.get(id)?.units ?? []), id).toEqual(bySql.get(id) ?? new Set());
    // The list condition, place by place: the bodies it finds at a unit are those the SQL puts there.
    const units = [...new Set(rows.map((r) => r.unit_id))].slice(0, 40);
    for (const unit of units) {
      const found = await h.prisma.organization.findMany({ where: organizationAtWhere({ id: unit }), select: { id: true } });
      const expected = rows.filter((r) => r.unit_id === unit).map((r) => r.organization_id);
      expect(new Set(found.map((o) => o.id)), unit).toEqual(new Set(expected));
    }
  });
});
