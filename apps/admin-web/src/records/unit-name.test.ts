import { describe, expect, it } from 'vitest';
import { unitName } from './unit-name';

describe('unitName', () => {
  it('puts the kind label before the name unless the name already says it', () => {
    expect(unitName({ kindLabel: 'Phường', name: 'Giang Biên' })).toBe('Phường Giang Biên');
    expect(unitName({ kindLabel: 'Tổ dân phố', name: 'Tổ dân phố số 5' })).toBe('Tổ dân phố số 5');
    expect(unitName({ kindLabel: null, name: 'Hà Nội' })).toBe('Hà Nội');
  });
});
