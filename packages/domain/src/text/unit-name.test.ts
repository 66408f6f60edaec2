import { describe, expect, it } from 'vitest';
import { unitDisplayName } from './unit-name.js';

describe('unitDisplayName', () => {
  it('puts the kind word before the name', () => {
    expect(unitDisplayName({ kindLabel: 'Phường', name: 'Giang Biên' })).toBe('Phường Giang Biên');
    expect(unitDisplayName({ kindLabel: ' Quận ', name: 'Long Biên' })).toBe('Quận Long Biên');
  });

  it('does not say the kind twice, whatever the case or the Unicode form', () => {
    expect(unitDisplayName({ kindLabel: 'Tổ dân phố', name: 'Tổ dân phố số 5' })).toBe('Tổ dân phố số 5');
    expect(unitDisplayName({ kindLabel: 'tổ dân phố', name: 'Tổ dân phố số 5'.normalize('NFD') })).toBe('Tổ dân phố số 5');
  });

  it('gives the name alone without a kind word', () => {
    expect(unitDisplayName({ kindLabel: null, name: 'Hà Nội' })).toBe('Hà Nội');
    expect(unitDisplayName({ name: 'Hà Nội' })).toBe('Hà Nội');
  });
});
