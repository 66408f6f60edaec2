import { describe, expect, it } from 'vitest';
import type { ReorganisationPlan } from '../hierarchy/reorganise.js';
import { abolitionOfDistricts2025, SAI_DONG_DISSOLUTION } from '../testing/long-bien-history.js';
import { type RecordReorganisationInput, recordReorganisationInput } from './index.js';
import { parseInput } from './parse-input.js';
import { codesAt, parsedValue, violationsOf } from './test-support/expect-result.js';

/** Two wards merged into a new one under Hà Nội, with everything that hangs on them. */
const merge = {
  kind: 'RESTRUCTURE',
  effectiveOn: '2025-07-01',
  legalBasis: ' Nghị quyết  1656/NQ-UBTVQH15 ',
  endUnitIds: ['ward-a', 'ward-b'],
  newUnits: [{ ref: 'new-ward', kind: 'WARD', name: 'Bồ Đề', kindLabel: 'Phường', code: '00118', parentId: 'hanoi' }],
  moveUnits: [
    { unitId: 'group-1', toParentId: 'new-ward' },
    { unitId: 'group-2', toParentId: 'new-ward' },
  ],
  endOrganizationIds: ['pc-a', 'pc-b'],
  newOrganizations: [
    { ref: 'new-pc', kind: 'WARD_PARTY_COMMITTEE', name: 'Đảng ủy phường Bồ Đề', parentId: 'city-pc', unitIds: ['new-ward'] },
  ],
  moveOrganizationAreas: [{ organizationId: 'front-a', fromUnitId: 'ward-a', toUnitId: 'new-ward' }],
  moveOrganizations: [{ organizationId: 'cell-1', toParentId: 'new-pc' }],
  moveMemberships: [{ membershipId: 'm-1', toOrganizationId: 'new-pc' }],
  movePartyCells: [{ fromCellId: 'cell-old', toCellId: 'cell-1' }],
};

const violations = (input: unknown) => violationsOf(parseInput(recordReorganisationInput, input));
const codes = (input: unknown) => codesAt(violations(input));

/** A domain plan as a client would send it (the shape of the schema tests' `toInput`). */
function asInput(plan: ReorganisationPlan) {
  return {
    kind: plan.kind,
    effectiveOn: plan.effectiveOn,
    legalBasis: plan.legalBasis,
    note: plan.note,
    endUnitIds: plan.endUnits,
    newUnits: plan.newUnits.map(({ id, ...u }) => ({ ref: id, ...u })),
    moveUnits: plan.moveUnits,
  };
}

describe('recordReorganisationInput', () => {
  it('parses a whole restructuring, normalising text and filling left-out lists with []', () => {
    const value: RecordReorganisationInput = parsedValue(parseInput(recordReorganisationInput, merge));
    expect(value.legalBasis).toBe('Nghị quyết 1656/NQ-UBTVQH15');
    expect(value.newUnits).toEqual([merge.newUnits[0]]);
    const minimal = parsedValue(
      parseInput(recordReorganisationInput, { ...merge, note: null, endUnitIds: null, newUnits: undefined, endOrganizationIds: [] }),
    );
    expect(minimal).toMatchObject({ note: null, endUnitIds: [], newUnits: [], endOrganizationIds: [] });
  });

  it('accepts the real 2025 reorganisations of Long Biên as clients send them', () => {
    for (const plan of [SAI_DONG_DISSOLUTION, abolitionOfDistricts2025()]) {
      expect(parseInput(recordReorganisationInput, asInput(plan)).ok).toBe(true);
    }
  });

  it('treats a blank or null kind label and code as none (what a form sends)', () => {
    const value = parsedValue(
      parseInput(recordReorganisationInput, { ...merge, newUnits: [{ ...merge.newUnits[0], kindLabel: null, code: '  ' }] }),
    );
    expect(value.newUnits[0]).toEqual({
      ref: 'new-ward',
      kind: 'WARD',
      name: 'Bồ Đề',
      kindLabel: undefined,
      code: null,
      parentId: 'hanoi',
    });
  });

  it('refuses a plan that changes nothing, at the input as a whole', () => {
    const problems = violations({ kind: 'TRANSFER_PART', effectiveOn: '2026-12-01', legalBasis: 'NQ 1', moveUnits: [] });
    expect(codesAt(problems)).toEqual(['INVALID_VALUE@']);
    expect(problems[0]?.message.vi).toBe(
      'Phương án sắp xếp cần ít nhất một thay đổi: kết thúc, thành lập hoặc chuyển đơn vị, tổ chức, chức vụ hay đảng viên.',
    );
  });

  it('reports missing and malformed fields at the paths the web form maps (newUnits.0.code, moveUnits.i.toParentId)', () => {
    const problems = violations({
      kind: 'MERGE',
      effectiveOn: null,
      legalBasis: ' ',
      endUnitIds: ['group-1', 'group-2'],
      newUnits: [{ ref: 'new-unit', kind: 'WARD', name: ' ', code: '123', parentId: 'viet-hung' }],
      moveUnits: [{ unitId: 'x', toParentId: '' }],
    });
    expect(codesAt(problems)).toEqual([
      'REQUIRED_FIELD@effectiveOn',
      'REQUIRED_FIELD@legalBasis',
      'REQUIRED_FIELD@newUnits.0.name',
      'ADMIN_CODE_FORMAT@newUnits.0.code',
      'REQUIRED_FIELD@moveUnits.0.toParentId',
    ]);
    expect(problems[0]?.message).toEqual({ vi: 'Ngày hiệu lực là bắt buộc.', en: 'Effective date is required.' });
    expect(problems[2]?.message.vi).toBe('Tên (Đơn vị mới thứ 1) không được để trống.');
    expect(problems[3]?.message.vi).toContain('5 chữ số');
    expect(problems[4]?.message.en).toBe('New parent (Unit moved #1) must not be empty.');
  });

  it('checks a new residential group has no code, and a ward a 5-digit one', () => {
    const group = { ...merge.newUnits[0], kind: 'RESIDENTIAL_GROUP', code: '05' };
    expect(codes({ ...merge, newUnits: [group] })).toEqual(['ADMIN_CODE_FORMAT@newUnits.0.code']);
  });

  it('refuses a unit both ended and moved', () => {
    const problems = violations({ ...merge, moveUnits: [...merge.moveUnits, { unitId: 'ward-b', toParentId: 'hanoi' }] });
    expect(codesAt(problems)).toEqual(['INVALID_VALUE@moveUnits.2.unitId']);
    expect(problems[0]?.message.vi).toBe(
      'Đơn vị hành chính (Chuyển đơn vị thứ 3) cũng nằm trong danh sách đơn vị kết thúc: đơn vị kết thúc thì không chuyển, chỉ các đơn vị trực thuộc của nó được chuyển đi.',
    );
    expect(codes({ ...merge, moveOrganizations: [{ organizationId: 'pc-a', toParentId: 'city-pc' }] })).toEqual([
      'INVALID_VALUE@moveOrganizations.0.organizationId',
    ]);
  });

  it('refuses anything listed twice, naming the entry it repeats', () => {
    const problems = violations({
      ...merge,
      endUnitIds: ['ward-a', 'ward-b', ' ward-a '],
      newUnits: [...merge.newUnits, { ...merge.newUnits[0], name: 'Long Biên' }],
      moveUnits: [...merge.moveUnits, { unitId: 'group-1', toParentId: 'hanoi-2' }],
      endOrganizationIds: ['pc-a', 'pc-a'],
      newOrganizations: [{ ...merge.newOrganizations[0], unitIds: ['new-ward', 'new-ward'] }, merge.newOrganizations[0]],
      moveOrganizationAreas: [...merge.moveOrganizationAreas, { organizationId: 'front-a', fromUnitId: 'ward-a', toUnitId: 'hanoi' }],
      moveMemberships: [...merge.moveMemberships, { membershipId: 'm-1', toOrganizationId: 'cell-1' }],
      movePartyCells: [...merge.movePartyCells, { fromCellId: 'cell-old', toCellId: 'cell-2' }],
    });
    expect(codesAt(problems)).toEqual([
      'INVALID_VALUE@newUnits.1.ref',
      'INVALID_VALUE@newOrganizations.1.ref',
      'INVALID_VALUE@endUnitIds.2',
      'INVALID_VALUE@moveUnits.2.unitId',
      'INVALID_VALUE@newUnits.1.code',
      'INVALID_VALUE@endOrganizationIds.1',
      'INVALID_VALUE@moveMemberships.1.membershipId',
      'INVALID_VALUE@movePartyCells.1.fromCellId',
      'INVALID_VALUE@moveOrganizationAreas.1.fromUnitId',
      'INVALID_VALUE@newOrganizations.0.unitIds.1',
    ]);
    expect(problems[2]?.message).toEqual({
      vi: 'Đơn vị kết thúc thứ 3 trùng với đơn vị kết thúc thứ 1: mỗi đơn vị chỉ kết thúc một lần.',
      en: 'Unit ended #3 repeats unit ended #1: each unit ends once.',
    });
  });

  it('refuses a ref naming both a new unit and a new body, and a unit ref where a body goes', () => {
    expect(
      codes({
        ...merge,
        newOrganizations: [{ ...merge.newOrganizations[0], ref: 'new-ward', unitIds: ['group-1'] }],
        moveOrganizationAreas: [],
      }),
    ).toEqual([
      'INVALID_VALUE@newOrganizations.0.ref',
      // The moves to "new-ward" now point at a body, as far as the plan can tell.
      'INVALID_VALUE@moveUnits.0.toParentId',
      'INVALID_VALUE@moveUnits.1.toParentId',
    ]);
    expect(violations({ ...merge, moveMemberships: [{ membershipId: 'm-1', toOrganizationId: 'new-ward' }] })[0]?.message).toEqual({
      vi: 'Tổ chức chuyển đến (Chuyển chức vụ thứ 1) phải là một tổ chức; "new-ward" là đơn vị hành chính mới của phương án.',
      en: 'Body moved to (Membership moved #1) must be a body; "new-ward" is a new administrative unit of the plan.',
    });
  });

  it('refuses to place or move anything under or to what the same plan ends', () => {
    expect(
      codes({
        ...merge,
        newUnits: [{ ...merge.newUnits[0], parentId: 'ward-a' }],
        moveUnits: [{ unitId: 'group-1', toParentId: 'ward-b' }],
        newOrganizations: [{ ...merge.newOrganizations[0], parentId: 'pc-a', unitIds: ['ward-a'] }],
        moveOrganizationAreas: [{ organizationId: 'front-a', fromUnitId: 'ward-a', toUnitId: 'ward-b' }],
        moveOrganizations: [{ organizationId: 'cell-1', toParentId: 'pc-b' }],
        moveMemberships: [{ membershipId: 'm-1', toOrganizationId: 'pc-a' }],
        movePartyCells: [{ fromCellId: 'cell-old', toCellId: 'pc-b' }],
      }),
    ).toEqual([
      'INVALID_VALUE@newUnits.0.parentId',
      'INVALID_VALUE@moveUnits.0.toParentId',
      'INVALID_VALUE@newOrganizations.0.unitIds.0',
      'INVALID_VALUE@moveOrganizationAreas.0.toUnitId',
      'INVALID_VALUE@newOrganizations.0.parentId',
      'INVALID_VALUE@moveOrganizations.0.toParentId',
      'INVALID_VALUE@moveMemberships.0.toOrganizationId',
      'INVALID_VALUE@movePartyCells.0.toCellId',
    ]);
    expect(violations({ ...merge, newUnits: [{ ...merge.newUnits[0], parentId: 'ward-a' }] })[0]?.message.vi).toBe(
      'Đơn vị cấp trên (Đơn vị mới thứ 1) là một đơn vị kết thúc trong chính phương án này: không đơn vị, tổ chức nào được đặt dưới hay chuyển đến đơn vị đã kết thúc.',
    );
  });

  it('refuses a unit or body moved under itself', () => {
    expect(
      codes({
        ...merge,
        newUnits: [{ ...merge.newUnits[0], parentId: 'new-ward' }],
        moveUnits: [{ unitId: 'group-1', toParentId: 'group-1' }],
        moveOrganizationAreas: [{ organizationId: 'front-a', fromUnitId: 'ward-c', toUnitId: 'ward-c' }],
        movePartyCells: [{ fromCellId: 'cell-1', toCellId: 'cell-1' }],
      }),
    ).toEqual([
      'INVALID_VALUE@newUnits.0.parentId',
      'INVALID_VALUE@moveUnits.0.toParentId',
      'INVALID_VALUE@moveOrganizationAreas.0.toUnitId',
      'INVALID_VALUE@movePartyCells.0.toCellId',
    ]);
  });

  it('takes the ref of a new unit only where a unit of the plan can stand (a parent, a place served), not where an existing one must', () => {
    const problems = violations({
      ...merge,
      endUnitIds: [...merge.endUnitIds, 'new-ward'],
      moveUnits: [{ unitId: 'new-ward', toParentId: 'hanoi' }],
      endOrganizationIds: ['new-pc'],
    });
    expect(codesAt(problems)).toEqual([
      'INVALID_VALUE@endUnitIds.2',
      'INVALID_VALUE@moveUnits.0.unitId',
      'INVALID_VALUE@endOrganizationIds.0',
    ]);
    expect(problems[0]?.message.en).toBe('Unit ended #3 must be an existing unit, not "new-ward", a new unit of this same plan.');
  });

  it('lists every problem at once, field errors first', () => {
    expect(codes({ kind: 'MERGER', effectiveOn: '2025-02-30', legalBasis: 'NQ', moveUnits: [{ unitId: 'g', toParentId: 'g' }] })).toEqual([
      'INVALID_VALUE@kind',
      'DATE_FORMAT@effectiveOn',
      'INVALID_VALUE@moveUnits.0.toParentId',
    ]);
  });
});
