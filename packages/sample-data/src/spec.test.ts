import { describe, expect, it } from 'vitest';
import { EXCLUDED_NAMES, vietnameseName } from './names.js';
import { Random } from './random.js';
import { WARDS } from './spec.js';

/** The spec's own arithmetic: the article's totals are sums of its table (the report tests recount them from the records). */
describe('spec.ts adds up to the article', () => {
  const sum = (f: (w: (typeof WARDS)[number]) => number): number => WARDS.reduce((n, w) => n + f(w), 0);
  const boards = (story: string) =>
    sum((w) =>
      w.apartmentGroups.reduce((n, g) => n + new Set(g.buildings.filter((b) => b.story === story).map((b) => b.complex ?? b.name)).size, 0),
    );

  it('222 groups in 14 wards; 49 with apartment buildings in 13 wards', () => {
    expect(WARDS).toHaveLength(14);
    expect(sum((w) => w.groups)).toBe(222);
    expect(sum((w) => w.apartmentGroups.length)).toBe(49);
    expect(WARDS.filter((w) => w.apartmentGroups.length > 0)).toHaveLength(13);
    for (const w of WARDS) for (const g of w.apartmentGroups) expect(g.n).toBeLessThanOrEqual(w.groups);
  });

  it('8 boards established and 31 consolidated', () => {
    expect(boards('ESTABLISHED')).toBe(8);
    expect(boards('CONSOLIDATED')).toBe(31);
  });

  it('65 people of the political system on boards: 36 party members only, 22 post holders only, 7 both', () => {
    const party = sum((w) => w.quota.elected.party + w.quota.incumbent.party);
    const both = sum((w) => w.quota.elected.both + w.quota.incumbent.both);
    const system = sum((w) => w.quota.elected.system + w.quota.incumbent.system);
    expect([party, both, system]).toEqual([36, 7, 22]);
    expect([party + both + system, party + both, system + both]).toEqual([65, 43, 29]);
  });

  it('22 Regulation 213 members introduced; Giang Biên 35 + 8, Phúc Đồng 10 + 2', () => {
    expect(
      sum(
        (w) =>
          w.quota.contacts.byCommittee[0] + w.quota.contacts.byCommittee[1] + w.quota.contacts.byCells[0] + w.quota.contacts.byCells[1],
      ),
    ).toBe(22);
    const nominated = (key: string) => {
      const q = WARDS.find((w) => w.key === key)?.quota;
      if (!q) return [];
      const later = q.laterConference;
      return [
        q.elected.party +
          q.elected.both +
          q.notElected.party +
          q.contacts.byCommittee[0] +
          q.contacts.byCommittee[1] +
          (later ? later.party[0] + later.party[1] : 0),
        q.elected.system + q.notElected.system + (later ? later.system[0] + later.system[1] : 0),
      ];
    };
    expect(nominated('giang-bien')).toEqual([35, 8]);
    expect(nominated('phuc-dong')).toEqual([10, 2]);
  });
});

describe('names and randomness', () => {
  it('the generator is deterministic per part', () => {
    const a = Random.forPart('x');
    const b = Random.forPart('x');
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(Random.forPart('y').next()).not.toBe(Random.forPart('x').next());
  });

  it('generates NFC Vietnamese names, never those of the article’s officials', () => {
    const rng = new Random(7);
    for (let i = 0; i < 2000; i++) {
      const name = vietnameseName(rng, i % 2 === 0 ? 'MALE' : 'FEMALE', 1940 + (i % 60));
      expect(name.normalize('NFC')).toBe(name);
      expect(name.split(' ').length).toBeGreaterThanOrEqual(3);
      expect(EXCLUDED_NAMES.has(name)).toBe(false);
    }
  });
});
