import { describe, expect, it } from 'vitest';
import { unitOptions } from './unit-options';

const ward = (name: string) => ({ name, kindLabel: 'Phường' });
const group = (id: string, n: number, parent: string, former: string[] = []) => ({
  id,
  name: `Tổ dân phố số ${n}`,
  kindLabel: 'Tổ dân phố',
  parent: ward(parent),
  formerParents: former.map(ward),
});

describe('unit picker options (#15: "tổ 5 giang biên", namesakes after the merger)', () => {
  it('names the former wards only where two labels would be the same', () => {
    const options = unitOptions(
      [group('a', 5, 'Phúc Lợi', ['Phúc Lợi']), group('b', 5, 'Phúc Lợi', ['Phúc Lợi', 'Sài Đồng']), group('c', 5, 'Bồ Đề', ['Ngọc Lâm'])],
      'tổ dân phố số 5',
      'trước đây',
    );
    expect(options).toEqual([
      { value: 'a', label: 'Tổ dân phố số 5 — Phường Phúc Lợi (trước đây: Phường Phúc Lợi)' },
      { value: 'b', label: 'Tổ dân phố số 5 — Phường Phúc Lợi (trước đây: Phường Phúc Lợi, Phường Sài Đồng)' },
      { value: 'c', label: 'Tổ dân phố số 5 — Phường Bồ Đề' },
    ]);
  });

  it('puts the option holding the most typed words first, whatever the diacritics', () => {
    const found = [group('duc-giang-5', 5, 'Đức Giang'), group('giang-bien-5', 5, 'Giang Biên')];
    for (const typed of ['tổ 5 giang biên', 'TO 5 GIANG BIEN']) {
      expect(unitOptions(found, typed, 'trước đây').map((o) => o.value)).toEqual(['giang-bien-5', 'duc-giang-5']);
    }
  });

  it('prefers typed words side by side in one name ("giang biên": Giang Biên before Đức Giang of Long Biên)', () => {
    const wards = [
      { id: 'duc-giang', name: 'Đức Giang', kindLabel: 'Phường', parent: { name: 'Long Biên', kindLabel: 'Quận' } },
      { id: 'giang-bien', name: 'Giang Biên', kindLabel: 'Phường', parent: { name: 'Long Biên', kindLabel: 'Quận' } },
    ];
    expect(unitOptions(wards, 'giang bien', 'formerly').map((o) => o.value)).toEqual(['giang-bien', 'duc-giang']);
  });

  it('keeps the server’s order between equally good matches', () => {
    const found = [group('x', 5, 'Bồ Đề'), group('y', 5, 'Ngọc Lâm')];
    expect(unitOptions(found, 'tổ 5', 'formerly').map((o) => o.value)).toEqual(['x', 'y']);
  });
});
