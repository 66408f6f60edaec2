import type { ReorganisationPlan } from '@coso/domain';
import { abolitionOfDistricts2025, groupId, longBienState2003, oldWardId, SAI_DONG_DISSOLUTION } from '@coso/domain/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stableUuid } from '../store/stable-id.js';
import { writeState } from '../store/state-tables.js';
import { graphqlHarness } from '../testing/graphql-harness.js';

let h: Awaited<ReturnType<typeof graphqlHarness>>;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'));
  const state = longBienState2003();
  // A party cell serving a Sài Đồng group, and a member in it: both must survive the reorganisations.
  state.organizations.push({
    id: 'cell-sai-dong-1',
    kind: 'PARTY_CELL',
    name: 'Chi bộ TDP số 1 Sài Đồng',
    validFrom: '2010-01-01',
    validTo: null,
  });
  state.organizationAreas.push({
    id: 'area-cell-sai-dong-1',
    organizationId: 'cell-sai-dong-1',
    unitId: 'group-sai-dong-1',
    validFrom: '2010-01-01',
    validTo: null,
  });
  state.people.push({ id: 'person-1', fullName: 'Đỗ Văn Giang', sex: 'MALE', birthYear: 1965 });
  state.memberships.push({
    id: 'membership-1',
    personId: 'person-1',
    organizationId: 'cell-sai-dong-1',
    role: 'SECRETARY',
    validFrom: '2020-06-01',
    validTo: null,
  });
  // An apartment building in Bồ Đề's group 1: it stays in its group when the group moves in 2025.
  state.buildings.push({
    id: 'building-rice-city',
    name: 'Chung cư Rice City',
    residentialGroupId: groupId('bo-de', 1),
    apartmentCount: 120,
    blockCount: 1,
    multipleOwners: true,
    validFrom: '2015-01-01',
    validTo: null,
  });
  await writeState(h.prisma, state);
});
afterAll(() => h.close());

/** The domain's plan, as a GraphQL input: fixture keys become database ids, new units become refs. */
function toInput(plan: ReorganisationPlan) {
  const newRefs = new Set(plan.newUnits.map((u) => u.id));
  const id = (key: string) => (newRefs.has(key) ? key : stableUuid(key));
  return {
    kind: plan.kind,
    effectiveOn: plan.effectiveOn,
    legalBasis: plan.legalBasis,
    note: plan.note,
    endUnitIds: plan.endUnits.map(id),
    newUnits: plan.newUnits.map((u) => ({
      ref: u.id,
      kind: u.kind,
      name: u.name,
      kindLabel: u.kindLabel,
      code: u.code,
      parentId: u.parentId ? id(u.parentId) : null,
    })),
    moveUnits: plan.moveUnits.map((m) => ({ unitId: id(m.unitId), toParentId: id(m.toParentId) })),
  };
}

const RECORD = `mutation($input: RecordReorganisationInput!) { recordReorganisation(input: $input) { __typename
  ... on MutationRecordReorganisationSuccess { data { kind effectiveOn originalUnits { name } resultingUnits { name } } }
  ... on ValidationError { violations { code path message { vi en } } } } }`;

const wardsOn = async (date: string, parentKey: string) =>
  (
    await h.run<{ units: { nodes: Array<{ name: string }> } }>(
      `query($d: Date, $p: ID) { units(asOf: $d, filter: { kind: WARD, parentId: $p }) { nodes { name } } }`,
      {
        d: date,
        p: stableUuid(parentKey),
      },
    )
  ).units.nodes.map((n) => n.name);

type Refusal = {
  recordReorganisation: { __typename: string; violations: Array<{ code: string; path: string[]; message: { vi: string; en: string } }> };
};

const groupsOn = async (date: string, wardKey: string) =>
  (
    await h.run<{ units: { nodes: Array<{ name: string }> } }>(
      `query($d: Date, $p: ID) { units(asOf: $d, filter: { kind: RESIDENTIAL_GROUP, parentId: $p }) { nodes { name } } }`,
      { d: date, p: stableUuid(oldWardId(wardKey)) },
    )
  ).units.nodes.map((n) => n.name);

/** Bồ Đề's two groups merged into one on 1/6/2024. */
const mergeBoDeGroups = {
  kind: 'MERGE',
  effectiveOn: '2024-06-01',
  legalBasis: 'Nghị quyết của HĐND thành phố (thử nghiệm)',
  endUnitIds: [stableUuid(groupId('bo-de', 1)), stableUuid(groupId('bo-de', 2))],
  newUnits: [{ ref: 'new-group', kind: 'RESIDENTIAL_GROUP', name: 'Tổ dân phố số 1A (Bồ Đề)', parentId: stableUuid(oldWardId('bo-de')) }],
};

describe('recordReorganisation checks the input with the domain rules', () => {
  it("refuses what the input alone shows is wrong, at the input's paths, and changes nothing", async () => {
    const r = await h.run<Refusal>(RECORD, {
      input: {
        ...mergeBoDeGroups,
        legalBasis: '  ',
        newUnits: [{ ...mergeBoDeGroups.newUnits[0], code: '05' }],
        moveUnits: [{ unitId: stableUuid(groupId('bo-de', 2)), toParentId: stableUuid(oldWardId('gia-thuy')) }],
      },
    });
    expect(r.recordReorganisation.__typename).toBe('ValidationError');
    expect(r.recordReorganisation.violations.map((v) => `${v.code}@${v.path.join('.')}`)).toEqual([
      'REQUIRED_FIELD@legalBasis',
      'ADMIN_CODE_FORMAT@newUnits.0.code',
      'INVALID_VALUE@moveUnits.0.unitId',
    ]);
    expect(await groupsOn('2024-07-01', 'bo-de')).toHaveLength(2);
  });

  it('refuses an id that is neither a global id nor the ref of a new unit, as a typed violation at its path', async () => {
    const r = await h.run<Refusal>(RECORD, {
      input: { ...mergeBoDeGroups, moveUnits: [{ unitId: stableUuid(groupId('gia-thuy', 1)), toParentId: 'new-grop' }] },
    });
    expect(r.recordReorganisation.__typename).toBe('ValidationError');
    expect(r.recordReorganisation.violations).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', path: ['moveUnits', '0', 'toParentId'] }),
    ]);
    expect(r.recordReorganisation.violations[0]?.message.en).toContain('"new-grop" is neither a valid administrative unit id');
  });

  it('refuses to merge residential groups while apartment buildings sit in them, naming the group and the buildings', async () => {
    const r = await h.run<Refusal>(RECORD, { input: mergeBoDeGroups });
    expect(r.recordReorganisation.__typename).toBe('ValidationError');
    expect(r.recordReorganisation.violations).toEqual([
      {
        code: 'REORGANISATION_BUILDINGS_LEFT_BEHIND',
        path: ['endUnits', '0'],
        message: expect.objectContaining({
          vi: expect.stringContaining(
            'Đơn vị "Tổ dân phố số 1 (Bồ Đề)" kết thúc ngày 01/06/2024 nhưng vẫn còn 1 nhà chung cư: "Chung cư Rice City".',
          ),
        }),
      },
    ]);
    expect(await groupsOn('2024-07-01', 'bo-de')).toEqual(['Tổ dân phố số 1 (Bồ Đề)', 'Tổ dân phố số 2 (Bồ Đề)']);
  });
});

describe('recordReorganisation replays Long Biên 2025', () => {
  it('refuses a plan that leaves groups without a ward, and changes nothing', async () => {
    const plan = { ...SAI_DONG_DISSOLUTION, moveUnits: SAI_DONG_DISSOLUTION.moveUnits.slice(0, 1) };
    const r = await h.run<{ recordReorganisation: { __typename: string; violations: Array<{ code: string; message: { en: string } }> } }>(
      RECORD,
      { input: toInput(plan) },
    );
    expect(r.recordReorganisation.__typename).toBe('ValidationError');
    expect(r.recordReorganisation.violations.map((v) => v.message.en).join(' ')).toMatch(/not moved anywhere/);
    expect(await wardsOn('2025-03-01', 'long-bien-district')).toHaveLength(14);
  });

  it('dissolves Sài Đồng on 2025-01-01: 13 wards after, 14 before, the cell still serves its group', async () => {
    const r = await h.run<{ recordReorganisation: { __typename: string; data: { originalUnits: Array<{ name: string }> } } }>(RECORD, {
      input: toInput(SAI_DONG_DISSOLUTION),
    });
    expect(r.recordReorganisation.__typename).toBe('MutationRecordReorganisationSuccess');
    expect(await wardsOn('2024-12-31', 'long-bien-district')).toHaveLength(14);
    expect(await wardsOn('2025-03-01', 'long-bien-district')).toHaveLength(13);
  });

  it('abolishes the district on 2025-07-01: new wards under Hà Nội, 00118 now Bồ Đề, history intact', async () => {
    const r = await h.run<{ recordReorganisation: { __typename: string; data: { resultingUnits: Array<{ name: string }> } } }>(RECORD, {
      input: toInput(abolitionOfDistricts2025()),
    });
    expect(r.recordReorganisation.__typename).toBe('MutationRecordReorganisationSuccess');
    expect(await wardsOn('2025-08-01', 'hanoi')).toEqual(['Bồ Đề', 'Hồng Hà', 'Long Biên', 'Phúc Lợi', 'Việt Hưng']);
    expect(await wardsOn('2022-12-01', 'long-bien-district')).toHaveLength(14);
    const code = `query($d: Date) { unitByCode(code: "00118", asOf: $d) { name } }`;
    expect((await h.run<{ unitByCode: { name: string } }>(code, { d: '2025-06-30' })).unitByCode.name).toBe('Ngọc Thụy');
    expect((await h.run<{ unitByCode: { name: string } }>(code, { d: '2025-07-01' })).unitByCode.name).toBe('Bồ Đề');
    const cell = await h.run<{
      organizations: {
        nodes: Array<{ name: string; areas: Array<{ name: string; parent: { name: string } }>; members: { totalCount: number } }>;
      };
    }>(
      `{ organizations(asOf: "2025-08-01", filter: { kind: PARTY_CELL }) { nodes { name areas { name parent { name } } members { totalCount } } } }`,
    );
    expect(cell.organizations.nodes).toEqual([
      {
        name: 'Chi bộ TDP số 1 Sài Đồng',
        areas: [{ name: 'Tổ dân phố số 1 (Sài Đồng)', parent: { name: 'Phúc Lợi' } }],
        members: { totalCount: 1 },
      },
    ]);
    const events = await h.run<{ reorganisations: { totalCount: number } }>(`{ reorganisations { totalCount } }`);
    expect(events.reorganisations.totalCount).toBe(2);
  });
});
