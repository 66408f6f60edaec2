/**
 * Vietnamese text is stored in Unicode NFC (docs/domain.md, "Text"): the same name typed on a Mac (often NFD)
 * and on Windows (NFC) must compare equal, index equal and sort equal.
 */
export function toNfc(s: string): string {
  return s.normalize('NFC');
}

const WHITESPACE_RUN = /\s+/gu;

/**
 * Invisible format characters (zero-width space and joiners, BOM, soft hyphen, direction marks):
 * pasted along from Word or the web, they make two equal names differ and a name of nothing but
 * them look empty while it is not (issue #12). Vietnamese text never needs them.
 */
const INVISIBLE = /\p{Cf}/gu;

/** A name as stored: NFC, invisible characters removed, trimmed, every run of whitespace (tabs, NBSP, newlines) one space. */
export function normaliseName(s: string): string {
  return toNfc(s).replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();
}
