import { describe, expect, it } from 'vitest';
import { exportUrl, fileNameFromDisposition } from './export-file';
import { figureText, percentOf, percentText } from './figure-format';
import { chosenDirective, defaultReportDate } from './report-defaults';

describe('figures', () => {
  it('writes a figure with its denominator as reports do', () => {
    expect(figureText(222, null)).toBe('222');
    expect(figureText(49, 49)).toBe('49/49');
    expect(figureText(0, 0)).toBe('0/0');
  });

  it('rounds the share down and has none without a denominator', () => {
    expect(percentOf(49, 49)).toBe(100);
    expect(percentOf(13, 14)).toBe(92);
    expect(percentOf(199, 200)).toBe(99);
    expect(percentOf(5, null)).toBeNull();
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(3, 2)).toBe(100);
    expect(percentText(92, 'vi')).toBe('92 %');
    expect(percentText(92, 'en')).toBe('92%');
  });
});

describe('export files', () => {
  it('prefers the UTF-8 name of content-disposition', () => {
    const header =
      'attachment; filename="bao-cao-so-ket-05-TT-QU-quan-long-bien-2022-12-01.docx"; filename*=UTF-8\'\'B%C3%A1o%20c%C3%A1o%20s%C6%A1%20k%E1%BA%BFt%2005-TT-QU%20Qu%E1%BA%ADn%20Long%20Bi%C3%AAn%202022-12-01.docx';
    expect(fileNameFromDisposition(header, 'x.docx')).toBe('Báo cáo sơ kết 05-TT-QU Quận Long Biên 2022-12-01.docx');
    expect(fileNameFromDisposition('attachment; filename="a.xlsx"', 'x.xlsx')).toBe('a.xlsx');
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A", 'x.xlsx')).toBe('x.xlsx');
    expect(fileNameFromDisposition(null, 'x.docx')).toBe('x.docx');
  });

  it('builds the export address with the optional start date', () => {
    expect(exportUrl('docx', { directiveId: 'd', scopeId: 's/1', to: '2022-12-01' })).toBe(
      '/exports/directive-report.docx?directiveId=d&scopeId=s%2F1&to=2022-12-01',
    );
    expect(exportUrl('xlsx', { directiveId: 'd', scopeId: 's', to: '2022-12-01', from: '2021-09-30' })).toContain('&from=2021-09-30');
  });

  it("carries the Word document's fields that are filled in, trimmed, and leaves out the empty ones", () => {
    const url = exportUrl('docx', {
      directiveId: 'd',
      scopeId: 's',
      to: '2022-12-01',
      document: { number: ' 15 ', recipients: 'Thường trực Thành ủy\nLưu VP', signerPosition: '  ', signerName: 'Nguyễn Văn Ký' },
    });
    const query = new URL(url, 'http://x').searchParams;
    expect([...query.keys()]).toEqual(['directiveId', 'scopeId', 'to', 'number', 'recipients', 'signerName']);
    expect(query.get('number')).toBe('15');
    expect(query.get('recipients')).toBe('Thường trực Thành ủy\nLưu VP');
    expect(query.get('signerName')).toBe('Nguyễn Văn Ký');
  });
});

describe('report defaults', () => {
  const older = { id: 'a', issuedOn: '2019-01-01', reviews: [] };
  const newer = {
    id: 'b',
    issuedOn: '2021-09-30',
    reviews: [{ heldOn: '2022-12-01' }, { heldOn: '2021-12-15' }, { heldOn: '2030-01-01' }],
  };

  it('opens on the directive in the address, else the newest', () => {
    expect(chosenDirective([older, newer], null)?.id).toBe('b');
    expect(chosenDirective([older, newer], 'a')?.id).toBe('a');
    expect(chosenDirective([older, newer], 'gone')?.id).toBe('b');
    expect(chosenDirective([], null)).toBeUndefined();
  });

  it('dates the report on the latest review held by today, else the fallback', () => {
    expect(defaultReportDate(newer, '2026-11-25', '2025-06-30')).toBe('2022-12-01');
    expect(defaultReportDate(newer, '2022-06-01', '2022-06-01')).toBe('2021-12-15');
    expect(defaultReportDate(older, '2026-11-25', '2025-06-30')).toBe('2025-06-30');
    expect(defaultReportDate(undefined, '2026-11-25', '2026-11-25')).toBe('2026-11-25');
  });
});
