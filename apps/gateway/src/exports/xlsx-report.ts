import {
  REPORT_COLUMN_LABELS as COL,
  type DirectiveReport,
  ENTITY_TYPE_LABELS,
  type Figure,
  type RecordRef,
  reportNarrative,
} from '@coso/domain';
import ExcelJS from 'exceljs';
import { directiveName, periodLine, reportTitle, scopeName, viDate } from './report-text.js';

export interface XlsxOptions {
  /** May the viewer see the records this figure counts? (`mayListFigureRecords` of @coso/schema: party figures need party rights.) */
  listsRecordsOf: (figureKey: string) => boolean;
}

export const SHEETS = { summary: 'Tổng hợp', byWard: 'Theo phường', records: 'Danh sách' } as const;

/**
 * The review report as a workbook: the figures with their definitions ("Tổng hợp"), the values of
 * every figure in every ward ("Theo phường") and the records behind each figure ("Danh sách"),
 * except those of the party figures for a viewer who may not see party membership. Vietnamese only:
 * headers from the domain's labels, records by their kind's label and name (no keys, type names or ids).
 */
export async function directiveReportXlsx(report: DirectiveReport, options: XlsxOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'coso';
  workbook.title = reportTitle(report);
  workbook.subject = `${directiveName(report.directive.code)} — ${scopeName(report)}`;
  summarySheet(workbook, report);
  byWardSheet(workbook, report);
  recordsSheet(workbook, report, options);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type Cell = string | number | null;
const FONT = { name: 'Arial', size: 10 } as const;

function summarySheet(workbook: ExcelJS.Workbook, report: DirectiveReport): void {
  const sheet = workbook.addWorksheet(SHEETS.summary);
  sheet.columns = [{ width: 50 }, { width: 12 }, { width: 14 }, { width: 90 }];
  const narrative = reportNarrative(report);
  titleRow(sheet, reportTitle(report), 4, { bold: true, size: 14 });
  titleRow(sheet, report.directive.title, 4, { bold: true });
  titleRow(sheet, `Phạm vi: ${scopeName(report)}`, 4);
  titleRow(sheet, periodLine(report), 4);
  wrappedRow(sheet, narrative.vi, 4);
  sheet.addRow([]);
  headerRow(sheet, [COL.figure.vi, COL.value.vi, COL.denominator.vi, COL.definition.vi]);
  for (const f of report.figures) {
    const row = addRow(sheet, [f.label.vi, f.value, f.denominator ?? null, f.definition.vi]);
    row.alignment = { vertical: 'top', wrapText: true };
    fitHeight(sheet, row);
  }
  sheet.views = [{ state: 'frozen', ySplit: sheet.rowCount - report.figures.length }];
}

function byWardSheet(workbook: ExcelJS.Workbook, report: DirectiveReport): void {
  const sheet = workbook.addWorksheet(SHEETS.byWard);
  const columns = report.figures.flatMap((f) => [
    { figure: f, part: 'value' as const },
    ...(f.denominator === undefined ? [] : [{ figure: f, part: 'denominator' as const }]),
  ]);
  sheet.columns = [{ width: 24 }, ...columns.map(() => ({ width: 16 }))];
  titleRow(sheet, `Số liệu theo phường — ${scopeName(report)}, ${viDate(report.asOf)}`, 8, { bold: true, size: 12 });
  wrappedRow(
    sheet,
    'Chỉ tiêu đánh dấu (*) không cộng theo phường: một bản ghi có thể được tính ở hai phường; dòng "Tổng" là số bản ghi khác nhau.',
    8,
    { italic: true },
  );
  sheet.addRow([]);
  const label = (f: Figure, part: 'value' | 'denominator') =>
    `${f.label.vi}${f.byWardAdditive ? '' : ' (*)'}${part === 'denominator' ? ` — ${COL.denominator.vi.toLocaleLowerCase('vi')}` : ''}`;
  headerRow(sheet, [COL.ward.vi, ...columns.map((c) => label(c.figure, c.part))]);
  for (const ward of wardsOf(report)) {
    addRow(sheet, [
      ward.name,
      ...columns.map((c) => {
        const entry = c.figure.byWard.find((w) => w.wardId === ward.id);
        return (c.part === 'value' ? entry?.value : entry?.denominator) ?? 0;
      }),
    ]);
  }
  const total = addRow(sheet, [COL.total.vi, ...columns.map((c) => (c.part === 'value' ? c.figure.value : (c.figure.denominator ?? 0)))]);
  total.font = { ...FONT, bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 4 }];
}

function recordsSheet(workbook: ExcelJS.Workbook, report: DirectiveReport, options: XlsxOptions): void {
  const sheet = workbook.addWorksheet(SHEETS.records);
  sheet.columns = [{ width: 50 }, { width: 16 }, { width: 28 }, { width: 44 }, { width: 24 }];
  titleRow(sheet, `Danh sách bản ghi được đếm — ${scopeName(report)}, ${viDate(report.asOf)}`, 5, {
    bold: true,
    size: 12,
  });
  const hidden = report.figures.filter((f) => !options.listsRecordsOf(f.key));
  wrappedRow(
    sheet,
    hidden.length === 0
      ? 'Đầy đủ bản ghi của mọi chỉ tiêu.'
      : `Không liệt kê bản ghi của các chỉ tiêu: ${hidden.map((f) => f.label.vi).join('; ')} — tài khoản này không được xem thông tin đảng viên.`,
    5,
    { italic: true, ...(hidden.length === 0 ? {} : { color: { argb: 'FFC00000' } }) },
  );
  sheet.addRow([]);
  headerRow(sheet, [COL.figure.vi, COL.part.vi, COL.recordKind.vi, COL.name.vi, COL.ward.vi]);
  const headerRowNumber = sheet.rowCount;
  for (const f of report.figures) {
    if (hidden.includes(f)) continue;
    const wards = recordWards(f);
    const list = (records: readonly RecordRef[], part: string, ofWard: Map<string, string[]>) => {
      for (const r of records)
        addRow(sheet, [f.label.vi, part, ENTITY_TYPE_LABELS[r.type].vi, r.name, (ofWard.get(r.id) ?? []).join(', ')]);
    };
    list(f.records, COL.counted.vi, wards.records);
    if (f.denominatorRecords) list(f.denominatorRecords, COL.inDenominator.vi, wards.denominator);
  }
  sheet.autoFilter = { from: { row: headerRowNumber, column: 1 }, to: { row: headerRowNumber, column: 5 } };
  sheet.views = [{ state: 'frozen', ySplit: headerRowNumber }];
}

/** The wards of the report, plus the unassigned entry when a figure has one. */
function wardsOf(report: DirectiveReport): Array<{ id: string; name: string }> {
  const out: Array<{ id: string; name: string }> = [];
  for (const f of report.figures) {
    for (const w of f.byWard) if (!out.some((o) => o.id === w.wardId)) out.push({ id: w.wardId, name: w.wardName });
  }
  return out;
}

/** Record id → the names of the wards it counts in (a person on boards in two wards: both). */
function recordWards(f: Figure): { records: Map<string, string[]>; denominator: Map<string, string[]> } {
  const records = new Map<string, string[]>();
  const denominator = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, id: string, ward: string) => map.set(id, [...(map.get(id) ?? []), ward]);
  for (const w of f.byWard) {
    for (const r of w.records) add(records, r.id, w.wardName);
    for (const r of w.denominatorRecords ?? []) add(denominator, r.id, w.wardName);
  }
  return { records, denominator };
}

function addRow(sheet: ExcelJS.Worksheet, values: readonly Cell[]): ExcelJS.Row {
  const row = sheet.addRow(values.map((v) => (typeof v === 'string' ? v.normalize('NFC') : v)));
  row.font = { ...FONT };
  return row;
}

function headerRow(sheet: ExcelJS.Worksheet, titles: readonly string[]): void {
  const row = addRow(sheet, titles);
  row.font = { ...FONT, bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  fitHeight(sheet, row);
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.border = { bottom: { style: 'thin' } };
  });
}

function titleRow(sheet: ExcelJS.Worksheet, text: string, span: number, font: Partial<ExcelJS.Font> = {}): ExcelJS.Row {
  const row = addRow(sheet, [text]);
  row.font = { ...FONT, ...font };
  sheet.mergeCells(row.number, 1, row.number, span);
  return row;
}

/** A long paragraph over merged cells, wrapped. */
function wrappedRow(sheet: ExcelJS.Worksheet, text: string, span: number, font: Partial<ExcelJS.Font> = {}): void {
  const row = titleRow(sheet, text, span, font);
  row.alignment = { vertical: 'top', wrapText: true };
  let width = 0;
  for (let c = 1; c <= span; c++) width += sheet.getColumn(c).width ?? 10;
  row.height = lines(text, width) * LINE_HEIGHT;
}

/**
 * Excel neither sizes merged rows nor, reliably, wrapped ones when it opens a file: the height is set
 * from the text, a line per column width of characters (a little more for diacritics and bold).
 */
function fitHeight(sheet: ExcelJS.Worksheet, row: ExcelJS.Row): void {
  let most = 1;
  row.eachCell((cell, column) => {
    if (typeof cell.value === 'string') most = Math.max(most, lines(cell.value, sheet.getColumn(column).width ?? 10));
  });
  row.height = most * LINE_HEIGHT;
}

const LINE_HEIGHT = 13.5;

function lines(text: string, widthChars: number): number {
  return Math.max(1, Math.ceil((text.length * 1.15) / Math.max(1, widthChars - 1)));
}
