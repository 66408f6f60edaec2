/**
 * The column matching the user corrects: which header (0-based index in the header row) each of
 * the kind's columns is read from. The API takes the whole matching or none (then it guesses), so
 * the wizard sends the server's matching with the user's changes over it.
 */

export interface MatchedColumn {
  key: string;
  /** The header the server read it from; null when none. */
  header: number | null;
}

/** A user's change: the header chosen for a column, or null for "not in this file". */
export type ColumnOverrides = Readonly<Record<string, number | null>>;

export interface ColumnChoice {
  key: string;
  header: number;
}

/** The matching to send: the server's, with each override in place; a column with no header is left out. */
export function columnChoices(matched: readonly MatchedColumn[], overrides: ColumnOverrides): ColumnChoice[] {
  const choices: ColumnChoice[] = [];
  for (const column of matched) {
    const header = Object.hasOwn(overrides, column.key) ? overrides[column.key] : column.header;
    if (header !== null && header !== undefined) choices.push({ key: column.key, header });
  }
  return choices;
}

/** The headers another column already reads (to mark them in a column's choices): header index → column keys. */
export function headersInUse(choices: readonly ColumnChoice[]): Map<number, string[]> {
  const used = new Map<number, string[]>();
  for (const c of choices) used.set(c.header, [...(used.get(c.header) ?? []), c.key]);
  return used;
}

/** "A", "B", … "AA": a header's column as the spreadsheet names it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
