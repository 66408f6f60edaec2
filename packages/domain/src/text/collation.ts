/**
 * Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, tones
 * after the base letter. Code-point order gets this wrong (Đ sorts after Z), so lists of places and
 * people sort with ICU's Vietnamese collation. `numeric` puts "Tổ dân phố số 2" before "số 10".
 */
let collator: Intl.Collator | undefined;

function vietnameseCollator(): Intl.Collator {
  collator ??= new Intl.Collator('vi', { numeric: true });
  return collator;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` in Vietnamese; NFC and NFD compare equal. */
export function compareVietnamese(a: string, b: string): number {
  return vietnameseCollator().compare(a, b);
}

/** A new array sorted in Vietnamese order (stable: equal keys keep their input order). */
export function sortVietnamese(items: readonly string[]): string[];
export function sortVietnamese<T>(items: readonly T[], key: (item: T) => string): T[];
export function sortVietnamese<T>(items: readonly T[], key?: (item: T) => string): T[] {
  const keyOf = key ?? ((item: T) => String(item));
  // Keys are computed once per item, not once per comparison.
  const keyed = items.map((item) => ({ item, key: keyOf(item) }));
  keyed.sort((a, b) => compareVietnamese(a.key, b.key));
  return keyed.map((k) => k.item);
}
