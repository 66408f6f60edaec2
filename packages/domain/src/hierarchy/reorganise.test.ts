import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Id } from '../model/places.js';
import { type DomainState, emptyState } from '../model/state.js';
import { abolitionOfDistricts2025, groupId, longBienState2003, oldWardId, SAI_DONG_DISSOLUTION } from '../testing/long-bien-history.js';
import { addDays } from '../time/dates.js';
import { isActiveOn } from '../time/period.js';
import { PlaceHierarchy } from './as-of.js';
import { applyReorganisation, type ReorganisationPlan } from './reorganise.js';

const basePlan = (over: Partial<ReorganisationPlan>): ReorganisationPlan => ({
  id: 'reorg-test',
  kind: 'TRANSFER_PART',
  effectiveOn: '2024-01-01',
  legalBasis: 'Nghị quyết thử nghiệm',
  endUnits: [],
  newUnits: [],
  moveUnits: [],
  ...over,
});

describe('applyReorganisation: refusals', () => {
  const state = longBienState2003();

  it.each<[string, Partial<ReorganisationPlan>, string, (string | number)[]]>([
    ['a bad date', { effectiveOn: '2024-02-30' }, 'DATE_FORMAT', ['effectiveOn']],
    [
      'no legal basis',
      { legalBasis: ' ', moveUnits: [{ unitId: groupId('bo-de', 1), toParentId: oldWardId('gia-thuy') }] },
      'REQUIRED_FIELD',
      ['legalBasis'],
    ],
    [
      'a merge with one original',
      { kind: 'MERGE', endUnits: [oldWardId('bo-de')], newUnits: [{ id: 'w', kind: 'WARD', name: 'X', parentId: 'long-bien-district' }] },
      'REORGANISATION_INVALID',
      ['kind'],
    ],
    ['ending a unit that does not exist', { kind: 'DISSOLVE', endUnits: ['nope'] }, 'REORGANISATION_INVALID', ['endUnits', 0]],
    [
      'moving to a parent of the wrong level',
      { moveUnits: [{ unitId: groupId('bo-de', 1), toParentId: 'hanoi' }] },
      'UNIT_PARENT_KIND',
      ['moveUnits', 0, 'toParentId'],
    ],
    [
      'moving to a parent that does not exist',
      { moveUnits: [{ unitId: groupId('bo-de', 1), toParentId: 'ghost' }] },
      'UNIT_NOT_FOUND',
      ['moveUnits', 0, 'toParentId'],
    ],
    [
      'leaving children of an ended unit behind',
      { kind: 'DISSOLVE', endUnits: [oldWardId('bo-de')], moveUnits: [{ unitId: groupId('bo-de', 1), toParentId: oldWardId('gia-thuy') }] },
      'REORGANISATION_INVALID',
      ['moveUnits'],
    ],
    [
      'a code still held by a continuing unit',
      {
        kind: 'ESTABLISH',
        newUnits: [{ id: 'new-ward', kind: 'WARD', name: 'Phường Mới', code: '00115', parentId: 'long-bien-district' }],
      },
      'ADMIN_CODE_UNIQUE',
      ['newUnits', 0, 'code'],
    ],
    [
      'a code of the wrong length',
      { kind: 'ESTABLISH', newUnits: [{ id: 'new-ward', kind: 'WARD', name: 'Phường Mới', code: '118', parentId: 'long-bien-district' }] },
      'ADMIN_CODE_FORMAT',
      ['newUnits', 0, 'code'],
    ],
  ])('refuses %s with a typed violation', (_label, over, code, path) => {
    const before = JSON.parse(JSON.stringify(state)) as DomainState;
    const result = applyReorganisation(state, basePlan(over));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations).toContainEqual(expect.objectContaining({ code, path, severity: 'error' }));
    const v = result.violations.find((x) => x.code === code);
    expect(v?.message.vi.length).toBeGreaterThan(0);
    expect(v?.message.en.length).toBeGreaterThan(0);
    expect(state).toEqual(before);
  });

  it('lists every violation at once', () => {
    const result = applyReorganisation(
      state,
      basePlan({
        legalBasis: '',
        moveUnits: [
          { unitId: 'ghost', toParentId: 'hanoi' },
          { unitId: groupId('bo-de', 1), toParentId: 'ghost' },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.violations.map((v) => v.code).sort()).toEqual(['REORGANISATION_INVALID', 'REQUIRED_FIELD', 'UNIT_NOT_FOUND']);
  });

  it('accepts a code reused after its former holder ends (00118 in 2025)', () => {
    const afterSaiDong = applyReorganisation(state, SAI_DONG_DISSOLUTION);
    expect(afterSaiDong.ok).toBe(true);
    if (!afterSaiDong.ok) return;
    const result = applyReorganisation(afterSaiDong.value.state, abolitionOfDistricts2025());
    expect(result.ok).toBe(true);
  });
});

describe('applyReorganisation: effects', () => {
  it('renames by ending the unit and starting its successor, children following', () => {
    const state = longBienState2003();
    const result = applyReorganisation(
      state,
      basePlan({
        kind: 'RENAME',
        effectiveOn: '2020-01-01',
        endUnits: [oldWardId('cu-khoi')],
        newUnits: [{ id: 'ward-cu-khoi-moi', kind: 'WARD', name: 'Cự Khối Mới', code: '00154', parentId: 'long-bien-district' }],
        moveUnits: [
          { unitId: groupId('cu-khoi', 1), toParentId: 'ward-cu-khoi-moi' },
          { unitId: groupId('cu-khoi', 2), toParentId: 'ward-cu-khoi-moi' },
        ],
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const h = new PlaceHierarchy(result.value.state);
    expect(h.unitByCode('00154', '2019-12-31')?.name).toBe('Cự Khối');
    expect(h.unitByCode('00154', '2020-01-01')?.name).toBe('Cự Khối Mới');
    expect(h.parentOf(groupId('cu-khoi', 2), '2020-01-01')?.name).toBe('Cự Khối Mới');
    expect(result.value.event.originalUnitIds).toContain(oldWardId('cu-khoi'));
    expect(result.value.event.resultingUnitIds).toEqual(['ward-cu-khoi-moi']);
    expect(result.value.ended.map((r) => r.table).sort()).toEqual(['unitCodes', 'unitParents', 'unitParents', 'unitParents', 'units']);
  });

  it('moves memberships into a merged body and ends the rest with their dissolved body', () => {
    const state = longBienState2003();
    state.organizations.push(
      { id: 'pc-a', kind: 'WARD_PARTY_COMMITTEE', name: 'Đảng ủy phường Gia Thụy', validFrom: '2004-01-01', validTo: null },
      { id: 'pc-b', kind: 'WARD_PARTY_COMMITTEE', name: 'Đảng ủy phường Ngọc Lâm', validFrom: '2004-01-01', validTo: null },
    );
    state.organizationAreas.push(
      { id: 'area-a', organizationId: 'pc-a', unitId: oldWardId('gia-thuy'), validFrom: '2004-01-01', validTo: null },
      { id: 'area-b', organizationId: 'pc-b', unitId: oldWardId('ngoc-lam'), validFrom: '2004-01-01', validTo: null },
    );
    state.people.push(
      { id: 'p1', fullName: 'Nguyễn Văn An', sex: 'MALE', birthYear: 1970 },
      { id: 'p2', fullName: 'Trần Thị Bình', sex: 'FEMALE', birthYear: 1975 },
    );
    state.memberships.push(
      { id: 'm1', personId: 'p1', organizationId: 'pc-a', role: 'SECRETARY', validFrom: '2020-06-01', validTo: null },
      { id: 'm2', personId: 'p2', organizationId: 'pc-b', role: 'SECRETARY', validFrom: '2020-06-01', validTo: null },
    );
    const result = applyReorganisation(
      state,
      basePlan({
        kind: 'MERGE',
        effectiveOn: '2024-01-01',
        endUnits: [oldWardId('gia-thuy'), oldWardId('ngoc-lam')],
        newUnits: [{ id: 'ward-merged', kind: 'WARD', name: 'Gia Lâm Thụy', code: '00199', parentId: 'long-bien-district' }],
        moveUnits: ['gia-thuy', 'ngoc-lam'].flatMap((k) =>
          [1, 2].map((n) => ({ unitId: groupId(k, n as 1 | 2), toParentId: 'ward-merged' })),
        ),
        endOrganizations: ['pc-a', 'pc-b'],
        newOrganizations: [
          { id: 'pc-merged', kind: 'WARD_PARTY_COMMITTEE', name: 'Đảng ủy phường Gia Lâm Thụy', unitIds: ['ward-merged'] },
        ],
        moveMemberships: [{ membershipId: 'm1', toOrganizationId: 'pc-merged' }],
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const next = result.value.state;
    expect(next.memberships.find((m) => m.id === 'm1')?.validTo).toBe('2024-01-01');
    expect(next.memberships.find((m) => m.id === 'm2')?.validTo).toBe('2024-01-01');
    const successor = next.memberships.filter((m) => m.personId === 'p1' && isActiveOn(m, '2024-01-01'));
    expect(successor).toMatchObject([{ organizationId: 'pc-merged', role: 'SECRETARY' }]);
    expect(next.memberships.filter((m) => m.personId === 'p2' && isActiveOn(m, '2024-01-01'))).toHaveLength(0);
  });

  it('refuses to leave a body serving an ended place', () => {
    const state = longBienState2003();
    state.organizations.push({ id: 'cell', kind: 'PARTY_CELL', name: 'Chi bộ TDP 1', validFrom: '2004-01-01', validTo: null });
    state.organizationAreas.push({
      id: 'area',
      organizationId: 'cell',
      unitId: groupId('bo-de', 1),
      validFrom: '2004-01-01',
      validTo: null,
    });
    const result = applyReorganisation(state, basePlan({ kind: 'RESTRUCTURE', endUnits: [groupId('bo-de', 1)] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.violations[0]?.path).toEqual(['moveOrganizationAreas']);
  });
});

/** A random two-level area (district → wards → groups) with cells, committees and memberships. */
function arbitraryState() {
  return fc
    .record({
      wards: fc.integer({ min: 2, max: 5 }),
      groupsPerWard: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }),
      memberships: fc.array(
        fc.record({
          person: fc.integer({ min: 0, max: 6 }),
          ward: fc.nat(),
          start: fc.integer({ min: 2015, max: 2030 }),
          length: fc.option(fc.integer({ min: 1, max: 8 })),
        }),
        {
          maxLength: 20,
        },
      ),
    })
    .map(({ wards, groupsPerWard, memberships }) => {
      const s = emptyState();
      s.units.push({ id: 'd', kind: 'DISTRICT', name: 'Quận', validFrom: '2000-01-01', validTo: null });
      for (let w = 0; w < wards; w++) {
        s.units.push({ id: `w${w}`, kind: 'WARD', name: `Phường ${w}`, validFrom: '2000-01-01', validTo: null });
        s.unitCodes.push({ id: `c${w}`, unitId: `w${w}`, code: String(10000 + w), validFrom: '2000-01-01', validTo: null });
        s.unitParents.push({ id: `pw${w}`, unitId: `w${w}`, parentId: 'd', validFrom: '2000-01-01', validTo: null });
        s.organizations.push({ id: `pc${w}`, kind: 'WARD_PARTY_COMMITTEE', name: `Đảng ủy ${w}`, validFrom: '2000-01-01', validTo: null });
        s.organizationAreas.push({ id: `a${w}`, organizationId: `pc${w}`, unitId: `w${w}`, validFrom: '2000-01-01', validTo: null });
        for (let g = 0; g < (groupsPerWard[w] ?? 0); g++) {
          s.units.push({ id: `g${w}-${g}`, kind: 'RESIDENTIAL_GROUP', name: `TDP ${w}-${g}`, validFrom: '2000-01-01', validTo: null });
          s.unitParents.push({ id: `pg${w}-${g}`, unitId: `g${w}-${g}`, parentId: `w${w}`, validFrom: '2000-01-01', validTo: null });
        }
      }
      for (let p = 0; p < 7; p++) s.people.push({ id: `p${p}`, fullName: `Người ${p}`, sex: 'MALE', birthYear: 1970 });
      memberships.forEach((m, i) => {
        const from = `${m.start}-03-01`;
        s.memberships.push({
          id: `m${i}`,
          personId: `p${m.person}`,
          organizationId: `pc${m.ward % wards}`,
          role: 'COMMITTEE_MEMBER',
          validFrom: from,
          validTo: m.length === null ? null : `${m.start + m.length}-03-01`,
        });
      });
      return s;
    });
}

/** A random valid plan over such a state: merge two wards, or transfer some groups between wards. */
function arbitraryPlan(state: DomainState) {
  const wards = state.units.filter((u) => u.kind === 'WARD').map((u) => u.id);
  const groupsOf = (w: Id) => state.unitParents.filter((l) => l.parentId === w).map((l) => l.unitId);
  return fc
    .record({
      merge: fc.boolean(),
      a: fc.nat(),
      b: fc.nat(),
      year: fc.integer({ min: 2016, max: 2031 }),
      month: fc.integer({ min: 1, max: 12 }),
    })
    .map(({ merge, a, b, year, month }): ReorganisationPlan => {
      const wa = wards[a % wards.length] as Id;
      const others = wards.filter((w) => w !== wa);
      const wb = others[b % others.length] as Id;
      const effectiveOn = `${year}-${String(month).padStart(2, '0')}-01`;
      const committee = (w: Id) => `pc${w.slice(1)}`;
      if (merge) {
        const members = state.memberships.filter(
          (m) => (m.organizationId === committee(wa) || m.organizationId === committee(wb)) && isActiveOn(m, effectiveOn),
        );
        return basePlan({
          id: 'merge',
          kind: 'MERGE',
          effectiveOn,
          endUnits: [wa, wb],
          newUnits: [{ id: 'merged', kind: 'WARD', name: 'Phường mới', code: '99999', parentId: 'd' }],
          moveUnits: [...groupsOf(wa), ...groupsOf(wb)].map((unitId) => ({ unitId, toParentId: 'merged' })),
          endOrganizations: [committee(wa), committee(wb)],
          newOrganizations: [{ id: 'pc-merged', kind: 'WARD_PARTY_COMMITTEE', name: 'Đảng ủy mới', unitIds: ['merged'] }],
          moveMemberships: members.map((m) => ({ membershipId: m.id, toOrganizationId: 'pc-merged' })),
        });
      }
      const moving = groupsOf(wa).slice(0, 1 + (b % 2));
      return basePlan({
        id: 'transfer',
        kind: 'TRANSFER_PART',
        effectiveOn,
        moveUnits: moving.map((unitId) => ({ unitId, toParentId: wb })),
      });
    });
}

describe('applyReorganisation: laws', () => {
  const scenario = arbitraryState()
    .chain((state) => fc.tuple(fc.constant(state), arbitraryPlan(state)))
    .filter(([, plan]) => plan.moveUnits.length > 0 || plan.kind === 'MERGE');

  it('never loses or rewrites a record, and answers as before for every earlier date', () => {
    fc.assert(
      fc.property(scenario, ([state, plan]) => {
        const before = JSON.parse(JSON.stringify(state)) as DomainState;
        const result = applyReorganisation(state, plan);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const next = result.value.state;
        expect(state).toEqual(before); // the input is not mutated
        for (const table of Object.keys(state) as (keyof DomainState)[]) {
          const after = new Map((next[table] as { id: Id }[]).map((r) => [r.id, r]));
          for (const old of state[table] as Array<{ id: Id; validTo?: string | null }>) {
            const now = after.get(old.id) as { validTo?: string | null } | undefined;
            expect(now).toBeDefined();
            // Only the end date may change, and only to close the record on the effective date.
            expect({ ...now, validTo: old.validTo }).toEqual(old);
            if (now?.validTo !== old.validTo) expect(now?.validTo).toBe(plan.effectiveOn);
          }
        }
        const oldH = new PlaceHierarchy(state);
        const newH = new PlaceHierarchy(next);
        for (const date of [addDays(plan.effectiveOn, -1), '2010-06-15']) {
          for (const u of oldH.unitsOn(date)) {
            expect(newH.parentIdOf(u.id, date)).toBe(oldH.parentIdOf(u.id, date));
            expect(newH.codeOf(u.id, date)).toBe(oldH.codeOf(u.id, date));
            expect(newH.childrenOf(u.id, date).map((c) => c.id)).toEqual(oldH.childrenOf(u.id, date).map((c) => c.id));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never loses a membership: each one active on the day before continues, moves, or ends with its body', () => {
    fc.assert(
      fc.property(scenario, ([state, plan]) => {
        const result = applyReorganisation(state, plan);
        if (!result.ok) throw new Error(result.violations.map((v) => v.message.en).join('; '));
        const next = result.value.state;
        const on = plan.effectiveOn;
        const endedBodies = new Set(plan.endOrganizations ?? []);
        for (const m of state.memberships.filter((x) => isActiveOn(x, addDays(on, -1)) && isActiveOn(x, on))) {
          const continuing = next.memberships.some((x) => x.id === m.id && isActiveOn(x, on));
          const moved = next.memberships.some(
            (x) => x.id !== m.id && x.personId === m.personId && x.role === m.role && isActiveOn(x, on) && x.validFrom === on,
          );
          expect(continuing || moved || endedBodies.has(m.organizationId)).toBe(true);
          if (plan.moveMemberships?.some((x) => x.membershipId === m.id)) expect(moved).toBe(true);
        }
        // Every group still has exactly one parent on the effective date.
        for (const g of next.units.filter((u) => u.kind === 'RESIDENTIAL_GROUP')) {
          expect(next.unitParents.filter((l) => l.unitId === g.id && isActiveOn(l, on))).toHaveLength(1);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('applyReorganisation: bodies left behind', () => {
  function stateWithCell() {
    const state = longBienState2003();
    state.organizations.push(
      { id: 'wpc', kind: 'WARD_PARTY_COMMITTEE', name: 'Đảng ủy phường Bồ Đề', validFrom: '2004-01-01', validTo: null },
      { id: 'cell', kind: 'PARTY_CELL', name: 'Chi bộ TDP 1 Bồ Đề', validFrom: '2004-01-01', validTo: null },
      { id: 'cell-2', kind: 'PARTY_CELL', name: 'Chi bộ TDP 2 Bồ Đề', validFrom: '2004-01-01', validTo: null },
    );
    state.organizationParents.push({ id: 'op', organizationId: 'cell', parentId: 'wpc', validFrom: '2004-01-01', validTo: null });
    state.people.push({ id: 'p', fullName: 'Lý Thị Hoa', sex: 'FEMALE', birthYear: 1972 });
    state.partyMemberships.push({
      id: 'pm',
      personId: 'p',
      status: 'OFFICIAL',
      homeCellId: 'cell',
      validFrom: '2000-01-01',
      validTo: null,
    });
    return state;
  }

  it('refuses to dissolve a parent body while a sub-organisation still sits under it', () => {
    const result = applyReorganisation(
      stateWithCell(),
      basePlan({
        kind: 'RESTRUCTURE',
        endUnits: [],
        moveUnits: [{ unitId: groupId('bo-de', 1), toParentId: oldWardId('gia-thuy') }],
        endOrganizations: ['wpc'],
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.violations).toContainEqual(expect.objectContaining({ path: ['moveOrganizations'] }));
  });

  it('refuses to dissolve a cell whose party members are not transferred, and accepts the transfer', () => {
    const plan = basePlan({
      kind: 'RESTRUCTURE',
      moveUnits: [{ unitId: groupId('bo-de', 1), toParentId: oldWardId('gia-thuy') }],
      endOrganizations: ['cell'],
    });
    const refused = applyReorganisation(stateWithCell(), plan);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.violations).toContainEqual(expect.objectContaining({ path: ['movePartyCells'] }));
    const accepted = applyReorganisation(stateWithCell(), { ...plan, movePartyCells: [{ fromCellId: 'cell', toCellId: 'cell-2' }] });
    expect(accepted.ok).toBe(true);
    if (accepted.ok) {
      const active = accepted.value.state.partyMemberships.filter((m) => isActiveOn(m, '2024-01-01'));
      expect(active).toMatchObject([{ personId: 'p', homeCellId: 'cell-2' }]);
    }
  });
});
