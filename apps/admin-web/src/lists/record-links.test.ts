import { describe, expect, it } from 'vitest';
import { recordPathOrNull, unitLabel } from './record-links';

describe('record links', () => {
  it('leads each record type with a page to it, the global id escaped and the date kept', () => {
    expect(recordPathOrNull('Person', 'UGVyc29uOnAx', '2022-12-01')).toBe('/people/UGVyc29uOnAx?asOf=2022-12-01');
    expect(recordPathOrNull('AdministrativeUnit', 'a/b=')).toBe('/units/a%2Fb%3D');
    expect(recordPathOrNull('Organization', 'x')).toBe('/organizations/x');
    expect(recordPathOrNull('ApartmentBuilding', 'x')).toBe('/buildings/x');
    expect(recordPathOrNull('Training', 'x')).toBeNull();
  });

  it('names a unit with its kind label', () => {
    expect(unitLabel({ kindLabel: 'Phường', name: 'Giang Biên' })).toBe('Phường Giang Biên');
    expect(unitLabel({ kindLabel: null, name: 'Tổ dân phố số 5' })).toBe('Tổ dân phố số 5');
    expect(unitLabel({ kindLabel: 'Tổ dân phố', name: 'Tổ dân phố số 5' })).toBe('Tổ dân phố số 5');
  });
});
