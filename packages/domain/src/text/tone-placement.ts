/**
 * One spelling of the tone mark on "oa", "oe" and "uy": the traditional placement of state
 * documents, on the first vowel when the syllable ends with the pair ("hóa", "hòe", "hủy",
 * "thúy", "tòa"), and on the second when a consonant follows ("hoàn", "quyết": both conventions
 * agree there). After "q" the "u" belongs to the consonant, so "quý" and "quà" are what they are.
 * The modern placement ("hoá", "huỷ") is what `modernTonePlacements` finds and
 * `traditionalTonePlacement` rewrites.
 */

/** Each toned vowel, by its bare vowel and tone (NFC). */
const TONED: Record<string, readonly [vowel: string, tone: number]> = {};
const BARE_TO_TONED: Record<string, string[]> = {
  a: ['á', 'à', 'ả', 'ã', 'ạ'],
  e: ['é', 'è', 'ẻ', 'ẽ', 'ẹ'],
  y: ['ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ'],
  o: ['ó', 'ò', 'ỏ', 'õ', 'ọ'],
  u: ['ú', 'ù', 'ủ', 'ũ', 'ụ'],
};
for (const [vowel, toned] of Object.entries(BARE_TO_TONED)) {
  toned.forEach((letter, tone) => {
    TONED[letter] = [vowel, tone];
    TONED[letter.toUpperCase()] = [vowel.toUpperCase(), tone];
  });
}

function withTone(vowel: string, tone: number): string {
  const toned = BARE_TO_TONED[vowel.toLowerCase()]?.[tone];
  if (!toned) return vowel;
  return vowel === vowel.toUpperCase() ? toned.toUpperCase() : toned;
}

/**
 * o/O then a toned a or e, or u/U then a toned y, ending the syllable (no letter after), not after
 * q. Text is read in NFC.
 */
const MODERN = /(?<![qQ])([oO])([áàảãạéèẻẽẹÁÀẢÃẠÉÈẺẼẸ])(?!\p{L})|(?<![qQ])([uU])([ýỳỷỹỵÝỲỶỸỴ])(?!\p{L})/gu;

/** A word written with the modern tone placement ("hoá"), where it stands, and its traditional spelling ("hóa"). */
export interface ModernPlacement {
  /** The word it is in, as written. */
  word: string;
  /** The word in the traditional placement. */
  traditional: string;
  /** Where the word starts in the text (NFC). */
  index: number;
}

function traditionalPair(first: string, toned: string): string {
  const found = TONED[toned];
  if (!found) return first + toned;
  const [vowel, tone] = found;
  return withTone(first, tone) + vowel;
}

/** `text` with every modern placement rewritten in the traditional one ("hoá đơn" → "hóa đơn"). */
export function traditionalTonePlacement(text: string): string {
  return text
    .normalize('NFC')
    .replace(MODERN, (_whole, o?: string, ae?: string, u?: string, y?: string) =>
      o && ae ? traditionalPair(o, ae) : traditionalPair(u ?? '', y ?? ''),
    );
}

/** Every word of `text` written with the modern placement, with its traditional spelling. */
export function modernTonePlacements(text: string): ModernPlacement[] {
  const nfc = text.normalize('NFC');
  const found: ModernPlacement[] = [];
  for (const match of nfc.matchAll(MODERN)) {
    const at = match.index ?? 0;
    let start = at;
    while (start > 0 && /\p{L}/u.test(nfc[start - 1] ?? '')) start--;
    const end = at + match[0].length;
    const word = nfc.slice(start, end);
    found.push({ word, traditional: traditionalTonePlacement(word), index: start });
  }
  return found;
}
