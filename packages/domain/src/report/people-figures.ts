import type { NomineeCategory } from '../model/directive.js';
import type { Id } from '../model/places.js';
import type { ReportContext } from './context.js';
import { type Counted, countedAt, type FigureData, type FigureSpec } from './figure.js';

/** Members on `to` of boards alive in scope on `to`, one entry per (person, board). */
function boardMembers(ctx: ReportContext): Counted[] {
  const out: Counted[] = [];
  for (const { board, location } of ctx.activeBoards()) {
    for (const personId of ctx.idx.boards.membersOn(board.id, ctx.to)) out.push(countedAt(ctx.personRef(personId), location));
  }
  return out;
}

function boardMembersWho(ctx: ReportContext, test: (personId: Id) => boolean): FigureData {
  return { records: boardMembers(ctx).filter((c) => test(c.ref.id)) };
}

const ON_BOARDS_NOTE = {
  vi: 'Người tham gia Ban quản trị ở hai phường được tính ở cả hai phường, nên số theo phường có thể cộng lại lớn hơn tổng.',
  en: 'A person on boards in two wards counts in both wards, so ward values may add up to more than the total.',
};

export const politicalSystemPeopleOnBoards: FigureSpec = {
  key: 'politicalSystemPeopleOnBoards',
  label: {
    vi: 'Thành viên hệ thống chính trị tổ dân phố tham gia Ban quản trị',
    en: "Members of residential groups' political system on management boards",
  },
  byWardAdditive: false,
  definition: (p) => ({
    vi: `Số người khác nhau là thành viên (bất kỳ chức danh) của Ban quản trị đang hoạt động trong phạm vi vào ngày ${p.vi.to}, đồng thời vào ngày đó là đảng viên sinh hoạt tại chi bộ tổ dân phố hoặc giữ chức vụ trong hệ thống chính trị tổ dân phố (chi ủy chi bộ, ban công tác Mặt trận, chi hội đoàn thể, tổ trưởng, tổ phó). Mỗi người tính một lần dù giữ nhiều vai trò. ${ON_BOARDS_NOTE.vi}`,
    en: `Distinct people with a membership (any role) of a management board alive within the scope on ${p.to} who on that date are party members of a residential-group cell or hold a post in a residential group's political system (cell leadership, Front work committee, mass-organisation branch, group head or deputy). Each person counts once, whatever their roles. ${ON_BOARDS_NOTE.en}`,
  }),
  compute: (ctx) => boardMembersWho(ctx, (p) => ctx.idx.politicalSystem.isInPoliticalSystemOn(p, ctx.to)),
};

export const partyMembersOnBoards: FigureSpec = {
  key: 'partyMembersOnBoards',
  label: { vi: 'Đảng viên tham gia Ban quản trị', en: 'Party members on management boards' },
  byWardAdditive: false,
  definition: (p) => ({
    vi: `Trong số người của chỉ tiêu "Thành viên hệ thống chính trị tổ dân phố tham gia Ban quản trị": những người vào ngày ${p.vi.to} là đảng viên (chính thức hoặc dự bị) sinh hoạt tại chi bộ tổ dân phố. Có thể trùng với chỉ tiêu "thành viên hệ thống chính trị". ${ON_BOARDS_NOTE.vi}`,
    en: `Of the people in "members of the political system on boards": those who on ${p.to} are party members (official or probationary) whose home cell serves a residential group. May overlap "political-system members on boards". ${ON_BOARDS_NOTE.en}`,
  }),
  compute: (ctx) => boardMembersWho(ctx, (p) => ctx.idx.politicalSystem.isPartyMemberOn(p, ctx.to)),
};

export const politicalSystemMembersOnBoards: FigureSpec = {
  key: 'politicalSystemMembersOnBoards',
  label: { vi: 'Thành viên hệ thống chính trị tham gia Ban quản trị', en: 'Political-system post holders on management boards' },
  byWardAdditive: false,
  definition: (p) => ({
    vi: `Trong số người của chỉ tiêu "Thành viên hệ thống chính trị tổ dân phố tham gia Ban quản trị": những người vào ngày ${p.vi.to} giữ chức vụ trong hệ thống chính trị tổ dân phố (bí thư, phó bí thư, chi ủy viên; ban công tác Mặt trận; chi hội đoàn thể; tổ trưởng, tổ phó). Có thể trùng với chỉ tiêu "đảng viên". ${ON_BOARDS_NOTE.vi}`,
    en: `Of the people in "members of the political system on boards": those who on ${p.to} hold a post in a residential group's political system (cell secretary, deputy or committee member; Front work committee; mass-organisation branch; group head or deputy). May overlap "party members on boards". ${ON_BOARDS_NOTE.en}`,
  }),
  compute: (ctx) => boardMembersWho(ctx, (p) => ctx.idx.politicalSystem.isPostHolderOn(p, ctx.to)),
};

export const residenceContactMembersIntroduced: FigureSpec = {
  key: 'residenceContactMembersIntroduced',
  label: {
    vi: 'Đảng viên giữ mối liên hệ nơi cư trú (Quy định 213-QĐ/TW) được giới thiệu tham gia Ban quản trị',
    en: 'Regulation 213 party members introduced to management boards',
  },
  byWardAdditive: false,
  definition: (p) => ({
    vi: `Số người khác nhau được giới thiệu tham gia Ban quản trị với tư cách đảng viên giữ mối liên hệ với cấp ủy nơi cư trú theo Quy định 213-QĐ/TW, ngày giới thiệu từ ${p.vi.from} đến ${p.vi.to} (kể cả hai ngày), vào Ban quản trị thuộc phạm vi; bất kể ai giới thiệu và kết quả bầu; tính ở phường của Ban quản trị (người được giới thiệu vào hai Ban ở hai phường tính ở cả hai).`,
    en: `Distinct people introduced to a management board within the scope as Regulation 213-QĐ/TW members (RESIDENCE_CONTACT_MEMBER), nominated ${p.from} to ${p.to} (both included), whoever nominated them and whatever the election outcome; counted in the board's ward (a person introduced to boards in two wards counts in both).`,
  }),
  compute: (ctx) => {
    const records: Counted[] = [];
    for (const n of ctx.state.nominations) {
      if (n.category !== 'RESIDENCE_CONTACT_MEMBER' || !ctx.inPeriod(n.nominatedOn) || !ctx.forThisDirective(n.directiveId)) continue;
      const board = ctx.idx.boards.board(n.boardId);
      if (!board) continue;
      const location = ctx.placeBoard(board, n.nominatedOn);
      if (location.kind === 'in') records.push(countedAt(ctx.personRef(n.personId), location));
    }
    return { records };
  },
};

/** Distinct people nominated in the period by a ward party committee in scope, counted in that committee's ward. */
function nominatedByWardCommittees(ctx: ReportContext, categories: readonly NomineeCategory[]): FigureData {
  const records: Counted[] = [];
  for (const n of ctx.state.nominations) {
    if (!categories.includes(n.category) || !ctx.inPeriod(n.nominatedOn) || !ctx.forThisDirective(n.directiveId)) continue;
    if (ctx.idx.bodies.organization(n.nominatingOrganizationId)?.kind !== 'WARD_PARTY_COMMITTEE') continue;
    const location = ctx.placeOrganization(n.nominatingOrganizationId, n.nominatedOn);
    if (location.kind === 'in') records.push(countedAt(ctx.personRef(n.personId), location));
  }
  return { records };
}

const BY_COMMITTEE_NOTE = {
  vi: 'Tính ở phường của Đảng ủy giới thiệu; người được hai Đảng ủy phường giới thiệu tính ở cả hai phường.',
  en: "Counted in the nominating committee's ward; a person nominated by two ward committees counts in both wards.",
};

export const nominatedPartyMembers: FigureSpec = {
  key: 'nominatedPartyMembers',
  label: {
    vi: 'Đảng viên được Đảng ủy phường giới thiệu tham gia Ban quản trị',
    en: 'Party members nominated to boards by ward party committees',
  },
  byWardAdditive: false,
  definition: (p) => ({
    vi: `Số người khác nhau được Đảng ủy phường (xã) thuộc phạm vi giới thiệu tham gia Ban quản trị với tư cách đảng viên (kể cả đảng viên theo Quy định 213-QĐ/TW), ngày giới thiệu từ ${p.vi.from} đến ${p.vi.to} (kể cả hai ngày), bất kể kết quả bầu. ${BY_COMMITTEE_NOTE.vi}`,
    en: `Distinct people a ward (commune) party committee within the scope nominated to a management board as party members (PARTY_MEMBER or RESIDENCE_CONTACT_MEMBER), nominated ${p.from} to ${p.to} (both included), whatever the election outcome. ${BY_COMMITTEE_NOTE.en}`,
  }),
  compute: (ctx) => nominatedByWardCommittees(ctx, ['PARTY_MEMBER', 'RESIDENCE_CONTACT_MEMBER']),
};

export const nominatedPoliticalSystemMembers: FigureSpec = {
  key: 'nominatedPoliticalSystemMembers',
  label: {
    vi: 'Thành viên hệ thống chính trị được Đảng ủy phường giới thiệu tham gia Ban quản trị',
    en: 'Political-system members nominated to boards by ward party committees',
  },
  byWardAdditive: false,
  definition: (p) => ({
    vi: `Số người khác nhau được Đảng ủy phường (xã) thuộc phạm vi giới thiệu tham gia Ban quản trị với tư cách thành viên hệ thống chính trị, ngày giới thiệu từ ${p.vi.from} đến ${p.vi.to} (kể cả hai ngày), bất kể kết quả bầu. ${BY_COMMITTEE_NOTE.vi}`,
    en: `Distinct people a ward (commune) party committee within the scope nominated to a management board as political-system members (POLITICAL_SYSTEM_MEMBER), nominated ${p.from} to ${p.to} (both included), whatever the election outcome. ${BY_COMMITTEE_NOTE.en}`,
  }),
  compute: (ctx) => nominatedByWardCommittees(ctx, ['POLITICAL_SYSTEM_MEMBER']),
};

export const PEOPLE_FIGURES: readonly FigureSpec[] = [
  politicalSystemPeopleOnBoards,
  partyMembersOnBoards,
  politicalSystemMembersOnBoards,
  residenceContactMembersIntroduced,
  nominatedPartyMembers,
  nominatedPoliticalSystemMembers,
];
