import type { DirectiveReport, Finding, IsoDate, UnitKind } from '@coso/domain';

/**
 * The parts of a party document (thể thức văn bản của Đảng, Hướng dẫn 36-HD/VPTW) the review report
 * takes from its scope and from what the officer enters before exporting: the issuing committee and
 * the one above it, the number and symbol, the recipients and the signer.
 */

/** What the officer enters for the document (every field optional: blanks print as dots to fill by hand). */
export interface PartyDocumentParams {
  /** The document's number ("15" → "Số 15-BC/QU"); blank dots when not given. */
  number?: string | undefined;
  /** The recipients, one a line; the default list when not given. */
  recipients?: readonly string[] | undefined;
  /** "PHÓ BÍ THƯ" (under "T/M BAN THƯỜNG VỤ"); "BÍ THƯ" when not given. */
  signerPosition?: string | undefined;
  /** The signer's name; blank (signed by hand) when not given. */
  signerName?: string | undefined;
  /** The document's date (YYYY-MM-DD); the report's as-of date when not given. */
  date?: IsoDate | undefined;
  /** An English summary after the Vietnamese document (`lang=en` or `lang=vi,en`); none by default. */
  english?: boolean;
}

/** The committee issuing the report: the scope's party committee and the committee directly above it. */
export interface IssuingCommittee {
  /** "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI" (the parent's party organisation), or none at the top. */
  parentLine?: string;
  /** "Thành ủy Hà Nội": the committee above, as the recipients name it. */
  parentCommittee?: string;
  /** "QUẬN ỦY LONG BIÊN". */
  committeeLine: string;
  /** The symbol of the issuer in the number: QU (quận ủy), ĐU (đảng ủy), TU (tỉnh/thành/thị ủy), HU (huyện ủy), CB (chi bộ). */
  symbol: string;
  /** The place in the place-and-date line ("Long Biên"). */
  place: string;
  /** Who the signer signs for: "T/M BAN THƯỜNG VỤ" (district, city), "T/M ĐẢNG ỦY" (ward, commune), "T/M CHI BỘ". */
  signingFor: string;
}

const SIGNING_FOR: Record<UnitKind, string> = {
  PROVINCE: 'T/M BAN THƯỜNG VỤ',
  DISTRICT: 'T/M BAN THƯỜNG VỤ',
  WARD: 'T/M ĐẢNG ỦY',
  COMMUNE: 'T/M ĐẢNG ỦY',
  RESIDENTIAL_GROUP: 'T/M CHI BỘ',
};

const upper = (s: string) => s.toLocaleUpperCase('vi').normalize('NFC');

/** The committee of a unit by its kind: Quận ủy, Huyện ủy, Thành ủy / Tỉnh ủy, Đảng ủy (ward, commune), Chi bộ (a group). */
function committeeOf(kind: UnitKind, kindLabel: string): { word: string; symbol: string } {
  const label = kindLabel.normalize('NFC').toLocaleLowerCase('vi');
  switch (kind) {
    case 'PROVINCE':
      return { word: label.startsWith('thành phố') ? 'Thành ủy' : 'Tỉnh ủy', symbol: 'TU' };
    case 'DISTRICT':
      if (label.startsWith('huyện')) return { word: 'Huyện ủy', symbol: 'HU' };
      if (label.startsWith('thị xã')) return { word: 'Thị ủy', symbol: 'TU' };
      if (label.startsWith('thành phố')) return { word: 'Thành ủy', symbol: 'TU' };
      return { word: 'Quận ủy', symbol: 'QU' };
    case 'RESIDENTIAL_GROUP':
      return { word: `Chi bộ ${label}`, symbol: 'CB' };
    default:
      return { word: `Đảng ủy ${label}`, symbol: 'ĐU' };
  }
}

/** The committee issuing a report on `scope`, under its parent unit's party organisation ("ĐẢNG BỘ …"). */
export function issuingCommittee(
  scope: DirectiveReport['scope'],
  parent: { name: string; kind: UnitKind; kindLabel: string } | undefined,
): IssuingCommittee {
  const own = committeeOf(scope.kind, scope.kindLabel);
  const above = parent ? `${committeeOf(parent.kind, parent.kindLabel).word} ${parent.name}`.normalize('NFC') : undefined;
  return {
    ...(parent ? { parentLine: upper(`Đảng bộ ${parent.kindLabel.toLocaleLowerCase('vi')} ${parent.name}`) } : {}),
    ...(above ? { parentCommittee: above } : {}),
    committeeLine: upper(`${own.word} ${scope.name}`),
    signingFor: SIGNING_FOR[scope.kind],
    symbol: own.symbol,
    place: scope.name.normalize('NFC'),
  };
}

/** "Số 15-BC/QU", or "Số     -BC/QU" with dots to fill in by hand. */
export function numberAndSymbol(number: string | undefined, symbol: string): string {
  const n = number?.trim();
  return `Số ${n ? n : '…'}-BC/${symbol}`.normalize('NFC');
}

/** The usual recipients of a review report: the committee above, the standing committee's members, the units below, the archive. */
export function defaultRecipients(committee: IssuingCommittee): string[] {
  return [
    ...(committee.parentCommittee ? [`Thường trực ${committee.parentCommittee} (để báo cáo)`] : []),
    'Các đồng chí Ủy viên Ban Thường vụ',
    'Các chi bộ, đảng bộ trực thuộc',
    'Lưu Văn phòng',
  ].map((line) => line.normalize('NFC'));
}

/** Findings grouped by rule (in `codes` order), each with its count per ward (in ward-name order). */
export interface FindingGroup {
  code: string;
  total: number;
  byWard: Array<{ wardName: string; count: number }>;
}

export function groupFindings(findings: readonly Finding[], codes: readonly string[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const code of codes) {
    const of = findings.filter((f) => f.code === code);
    if (of.length === 0) continue;
    const counts = new Map<string, number>();
    for (const f of of) counts.set(f.wardName, (counts.get(f.wardName) ?? 0) + 1);
    const byWard = [...counts].map(([wardName, count]) => ({ wardName, count }));
    byWard.sort((a, b) => a.wardName.localeCompare(b.wardName, 'vi'));
    groups.push({ code, total: of.length, byWard });
  }
  return groups;
}
