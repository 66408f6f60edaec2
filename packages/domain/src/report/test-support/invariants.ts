import { expect } from 'vitest';
import { type DirectiveReport, FIGURE_KEYS } from '../types.js';

/** The invariants every figure of every report must meet. */
export function expectWellFormed(r: DirectiveReport): void {
  expect(r.figures.map((f) => f.key)).toEqual([...FIGURE_KEYS]);
  for (const f of r.figures) {
    expect(f.value, f.key).toBe(f.records.length);
    expect(new Set(f.records.map((x) => x.id)).size, f.key).toBe(f.records.length);
    expect(f.denominator, f.key).toBe(f.denominatorRecords?.length);
    const recordIds = new Set(f.records.map((x) => x.id));
    for (const w of f.byWard) {
      expect(w.value, `${f.key} ${w.wardName}`).toBe(w.records.length);
      expect(w.denominator, `${f.key} ${w.wardName}`).toBe(w.denominatorRecords?.length);
      for (const x of w.records) expect(recordIds.has(x.id), f.key).toBe(true);
    }
    // Every record is in at least one ward entry (the unassigned one included).
    const inSomeWard = new Set(f.byWard.flatMap((w) => w.records.map((x) => x.id)));
    expect(inSomeWard.size, f.key).toBe(f.value);
    if (f.byWardAdditive) {
      expect(
        f.byWard.reduce((sum, w) => sum + w.value, 0),
        f.key,
      ).toBe(f.value);
      if (f.denominator !== undefined)
        expect(
          f.byWard.reduce((sum, w) => sum + (w.denominator ?? 0), 0),
          f.key,
        ).toBe(f.denominator);
    }
    expect(f.definition.vi.length, f.key).toBeGreaterThan(20);
    expect(f.definition.vi.normalize('NFC'), f.key).toBe(f.definition.vi);
  }
}
