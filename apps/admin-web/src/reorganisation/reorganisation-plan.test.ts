import { parseInput, recordReorganisationInput, type UnitKind } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_NEW_UNIT,
  formFieldFor,
  mergeContextOf,
  NEW_UNIT_REF,
  type ReorganisationFormValues,
  reorganisationViolations,
  toRecordReorganisationInput,
} from './reorganisation-plan';

const KINDS: Record<string, UnitKind> = {
  hanoi: 'PROVINCE',
  'viet-hung': 'WARD',
  'phuc-loi': 'WARD',
  'group-1': 'RESIDENTIAL_GROUP',
  'group-2': 'RESIDENTIAL_GROUP',
};
const kindOf = (id: string) => KINDS[id];

const move: ReorganisationFormValues = {
  mode: 'move',
  effectiveOn: '2026-12-01',
  legalBasis: ' Nghị quyết 12/NQ-HĐND ',
  note: '',
  fromParentId: 'viet-hung',
  unitIds: ['group-1'],
  newUnit: EMPTY_NEW_UNIT,
  toParentId: 'phuc-loi',
};

const merge: ReorganisationFormValues = {
  ...move,
  mode: 'merge',
  unitIds: ['group-1', 'group-2'],
  toParentId: null,
  note: 'Nhập hai tổ',
  newUnit: { name: 'Tổ dân phố số 1A', kind: 'RESIDENTIAL_GROUP', kindLabel: 'Tổ dân phố', code: '', parentId: 'viet-hung' },
};

const codes = (values: ReorganisationFormValues) => reorganisationViolations(values, kindOf).map((v) => `${v.code}@${v.path.join('.')}`);

describe('the mutation input', () => {
  it('moves the chosen places under the new parent: a transfer of part', () => {
    expect(toRecordReorganisationInput(move, { childIds: [], areas: [] })).toEqual({
      kind: 'TRANSFER_PART',
      effectiveOn: '2026-12-01',
      legalBasis: 'Nghị quyết 12/NQ-HĐND',
      note: null,
      moveUnits: [{ unitId: 'group-1', toParentId: 'phuc-loi' }],
    });
  });

  it('ends the merged places, starts the new one and moves their children and bodies to it', () => {
    const input = toRecordReorganisationInput(merge, {
      childIds: ['x', 'group-2'],
      areas: [
        { organizationId: 'cell-1', unitId: 'group-1' },
        { organizationId: 'cell-2', unitId: 'group-2' },
      ],
    });
    expect(input).toEqual({
      kind: 'MERGE',
      effectiveOn: '2026-12-01',
      legalBasis: 'Nghị quyết 12/NQ-HĐND',
      note: 'Nhập hai tổ',
      endUnitIds: ['group-1', 'group-2'],
      newUnits: [
        {
          ref: NEW_UNIT_REF,
          kind: 'RESIDENTIAL_GROUP',
          name: 'Tổ dân phố số 1A',
          kindLabel: 'Tổ dân phố',
          code: null,
          parentId: 'viet-hung',
        },
      ],
      // A child that is itself merged is ended, not moved.
      moveUnits: [{ unitId: 'x', toParentId: NEW_UNIT_REF }],
      moveOrganizationAreas: [
        { organizationId: 'cell-1', fromUnitId: 'group-1', toUnitId: NEW_UNIT_REF },
        { organizationId: 'cell-2', fromUnitId: 'group-2', toUnitId: NEW_UNIT_REF },
      ],
    });
  });

  it('records one place ended and succeeded as a rename', () => {
    expect(toRecordReorganisationInput({ ...merge, unitIds: ['group-1'] }, { childIds: [], areas: [] }).kind).toBe('RENAME');
  });

  it('reads the children and bodies of the merged places from the server answer', () => {
    expect(
      mergeContextOf([
        { __typename: 'AdministrativeUnit', id: 'w1', children: { nodes: [{ id: 'g1' }] }, organizations: [{ id: 'o1' }] },
        null,
        { __typename: 'Organization' },
      ]),
    ).toEqual({ childIds: ['g1'], areas: [{ organizationId: 'o1', unitId: 'w1' }] });
  });
});

describe('checks as the user types', () => {
  it('accepts a complete move and a complete merge', () => {
    expect(codes(move)).toEqual([]);
    expect(codes(merge)).toEqual([]);
  });

  it('asks for the date, the legal basis, the places and the new parent', () => {
    expect(codes({ ...move, effectiveOn: null, legalBasis: '  ', unitIds: [], toParentId: null })).toEqual([
      'REQUIRED_FIELD@effectiveOn',
      'REQUIRED_FIELD@legalBasis',
      'REQUIRED_FIELD@unitIds',
      'REQUIRED_FIELD@toParentId',
    ]);
  });

  it('refuses a move to the same parent or to a parent of the wrong level', () => {
    expect(codes({ ...move, toParentId: 'viet-hung' })).toEqual(['INVALID_VALUE@toParentId']);
    expect(codes({ ...move, toParentId: 'hanoi' })).toEqual(['UNIT_PARENT_KIND@toParentId']);
  });

  it("checks the new place with the domain's input schema: name, kind, code shape", () => {
    const result = reorganisationViolations({ ...merge, newUnit: { ...merge.newUnit, name: ' ', kind: 'WARD', code: '123' } }, kindOf);
    expect(result.map((v) => `${v.code}@${v.path.join('.')}`)).toEqual([
      'REQUIRED_FIELD@newUnit.name',
      'ADMIN_CODE_FORMAT@newUnit.code',
      'UNIT_PARENT_KIND@newUnit.parentId',
    ]);
    expect(result[1]?.message.vi).toContain('5 chữ số');
  });

  it('refuses a new place placed under one of the places it replaces', () => {
    expect(codes({ ...merge, newUnit: { ...merge.newUnit, parentId: 'group-1' } })).toContain('INVALID_VALUE@newUnit.parentId');
  });

  it('tells an impossible date from a missing one', () => {
    expect(codes({ ...move, effectiveOn: '2026-02-30' })).toEqual(['DATE_FORMAT@effectiveOn']);
  });

  it("reports on its fields every problem the server's first check (the domain's recordReorganisationInput) finds in what it would send", () => {
    const cases: ReorganisationFormValues[] = [
      { ...move, effectiveOn: null, legalBasis: ' ' },
      { ...move, fromParentId: 'hanoi', unitIds: ['viet-hung', 'phuc-loi'], toParentId: 'viet-hung' },
      { ...move, unitIds: [] },
      { ...merge, newUnit: { ...merge.newUnit, name: '', kind: 'WARD', code: '1' } },
      { ...merge, newUnit: { ...merge.newUnit, parentId: 'group-2', code: '05' } },
    ];
    for (const values of cases) {
      const server = parseInput(recordReorganisationInput, toRecordReorganisationInput(values, { childIds: [], areas: [] }));
      expect(server.ok).toBe(false);
      if (server.ok) continue;
      const onForm = new Set(reorganisationViolations(values, kindOf).map((v) => v.path.join('.')));
      for (const v of server.violations) {
        const field = v.path.length === 0 ? ['unitIds'] : formFieldFor(values.mode)([...v.path]);
        expect(onForm, `${v.code}@${v.path.join('.')}`).toContain(field?.join('.'));
      }
    }
  });

  it("keeps the form's own wording where it has one, and the domain's messages elsewhere", () => {
    const [parentEnds] = reorganisationViolations({ ...merge, newUnit: { ...merge.newUnit, parentId: 'group-1' } }, kindOf);
    expect(parentEnds?.message.vi).toBe('Đơn vị cấp trên của đơn vị mới không được là một trong các đơn vị bị nhập.');
    const [self] = reorganisationViolations(
      { ...move, fromParentId: 'hanoi', unitIds: ['phuc-loi', 'viet-hung'], toParentId: 'viet-hung' },
      kindOf,
    );
    expect(self).toEqual({
      code: 'INVALID_VALUE',
      path: ['toParentId'],
      message: {
        vi: 'Cấp trên mới không được trùng với đơn vị hành chính.',
        en: 'New parent must not be the same as the administrative unit.',
      },
    });
  });
});

describe('server violations on the form', () => {
  it('puts plan paths on the fields they concern, and the rest above the buttons', () => {
    const forMove = formFieldFor('move');
    expect(forMove(['moveUnits', 0, 'toParentId'])).toEqual(['toParentId']);
    expect(forMove(['moveUnits', 2, 'unitId'])).toEqual(['unitIds']);
    expect(forMove(['legalBasis'])).toEqual(['legalBasis']);
    const forMerge = formFieldFor('merge');
    expect(forMerge(['endUnits', 1])).toEqual(['unitIds']);
    expect(forMerge(['newUnits', 0, 'code'])).toEqual(['newUnit', 'code']);
    expect(forMerge(['moveUnits', 0, 'toParentId'])).toBeNull();
    expect(forMerge(['moveOrganizationAreas'])).toBeNull();
    // A merged group that still has apartment buildings is refused at its entry among the places merged.
    expect(forMerge(['endUnits', 0])).toEqual(['unitIds']);
    expect(forMerge(['endUnitIds', 1])).toEqual(['unitIds']);
  });
});
