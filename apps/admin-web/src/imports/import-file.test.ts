import { describe, expect, it } from 'vitest';
import { importFileType } from './import-file';
import { importedRecordPath } from './record-link';

describe('importFileType', () => {
  it('uploads .xlsx and .csv (any case) with their types, and nothing else', () => {
    expect(importFileType('Danh sách nhân khẩu.XLSX')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(importFileType('nhan-khau.csv')).toBe('text/csv');
    expect(importFileType(' nhan-khau.Csv ')).toBe('text/csv');
    for (const name of ['bang.xls', 'bang.csv.txt', 'csv', 'xlsx', '.', 'bang.xlsx/', '']) expect(importFileType(name), name).toBeNull();
  });
});

describe('importedRecordPath', () => {
  const id = '3f1c2a9e-5b7d-4c1e-9a2b-0d6e8f4a1b2c';
  it('opens the page of the record a row wrote, by the type in its global id', () => {
    const person = btoa(`Person:${id}`);
    expect(importedRecordPath(person)).toBe(`/people/${encodeURIComponent(person)}`);
    const group = btoa(`AdministrativeUnit:${id}`);
    expect(importedRecordPath(group)).toBe(`/units/${encodeURIComponent(group)}`);
    const board = btoa(`Organization:${id}`);
    expect(importedRecordPath(board)).toBe(`/organizations/${encodeURIComponent(board)}`);
  });
  it('has no page for a type without one, nor for an id that is not a global id', () => {
    expect(importedRecordPath(btoa(`Membership:${id}`))).toBeNull();
    expect(importedRecordPath('not base64 at all!')).toBeNull();
    expect(importedRecordPath(btoa('no-colon'))).toBeNull();
  });
});
