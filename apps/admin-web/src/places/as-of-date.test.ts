import { describe, expect, it } from 'vitest';
import { asOfFromParam, defaultAsOf } from './as-of-date';

describe('asOfFromParam', () => {
  it('keeps a real date and replaces anything else by the fallback', () => {
    expect(asOfFromParam('2025-08-01', '2022-12-01')).toBe('2025-08-01');
    expect(asOfFromParam('2025-02-30', '2022-12-01')).toBe('2022-12-01');
    expect(asOfFromParam(null, '2022-12-01')).toBe('2022-12-01');
  });
});

describe('defaultAsOf', () => {
  it('is today while the territory lasts', () => {
    expect(defaultAsOf('2025-06-30', '2025-07-01')).toBe('2025-06-30');
    expect(defaultAsOf('2025-11-25', null)).toBe('2025-11-25');
  });

  it("is the territory's last day once it has ended (validTo is exclusive)", () => {
    expect(defaultAsOf('2025-07-01', '2025-07-01')).toBe('2025-06-30');
    expect(defaultAsOf('2025-11-25', '2025-07-01')).toBe('2025-06-30');
  });
});
