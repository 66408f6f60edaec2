import { describe, expect, it } from 'vitest';
import { globalId, namedReferences, referencedIds, referenceName, referenceOf, referenceType } from './history-references';

const UNIT = '034d0609-1f7e-4a3b-9c1d-2e3f4a5b6c7d';
const ORG = '0b7c9a52-1f7e-4a3b-9c1d-2e3f4a5b6c7d';
const PERSON = '7a1e3c44-5b6d-4e8f-9a0b-1c2d3e4f5a6b';
const BUILDING = 'c0ffee00-1234-4abc-8def-0123456789ab';

describe('referenceType', () => {
  it('names the record type a field holding an id points to', () => {
    expect(referenceType('residenceUnitId')).toBe('AdministrativeUnit');
    expect(referenceType('residentialGroupId')).toBe('AdministrativeUnit');
    expect(referenceType('unitIds')).toBe('AdministrativeUnit');
    expect(referenceType('scopeUnitId')).toBe('AdministrativeUnit');
    expect(referenceType('organizationId')).toBe('Organization');
    expect(referenceType('boardId')).toBe('Organization');
    expect(referenceType('personId')).toBe('Person');
    expect(referenceType('buildingId')).toBe('ApartmentBuilding');
    expect(referenceType('complexId')).toBe('ApartmentComplex');
  });

  it("reads parentId as a unit's parent unit, or a body's parent body", () => {
    expect(referenceType('parentId', 'AdministrativeUnit')).toBe('AdministrativeUnit');
    expect(referenceType('parentId', 'UnitParent')).toBe('AdministrativeUnit');
    expect(referenceType('parentId', 'Organization')).toBe('Organization');
    expect(referenceType('parentId', 'OrganizationParent')).toBe('Organization');
  });

  it('leaves other fields alone', () => {
    expect(referenceType('fullName')).toBeNull();
    expect(referenceType('citizenId')).toBeNull();
    expect(referenceType('boardChangeId')).toBeNull();
    expect(referenceType('id')).toBeNull();
  });
});

describe('globalId', () => {
  it('encodes "Type:uuid" in base64 with padding, as the server does (Pothos relay, Buffer)', () => {
    // Made by the server's encoding: Buffer.from(`${type}:${uuid}`).toString('base64').
    expect(globalId('AdministrativeUnit', UNIT)).toBe('QWRtaW5pc3RyYXRpdmVVbml0OjAzNGQwNjA5LTFmN2UtNGEzYi05YzFkLTJlM2Y0YTViNmM3ZA==');
    expect(globalId('Person', PERSON)).toBe('UGVyc29uOjdhMWUzYzQ0LTViNmQtNGU4Zi05YTBiLTFjMmQzZTRmNWE2Yg==');
    expect(atob(globalId('Organization', ORG))).toBe(`Organization:${ORG}`);
  });
});

describe('referenceOf', () => {
  it("gives a referencing field's UUID value its type and global id", () => {
    expect(referenceOf('residenceUnitId', 'Person', UNIT)).toEqual({
      type: 'AdministrativeUnit',
      id: globalId('AdministrativeUnit', UNIT),
    });
    expect(referenceOf('residenceUnitId', 'Person', UNIT.toUpperCase())?.id).toBe(globalId('AdministrativeUnit', UNIT));
  });

  it('ignores values that are no database id, and fields that hold none', () => {
    expect(referenceOf('residenceUnitId', 'Person', null)).toBeNull();
    expect(referenceOf('residenceUnitId', 'Person', 'not-an-id')).toBeNull();
    expect(referenceOf('residenceUnitId', 'Person', 42)).toBeNull();
    expect(referenceOf('note', 'Person', UNIT)).toBeNull();
  });
});

describe('referencedIds', () => {
  it('collects the ids the shown changes point to, each once, in order', () => {
    const entries = [
      { entityType: 'Person', before: null, after: { id: PERSON, fullName: 'Phạm Thị Hoa', residenceUnitId: UNIT } },
      { entityType: 'Person', before: { residenceUnitId: UNIT }, after: { residenceUnitId: UNIT, phone: '0912345678' } },
      { entityType: 'Organization', before: null, after: { name: 'BQT', buildingId: BUILDING, parentId: ORG, unitIds: [UNIT] } },
      { entityType: 'Membership', before: { personId: PERSON }, after: { personId: null } },
    ];
    expect(referencedIds(entries)).toEqual([
      globalId('AdministrativeUnit', UNIT),
      globalId('ApartmentBuilding', BUILDING),
      globalId('Organization', ORG),
      globalId('Person', PERSON),
    ]);
  });

  it('skips unchanged fields, the record itself and entries without values', () => {
    expect(
      referencedIds([
        { entityType: 'Person', before: { id: PERSON, residenceUnitId: UNIT }, after: { id: PERSON, residenceUnitId: UNIT } },
      ]),
    ).toEqual([]);
    expect(referencedIds([{ entityType: 'Person' }, {}])).toEqual([]);
  });
});

describe('referenceName and namedReferences', () => {
  it('names units with their kind, people by full name, others by name or title', () => {
    expect(referenceName({ __typename: 'AdministrativeUnit', id: 'u', name: 'Giang Biên', kindLabel: 'Phường' })).toBe('Phường Giang Biên');
    expect(referenceName({ __typename: 'AdministrativeUnit', id: 'u', name: 'Tổ dân phố số 5', kindLabel: 'Tổ dân phố' })).toBe(
      'Tổ dân phố số 5',
    );
    expect(referenceName({ __typename: 'Person', id: 'p', fullName: 'Phạm Thu Hoa' })).toBe('Phạm Thu Hoa');
    expect(referenceName({ __typename: 'Organization', id: 'o', name: 'Chi bộ 1' })).toBe('Chi bộ 1');
    expect(referenceName({ __typename: 'Directive', id: 'd', title: 'Chỉ thị 25' })).toBe('Chỉ thị 25');
    expect(referenceName({ __typename: 'Account', id: 'a' })).toBeNull();
  });

  it('maps what nodes returned by id; missing or refused records (null) are left out', () => {
    const unit = globalId('AdministrativeUnit', UNIT);
    const person = globalId('Person', PERSON);
    const named = namedReferences([
      { __typename: 'AdministrativeUnit', id: unit, name: 'Tổ dân phố số 5', kindLabel: 'Tổ dân phố' },
      null,
      undefined,
    ]);
    expect([...named.entries()]).toEqual([[unit, { type: 'AdministrativeUnit', id: unit, name: 'Tổ dân phố số 5' }]]);
    expect(named.has(person)).toBe(false);
    expect(namedReferences(undefined).size).toBe(0);
  });
});
