import { type Finding, UNIT_KIND_LABELS, type UnitKind } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { defaultRecipients, groupFindings, issuingCommittee, numberAndSymbol } from './party-document.js';

/**
 * The issuing committee of every kind of place (hand-written from Hướng dẫn 36-HD/VPTW's examples:
 * "QUẬN ỦY …" with the symbol QU, "ĐẢNG ỦY PHƯỜNG …" with ĐU, "THÀNH ỦY …"/"TỈNH ỦY …" with TU,
 * "HUYỆN ỦY …" with HU; signed for the standing committee, a ward's committee or a cell), and the findings grouped by rule with their counts per ward.
 */

type Case = { kindLabel: string; name: string; line: string; symbol: string; signingFor: string };
/** Every kind of unit a report can be made for, and the word a district can go by (typed: a new kind fails to compile). */
const COMMITTEES: Record<UnitKind, Case[]> = {
  PROVINCE: [
    { kindLabel: 'Thành phố', name: 'Hà Nội', line: 'THÀNH ỦY HÀ NỘI', symbol: 'TU', signingFor: 'T/M BAN THƯỜNG VỤ' },
    { kindLabel: 'Tỉnh', name: 'Bắc Ninh', line: 'TỈNH ỦY BẮC NINH', symbol: 'TU', signingFor: 'T/M BAN THƯỜNG VỤ' },
  ],
  DISTRICT: [
    { kindLabel: 'Quận', name: 'Long Biên', line: 'QUẬN ỦY LONG BIÊN', symbol: 'QU', signingFor: 'T/M BAN THƯỜNG VỤ' },
    { kindLabel: 'Huyện', name: 'Gia Lâm', line: 'HUYỆN ỦY GIA LÂM', symbol: 'HU', signingFor: 'T/M BAN THƯỜNG VỤ' },
    { kindLabel: 'Thị xã', name: 'Sơn Tây', line: 'THỊ ỦY SƠN TÂY', symbol: 'TU', signingFor: 'T/M BAN THƯỜNG VỤ' },
  ],
  WARD: [{ kindLabel: 'Phường', name: 'Giang Biên', line: 'ĐẢNG ỦY PHƯỜNG GIANG BIÊN', symbol: 'ĐU', signingFor: 'T/M ĐẢNG ỦY' }],
  COMMUNE: [{ kindLabel: 'Xã', name: 'Bát Tràng', line: 'ĐẢNG ỦY XÃ BÁT TRÀNG', symbol: 'ĐU', signingFor: 'T/M ĐẢNG ỦY' }],
  RESIDENTIAL_GROUP: [{ kindLabel: 'Tổ dân phố', name: 'số 5', line: 'CHI BỘ TỔ DÂN PHỐ SỐ 5', symbol: 'CB', signingFor: 'T/M CHI BỘ' }],
};

describe('the issuing committee', () => {
  it('is named and numbered by the kind of place, for every kind', () => {
    expect(Object.keys(COMMITTEES).sort()).toEqual(Object.keys(UNIT_KIND_LABELS).sort());
    for (const [kind, cases] of Object.entries(COMMITTEES) as Array<[UnitKind, Case[]]>) {
      for (const c of cases) {
        const committee = issuingCommittee({ id: 'x', kind, kindLabel: c.kindLabel, name: c.name }, undefined);
        expect([committee.committeeLine, committee.symbol, committee.signingFor], `${kind} ${c.kindLabel}`).toEqual([
          c.line,
          c.symbol,
          c.signingFor,
        ]);
        expect(committee.parentLine).toBeUndefined();
        expect(committee.committeeLine).toBe(committee.committeeLine.normalize('NFC'));
      }
    }
  });

  it('stands under the party organisation of the place above, which the default recipients report to', () => {
    const ward = issuingCommittee(
      { id: 'w', kind: 'WARD', kindLabel: 'Phường', name: 'Giang Biên' },
      { name: 'Long Biên', kind: 'DISTRICT', kindLabel: 'Quận' },
    );
    expect(ward.parentLine).toBe('ĐẢNG BỘ QUẬN LONG BIÊN');
    expect(defaultRecipients(ward)[0]).toBe('Thường trực Quận ủy Long Biên (để báo cáo)');
    const city = issuingCommittee({ id: 'c', kind: 'PROVINCE', kindLabel: 'Thành phố', name: 'Hà Nội' }, undefined);
    expect(defaultRecipients(city)).toEqual(['Các đồng chí Ủy viên Ban Thường vụ', 'Các chi bộ, đảng bộ trực thuộc', 'Lưu Văn phòng']);
  });

  it('numbers the report, or leaves dots to fill in by hand', () => {
    expect(numberAndSymbol('15', 'QU')).toBe('Số 15-BC/QU');
    expect(numberAndSymbol(undefined, 'ĐU')).toBe('Số …-BC/ĐU');
    expect(numberAndSymbol('  ', 'TU')).toBe('Số …-BC/TU');
  });
});

describe('the gaps by rule', () => {
  const finding = (code: string, wardName: string): Finding =>
    ({ code, wardName, wardId: wardName, entity: { type: 'AdministrativeUnit', id: `${code}-${wardName}` } }) as unknown as Finding;

  it('groups in the order of the codes given, counts each ward, orders wards by Vietnamese name, leaves out rules with none', () => {
    const findings = [
      finding('B', 'Đức Giang'),
      finding('A', 'Việt Hưng'),
      finding('B', 'Bồ Đề'),
      finding('B', 'Đức Giang'),
      finding('A', 'Cự Khối'),
    ];
    expect(groupFindings(findings, ['B', 'C', 'A'])).toEqual([
      {
        code: 'B',
        total: 3,
        byWard: [
          { wardName: 'Bồ Đề', count: 1 },
          { wardName: 'Đức Giang', count: 2 },
        ],
      },
      {
        code: 'A',
        total: 2,
        byWard: [
          { wardName: 'Cự Khối', count: 1 },
          { wardName: 'Việt Hưng', count: 1 },
        ],
      },
    ]);
    expect(groupFindings([], ['A'])).toEqual([]);
  });
});
