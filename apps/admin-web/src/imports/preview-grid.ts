/**
 * Where each error of an import preview is shown: on its cell (a row and a column on screen), on
 * its row (a row error, or a column the table does not show), or above the table (the sheet's
 * errors, and any naming a row the preview does not hold). Every error lands in exactly one place:
 * none is dropped because the screen has no cell for it.
 */

export interface PreviewError {
  rowNumber: number | null;
  column: string | null;
  code: string;
  message: { vi: string; en: string };
}

export interface PreviewRowInput {
  rowNumber: number;
  action: string | null;
  recordId: string | null;
  cells: ReadonlyArray<{ column: string; value: string }>;
}

export interface GridRow {
  rowNumber: number;
  action: string | null;
  recordId: string | null;
  /** Column key → the cell's text as read. */
  values: Record<string, string>;
  /** Column key → the errors on that cell. */
  cellErrors: Record<string, PreviewError[]>;
  /** Errors of the row as a whole, or on a column not shown. */
  rowErrors: PreviewError[];
}

export interface PreviewGrid {
  rows: GridRow[];
  /** Errors of the sheet (no header, a required column missing) or of a row not in the preview. */
  sheetErrors: PreviewError[];
  /** Rows with at least one error. */
  rowsWithErrors: number;
}

/** Lays a preview's errors on the cells of the columns shown (`shownColumns`: the kind's column keys). */
export function previewGrid(
  shownColumns: readonly string[],
  rows: readonly PreviewRowInput[],
  errors: readonly PreviewError[],
): PreviewGrid {
  const shown = new Set(shownColumns);
  const byNumber = new Map<number, GridRow>();
  const gridRows = rows.map((r) => {
    const row: GridRow = {
      rowNumber: r.rowNumber,
      action: r.action,
      recordId: r.recordId,
      values: Object.fromEntries(r.cells.map((c) => [c.column, c.value])),
      cellErrors: {},
      rowErrors: [],
    };
    byNumber.set(r.rowNumber, row);
    return row;
  });
  const sheetErrors: PreviewError[] = [];
  for (const error of errors) {
    const row = error.rowNumber === null ? undefined : byNumber.get(error.rowNumber);
    if (!row) sheetErrors.push(error);
    else if (error.column !== null && shown.has(error.column))
      row.cellErrors[error.column] = [...(row.cellErrors[error.column] ?? []), error];
    else row.rowErrors.push(error);
  }
  const rowsWithErrors = gridRows.filter((r) => r.rowErrors.length > 0 || Object.keys(r.cellErrors).length > 0).length;
  return { rows: gridRows, sheetErrors, rowsWithErrors };
}

/** Counts of what a clean preview would do, by action (CREATE, UPDATE, UNCHANGED). */
export function actionCounts(rows: ReadonlyArray<{ action: string | null }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) if (r.action) counts[r.action] = (counts[r.action] ?? 0) + 1;
  return counts;
}
