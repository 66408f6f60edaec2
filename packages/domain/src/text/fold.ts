import { toNfc } from './normalize.js';

/**
 * Combining marks of the Latin diacritic blocks. Vietnamese needs only U+0300–U+036F (grave, acute,
 * tilde, hook above, dot below, circumflex, breve, horn); the supplements catch pasted text.
 * Marks of other scripts (e.g. Devanagari vowel signs) are letters there, so they stay.
 */
const COMBINING_DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;

/** đ/Đ are letters of their own in Unicode, not d + mark, so NFD leaves them: map them by hand. */
const STROKED_D = /[đĐ]/gu;

const WHITESPACE_RUN = /\s+/gu;

/** Removes every diacritic (Phường Đức Giang → Phuong Duc Giang); accepts NFC or NFD, returns NFC. */
export function foldDiacritics(s: string): string {
  return toNfc(
    s
      .normalize('NFD')
      .replace(COMBINING_DIACRITICS, '')
      .replace(STROKED_D, (c) => (c === 'đ' ? 'd' : 'D')),
  );
}

/**
 * The form search compares: folded, lower case, whitespace collapsed. Folded again after lowering
 * because lower-casing can itself produce a mark (İ → i + U+0307).
 */
export function searchKey(s: string): string {
  return foldDiacritics(foldDiacritics(s).toLowerCase()).replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * True when every word of `query` occurs in `text`, ignoring case and diacritics on both sides:
 * "giang bien" and "Giang Biên" both find "Phường Giang Biên". An empty query matches everything,
 * as an empty search box shows the whole list.
 */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = searchKey(text);
  const tokens = searchKey(query)
    .split(' ')
    .filter((t) => t.length > 0);
  return tokens.every((t) => haystack.includes(t));
}
