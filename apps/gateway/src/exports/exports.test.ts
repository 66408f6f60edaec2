import { ENTITY_TYPE_LABELS, FIGURE_KEYS, FINDING_CODES, RULES } from '@coso/domain';
import { DIRECTIVE_ID, DISTRICT_ID, deliberateGaps, OLD_WARD_KEYS, REVIEW_DATE, WARD_IDS } from '@coso/sample-data';
import { stableUuid } from '@coso/schema';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from '../test-support/sign-in.js';
import { startTestGateway, type TestGateway } from '../test-support/test-gateway.js';

/**
 * The review-report exports over HTTP, against the Long Biên 2022 dataset: the files are downloaded
 * and parsed back (word/document.xml from the DOCX zip, the workbook with exceljs), and must carry
 * the article's figures (222 groups, 13/14 wards, 49/49 cells, 8 and 31 boards, 65 = 43 party
 * members + 29 post holders with overlap, 22 Regulation 213 members, 5 presentations, 25 + 25
 * commended) with their Vietnamese intact.
 */

const directiveId = stableUuid(DIRECTIVE_ID);
const districtId = stableUuid(DISTRICT_ID);
const giangBienId = stableUuid(WARD_IDS['giang-bien']);
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Figures whose records name party members or party post holders (API.md, "Party data"), by their labels. */
const PARTY_FIGURE_LABELS = [
  'Thành viên hệ thống chính trị tổ dân phố tham gia Ban quản trị',
  'Đảng viên tham gia Ban quản trị',
  // Its 29 people include cell secretaries and committee members.
  'Thành viên hệ thống chính trị tham gia Ban quản trị',
  'Đảng viên giữ mối liên hệ nơi cư trú (Quy định 213-QĐ/TW) được giới thiệu tham gia Ban quản trị',
  'Đảng viên được Đảng ủy phường giới thiệu tham gia Ban quản trị',
];

/** The article's figures: key, Vietnamese label, value as the table writes it. */
const FIGURES: ReadonlyArray<[key: string, label: string, value: string]> = [
  ['residentialGroups', 'Tổ dân phố', '222'],
  ['wardsWithApartmentGroups', 'Phường có tổ dân phố có nhà chung cư', '13/14'],
  ['apartmentGroupsWithCell', 'Tổ dân phố có nhà chung cư đã có chi bộ', '49/49'],
  ['boardsEstablished', 'Ban quản trị nhà chung cư được thành lập mới', '8'],
  ['boardsConsolidated', 'Ban quản trị nhà chung cư được rà soát, kiện toàn', '31'],
  ['politicalSystemPeopleOnBoards', 'Thành viên hệ thống chính trị tổ dân phố tham gia Ban quản trị', '65'],
  ['partyMembersOnBoards', 'Đảng viên tham gia Ban quản trị', '43'],
  ['politicalSystemMembersOnBoards', 'Thành viên hệ thống chính trị tham gia Ban quản trị', '29'],
  [
    'residenceContactMembersIntroduced',
    'Đảng viên giữ mối liên hệ nơi cư trú (Quy định 213-QĐ/TW) được giới thiệu tham gia Ban quản trị',
    '22',
  ],
  ['presentations', 'Tham luận tại hội nghị sơ kết, tổng kết', '5'],
  ['commendedCollectives', 'Tập thể được khen thưởng', '25'],
  ['commendedIndividuals', 'Cá nhân được khen thưởng', '25'],
];

const NARRATIVE = [
  'Toàn quận có 222 tổ dân phố',
  '13/14 phường',
  '49 chi bộ/49 tổ dân phố',
  '08 Ban quản trị',
  'Đảng ủy phường Giang Biên',
];

let t: TestGateway;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestGateway(inject('databaseAdminUrl'));
  for (const user of ['quan.longbien', 'phuong.giangbien', 'phantich']) tokens[user] = await signIn(t.gateway.graphqlUrl, user);
});
afterAll(async () => {
  await t?.close();
});

function exportUrl(format: 'docx' | 'xlsx', params: Record<string, string>): URL {
  return new URL(`/exports/directive-report.${format}?${new URLSearchParams(params)}`, t.gateway.url);
}

async function download(format: 'docx' | 'xlsx', user: string | null, params: Record<string, string>): Promise<Response> {
  const token = user === null ? undefined : tokens[user];
  return fetch(exportUrl(format, params), token ? { headers: { authorization: `Bearer ${token}` } } : {});
}

const districtReview = { directiveId, scopeId: districtId, to: REVIEW_DATE };

// --- DOCX: the text of word/document.xml, by paragraph and by table row --------------------------

interface DocxText {
  xml: string;
  paragraphs: string[];
  /** Each table as rows of cell texts. */
  tables: string[][][];
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');
const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));

const tablesOf = (xml: string) =>
  [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphsOf(c[0]).join(' ')),
    ),
  );

async function readDocx(body: ArrayBuffer): Promise<DocxText & { zip: JSZip }> {
  const zip = await JSZip.loadAsync(body);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return { zip, xml, paragraphs: paragraphsOf(xml), tables: tablesOf(xml) };
}

// --- XLSX ------------------------------------------------------------------------------------------

async function readXlsx(body: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Every row as an array of cell values (index 0 = column A). */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    const values: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) values.push(row.getCell(c).value);
    rows.push(values);
  });
  return rows;
}

/** The ward of a deliberate gap's record, read from its id ("building-giang-bien-3-1" → "Giang Biên"). */
function gapWard(entityId: string): string {
  const key = [...OLD_WARD_KEYS].sort((a, b) => b.length - a.length).find((k) => entityId.includes(`-${k}-`));
  const name = key ? WARD_NAME_OF[key] : undefined;
  if (!name) throw new Error(`no ward in ${entityId}`);
  return name;
}

/** The gaps the sample leaves on the review date, by rule (the catalog's order), with counts per ward. */
function expectedGaps(): Array<{ code: string; total: number; byWard: Array<[string, number]> }> {
  const gaps = deliberateGaps().filter((g) => g.on === REVIEW_DATE);
  return FINDING_CODES.flatMap((code) => {
    const of = gaps.filter((g) => g.code === code);
    if (of.length === 0) return [];
    const counts = new Map<string, number>();
    for (const g of of) counts.set(gapWard(g.entityId), (counts.get(gapWard(g.entityId)) ?? 0) + 1);
    return [{ code, total: of.length, byWard: [...counts].sort((a, b) => a[0].localeCompare(b[0], 'vi')) }];
  });
}

async function graphql<T>(user: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(t.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[user]}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

const SAVE_TASKS = `mutation($input: SaveReportTasksInput!) { saveReportTasks(input: $input) { __typename
  ... on MutationSaveReportTasksSuccess { data { id text version periodFrom periodTo } }
  ... on ValidationError { violations { code path message { vi en } } } } }`;

type Saved = {
  saveReportTasks: { __typename: string; data?: { id: string; text: string; version: number; periodFrom: string; periodTo: string } };
};

/** Paragraphs [from, to) of the document, by their first exact texts. */
function between(paragraphs: string[], from: string, to: string): string[] {
  const a = paragraphs.indexOf(from);
  const b = paragraphs.indexOf(to);
  expect(a, from).toBeGreaterThanOrEqual(0);
  expect(b, to).toBeGreaterThan(a);
  return paragraphs.slice(a + 1, b).filter((p) => p !== '');
}

/** English words a Vietnamese document never holds (the old summary's, the figures' English labels). */
const ENGLISH = /\b(Summary|ENGLISH|Residential groups|Party members|Figures as of|management boards|Review of directive)\b/;

describe('GET /exports/directive-report.docx: the report as a party document (Hướng dẫn 36-HD/VPTW)', () => {
  const TASKS =
    'Tiếp tục rà soát, kiện toàn Ban quản trị nhà chung cư.\nĐôn đốc ký quy chế phối hợp giữa tổ trưởng tổ dân phố và Ban quản trị.';

  it('has the header, number, place and date, the sections in order, the gaps by rule and ward, the saved tasks, Nơi nhận, the signature, page numbers, a landscape ward table; Vietnamese only', async () => {
    const saved = await graphql<Saved>('quan.longbien', SAVE_TASKS, {
      input: { directiveId, scopeId: districtId, to: REVIEW_DATE, text: TASKS },
    });
    expect(saved.saveReportTasks.__typename).toBe('MutationSaveReportTasksSuccess');
    expect(saved.saveReportTasks.data?.periodFrom).toBe('2021-09-30'); // the directive's issue date, as the report's period

    const res = await download('docx', 'quan.longbien', {
      ...districtReview,
      number: '15',
      signerPosition: 'PHÓ BÍ THƯ',
      signerName: 'Nguyễn Văn Ký',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="bao-cao-so-ket-05-TT-QU-quan-long-bien-2022-12-01.docx"; filename*=UTF-8''${encodeURIComponent('Báo cáo sơ kết 05-TT-QU Quận Long Biên 2022-12-01.docx')}`,
    );
    const doc = await readDocx(await res.arrayBuffer());
    expect(doc.xml).toBe(doc.xml.normalize('NFC'));
    const p = doc.paragraphs.filter((x) => x !== '');

    // The header: the committee above and the issuing committee, "*", number and symbol; the Party's name; place and date.
    expect(p.slice(0, 8)).toEqual([
      'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
      'QUẬN ỦY LONG BIÊN',
      '*',
      'Số 15-BC/QU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Long Biên, ngày 01 tháng 12 năm 2022',
      'BÁO CÁO',
      'sơ kết một năm thực hiện Thông tri số 05-TT/QU',
    ]);
    expect(runOf(doc.xml, 'ĐẢNG CỘNG SẢN VIỆT NAM')).toMatch(/<w:u w:val="single"\/>/);
    expect(runOf(doc.xml, 'ĐẢNG CỘNG SẢN VIỆT NAM')).toMatch(/<w:b\/>/);
    expect(runOf(doc.xml, 'Long Biên, ngày 01 tháng 12 năm 2022')).toMatch(/<w:i\/>/);
    expect(runOf(doc.xml, 'QUẬN ỦY LONG BIÊN')).toMatch(/<w:b\/>/);

    // The sections in order.
    const order = [
      'I. KẾT QUẢ THỰC HIỆN',
      '1. Các chỉ tiêu',
      '2. Số liệu theo phường',
      'II. TỒN TẠI, HẠN CHẾ',
      'III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI',
      'Nơi nhận:',
      'T/M BAN THƯỜNG VỤ',
    ];
    const at = order.map((h) => p.indexOf(h));
    expect(
      at.every((i) => i > 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);

    // Results: the narrative and the figures.
    const narrative = p.find((x) => x.startsWith('Toàn quận có'));
    for (const phrase of NARRATIVE) expect(narrative).toContain(phrase);
    const [figures, wards] = doc.tables.filter((tbl) => tbl[0]?.[0] === 'Chỉ tiêu');
    expect(figures?.[0]).toEqual(['Chỉ tiêu', 'Số liệu', 'Định nghĩa']);
    for (const [, label, value] of FIGURES) expect(figures?.find((r) => r[0] === label)?.[1], label).toBe(value);

    // Gaps: by rule, in the catalog's order, with the count of each ward — from the sample's deliberate gaps.
    const gaps = between(p, 'II. TỒN TẠI, HẠN CHẾ', 'III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI');
    const expected = expectedGaps();
    const total = expected.reduce((sum, g) => sum + g.total, 0);
    expect(gaps).toEqual([
      `Đến ngày 01/12/2022, rà soát dữ liệu còn ${total} trường hợp chưa đạt yêu cầu, gồm:`,
      ...expected.flatMap((g, i) => [
        `${i + 1}. ${RULES[g.code as keyof typeof RULES].title.vi}: ${g.total} trường hợp.`,
        ...g.byWard.map(([ward, n]) => `- ${ward}: ${n}`),
      ]),
    ]);

    // The tasks ahead: the saved text, a paragraph a line.
    expect(between(p, 'III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI', 'Nơi nhận:')).toEqual(TASKS.split('\n'));

    // Nơi nhận (the default list) and the signature block.
    const closing = p.slice(p.indexOf('Nơi nhận:'));
    expect(closing).toEqual([
      'Nơi nhận:',
      '- Thường trực Thành ủy Hà Nội (để báo cáo),',
      '- Các đồng chí Ủy viên Ban Thường vụ,',
      '- Các chi bộ, đảng bộ trực thuộc,',
      '- Lưu Văn phòng.',
      'T/M BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ',
      'Nguyễn Văn Ký',
    ]);
    expect(runOf(doc.xml, 'Nơi nhận:')).toMatch(/<w:u w:val="single"\/>/);

    // Sections: portrait A4, then the ward table on a landscape A4 page, then portrait again.
    const sections = sectionsOf(doc.xml);
    expect(sections.map((x) => x.orientation)).toEqual(['portrait', 'landscape', 'portrait']);
    expect(sections.map((x) => [x.width, x.height])).toEqual([
      [11906, 16838],
      [16838, 11906],
      [11906, 16838],
    ]);
    expect(sections[1]?.body).toContain('2. Số liệu theo phường');
    const wardTable = sections[1]?.tables[0] ?? [];
    expect(wardTable).toEqual(wards);
    expect(wardTable[0]?.length).toBe(17); // Chỉ tiêu, 14 wards, the unassigned entry, Tổng
    expect(sections[0]?.tables.some((tbl) => tbl[0]?.length === 17)).toBe(false);
    expect(sections[2]?.tables.some((tbl) => tbl[0]?.length === 17)).toBe(false);
    // Margins per the guidance: left 30 mm on portrait pages, 20 mm top/bottom/right.
    expect(sections[0]?.margins).toMatchObject({ top: 1134, bottom: 1134, left: 1701, right: 1134 });

    // Page numbers: a PAGE field in the header, none on the first page.
    expect(doc.xml).toContain('<w:titlePg/>');
    const headers = await Promise.all(
      Object.keys(doc.zip.files)
        .filter((f) => /^word\/header\d+\.xml$/.test(f))
        .map((f) => doc.zip.file(f)?.async('string') ?? ''),
    );
    expect(headers.some((h) => /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(h))).toBe(true);

    // Times New Roman, 14 pt, nothing embedded; Vietnamese only.
    const styles = (await doc.zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
    expect(Object.keys(doc.zip.files).filter((f) => f.startsWith('word/fonts/'))).toEqual([]);
    expect(p.filter((x) => ENGLISH.test(x))).toEqual([]);
  });

  it('blank dots for a number not given, the ward committee under the district for a ward, an English summary only when asked', async () => {
    const own = await download('docx', 'phuong.giangbien', { ...districtReview, scopeId: giangBienId });
    expect(own.status).toBe(200);
    const ward = (await readDocx(await own.arrayBuffer())).paragraphs.filter((x) => x !== '');
    expect(ward.slice(0, 4)).toEqual(['ĐẢNG BỘ QUẬN LONG BIÊN', 'ĐẢNG ỦY PHƯỜNG GIANG BIÊN', '*', 'Số …-BC/ĐU']);
    expect(ward.slice(ward.indexOf('Nơi nhận:')).slice(-2)).toEqual(['T/M ĐẢNG ỦY', 'BÍ THƯ']);
    expect(ward).toContain('Giang Biên, ngày 01 tháng 12 năm 2022');
    expect(ward.find((x) => x.startsWith('Toàn phường có'))).toContain('Đảng ủy phường Giang Biên giới thiệu 35 đảng viên');
    expect(ward.filter((x) => ENGLISH.test(x))).toEqual([]);
    // No tasks saved for the ward: dotted lines to write on.
    expect(between(ward, 'III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI', 'Nơi nhận:')).toEqual(['…'.repeat(60), '…'.repeat(60), '…'.repeat(60)]);

    for (const lang of ['en', 'vi,en']) {
      const res = await download('docx', 'quan.longbien', { ...districtReview, lang, recipients: 'Ban Tổ chức Thành ủy\n- Lưu VP.' });
      const p = (await readDocx(await res.arrayBuffer())).paragraphs.filter((x) => x !== '');
      expect(p, lang).toContain('SUMMARY (ENGLISH)');
      expect(p).toContain('Residential groups: 222');
      const closing = p.slice(p.indexOf('Nơi nhận:'), p.indexOf('T/M BAN THƯỜNG VỤ'));
      expect(closing).toEqual(['Nơi nhận:', '- Ban Tổ chức Thành ủy,', '- Lưu VP.']);
    }
  });

  it('refuses a bad number, language or date of the document, listing each', async () => {
    const res = await download('docx', 'quan.longbien', { ...districtReview, number: '15-BC/QU', lang: 'fr', date: '2022-02-30' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      errors: Array<{ message: string; extensions: { violations: Array<{ code: string; path: string[] }> } }>;
    };
    expect(body.errors[0]?.extensions.violations.map((v) => v.path[0]).sort()).toEqual(['date', 'lang', 'number']);
    expect(body.errors[0]?.message).toContain('Số văn bản "15-BC/QU" không hợp lệ');
  });

  it('keeps the saved tasks with the report: a new save rewrites the same record (audited), a new export prints the new text', async () => {
    const first = await graphql<Saved>('quan.longbien', SAVE_TASKS, {
      input: { directiveId, scopeId: districtId, from: '2021-09-30', to: REVIEW_DATE, text: 'Nội dung thứ nhất.' },
    });
    const second = await graphql<Saved>('quan.longbien', SAVE_TASKS, {
      input: {
        directiveId,
        scopeId: districtId,
        to: REVIEW_DATE,
        text: '  Nội dung thứ hai.  ',
        version: first.saveReportTasks.data?.version,
      },
    });
    const id = second.saveReportTasks.data?.id ?? '';
    expect(second.saveReportTasks.data?.text).toBe('Nội dung thứ hai.');
    expect(id).toBe(first.saveReportTasks.data?.id);
    expect(second.saveReportTasks.data?.version).toBe((first.saveReportTasks.data?.version ?? 0) + 1);
    // Read back through the API with the report's arguments.
    const read = await graphql<{ reportTasks: { id: string; text: string } | null }>(
      'quan.longbien',
      'query($d: ID!, $s: ID!, $to: Date!) { reportTasks(directiveId: $d, scopeId: $s, to: $to) { id text } }',
      { d: directiveId, s: districtId, to: REVIEW_DATE },
    );
    expect(read.reportTasks?.text).toBe('Nội dung thứ hai.');

    const dbId = Buffer.from(id, 'base64').toString().split(':')[1] ?? '';
    const entries = await t.prisma.auditEntry.findMany({ where: { entityType: 'ReportTasks', entityId: dbId }, orderBy: { id: 'asc' } });
    expect(entries.length).toBeGreaterThanOrEqual(2);
    const last = entries.at(-1);
    expect(last?.actor).toBe('quan.longbien');
    expect(last?.operation).toBe('saveReportTasks');
    expect((last?.before as { text?: string } | null)?.text).toBe('Nội dung thứ nhất.');
    expect((last?.after as { text?: string } | null)?.text).toBe('Nội dung thứ hai.');

    const doc = await readDocx(await (await download('docx', 'quan.longbien', districtReview)).arrayBuffer());
    const p = doc.paragraphs.filter((x) => x !== '');
    expect(between(p, 'III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI', 'Nơi nhận:')).toEqual(['Nội dung thứ hai.']);

    // A stale version is refused and changes nothing; a ward officer may not write the district's.
    const stale = await graphql<{ saveReportTasks: { __typename: string } }>('quan.longbien', SAVE_TASKS, {
      input: { directiveId, scopeId: districtId, to: REVIEW_DATE, text: 'Cũ', version: first.saveReportTasks.data?.version },
    });
    expect(stale.saveReportTasks.__typename).toBe('VersionConflictError');
    const outside = await fetch(t.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens['phuong.giangbien']}` },
      body: JSON.stringify({ query: SAVE_TASKS, variables: { input: { directiveId, scopeId: districtId, to: REVIEW_DATE, text: 'X' } } }),
    });
    const refused = (await outside.json()) as { errors?: Array<{ extensions: { code: string } }> };
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const after = await graphql<{ reportTasks: { text: string } | null }>(
      'quan.longbien',
      'query($d: ID!, $s: ID!, $to: Date!) { reportTasks(directiveId: $d, scopeId: $s, to: $to) { text } }',
      { d: directiveId, s: districtId, to: REVIEW_DATE },
    );
    expect(after.reportTasks?.text).toBe('Nội dung thứ hai.');
  });
});

/** The XML of the run holding exactly `text`. */
function runOf(xml: string, text: string): string {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<w:r>(?:(?!<w:r>)[\\s\\S])*?<w:t(?:\\s[^>]*)?>${escaped}</w:t>`).exec(xml)?.[0] ?? '';
}

/** The document's sections: each one's page size, orientation, margins, paragraphs and tables. */
function sectionsOf(xml: string) {
  const body = xml.slice(xml.indexOf('<w:body>'));
  const parts = body.split(/(<w:sectPr[\s\S]*?<\/w:sectPr>)/);
  const out: Array<{
    orientation: string;
    width: number;
    height: number;
    margins: Record<string, number>;
    body: string[];
    tables: string[][][];
  }> = [];
  for (let i = 1; i < parts.length; i += 2) {
    const sectPr = parts[i] ?? '';
    const content = parts[i - 1] ?? '';
    const size = /<w:pgSz([^>]*)\/>/.exec(sectPr)?.[1] ?? '';
    const attr = (src: string, name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(src)?.[1]);
    const margin = /<w:pgMar([^>]*)\/>/.exec(sectPr)?.[1] ?? '';
    out.push({
      orientation: /w:orient="landscape"/.test(size) ? 'landscape' : 'portrait',
      width: attr(size, 'w'),
      height: attr(size, 'h'),
      margins: { top: attr(margin, 'top'), bottom: attr(margin, 'bottom'), left: attr(margin, 'left'), right: attr(margin, 'right') },
      body: paragraphsOf(content),
      tables: tablesOf(content),
    });
  }
  return out;
}

describe('GET /exports/directive-report.xlsx', () => {
  it('gives the district the figures, the wards and every record behind the figures, headed in Vietnamese', async () => {
    const res = await download('xlsx', 'quan.longbien', districtReview);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toContain('filename="bao-cao-so-ket-05-TT-QU-quan-long-bien-2022-12-01.xlsx"');
    const workbook = await readXlsx(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo phường', 'Danh sách']);

    // Tổng hợp: the narrative above, then Chỉ tiêu | Số liệu | Mẫu số | Định nghĩa.
    const summary = rowsOf(sheet(workbook, 'Tổng hợp'));
    const narrative = summary.map((r) => r[0]).find((v): v is string => typeof v === 'string' && v.startsWith('Toàn quận có'));
    for (const phrase of NARRATIVE) expect(narrative).toContain(phrase);
    expect(summary.map((r) => r[0])).toContain('BÁO CÁO SƠ KẾT MỘT NĂM THỰC HIỆN THÔNG TRI SỐ 05-TT/QU');
    expect(summary.find((r) => r[0] === 'Chỉ tiêu')).toEqual(['Chỉ tiêu', 'Số liệu', 'Mẫu số', 'Định nghĩa']);
    for (const [, label, value] of FIGURES) {
      const row = summary.find((r) => r[0] === label);
      const [numerator, denominator] = value.split('/').map(Number);
      expect(row?.slice(1, 3), label).toEqual([numerator, denominator ?? null]);
      expect(row?.[3], label).toMatch(/\S{3}/);
    }

    // Theo phường: ward × figure, headed by the figures' labels, the totals at the bottom.
    const byWard = rowsOf(sheet(workbook, 'Theo phường'));
    const header = byWard.find((r) => r[0] === 'Phường') ?? [];
    // A figure that does not add up across wards is marked (*).
    const column = (label: string) => header.findIndex((h) => typeof h === 'string' && h.replace(/ \(\*\)$/, '') === label);
    const giangBien = byWard.find((r) => r[0] === 'Giang Biên') ?? [];
    const total = byWard.find((r) => r[0] === 'Tổng') ?? [];
    const wardRows = byWard.filter((r) => typeof r[0] === 'string' && WARD_NAMES.includes(r[0]));
    expect(wardRows).toHaveLength(14);
    expect(total[column('Tổ dân phố')]).toBe(222);
    expect(total[column('Ban quản trị nhà chung cư được thành lập mới')]).toBe(8);
    expect(giangBien[column('Đảng viên được Đảng ủy phường giới thiệu tham gia Ban quản trị')]).toBe(35);
    expect(wardRows.reduce((sum, r) => sum + Number(r[column('Tổ dân phố')]), 0)).toBe(222);
    expect(column('Tổ dân phố có nhà chung cư đã có chi bộ — mẫu số')).toBeGreaterThan(0);

    // Danh sách: one row per record (Chỉ tiêu | Phần | Loại bản ghi | Tên | Phường); party staff see every figure's.
    const records = rowsOf(sheet(workbook, 'Danh sách'));
    expect(records.find((r) => r[0] === 'Chỉ tiêu')).toEqual(['Chỉ tiêu', 'Phần', 'Loại bản ghi', 'Tên', 'Phường']);
    const counted = (label: string) => records.filter((r) => r[0] === label && r[1] === 'Được đếm (tử số)');
    expect(counted('Ban quản trị nhà chung cư được thành lập mới')).toHaveLength(8);
    expect(counted('Đảng viên tham gia Ban quản trị')).toHaveLength(43);
    expect(counted('Thành viên hệ thống chính trị tổ dân phố tham gia Ban quản trị')).toHaveLength(65);
    expect(records.filter((r) => r[0] === 'Tổ dân phố có nhà chung cư đã có chi bộ' && r[1] === 'Mẫu số')).toHaveLength(49);
    expect(counted('Ban quản trị nhà chung cư được thành lập mới')[0]?.slice(2)).toEqual([
      'Tổ chức',
      expect.stringMatching(/^Ban quản trị/),
      expect.any(String),
    ]);
    expect(records.some((r) => typeof r[0] === 'string' && r[0].startsWith('Không liệt kê'))).toBe(false);
    for (const row of records) for (const v of row) if (typeof v === 'string') expect(v).toBe(v.normalize('NFC'));
  });

  it('no header or cell of any sheet is an internal key, a type name, a UUID or a global id (every export, every viewer)', async () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['quan.longbien', districtReview],
      ['phantich', districtReview],
      ['phuong.giangbien', { ...districtReview, scopeId: giangBienId }],
      ['quan.longbien', { ...districtReview, from: '2022-01-01' }],
    ];
    const keys = new Set<string>([...FIGURE_KEYS, ...ENTITY_TYPES, ...FIGURE_KEYS.map((k) => `${k}.denominator`)]);
    let checked = 0;
    for (const [user, params] of cases) {
      const res = await download('xlsx', user, params);
      expect(res.status, `${user} ${JSON.stringify(params)}`).toBe(200);
      const workbook = await readXlsx(await res.arrayBuffer());
      for (const ws of workbook.worksheets) {
        for (const [r, row] of rowsOf(ws).entries()) {
          for (const [c, value] of row.entries()) {
            if (typeof value !== 'string') continue;
            checked++;
            const where = `${user} ${ws.name} R${r + 1}C${c + 1}: ${value}`;
            expect(internalText(value, keys), where).toBeUndefined();
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // The check itself catches each kind it looks for.
    for (const planted of [
      'residentialGroups',
      'boardsEstablished.denominator',
      'Organization',
      directiveId,
      globalId('Person', directiveId),
    ])
      expect(internalText(`x ${planted} y`, keys), planted).toBeDefined();
  });

  it('gives an analyst no records of the party figures, and says so; the export is logged without personal data', async () => {
    // Global ids work as well as UUIDs.
    const res = await download('xlsx', 'phantich', {
      directiveId: globalId('Directive', directiveId),
      scopeId: globalId('AdministrativeUnit', districtId),
      to: REVIEW_DATE,
    });
    expect(res.status).toBe(200);
    const workbook = await readXlsx(await res.arrayBuffer());
    const records = rowsOf(sheet(workbook, 'Danh sách'));
    for (const label of PARTY_FIGURE_LABELS)
      expect(
        records.filter((r) => r[0] === label),
        label,
      ).toEqual([]);
    const note = records.map((r) => r[0]).find((v) => typeof v === 'string' && v.startsWith('Không liệt kê'));
    expect(note).toContain('tài khoản này không được xem thông tin đảng viên');
    expect(records.filter((r) => r[0] === 'Ban quản trị nhà chung cư được thành lập mới')).toHaveLength(8);
    // The figures themselves are not secret: only who is behind them.
    expect(rowsOf(sheet(workbook, 'Tổng hợp')).find((r) => r[0] === 'Đảng viên tham gia Ban quản trị')?.[1]).toBe(43);

    const line = t.logs.find((l) => l.msg === 'export' && l.actor === 'phantich');
    expect(line).toMatchObject({
      role: 'ANALYST',
      export: 'directive-report.xlsx',
      directiveId,
      scopeId: districtId,
      to: REVIEW_DATE,
      partyRecordsOmitted: true,
    });
    const someName = records.find((r) => r[0] === 'Cá nhân được khen thưởng')?.[3];
    expect(typeof someName).toBe('string');
    expect(JSON.stringify(t.logs)).not.toContain(String(someName));
  });
});

/** The record types of the domain, as a workbook must never print them. */
const ENTITY_TYPES = Object.keys(ENTITY_TYPE_LABELS);

/** What in `text` is internal: a known key or type name, a camelCase identifier, a UUID, a global id; undefined when none. */
function internalText(text: string, keys: ReadonlySet<string>): string | undefined {
  for (const word of text.split(/[\s,;:()/"“”]+/)) {
    const bare = word.replace(/[.…]+$/, '');
    if (keys.has(bare)) return `key ${bare}`;
    if (/^[a-z]+(?:[A-Z][a-z0-9]*)+(?:\.[a-z]+)?$/.test(bare)) return `identifier ${bare}`;
    if (/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.test(bare)) return `uuid ${bare}`;
    if (/^[A-Za-z0-9+/]{16,}={0,2}$/.test(bare) && /^[A-Z][A-Za-z]+:/.test(Buffer.from(bare, 'base64').toString('latin1'))) {
      return `global id ${bare}`;
    }
  }
  return undefined;
}

describe('refusals', () => {
  it('401 without a token or with an unknown one', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'MISSING'],
      [{ authorization: 'Bearer not-a-session' }, 'MALFORMED'],
    ];
    for (const [headers, credential] of cases) {
      const res = await fetch(exportUrl('docx', districtReview), { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string; credential: string } }> };
      expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
      // Why, then how to sign in (every kind of credential: sign-in-errors.test.ts).
      expect(body.errors[0]?.extensions.credential).toBe(credential);
      expect(body.errors[0]?.message).toMatch(/login\(username, password\).* \/ .*Sign in with the mutation login\(username, password\)/);
    }
  });

  it('403 for ward staff asking for the district; their own ward is theirs', async () => {
    const res = await download('xlsx', 'phuong.giangbien', districtReview);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('FORBIDDEN');

    const own = await download('docx', 'phuong.giangbien', { ...districtReview, scopeId: giangBienId });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toContain('filename="bao-cao-so-ket-05-TT-QU-phuong-giang-bien-2022-12-01.docx"');
    const doc = await readDocx(await own.arrayBuffer());
    expect(doc.paragraphs).toContain('Phạm vi: Phường Giang Biên');
    expect(doc.paragraphs.find((p) => p.startsWith('Toàn phường có'))).toContain('Đảng ủy phường Giang Biên giới thiệu 35 đảng viên');
  });

  it('400 for a bad date, listing every problem in Vietnamese, then English', async () => {
    const res = await download('docx', 'quan.longbien', { directiveId, to: '2022-13-45' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      errors: Array<{ message: string; extensions: { code: string; violations: Array<{ code: string; path: string[] }> } }>;
    };
    const error = body.errors[0];
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions.violations.map((v) => [v.code, v.path])).toEqual([
      ['REQUIRED_FIELD', ['scopeId']],
      ['DATE_FORMAT', ['to']],
    ]);
    const message = error?.message ?? '';
    expect(message).toMatch(/^Tham số không hợp lệ: /);
    expect(message).toContain('Ngày "2022-13-45" (tham số "to") không hợp lệ');
    expect(message).toContain('The date "2022-13-45" (parameter "to") is not valid');
    expect(message.indexOf('Thiếu tham số "scopeId"')).toBeLessThan(message.indexOf(' / Invalid parameters: '));
  });

  it('400 when the report cannot be made (an unknown directive), with the domain’s violations', async () => {
    const res = await download('xlsx', 'quan.longbien', { ...districtReview, directiveId: stableUuid('no-such-directive') });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: { violations: Array<{ code: string }> } }> };
    expect(body.errors[0]?.message).toMatch(
      /^Không lập được báo cáo: Không tìm thấy văn bản chỉ đạo.* \/ The report cannot be made: Directive/,
    );
    expect(body.errors[0]?.extensions.violations.map((v) => v.code)).toEqual(['ENTITY_NOT_FOUND']);
  });
});

const WARD_NAMES = [
  'Bồ Đề',
  'Cự Khối',
  'Đức Giang',
  'Gia Thụy',
  'Giang Biên',
  'Long Biên',
  'Ngọc Lâm',
  'Ngọc Thụy',
  'Phúc Đồng',
  'Phúc Lợi',
  'Sài Đồng',
  'Thạch Bàn',
  'Thượng Thanh',
  'Việt Hưng',
];

/** The wards of 2022 by their sample key, as the documents name them. */
const WARD_NAME_OF: Record<string, string> = {
  'thuong-thanh': 'Thượng Thanh',
  'ngoc-thuy': 'Ngọc Thụy',
  'giang-bien': 'Giang Biên',
  'duc-giang': 'Đức Giang',
  'viet-hung': 'Việt Hưng',
  'gia-thuy': 'Gia Thụy',
  'ngoc-lam': 'Ngọc Lâm',
  'phuc-loi': 'Phúc Lợi',
  'bo-de': 'Bồ Đề',
  'sai-dong': 'Sài Đồng',
  'long-bien': 'Long Biên',
  'thach-ban': 'Thạch Bàn',
  'phuc-dong': 'Phúc Đồng',
  'cu-khoi': 'Cự Khối',
};
