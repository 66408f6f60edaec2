import { describe, expect, it } from 'vitest';
import { isUuid } from './uuid.js';

describe('isUuid', () => {
  it.each([
    ['0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', true],
    ['0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D', true],
    ['0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4', false],
    ['0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d', false],
    [' 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', false],
    ['ward-2003-giang-bien', false],
    [42, false],
    [null, false],
  ])('%s → %s', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});
