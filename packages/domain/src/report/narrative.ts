import { UNASSIGNED_WARD_ID } from '../directive/scope.js';
import { compareVi, nfc, padCount } from '../directive/text.js';
import type { UnitKind } from '../model/places.js';
import type { LocalizedText } from '../validation/result.js';
import { figureByKey } from './directive-report.js';
import type { DirectiveReport, Figure, FigureKey } from './types.js';

/**
 * The report as a paragraph in the style of the review article (vi) and its English rendering,
 * generated from the figures only: change a figure's definition and the text follows. Vietnamese
 * counts under ten are written with two digits ("08 Ban quản trị"), as the article does.
 * Sentences whose figures are all zero are left out rather than printed as "0".
 */
export function reportNarrative(report: DirectiveReport): LocalizedText {
  const v = (key: FigureKey): number => figureByKey(report, key)?.value ?? 0;
  const d = (key: FigureKey): number => figureByKey(report, key)?.denominator ?? 0;
  const n = padCount;
  const wardLevel = ['WARD', 'COMMUNE', 'RESIDENTIAL_GROUP'].includes(report.scope.kind);
  const scopeWord = report.scope.kindLabel.toLocaleLowerCase('vi');
  const scopeEn = scopeWordEn(report.scope.kind, scopeWord);
  const wardWords = wardWordsOf(report.wards.map((w) => w.kind));
  const directiveVi = directiveName(report.directive.code);
  const vi: string[] = [];
  const en: string[] = [];

  // 1. The map: groups, wards with apartment groups, cells for those groups.
  const groupsWithBuildings = d('apartmentGroupsWithCell');
  const uncelled = groupsWithBuildings - v('apartmentGroupsWithCell');
  const wardsVi = wardLevel
    ? ''
    : `, ${n(v('wardsWithApartmentGroups'))}/${n(d('wardsWithApartmentGroups'))} ${wardWords.vi} có tổ dân phố có nhà chung cư`;
  const wardsEn = wardLevel
    ? ''
    : `; ${v('wardsWithApartmentGroups')} of its ${d('wardsWithApartmentGroups')} ${wardWords.en} ${v('wardsWithApartmentGroups') === 1 ? 'has' : 'have'} residential groups with apartment buildings`;
  vi.push(
    `Toàn ${scopeWord} có ${n(v('residentialGroups'))} tổ dân phố${wardsVi}, ${n(v('apartmentGroupCells'))} chi bộ/${n(groupsWithBuildings)} tổ dân phố có nhà chung cư${uncelled > 0 ? `, còn ${n(uncelled)} tổ dân phố có nhà chung cư chưa có chi bộ` : ''}.`,
  );
  en.push(
    `The ${scopeEn} has ${count(v('residentialGroups'), 'residential group')}${wardsEn}; ${count(v('apartmentGroupCells'), 'party cell')} for the ${count(groupsWithBuildings, 'residential group')} with apartment buildings${uncelled > 0 ? `, and ${count(uncelled, 'such group')} still ${uncelled === 1 ? 'has' : 'have'} no party cell` : ''}.`,
  );

  // 2. Boards and the people of the political system on them. A report without the people figures
  // (withheld from a reader without party rights at ward level) says nothing about them, not zero.
  const rc = v('residenceContactMembersIntroduced');
  const boardsVi = `Đến nay, đã có ${n(v('boardsEstablished'))} Ban quản trị nhà chung cư được thành lập mới; ${n(v('boardsConsolidated'))} Ban quản trị nhà chung cư được rà soát, kiện toàn`;
  const boardsEn = `So far, ${count(v('boardsEstablished'), 'apartment management board')} newly established and ${v('boardsConsolidated')} reviewed and consolidated`;
  if (!figureByKey(report, 'politicalSystemPeopleOnBoards')) {
    vi.push(`${boardsVi}.`);
    en.push(`${boardsEn}.`);
  } else {
    vi.push(
      `${boardsVi}; có ${n(v('politicalSystemPeopleOnBoards'))} đồng chí là thành viên của hệ thống chính trị tổ dân phố tham gia các Ban quản trị nhà chung cư, trong đó có ${n(v('partyMembersOnBoards'))} đảng viên, ${n(v('politicalSystemMembersOnBoards'))} thành viên hệ thống chính trị${rc > 0 ? `; ngoài ra còn có ${n(rc)} đảng viên giữ mối liên hệ với cấp ủy nơi cư trú theo Quy định 213-QĐ/TW cũng được giới thiệu tham gia Ban quản trị nhà chung cư` : ''}.`,
    );
    en.push(
      `${boardsEn}; ${count(v('politicalSystemPeopleOnBoards'), 'member')} of the residential groups' political system on management boards, of whom ${count(v('partyMembersOnBoards'), 'party member')} and ${count(v('politicalSystemMembersOnBoards'), 'political-system post holder')}${rc > 0 ? `; in addition, ${count(rc, 'party member')} keeping contact with their place of residence under Regulation 213-QĐ/TW introduced to management boards` : ''}.`,
    );
  }

  // 3. The ward party committees that introduced the most people.
  const nominators = topNominators(report, wardLevel ? 1 : 2);
  if (nominators.length > 0) {
    const partsVi = nominators.map(
      (w) => `Đảng ủy ${w.word.vi} ${w.name} giới thiệu ${n(w.party)} đảng viên, ${n(w.system)} thành viên hệ thống chính trị`,
    );
    const partsEn = nominators.map(
      (w) =>
        `the ${w.name} ${w.word.en} party committee introduced ${count(w.party, 'party member')} and ${count(w.system, 'political-system member')}`,
    );
    vi.push(`${wardLevel ? '' : 'Tiêu biểu như '}${partsVi.join(', ')} tham gia Ban quản trị.`);
    en.push(`${wardLevel ? capitalise(partsEn.join('; ')) : `Notably, ${partsEn.join('; ')}`} to management boards.`);
  }

  // 4. Petitions before and after, over windows of equal length.
  const before = v('petitionsBefore');
  const after = v('petitionsAfter');
  if (before + after > 0) {
    const trendVi =
      after < before
        ? `giảm từ ${n(before)} xuống còn ${n(after)} đơn`
        : after > before
          ? `tăng từ ${n(before)} lên ${n(after)} đơn`
          : `không đổi, ${n(after)} đơn`;
    const trendEn =
      after < before ? `fell from ${before} to ${after}` : after > before ? `rose from ${before} to ${after}` : `stayed at ${after}`;
    vi.push(`Số đơn thư của cư dân ${trendVi} so với khoảng thời gian tương đương trước khi ban hành ${directiveVi}.`);
    en.push(`Residents' petitions ${trendEn} compared with an equally long period before directive ${report.directive.code}.`);
  }

  // 5. Conference: presentations and commendations.
  if (v('presentations') > 0) {
    vi.push(`Tại hội nghị đã có ${n(v('presentations'))} tham luận.`);
    en.push(`${count(v('presentations'), 'presentation')} at the review.`);
  }
  if (v('commendedCollectives') + v('commendedIndividuals') > 0) {
    vi.push(
      `Đã khen thưởng ${n(v('commendedCollectives'))} tập thể và ${n(v('commendedIndividuals'))} cá nhân có đóng góp tích cực trong thực hiện ${directiveVi}.`,
    );
    en.push(`Commended: ${count(v('commendedCollectives'), 'collective')} and ${count(v('commendedIndividuals'), 'individual')}.`);
  }

  // 6. Fire-safety training of board heads.
  if (d('boardHeadsTrainedFireSafety') > 0) {
    vi.push(
      `${n(v('boardHeadsTrainedFireSafety'))}/${n(d('boardHeadsTrainedFireSafety'))} trưởng Ban quản trị nhà chung cư đã được tập huấn phòng cháy chữa cháy.`,
    );
    en.push(
      `Trained in fire safety: ${v('boardHeadsTrainedFireSafety')} of ${count(d('boardHeadsTrainedFireSafety'), 'management-board head')}.`,
    );
  }

  return { vi: nfc(vi.join(' ')), en: en.join(' ') };
}

interface Nominator {
  name: string;
  word: { vi: string; en: string };
  party: number;
  system: number;
}

/** Wards whose party committee introduced the most people (party members + political-system members). */
function topNominators(report: DirectiveReport, count: number): Nominator[] {
  const party = figureByKey(report, 'nominatedPartyMembers');
  const system = figureByKey(report, 'nominatedPoliticalSystemMembers');
  const kinds = new Map(report.wards.map((w) => [w.id, w.kind]));
  const valueIn = (f: Figure | undefined, wardId: string): number => f?.byWard.find((w) => w.wardId === wardId)?.value ?? 0;
  return report.wards
    .filter((w) => w.id !== UNASSIGNED_WARD_ID)
    .map((w) => ({
      name: w.name,
      word: kinds.get(w.id) === 'COMMUNE' ? { vi: 'xã', en: 'commune' } : { vi: 'phường', en: 'ward' },
      party: valueIn(party, w.id),
      system: valueIn(system, w.id),
    }))
    .filter((w) => w.party + w.system > 0)
    .sort((a, b) => b.party + b.system - (a.party + a.system) || compareVi(a.name, b.name))
    .slice(0, count);
}

function wardWordsOf(kinds: readonly UnitKind[]): { vi: string; en: string } {
  const wards = kinds.some((k) => k === 'WARD');
  const communes = kinds.some((k) => k === 'COMMUNE');
  if (communes && !wards) return { vi: 'xã', en: 'communes' };
  if (communes && wards) return { vi: 'phường, xã', en: 'wards and communes' };
  return { vi: 'phường', en: 'wards' };
}

function scopeWordEn(kind: UnitKind, viWord: string): string {
  if (kind === 'DISTRICT') return 'district';
  if (kind === 'WARD') return 'ward';
  if (kind === 'COMMUNE') return 'commune';
  if (kind === 'RESIDENTIAL_GROUP') return 'residential group';
  return viWord === 'tỉnh' ? 'province' : 'city';
}

/** "05-TT/QU" → "Thông tri số 05-TT/QU": the document type is in the code's second part. */
function directiveName(code: string): string {
  const type = code.split('-')[1]?.split('/')[0]?.toUpperCase() ?? '';
  const word =
    type === 'TT' ? 'Thông tri' : type === 'CT' ? 'Chỉ thị' : type === 'NQ' ? 'Nghị quyết' : type === 'KL' ? 'Kết luận' : 'văn bản';
  return `${word} số ${code}`;
}

/** "1 party cell", "2 party cells". */
function count(n: number, singular: string): string {
  return `${n} ${n === 1 ? singular : `${singular}s`}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
