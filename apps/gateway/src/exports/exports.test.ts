import { DIRECTIVE_ID, DISTRICT_ID, REVIEW_DATE, WARD_IDS } from '@coso/sample-data';
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
/** Figures whose records name party members or party post holders (API.md, "Party data"). */
const PARTY_FIGURES = [
  'politicalSystemPeopleOnBoards',
  'partyMembersOnBoards',
  // Its 29 people include cell secretaries and committee members.
  'politicalSystemMembersOnBoards',
  'residenceContactMembersIntroduced',
  'nominatedPartyMembers',
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

async function readDocx(body: ArrayBuffer): Promise<DocxText & { zip: JSZip }> {
  const zip = await JSZip.loadAsync(body);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphsOf(c[0]).join(' ')),
    ),
  );
  return { zip, xml, paragraphs: paragraphsOf(xml), tables };
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

describe('GET /exports/directive-report.docx', () => {
  it('gives the district the review as a Word document: title, narrative, figures, wards, English summary', async () => {
    const res = await download('docx', 'quan.longbien', districtReview);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="bao-cao-so-ket-05-TT-QU-quan-long-bien-2022-12-01.docx"; filename*=UTF-8''${encodeURIComponent('Báo cáo sơ kết 05-TT-QU Quận Long Biên 2022-12-01.docx')}`,
    );
    const doc = await readDocx(await res.arrayBuffer());
    expect(doc.xml).toBe(doc.xml.normalize('NFC'));

    // Title, directive, scope and date, as a Vietnamese report writes them.
    expect(doc.paragraphs[0]).toBe('BÁO CÁO SƠ KẾT MỘT NĂM THỰC HIỆN THÔNG TRI SỐ 05-TT/QU');
    expect(doc.paragraphs).toContain(
      'Thông tri của Ban Thường vụ Quận ủy về nâng cao chất lượng hoạt động của hệ thống chính trị ở tổ dân phố có nhà chung cư trên địa bàn quận',
    );
    expect(doc.paragraphs).toContain('Phạm vi: Quận Long Biên');
    expect(doc.paragraphs).toContain('Long Biên, ngày 01 tháng 12 năm 2022');

    // The narrative in the article's style.
    const narrative = doc.paragraphs.find((p) => p.startsWith('Toàn quận có'));
    for (const phrase of NARRATIVE) expect(narrative).toContain(phrase);
    expect(narrative).toContain('có 65 đồng chí là thành viên của hệ thống chính trị tổ dân phố tham gia các Ban quản trị nhà chung cư');

    // The figures table: Chỉ tiêu | Số liệu | Định nghĩa, one row per figure.
    const [figures, wards] = doc.tables;
    expect(figures?.[0]).toEqual(['Chỉ tiêu', 'Số liệu', 'Định nghĩa']);
    expect(figures).toHaveLength(19);
    for (const [, label, value] of FIGURES) {
      const row = figures?.find((r) => r[0] === label);
      expect(row?.[1], label).toBe(value);
      expect(row?.[2], label).toMatch(/\S{3}/);
    }
    expect(figures?.find((r) => r[0] === 'Ban quản trị nhà chung cư được thành lập mới')?.[2]).toContain('từ 30/09/2021 đến 01/12/2022');

    // Additive figures by ward: each row adds up to its total.
    expect(wards?.[0]?.[0]).toBe('Chỉ tiêu');
    expect(wards?.[0]).toEqual(expect.arrayContaining(['Giang Biên', 'Phúc Đồng', 'Cự Khối', 'Tổng']));
    const groups = wards?.find((r) => r[0] === 'Tổ dân phố') ?? [];
    expect(groups.at(-1)).toBe('222');
    expect(
      groups
        .slice(1, -1)
        .filter(Boolean)
        .reduce((sum, v) => sum + Number(v), 0),
    ).toBe(222);
    const wardsWith = wards?.find((r) => r[0] === 'Phường có tổ dân phố có nhà chung cư') ?? [];
    expect(wardsWith[wards?.[0]?.indexOf('Cự Khối') ?? -1]).toBe('0/1');
    expect(wards?.some((r) => r[0] === 'Đảng viên tham gia Ban quản trị')).toBe(false); // not additive

    // The English summary closes the document.
    const summary = doc.paragraphs.slice(doc.paragraphs.indexOf('SUMMARY (ENGLISH)'));
    expect(summary).toContain('Residential groups: 222');
    expect(summary).toContain('Wards with residential groups that have apartment buildings: 13/14');
    expect(summary).toContain('Party members on management boards: 43');

    // Times New Roman, nothing embedded.
    const styles = (await doc.zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(Object.keys(doc.zip.files).filter((f) => f.startsWith('word/fonts/'))).toEqual([]);
  });
});

describe('GET /exports/directive-report.xlsx', () => {
  it('gives the district the figures, the wards and every record behind the figures', async () => {
    const res = await download('xlsx', 'quan.longbien', districtReview);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toContain('filename="bao-cao-so-ket-05-TT-QU-quan-long-bien-2022-12-01.xlsx"');
    const workbook = await readXlsx(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo phường', 'Danh sách']);

    // Tổng hợp: the narrative above, then key | label vi | label en | value | denominator | definition.
    const summary = rowsOf(sheet(workbook, 'Tổng hợp'));
    const narrative = summary.map((r) => r[0]).find((v): v is string => typeof v === 'string' && v.startsWith('Toàn quận có'));
    for (const phrase of NARRATIVE) expect(narrative).toContain(phrase);
    expect(summary.map((r) => r[0])).toContain('BÁO CÁO SƠ KẾT MỘT NĂM THỰC HIỆN THÔNG TRI SỐ 05-TT/QU');
    for (const [key, label, value] of FIGURES) {
      const row = summary.find((r) => r[0] === key);
      const [numerator, denominator] = value.split('/').map(Number);
      expect(row?.slice(1, 5), key).toEqual([label, expect.any(String), numerator, denominator ?? null]);
      expect(row?.[5], key).toMatch(/\S{3}/);
    }

    // Theo phường: ward × figure, with the keys under the labels and the totals at the bottom.
    const byWard = rowsOf(sheet(workbook, 'Theo phường'));
    const keys = byWard.find((r) => r[0] === 'Mã / Key') ?? [];
    const giangBien = byWard.find((r) => r[0] === 'Giang Biên') ?? [];
    const total = byWard.find((r) => r[0] === 'Tổng / Total') ?? [];
    expect(byWard.filter((r) => typeof r[0] === 'string' && WARD_NAMES.includes(r[0]))).toHaveLength(14);
    expect(total[keys.indexOf('residentialGroups')]).toBe(222);
    expect(total[keys.indexOf('boardsEstablished')]).toBe(8);
    expect(giangBien[keys.indexOf('nominatedPartyMembers')]).toBe(35);
    expect(giangBien[keys.indexOf('nominatedPoliticalSystemMembers')]).toBe(8);
    const groupsColumn = keys.indexOf('residentialGroups');
    const wardRows = byWard.filter((r) => typeof r[0] === 'string' && WARD_NAMES.includes(r[0]));
    expect(wardRows.reduce((sum, r) => sum + Number(r[groupsColumn]), 0)).toBe(222);

    // Danh sách: one row per record; the district's party-organisation staff see every figure's.
    const records = rowsOf(sheet(workbook, 'Danh sách'));
    const counted = (key: string) => records.filter((r) => r[0] === key && r[2] === 'tử số / counted');
    expect(counted('boardsEstablished')).toHaveLength(8);
    expect(counted('partyMembersOnBoards')).toHaveLength(43);
    expect(counted('politicalSystemPeopleOnBoards')).toHaveLength(65);
    expect(records.filter((r) => r[0] === 'apartmentGroupsWithCell' && r[2] === 'mẫu số / denominator')).toHaveLength(49);
    expect(counted('boardsEstablished')[0]?.slice(3)).toEqual([
      'Organization',
      expect.stringMatching(/^[0-9a-f-]{36}$/),
      expect.any(String),
      expect.any(String),
    ]);
    expect(records.some((r) => typeof r[1] === 'string' && r[1].startsWith('Không liệt kê'))).toBe(false);
    for (const row of records) for (const v of row) if (typeof v === 'string') expect(v).toBe(v.normalize('NFC'));
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
    for (const key of PARTY_FIGURES)
      expect(
        records.filter((r) => r[0] === key),
        key,
      ).toEqual([]);
    const note = records.map((r) => r[0]).find((v) => typeof v === 'string' && v.startsWith('Không liệt kê'));
    expect(note).toContain('tài khoản này không được xem thông tin đảng viên');
    expect(note).toContain('may not see party membership');
    expect(records.filter((r) => r[0] === 'boardsEstablished')).toHaveLength(8);
    // The figures themselves are not secret: only who is behind them.
    expect(rowsOf(sheet(workbook, 'Tổng hợp')).find((r) => r[0] === 'partyMembersOnBoards')?.[3]).toBe(43);

    const line = t.logs.find((l) => l.msg === 'export' && l.actor === 'phantich');
    expect(line).toMatchObject({
      role: 'ANALYST',
      export: 'directive-report.xlsx',
      directiveId,
      scopeId: districtId,
      to: REVIEW_DATE,
      partyRecordsOmitted: true,
    });
    const someName = records.find((r) => r[0] === 'commendedIndividuals')?.[5];
    expect(typeof someName).toBe('string');
    expect(JSON.stringify(t.logs)).not.toContain(String(someName));
  });
});

describe('refusals', () => {
  it('401 without a token or with an unknown one', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-a-session' }] as Array<Record<string, string>>) {
      const res = await fetch(exportUrl('docx', districtReview), { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(body.errors[0]?.message).toMatch(/^Cần đăng nhập.* \/ Sign in first/);
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
