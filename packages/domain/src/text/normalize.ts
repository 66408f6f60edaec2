/**
 * Vietnamese text is stored in Unicode NFC (GLOSSARY.md): the same name typed on a Mac (often NFD)
 * and on Windows (NFC) must compare equal, index equal and sort equal.
 */
export function toNfc(s: string): string {
  return s.normalize('NFC');
}

const WHITESPACE_RUN = /\s+/gu;

/** A name as stored: NFC, trimmed, every run of whitespace (tabs, NBSP, newlines) one space. */
export function normalizeName(s: string): string {
  return toNfc(s).replace(WHITESPACE_RUN, ' ').trim();
}
