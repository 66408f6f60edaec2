import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type Cell, csvLine } from './list-cells.js';

/** Where a list export writes its rows, one at a time, to the response as they come. */
export interface Sink {
  row(cells: readonly Cell[]): void;
  header(cells: readonly string[]): void;
  end(): Promise<void>;
}

/** A workbook written to the response as rows come (ExcelJS's streaming writer): text cells are text, never formulas. */
export function xlsxSink(res: Writable, title: string): Sink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(title.slice(0, 31).replace(/[[\]*?/\\:]/g, '-') || 'Danh sách');
  const add = (cells: readonly Cell[], bold = false) => {
    const row = sheet.addRow([]);
    cells.forEach((cell, i) => {
      const target = row.getCell(i + 1);
      if (cell === null) return;
      if (typeof cell === 'object') {
        target.value = new Date(`${cell.date}T00:00:00Z`);
        target.numFmt = 'dd/mm/yyyy';
      } else {
        // A string is written as a string cell: ExcelJS makes a formula only of { formula } values.
        target.value = cell;
      }
      if (bold) target.font = { bold: true };
    });
    row.commit();
  };
  return {
    row: (cells) => add(cells),
    header: (cells) => add(cells, true),
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/** UTF-8 with a BOM (so Excel reads the diacritics), comma-separated, CRLF. */
export function csvSink(res: Writable): Sink {
  res.write('\uFEFF');
  return {
    row: (cells) => void res.write(csvLine(cells)),
    header: (cells) => void res.write(csvLine(cells)),
    end: () =>
      new Promise<void>((resolve) => {
        res.end(resolve);
      }),
  };
}
