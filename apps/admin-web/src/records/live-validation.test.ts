import { describe, expect, it } from 'vitest';
import { liveFieldErrors } from './live-validation';

const v = (path: string[], vi: string) => ({ code: 'X', path, message: { vi, en: `${vi} (en)` } });
const FIELDS = ['fullName', 'citizenId', 'birthYear'] as const;

describe('liveFieldErrors', () => {
  it('shows errors only on the fields shown, and clears the shown fields without errors', () => {
    const result = liveFieldErrors([v(['fullName'], 'Tên trống'), v(['citizenId'], 'Sai số')], 'vi', FIELDS, (f) => f !== 'fullName');
    expect(result.fields).toEqual([
      { name: 'citizenId', errors: ['Sai số'] },
      { name: 'birthYear', errors: [] },
    ]);
    expect(result.general).toEqual([]);
  });

  it('sends violations on fields the form does not have to the general list', () => {
    const result = liveFieldErrors([v(['version'], 'Phiên bản'), v([], 'Toàn bộ')], 'en', FIELDS, () => true);
    expect(result.general).toEqual(['Phiên bản (en)', 'Toàn bộ (en)']);
    expect(result.fields.every((f) => f.errors.length === 0)).toBe(true);
  });
});
