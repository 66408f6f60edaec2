/**
 * How personal identifiers are shown to roles that may not read them: at most the last 3
 * characters. A citizen ID's first 6 digits are the province of birth registration, the
 * century/sex digit and the year of birth (Circular 59/2021/TT-BCA), which follow from `sex` and
 * `birthYear` that every reader sees; showing them would leave only 3 digits unknown. The last 3 are
 * drawn at random, so they say nothing a reader could combine with the rest of the record.
 */
export const MASK_SHOWN = 3;

/** Every character starred but the last `MASK_SHOWN`; a value too short to keep 6 hidden is starred whole. */
export function maskTail(s: string): string {
  const chars = [...s];
  if (chars.length < MASK_SHOWN + 6) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - MASK_SHOWN) + chars.slice(chars.length - MASK_SHOWN).join('');
}

/** A date of birth shown as its year only (1985-**-**): the year is `birthYear`, which every reader sees. */
export function maskBirthDate(s: string): string {
  const year = /^\d{4}(?=-)/.exec(s)?.[0];
  return year ? `${year}-**-**` : '*'.repeat([...s].length);
}
