import { type DirectiveReport, type Figure, formatViDate, type IsoDate, unitDisplayName } from '@coso/domain';

/**
 * The words both exports share, in the style of the review article: "Thông tri số 05-TT/QU",
 * "Quận Long Biên", "ngày 01 tháng 12 năm 2022". Every string leaves here in NFC.
 */

const NUMBER_WORDS = ['', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];

/** "05-TT/QU" → "Thông tri số 05-TT/QU": the document type is in the code's second part. */
export function directiveName(code: string): string {
  const type = code.split('-')[1]?.split('/')[0]?.toUpperCase() ?? '';
  const word =
    type === 'TT' ? 'Thông tri' : type === 'CT' ? 'Chỉ thị' : type === 'NQ' ? 'Nghị quyết' : type === 'KL' ? 'Kết luận' : 'Văn bản';
  return `${word} số ${code}`.normalize('NFC');
}

/** "BÁO CÁO SƠ KẾT MỘT NĂM THỰC HIỆN THÔNG TRI SỐ 05-TT/QU": the length of the period, then the directive. */
export function reportTitle(report: DirectiveReport): string {
  const span = periodSpan(report.period.from, report.period.to);
  return `Báo cáo sơ kết ${span ? `${span} ` : 'việc '}thực hiện ${directiveName(report.directive.code)}`
    .toLocaleUpperCase('vi')
    .normalize('NFC');
}

/** "Quận Long Biên". */
export function scopeName(report: DirectiveReport): string {
  return unitDisplayName(report.scope);
}

/** `2022-12-01` → `01/12/2022`: the domain's one date format. */
export const viDate = formatViDate;

/** "Long Biên, ngày 01 tháng 12 năm 2022": the place-and-date line of a Vietnamese report (by default the as-of date). */
export function placeAndDate(report: DirectiveReport, place: string = report.scope.name, date: IsoDate = report.asOf): string {
  const [y, m, d] = date.split('-');
  return `${place}, ngày ${d ?? ''} tháng ${m ?? ''} năm ${y ?? ''}`.normalize('NFC');
}

/** "Kỳ báo cáo: từ 30/09/2021 đến 01/12/2022". */
export function periodLine(report: DirectiveReport): string {
  return `Kỳ báo cáo: từ ${viDate(report.period.from)} đến ${viDate(report.period.to)}; số liệu tính đến ngày ${viDate(report.asOf)}`;
}

/** "222", or "13/14" for a figure with a denominator. */
export function valueText(figure: Pick<Figure, 'value' | 'denominator'>): string {
  return figure.denominator === undefined ? String(figure.value) : `${figure.value}/${figure.denominator}`;
}

/** "một năm", "sáu tháng"; empty under a month. Whole months, rounded to years from ten months on. */
function periodSpan(from: IsoDate, to: IsoDate): string {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  if (fy === undefined || fm === undefined || fd === undefined || ty === undefined || tm === undefined || td === undefined) return '';
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  if (months >= 10) return `${countWord(Math.round(months / 12))} năm`;
  return months >= 1 ? `${countWord(months)} tháng` : '';
}

function countWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}
