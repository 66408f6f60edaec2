import { prepareSheet } from '@coso/domain';
import type { ImportBatch } from '../generated/prisma/client.js';
import { ValidationError } from '../store/write-errors.js';
import { HEAD_ROWS } from './engine.js';
import { columnsOfKind, type ImportKind } from './kinds.js';
import type { Sheet } from './read-file.js';
import { type Db, headsOf } from './stored-rows.js';

/**
 * Which sheet of a workbook an import reads: the one the user named, else the first whose header
 * row matches the kind (a header row found and every required column in it), else the first with a
 * header row found, else the first holding data. A workbook often holds other sheets (a title
 * page, a template's "Hướng dẫn", last year's list).
 */
export function chooseSheet(sheets: readonly Sheet[], kind: ImportKind, name?: string | null): Sheet {
  if (name !== undefined && name !== null) {
    const named = sheets.find((s) => s.name === name);
    if (named) return named;
    throw unknownSheet(name, sheets);
  }
  const columns = columnsOfKind(kind);
  const prepared = sheets.map((sheet) => ({ sheet, prepared: prepareSheet(sheet.rows, columns, {}) }));
  return (
    prepared.find((p) => p.prepared.headerRow !== null && p.prepared.violations.length === 0)?.sheet ??
    prepared.find((p) => p.prepared.headerRow !== null)?.sheet ??
    sheets.find((s) => s.rows.length > 0) ??
    sheets[0] ?? { name: '', rows: [] }
  );
}

/**
 * The sheets a batch keeps, each with its first rows only (HEAD_ROWS: enough to find its header row
 * and choose among them); the rows themselves are read a chunk at a time by the run.
 */
export async function sheetHeadsOf(db: Db, batch: Pick<ImportBatch, 'id' | 'sheets'>): Promise<Sheet[]> {
  const heads = await headsOf(db, batch.id, HEAD_ROWS);
  return batch.sheets.map((name) => ({ name, rows: heads.get(name) ?? [] }));
}

function unknownSheet(name: string, sheets: readonly Sheet[]): ValidationError {
  const names = sheets.map((s) => `"${s.name}"`).join(', ');
  return new ValidationError([
    {
      code: 'IMPORT_SHEET_UNKNOWN',
      severity: 'error',
      path: ['sheet'],
      message: {
        vi: `Tệp không có trang tính "${name}"; các trang: ${names}.`,
        en: `The file has no sheet "${name}"; its sheets: ${names}.`,
      },
    },
  ]);
}
