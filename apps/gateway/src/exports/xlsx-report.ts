import { type DirectiveReport, type Figure, type RecordRef, reportNarrative } from '@coso/domain';
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
 * except those of the party figures for a viewer who may not see party membership.
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
  sheet.columns = [{ width: 34 }, { width: 44 }, { width: 44 }, { width: 12 }, { width: 14 }, { width: 90 }];
  const narrative = reportNarrative(report);
  titleRow(sheet, reportTitle(report), 6, { bold: true, size: 14 });
  titleRow(sheet, report.directive.title, 6, { bold: true });
  titleRow(sheet, `Phạm vi / Scope: ${scopeName(report)}`, 6);
  titleRow(sheet, `${periodLine(report)} / Period ${report.period.from} to ${report.period.to}, as of ${report.asOf}`, 6);
  wrappedRow(sheet, narrative.vi, 6);
  wrappedRow(sheet, narrative.en, 6, { italic: true });
  sheet.addRow([]);
  const header = ['Mã chỉ tiêu / Key', 'Chỉ tiêu', 'Figure', 'Số liệu / Value', 'Mẫu số / Denominator', 'Định nghĩa'];
  headerRow(sheet, header);
  for (const f of report.figures) {
    const row = addRow(sheet, [f.key, f.label.vi, f.label.en, f.value, f.denominator ?? null, f.definition.vi]);
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
  titleRow(sheet, `Số liệu theo phường / Figures by ward — ${scopeName(report)}, ${viDate(report.asOf)}`, 8, { bold: true, size: 12 });
  wrappedRow(
    sheet,
    'Chỉ tiêu đánh dấu (*) không cộng theo phường: một bản ghi có thể được tính ở hai phường; dòng "Tổng" là số bản ghi khác nhau. / Figures marked (*) do not add up across wards: a record can count in two wards; the total row counts distinct records.',
    8,
    { italic: true },
  );
  sheet.addRow([]);
  const label = (f: Figure, part: 'value' | 'denominator') =>
    `${f.label.vi}${f.byWardAdditive ? '' : ' (*)'}${part === 'denominator' ? ' — mẫu số / denominator' : ''}`;
  headerRow(sheet, ['Phường / Ward', ...columns.map((c) => label(c.figure, c.part))]);
  const keys = addRow(sheet, ['Mã / Key', ...columns.map((c) => (c.part === 'value' ? c.figure.key : `${c.figure.key}.denominator`))]);
  keys.font = { ...FONT, italic: true, color: { argb: 'FF666666' } };
  for (const ward of wardsOf(report)) {
    addRow(sheet, [
      ward.name,
      ...columns.map((c) => {
        const entry = c.figure.byWard.find((w) => w.wardId === ward.id);
        return (c.part === 'value' ? entry?.value : entry?.denominator) ?? 0;
      }),
    ]);
  }
  const total = addRow(sheet, ['Tổng / Total', ...columns.map((c) => (c.part === 'value' ? c.figure.value : (c.figure.denominator ?? 0)))]);
  total.font = { ...FONT, bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 5 }];
}

function recordsSheet(workbook: ExcelJS.Workbook, report: DirectiveReport, options: XlsxOptions): void {
  const sheet = workbook.addWorksheet(SHEETS.records);
  sheet.columns = [{ width: 34 }, { width: 44 }, { width: 16 }, { width: 20 }, { width: 38 }, { width: 44 }, { width: 24 }];
  titleRow(sheet, `Danh sách bản ghi được đếm / Records counted — ${scopeName(report)}, ${viDate(report.asOf)}`, 7, {
    bold: true,
    size: 12,
  });
  const hidden = report.figures.filter((f) => !options.listsRecordsOf(f.key));
  wrappedRow(
    sheet,
    hidden.length === 0
      ? 'Đầy đủ bản ghi của mọi chỉ tiêu. / The records of every figure.'
      : `Không liệt kê bản ghi của các chỉ tiêu: ${hidden.map((f) => f.label.vi).join('; ')} — tài khoản này không được xem thông tin đảng viên. / Records of ${hidden.map((f) => f.key).join(', ')} are not listed: this account may not see party membership.`,
    7,
    { italic: true, ...(hidden.length === 0 ? {} : { color: { argb: 'FFC00000' } }) },
  );
  sheet.addRow([]);
  headerRow(sheet, ['Mã chỉ tiêu / Figure key', 'Chỉ tiêu', 'Phần / Part', 'Loại / Type', 'Mã / Id', 'Tên / Name', 'Phường / Ward']);
  const headerRowNumber = sheet.rowCount;
  for (const f of report.figures) {
    if (hidden.includes(f)) continue;
    const wards = recordWards(f);
    const list = (records: readonly RecordRef[], part: string, ofWard: Map<string, string[]>) => {
      for (const r of records) addRow(sheet, [f.key, f.label.vi, part, r.type, r.id, r.name, (ofWard.get(r.id) ?? []).join(', ')]);
    };
    list(f.records, 'tử số / counted', wards.records);
    if (f.denominatorRecords) list(f.denominatorRecords, 'mẫu số / denominator', wards.denominator);
  }
  sheet.autoFilter = { from: { row: headerRowNumber, column: 1 }, to: { row: headerRowNumber, column: 7 } };
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
