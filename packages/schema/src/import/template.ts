import { describeColumn, type ImportColumn } from '@coso/domain';
import ExcelJS from 'exceljs';
import { columnsOfKind, type ImportKind } from './kinds.js';

/**
 * A kind's `.xlsx` template: the data sheet (Vietnamese headers, the example row, drop-down lists
 * for enums and yes/no, citizen IDs and dates as text so Excel keeps them as typed) and an
 * explanation sheet with a line per column. Everything comes from the kind's columns (the domain's
 * input schema and labels) and its example.
 */
export const DATA_SHEET = 'Dữ liệu';
export const GUIDE_SHEET = 'Hướng dẫn';
/** Drop-down lists cover this many rows under the header. */
const VALIDATED_ROWS = 1000;

function choices(column: ImportColumn): string[] | null {
  // A list cell takes several values: Excel's drop-down takes one, so the guide sheet lists them instead.
  if (column.type.kind === 'enum' && !column.type.list) {
    const { values, labels } = column.type;
    return values.map((v) => labels[v]?.vi ?? v);
  }
  if (column.type.kind === 'boolean') return ['Có', 'Không'];
  return null;
}

export async function importTemplate(kind: ImportKind): Promise<Buffer> {
  const columns = columnsOfKind(kind);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'coso';
  const data = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = columns.map((c) => ({ header: c.label.vi, key: c.key, width: Math.max(14, c.label.vi.length + 4) }));
  data.getRow(1).font = { bold: true };
  data.addRow(Object.fromEntries(columns.map((c) => [c.key, kind.example[c.key] ?? null])));
  columns.forEach((column, i) => {
    const col = data.getColumn(i + 1);
    // Text cells: Excel would otherwise turn 001085012345 into a number and 01/07/2025 into its own date.
    if (column.type.kind === 'citizenId' || column.type.kind === 'date' || column.key === 'phone') col.numFmt = '@';
    const list = choices(column);
    if (!list) return;
    const letter = col.letter;
    for (let r = 2; r <= VALIDATED_ROWS + 1; r++) {
      data.getCell(`${letter}${r}`).dataValidation = {
        type: 'list',
        allowBlank: !column.required,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: column.label.vi,
        error: `Chọn một trong: ${list.join(', ')} / Choose one of the list`,
      };
    }
  });

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [
    { header: 'Cột', key: 'vi', width: 32 },
    { header: 'Column', key: 'en', width: 28 },
    { header: 'Bắt buộc / Required', key: 'required', width: 20 },
    { header: 'Cách ghi', key: 'howVi', width: 70 },
    { header: 'How to fill it in', key: 'howEn', width: 70 },
    { header: 'Ví dụ / Example', key: 'example', width: 30 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const column of columns) {
    const how = describeColumn(column);
    guide.addRow({
      vi: column.label.vi,
      en: column.label.en,
      required: column.required ? 'Có / Yes' : 'Không / No',
      howVi: how.vi,
      howEn: how.en,
      example: kind.example[column.key] ?? '',
    });
  }
  guide.addRow({});
  guide.addRow({
    vi: `Mẫu nhập ${kind.label.vi.toLowerCase()}: điền từ dòng 2 của trang "${DATA_SHEET}" (thay dòng ví dụ). Có thể đặt tiêu đề phía trên dòng tên cột.`,
  });
  guide.addRow({
    vi: `Template for ${kind.label.en.toLowerCase()}: fill in from row 2 of the "${DATA_SHEET}" sheet (replace the example row). A title may sit above the header row.`,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
