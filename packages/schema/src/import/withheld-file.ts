import { findHeaderRow, type ImportColumn, searchKey, type Violation } from '@coso/domain';
import type { Table } from './read-file.js';

/**
 * An export the viewer could not see whole — citizen IDs or phones masked, dates of birth left out,
 * references to records outside their rights left empty — says so in its title block, and the
 * import refuses such a file as a whole: imported back, its masked and empty cells would overwrite
 * the stored values ("*********345" for a citizen ID, no parent body). Refusing is the one answer
 * that cannot blank anything, whatever the columns; the viewer who may see everything exports a
 * file that imports back unchanged.
 */
export const WITHHELD_LABEL = 'Dữ liệu bị che hoặc lược bớt';

/** The title-block line of a file exported with values withheld (what was withheld, in words). */
export function withheldLine(what: readonly string[]): string {
  return `${WITHHELD_LABEL}: ${what.join('; ')} — tệp này không nhập lại được / values withheld: this file cannot be imported back`;
}

const FOLDED_LABEL = searchKey(WITHHELD_LABEL);

/** The sheet error of a file whose title block (the rows above its header row) carries the withheld line. */
export function withheldFileViolations(table: Table, columns: readonly ImportColumn[], chosenHeaderRow?: number | null): Violation[] {
  const headerRow =
    chosenHeaderRow ??
    findHeaderRow(
      table.map((row) => row.map((c) => (c === null ? '' : String(c).trim()))),
      columns,
    );
  if (headerRow === null) return [];
  const marked = table.slice(0, headerRow).some((row) => row.some((c) => typeof c === 'string' && searchKey(c).startsWith(FOLDED_LABEL)));
  if (!marked) return [];
  return [
    {
      code: 'IMPORT_WITHHELD_FILE',
      severity: 'error',
      path: ['file'],
      message: {
        vi: 'Tệp này được xuất khi một số dữ liệu bị che hoặc lược bớt (số định danh, số điện thoại, ngày sinh, bản ghi ngoài quyền xem): nhập lại sẽ xóa các giá trị thật nên không được nhận. Hãy nhờ người có quyền xem đầy đủ xuất tệp, hoặc nhập tệp gốc.',
        en: 'This file was exported with values masked or left out (citizen IDs, phones, dates of birth, records outside the exporter’s rights): importing it back would overwrite the real values, so it is refused. Have someone who sees everything export it, or import the original file.',
      },
    },
  ];
}
