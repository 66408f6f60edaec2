import { describe, expect, it } from 'vitest';
import { createApartmentBuildingInput, createApartmentInput, updateApartmentBuildingInput } from './index.js';
import { parseInput } from './parse-input.js';
import { codesAt, parsedValue, violationsOf } from './test-support/expect-result.js';

const building = {
  name: 'Chung cư Mipec Long Biên',
  residentialGroupId: 'tdp-5',
  apartmentCount: 312,
  blockCount: 2,
  multipleOwners: true,
  validFrom: '2015-12-01',
};

describe('createApartmentBuildingInput', () => {
  it.each([
    [{ apartmentCount: 0, blockCount: 0 }, []],
    [{ apartmentCount: -1 }, ['INVALID_VALUE@apartmentCount']],
    [{ blockCount: 1.5 }, ['INVALID_VALUE@blockCount']],
    [{ apartmentCount: '312' }, ['INVALID_VALUE@apartmentCount']],
    [{ multipleOwners: 'yes' }, ['INVALID_VALUE@multipleOwners']],
    [{ handoverStartedOn: '2016-01-10', halfHandedOverOn: '2016-01-10' }, []],
    [{ handoverStartedOn: '2016-01-10', halfHandedOverOn: '2016-01-09' }, ['INVALID_VALUE@halfHandedOverOn']],
    [{ firstConferenceOn: '2016-02-31' }, ['DATE_FORMAT@firstConferenceOn']],
  ])('%j → %j', (fields, expected) => {
    const result = parseInput(createApartmentBuildingInput, { ...building, ...fields });
    expect(result.ok ? [] : codesAt(result.violations)).toEqual(expected);
  });

  it('says a negative count must be at least 0', () => {
    const [v] = violationsOf(parseInput(createApartmentBuildingInput, { ...building, apartmentCount: -1 }));
    expect(v?.message).toEqual({
      vi: 'Số căn hộ phải ít nhất là 0 (nhận được -1).',
      en: 'Number of apartments must be at least 0 (got -1).',
    });
  });

  it('normalises the address and drops a blank one', () => {
    expect(parsedValue(parseInput(createApartmentBuildingInput, { ...building, address: ' Số 2  Long Biên 2 ' })).address).toBe(
      'Số 2 Long Biên 2',
    );
    expect(parsedValue(parseInput(createApartmentBuildingInput, { ...building, address: '  ' })).address).toBeNull();
  });
});

describe('updateApartmentBuildingInput', () => {
  it('accepts a count change alone', () => {
    expect(parsedValue(parseInput(updateApartmentBuildingInput, { id: 'b', version: 7, apartmentCount: 320 }))).toEqual({
      id: 'b',
      version: 7,
      apartmentCount: 320,
    });
  });
});

describe('createApartmentInput', () => {
  it('needs a non-empty apartment number', () => {
    const [v] = violationsOf(parseInput(createApartmentInput, { buildingId: 'b', number: '' }));
    expect(v?.message).toEqual({ vi: 'Số căn hộ không được để trống.', en: 'Apartment number must not be empty.' });
  });
});
