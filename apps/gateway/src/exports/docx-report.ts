import { type DirectiveReport, FINDING_CODES, type Figure, type Finding, RULES, reportNarrative } from '@coso/domain';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { defaultRecipients, groupFindings, type IssuingCommittee, numberAndSymbol, type PartyDocumentParams } from './party-document.js';
import { directiveName, periodLine, placeAndDate, reportTitle, scopeName, valueText, viDate } from './report-text.js';

/** What the Word export prints beyond the report: the committee, the officer's entries, the gaps and the tasks. */
export interface DocxContent {
  committee: IssuingCommittee;
  params: PartyDocumentParams;
  /** The findings of the scope on the report's date, as the viewer may see them. */
  findings: readonly Finding[];
  /** The saved tasks ahead ("Nhiệm vụ, giải pháp thời gian tới"), or none yet. */
  tasks: string | undefined;
}

/**
 * The review report as the document a party committee files (thể thức văn bản của Đảng, Hướng dẫn
 * 36-HD/VPTW): the header (the committee above and the issuing committee, "*", the number and
 * symbol on the left; "ĐẢNG CỘNG SẢN VIỆT NAM" underlined and the place and date in italics on the
 * right), the type "BÁO CÁO" and its subject, then I. results (the narrative, the figures, the
 * 17-column ward table on a landscape page), II. "Tồn tại, hạn chế" (the findings by rule, with
 * counts per ward), III. "Nhiệm vụ, giải pháp thời gian tới" (the officer's saved text), "Nơi
 * nhận" and the signature block. A4, Times New Roman 14 pt, page numbers at the top centre from
 * the second page. Vietnamese only; an English summary only when asked for.
 */
export async function directiveReportDocx(report: DirectiveReport, content: DocxContent): Promise<Buffer> {
  const pageNumbers = {
    headers: {
      default: new Header({
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
      }),
      first: new Header({ children: [new Paragraph({})] }),
    },
  };
  const doc = new Document({
    creator: 'coso',
    title: reportTitle(report),
    subject: `${directiveName(report.directive.code)} — ${scopeName(report)}`,
    description: `Số liệu tính đến ngày ${viDate(report.asOf)}`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 28, language: { value: 'vi-VN' } },
          paragraph: { spacing: { after: 120, line: 300 } },
        },
        heading1: { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
      },
    },
    sections: [
      {
        properties: { titlePage: true, page: { size: A4, margin: PORTRAIT_MARGINS } },
        ...pageNumbers,
        children: [...documentHeader(report, content), ...narrative(report), ...figures(report)],
      },
      {
        properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: LANDSCAPE_MARGINS } },
        ...pageNumbers,
        children: byWard(report),
      },
      {
        properties: { page: { size: A4, margin: PORTRAIT_MARGINS } },
        ...pageNumbers,
        children: [...gaps(report, content.findings), ...tasksAhead(content.tasks), closing(content)],
      },
      ...(content.params.english
        ? [{ properties: { page: { size: A4, margin: PORTRAIT_MARGINS } }, ...pageNumbers, children: englishSummary(report) }]
        : []),
    ],
  });
  return Packer.toBuffer(doc);
}

const FONT = 'Times New Roman';
const A4 = { width: 11906, height: 16838 };
// Hướng dẫn 36-HD/VPTW: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm (twips: 1 mm = 56.7).
const PORTRAIT_MARGINS = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
// A landscape page turns the sheet: the binding edge (left in portrait) is now the top.
const LANDSCAPE_MARGINS = { top: 1701, bottom: 1134, left: 1134, right: 1134 };
const PORTRAIT_WIDTH = A4.width - PORTRAIT_MARGINS.left - PORTRAIT_MARGINS.right;
const LANDSCAPE_WIDTH = A4.height - LANDSCAPE_MARGINS.left - LANDSCAPE_MARGINS.right;

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

type Run = { bold?: boolean; italics?: boolean; size?: number; underline?: boolean };
const line = (text: string, run: Run = {}, align: Alignment = AlignmentType.CENTER, after = 0) =>
  new Paragraph({
    alignment: align,
    spacing: { after, line: 260 },
    children: [
      new TextRun({
        text: nfc(text),
        ...(run.bold ? { bold: true } : {}),
        ...(run.italics ? { italics: true } : {}),
        ...(run.size ? { size: run.size } : {}),
        ...(run.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
      }),
    ],
  });

/** Two columns without borders: the committee and the number on the left, the Party's name and the date on the right. */
function twoColumns(left: Paragraph[], right: Paragraph[], widths: [number, number]): Table {
  return new Table({
    borders: NO_BORDERS,
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    rows: [
      new TableRow({
        children: [
          new TableCell({ borders: NO_BORDERS, width: { size: widths[0], type: WidthType.DXA }, children: left }),
          new TableCell({ borders: NO_BORDERS, width: { size: widths[1], type: WidthType.DXA }, children: right }),
        ],
      }),
    ],
  });
}

function documentHeader(report: DirectiveReport, content: DocxContent): Array<Paragraph | Table> {
  const { committee, params } = content;
  const left = [
    ...(committee.parentLine ? [line(committee.parentLine, { size: 28 })] : []),
    line(committee.committeeLine, { bold: true, size: 28 }),
    line('*'),
    line(numberAndSymbol(params.number, committee.symbol), { size: 28 }),
  ];
  const right = [
    line('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 30 }),
    line(''),
    line(placeAndDate(report, committee.place, params.date), { italics: true, size: 28 }),
  ];
  const subject = reportTitle(report).replace(/^BÁO CÁO /, '');
  return [
    twoColumns(left, right, [Math.round(PORTRAIT_WIDTH * 0.45), PORTRAIT_WIDTH - Math.round(PORTRAIT_WIDTH * 0.45)]),
    line('', {}, AlignmentType.CENTER, 240),
    line('BÁO CÁO', { bold: true, size: 32 }, AlignmentType.CENTER, 60),
    line(subjectCase(subject), { bold: true, size: 28 }, AlignmentType.CENTER, 60),
    line(report.directive.title, { italics: true, size: 26 }, AlignmentType.CENTER, 60),
    line('-----', {}, AlignmentType.CENTER, 60),
    line(`Phạm vi: ${scopeName(report)}`, { size: 26 }, AlignmentType.CENTER, 0),
    line(periodLine(report), { italics: true, size: 26 }, AlignmentType.CENTER, 240),
  ];
}

/** "SƠ KẾT MỘT NĂM THỰC HIỆN THÔNG TRI SỐ 05-TT/QU" → "sơ kết một năm thực hiện Thông tri số 05-TT/QU" (the subject in lower case, the document's name kept). */
function subjectCase(upperSubject: string): string {
  const lower = upperSubject.toLocaleLowerCase('vi');
  return lower.replace(
    /(thông tri|chỉ thị|nghị quyết|kết luận|văn bản) số (\S+)/,
    (_m, word: string, code: string) => `${word.charAt(0).toLocaleUpperCase('vi')}${word.slice(1)} số ${code.toLocaleUpperCase('vi')}`,
  );
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
    subheading('1. Các chỉ tiêu'),
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
    subheading('2. Số liệu theo phường'),
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

function subheading(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 120, after: 120 }, children: [new TextRun({ text: nfc(text), bold: true })] });
}

/** II. The gaps: the findings by rule (the catalog's order), with how many in each ward. */
function gaps(report: DirectiveReport, findings: readonly Finding[]): Paragraph[] {
  const groups = groupFindings(findings, FINDING_CODES);
  const body = (text: string, options: { bold?: boolean; indent?: number } = {}) =>
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: options.indent ?? 567 },
      spacing: { after: 60 },
      children: [new TextRun({ text: nfc(text), ...(options.bold ? { bold: true } : {}) })],
    });
  if (groups.length === 0) {
    return [heading('II. TỒN TẠI, HẠN CHẾ'), body(`Đến ngày ${viDate(report.asOf)}, dữ liệu không cho thấy tồn tại, hạn chế nào.`)];
  }
  const total = groups.reduce((sum, g) => sum + g.total, 0);
  return [
    heading('II. TỒN TẠI, HẠN CHẾ'),
    body(`Đến ngày ${viDate(report.asOf)}, rà soát dữ liệu còn ${total} trường hợp chưa đạt yêu cầu, gồm:`),
    ...groups.flatMap((g, i) => [
      body(`${i + 1}. ${findingTitle(g.code)}: ${g.total} trường hợp.`, { bold: true }),
      ...g.byWard.map((w) => body(`- ${w.wardName}: ${w.count}`, { indent: 851 })),
    ]),
  ];
}

function findingTitle(code: string): string {
  return (RULES as Record<string, { title: { vi: string } } | undefined>)[code]?.title.vi ?? code;
}

/** III. The tasks ahead: the officer's saved text, a paragraph a line; dotted lines to write on when none is saved. */
function tasksAhead(tasks: string | undefined): Paragraph[] {
  const lines = (tasks ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const paragraphs = (lines.length ? lines : [DOTS, DOTS, DOTS]).map(
    (text) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: 567 },
        spacing: { after: 60 },
        children: [new TextRun(nfc(text))],
      }),
  );
  return [heading('III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI'), ...paragraphs];
}

const DOTS = '…'.repeat(60);

/** "Nơi nhận" on the left, the signature block on the right ("T/M BAN THƯỜNG VỤ" or the ward's "T/M ĐẢNG ỦY", position, room to sign, name). */
function closing(content: DocxContent): Table {
  const { params, committee } = content;
  const recipients = params.recipients?.length ? params.recipients : defaultRecipients(committee);
  const left = [
    line('Nơi nhận:', { bold: true, underline: true, size: 28 }, AlignmentType.LEFT),
    ...recipients.map((r, i) => line(`- ${r}${i === recipients.length - 1 ? '.' : ','}`, { size: 24 }, AlignmentType.LEFT)),
  ];
  const right = [
    line(committee.signingFor, { bold: true, size: 28 }),
    line(params.signerPosition?.trim() || 'BÍ THƯ', { size: 28 }),
    line(''),
    line(''),
    line(''),
    line(params.signerName?.trim() ?? '', { bold: true, size: 28 }),
  ];
  return twoColumns(left, right, [Math.round(PORTRAIT_WIDTH * 0.5), PORTRAIT_WIDTH - Math.round(PORTRAIT_WIDTH * 0.5)]);
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
