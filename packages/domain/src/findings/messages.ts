import { formatViDate } from '../directive/text.js';
import type { IsoDate } from '../time/dates.js';
import type { LocalizedText } from '../validation/result.js';
import type { FindingCode } from './types.js';

/**
 * What each finding says, from the facts it is about: one wording, used by the domain's checks
 * and by any other computation of the same findings (the database's, `@coso/schema`), so the two
 * can only differ in the facts, which their differential test compares.
 */
export const FINDING_MESSAGES = {
  GROUP_WITHOUT_CELL: (f: { group: string; buildings: number }): LocalizedText => ({
    vi: `${f.group} có ${f.buildings} nhà chung cư nhưng chưa có chi bộ`,
    en: `${f.group} has ${f.buildings} apartment building(s) but no party cell`,
  }),
  BUILDING_WITHOUT_BOARD: (f: { building: string; apartments: number }): LocalizedText => ({
    vi: `Nhà chung cư ${f.building} (${f.apartments} căn hộ, nhiều chủ sở hữu) phải có Ban quản trị nhưng chưa có`,
    en: `Apartment building ${f.building} (${f.apartments} apartments, several owners) needs a management board and has none`,
  }),
  BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER: (f: { board: string; members: number }): LocalizedText => ({
    vi: `${f.board} (${f.members} thành viên) chưa có thành viên nào là đảng viên hoặc thành viên hệ thống chính trị tổ dân phố`,
    en: `${f.board} (${f.members} members) has no member who is a party member or a member of the residential group's political system`,
  }),
  BOARD_TERM_EXPIRED: (f: { board: string; termNumber: number; endedOn: IsoDate }): LocalizedText => ({
    vi: `${f.board} đã hết nhiệm kỳ ${f.termNumber} từ ngày ${formatViDate(f.endedOn)} mà chưa bầu nhiệm kỳ mới`,
    en: `${f.board}: term ${f.termNumber} ended on ${f.endedOn} and no new term has been elected`,
  }),
  BOARD_HEAD_WITHOUT_FIRE_TRAINING: (f: { head: string; board: string }): LocalizedText => ({
    vi: `Trưởng ban ${f.head} (${f.board}) chưa được tập huấn phòng cháy chữa cháy`,
    en: `Board head ${f.head} (${f.board}) has no fire-safety (PCCC) training`,
  }),
  CELL_MIN_OFFICIAL_MEMBERS: (f: { cell: string; official: number; min: number }): LocalizedText => ({
    vi: `${f.cell} chỉ có ${f.official} đảng viên chính thức, chưa đủ ${f.min} theo Điều lệ Đảng`,
    en: `${f.cell} has only ${f.official} official party member(s); the Party Charter requires ${f.min}`,
  }),
  GROUP_WITHOUT_COORDINATION_REGULATION: (f: { group: string; boards: readonly string[] }): LocalizedText => ({
    vi: `${f.group} có Ban quản trị (${f.boards.join(', ')}) nhưng chưa có quy chế phối hợp giữa tổ trưởng tổ dân phố và Ban quản trị`,
    en: `${f.group} has a management board (${f.boards.join(', ')}) but no coordination regulation between the group head and the board`,
  }),
} as const satisfies Record<FindingCode, (facts: never) => LocalizedText>;
