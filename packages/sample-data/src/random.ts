import { addDays, daysBetween, type IsoDate } from '@coso/domain';

/**
 * A small seeded pseudo-random generator (mulberry32), so that every build of the dataset is
 * byte-identical. Never `Math.random`, never the clock.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator for one part of the dataset: changing one part never reshuffles another. */
  static forPart(part: string, seed = SEED): Random {
    return new Random((hashString(part) ^ seed) >>> 0);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`Random.int: empty range [${min}, ${max}]`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return itemAt(items, this.int(0, items.length - 1));
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of items) {
      r -= weight;
      if (r < 0) return value;
    }
    return itemAt(items, items.length - 1)[0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const a = itemAt(out, i);
      out[i] = itemAt(out, j);
      out[j] = a;
    }
    return out;
  }

  /** A date in [from, to], both included. */
  dateBetween(from: IsoDate, to: IsoDate): IsoDate {
    const span = daysBetween(from, to);
    if (span < 0) throw new RangeError(`Random.dateBetween: ${from} is after ${to}`);
    return addDays(from, this.int(0, span));
  }

  /** `n` decimal digits. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

/** The dataset's seed. Changing it gives another, equally valid, dataset. */
export const SEED = 0x05_2021;

/** FNV-1a, 32 bits. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** `items[i]`, or a thrown error for an index outside the array (a bug in this package). */
export function itemAt<T>(items: readonly T[], i: number): T {
  const v = items[i];
  if (v === undefined) throw new RangeError(`index ${i} outside an array of ${items.length}`);
  return v;
}

/** A value that must be there (a bug in this package otherwise). */
export function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`sample data: missing ${what}`);
  return value;
}
