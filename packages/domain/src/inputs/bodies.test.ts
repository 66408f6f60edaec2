import { describe, expect, it } from 'vitest';
import { createOrganizationInput, createOrganizationParentInput, updateOrganizationInput } from './index.js';
import { parseInput } from './parse-input.js';
import { codesAt, parsedValue, violationsOf } from './test-support/expect-result.js';

const base = { name: 'Tổ chức', validFrom: '2020-01-01' };

describe('createOrganizationInput', () => {
  it.each([
    [{ kind: 'MASS_ORGANIZATION_BRANCH', massOrganization: 'WOMENS_UNION' }, []],
    [{ kind: 'MASS_ORGANIZATION_BRANCH' }, ['REQUIRED_FIELD@massOrganization']],
    [{ kind: 'MASS_ORGANIZATION_BRANCH', massOrganization: null }, ['REQUIRED_FIELD@massOrganization']],
    [{ kind: 'PARTY_CELL', massOrganization: 'YOUTH_UNION' }, ['INVALID_VALUE@massOrganization']],
    [{ kind: 'MASS_ORGANIZATION_BRANCH', massOrganization: 'CHESS_CLUB' }, ['INVALID_VALUE@massOrganization']],
    [{ kind: 'MANAGEMENT_BOARD', buildingId: 'mipec' }, []],
    [{ kind: 'MANAGEMENT_BOARD', complexId: 'viet-hung' }, []],
    [{ kind: 'MANAGEMENT_BOARD' }, ['REQUIRED_FIELD@buildingId']],
    [{ kind: 'MANAGEMENT_BOARD', buildingId: ' ', complexId: '' }, ['REQUIRED_FIELD@buildingId']],
    [{ kind: 'MANAGEMENT_BOARD', buildingId: 'mipec', complexId: 'viet-hung' }, ['INVALID_VALUE@complexId']],
    [{ kind: 'PARTY_CELL', buildingId: 'mipec' }, ['INVALID_VALUE@buildingId']],
    [{ kind: 'PEOPLES_COMMITTEE', buildingId: 'mipec', complexId: 'viet-hung' }, ['INVALID_VALUE@buildingId', 'INVALID_VALUE@complexId']],
  ])('%j → %j', (fields, expected) => {
    const result = parseInput(createOrganizationInput, { ...base, ...fields });
    expect(result.ok ? [] : codesAt(result.violations)).toEqual(expected);
  });

  it('explains what a board needs', () => {
    const [v] = violationsOf(parseInput(createOrganizationInput, { ...base, kind: 'MANAGEMENT_BOARD' }));
    expect(v?.message.vi).toBe('Ban quản trị phải có nhà chung cư hoặc cụm nhà chung cư mà ban quản lý.');
  });
});

describe('updateOrganizationInput', () => {
  it('does not require what the patch does not touch', () => {
    expect(parsedValue(parseInput(updateOrganizationInput, { id: 'o', version: 2, kind: 'MANAGEMENT_BOARD' }))).toEqual({
      id: 'o',
      version: 2,
      kind: 'MANAGEMENT_BOARD',
    });
  });

  it('still refuses what the patch contradicts', () => {
    expect(
      codesAt(
        violationsOf(parseInput(updateOrganizationInput, { id: 'o', version: 2, kind: 'PARTY_CELL', massOrganization: 'YOUTH_UNION' })),
      ),
    ).toEqual(['INVALID_VALUE@massOrganization']);
  });
});

describe('createOrganizationParentInput', () => {
  it('refuses a body as its own parent', () => {
    expect(
      codesAt(violationsOf(parseInput(createOrganizationParentInput, { organizationId: 'c', parentId: 'c', validFrom: '2020-01-01' }))),
    ).toEqual(['INVALID_VALUE@parentId']);
  });
});
