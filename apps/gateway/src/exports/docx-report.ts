import { type DirectiveReport, type Figure, reportNarrative } from '@coso/domain';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { directiveName, periodLine, placeAndDate, reportTitle, scopeName, valueText, viDate } from './report-text.js';

/**
 * The review report as a Word document, in the style of the district's review article: title,
 * scope and date, the narrative paragraph, the figures with their definitions, the additive figures
 * by ward, and a short English summary. Times New Roman (ships with Word and LibreOffice's
 * metric-compatible Liberation Serif, covers Vietnamese); no font is embedded.
 */
export async function directiveReportDocx(report: DirectiveReport): Promise<Buffer> {
  const doc = new Document({
    creator: 'coso',
    title: reportTitle(report),
    subject: `${directiveName(report.directive.code)} — ${scopeName(report)}`,
    description: `Số liệu tính đến ngày ${viDate(report.asOf)} / Figures as of ${report.asOf}`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 26, language: { value: 'vi-VN' } },
          paragraph: { spacing: { after: 120, line: 300 } },
        },
        heading1: { run: { font: FONT, size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
      },
    },
    sections: [
      {
        properties: { page: { size: A4, margin: PORTRAIT_MARGINS } },
        children: [...titleBlock(report), ...narrative(report), ...figures(report)],
      },
      {
        properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: LANDSCAPE_MARGINS } },
        children: byWard(report),
      },
      { properties: { page: { size: A4, margin: PORTRAIT_MARGINS } }, children: englishSummary(report) },
    ],
  });
  return Packer.toBuffer(doc);
}

const FONT = 'Times New Roman';
const A4 = { width: 11906, height: 16838 };
// Vietnamese administrative documents: 2 cm top, bottom and right, 3 cm left (twips).
const PORTRAIT_MARGINS = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
const LANDSCAPE_MARGINS = { top: 1134, bottom: 1134, left: 1134, right: 1134 };
const PORTRAIT_WIDTH = A4.width - PORTRAIT_MARGINS.left - PORTRAIT_MARGINS.right;
const LANDSCAPE_WIDTH = A4.height - LANDSCAPE_MARGINS.left - LANDSCAPE_MARGINS.right;

function titleBlock(report: DirectiveReport): Paragraph[] {
  const centred = (text: string, run: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 60 }, children: [new TextRun({ text: nfc(text), ...run })] });
  return [
    centred(reportTitle(report), { bold: true, size: 28 }),
    centred(report.directive.title, { bold: true }),
    centred(`(ban hành ngày ${viDate(report.directive.issuedOn)})`, { italics: true }),
    centred('-----'),
    centred(`Phạm vi: ${scopeName(report)}`, { bold: true }),
    centred(periodLine(report), { italics: true }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 120, after: 240 },
      children: [new TextRun({ text: placeAndDate(report), italics: true })],
    }),
  ];
}

function heading(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    children: [new TextRun({ text: nfc(text), bold: true, font: FONT, color: '000000' })],
  });
}

function narrative(report: DirectiveReport): Paragraph[] {
  return [
    heading('I. KẾT QUẢ THỰC HIỆN'),
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: 567 },
      children: [new TextRun(nfc(reportNarrative(report).vi))],
    }),
  ];
}

function figures(report: DirectiveReport): Array<Paragraph | Table> {
  const widths = [3000, 1200, PORTRAIT_WIDTH - 4200];
  const rows = report.figures.map(
    (f) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(f.label.vi, widths[0]),
          cell(valueText(f), widths[1], { align: AlignmentType.CENTER, bold: true }),
          cell(f.definition.vi, widths[2], { size: 20 }),
        ],
      }),
  );
  return [
    heading('II. CÁC CHỈ TIÊU'),
    table(widths, [headerRow(['Chỉ tiêu', 'Số liệu', 'Định nghĩa'], widths), ...rows]),
    note('Số liệu có mẫu số ghi dạng "tử số/mẫu số". Định nghĩa nêu chính xác cách đếm của từng chỉ tiêu.'),
  ];
}

/** Figures whose ward values add up to the total, one row each; wards (and the unassigned entry) as columns. */
function byWard(report: DirectiveReport): Array<Paragraph | Table> {
  const additive = report.figures.filter((f) => f.byWardAdditive);
  const wards = columnsOf(additive);
  const labelWidth = 3000;
  const column = Math.floor((LANDSCAPE_WIDTH - labelWidth) / (wards.length + 1));
  const widths = [labelWidth, ...wards.map(() => column), column];
  const header = headerRow(['Chỉ tiêu', ...wards.map((w) => w.name), 'Tổng'], widths, 16);
  const rows = additive.map(
    (f) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(f.label.vi, labelWidth, { size: 16 }),
          ...wards.map((w) => {
            const entry = f.byWard.find((e) => e.wardId === w.id);
            return cell(entry ? valueText(entry) : '', column, { size: 16, align: AlignmentType.CENTER });
          }),
          cell(valueText(f), column, { size: 16, align: AlignmentType.CENTER, bold: true }),
        ],
      }),
  );
  return [
    heading('III. SỐ LIỆU THEO PHƯỜNG'),
    note(
      'Chỉ gồm các chỉ tiêu mà mỗi bản ghi được tính ở đúng một phường, nên số liệu các phường cộng lại bằng tổng. Các chỉ tiêu khác (một người tham gia Ban quản trị ở hai phường được tính ở cả hai phường) xem trong bảng tính (.xlsx), trang "Theo phường".',
    ),
    table(widths, [header, ...rows]),
  ];
}

/** The wards of the report in order, plus the unassigned entry when any figure has one. */
function columnsOf(list: readonly Figure[]): Array<{ id: string; name: string }> {
  const out: Array<{ id: string; name: string }> = [];
  for (const f of list) {
    for (const w of f.byWard) if (!out.some((o) => o.id === w.wardId)) out.push({ id: w.wardId, name: w.wardName });
  }
  return out;
}

function englishSummary(report: DirectiveReport): Paragraph[] {
  return [
    heading('SUMMARY (ENGLISH)'),
    new Paragraph({
      children: [
        new TextRun(
          nfc(
            `Review of directive ${report.directive.code} for ${scopeName(report)}, period ${report.period.from} to ${report.period.to} (figures as of ${report.asOf}).`,
          ),
        ),
      ],
    }),
    ...report.figures.map(
      (f) =>
        new Paragraph({
          bullet: { level: 0 },
          spacing: { after: 40 },
          children: [new TextRun(`${f.label.en}: `), new TextRun({ text: valueText(f), bold: true })],
        }),
    ),
  ];
}

function note(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 60, after: 120 }, children: [new TextRun({ text: nfc(text), italics: true, size: 20 })] });
}

function table(widths: number[], rows: TableRow[]): Table {
  return new Table({
    rows,
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
  });
}

function headerRow(titles: readonly string[], widths: readonly number[], size = 22): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: titles.map((t, i) => cell(t, widths[i] ?? 0, { bold: true, align: AlignmentType.CENTER, size, shade: true })),
  });
}

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

function cell(
  text: string,
  width: number | undefined,
  options: { bold?: boolean; align?: Alignment; size?: number; shade?: boolean } = {},
): TableCell {
  return new TableCell({
    width: { size: width ?? 0, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {}),
    children: [
      new Paragraph({
        spacing: { after: 0, line: 260 },
        ...(options.align ? { alignment: options.align } : {}),
        children: [new TextRun({ text: nfc(text), bold: options.bold ?? false, size: options.size ?? 22 })],
      }),
    ],
  });
}

function nfc(text: string): string {
  return text.normalize('NFC');
}
