import type { CommendationKind } from '../model/directive.js';
import { addDays, type IsoDate } from '../time/dates.js';
import type { Location, ReportContext } from './context.js';
import { type Counted, countedAt, type FigureData, type FigureSpec } from './figure.js';
import type { RecordRef } from './types.js';

/**
 * Conference-level records (presentations, commendations) belong to the directive, not to a place.
 * One that lies in a ward counts when the ward is in scope; one above the ward level (a district
 * office, the district Front) or with no place counts only in reports above the ward level.
 */
function conferenceRecordCounts(ctx: ReportContext, location: Location): boolean {
  if (location.kind === 'in') return true;
  if (location.kind === 'out') return false;
  return !ctx.scopeIsWardLevel;
}

const CONFERENCE_NOTE = {
  vi: 'Bản ghi gắn với một phường được tính ở phường đó; bản ghi của cấp quận, thành phố hoặc không rõ nơi được tính vào mục không thuộc phường nào, và không tính trong báo cáo của một phường.',
  en: 'A record tied to a ward counts in that ward; one at district or city level, or with no place, counts in the unassigned entry and not in a ward-level report.',
};

export const presentations: FigureSpec = {
  key: 'presentations',
  label: { vi: 'Tham luận tại hội nghị sơ kết, tổng kết', en: 'Presentations at review conferences' },
  byWardAdditive: true,
  definition: (p) => ({
    vi: `Số tham luận tại các hội nghị sơ kết, tổng kết việc thực hiện thông tri này tổ chức từ ${p.vi.from} đến ${p.vi.to} (kể cả hai ngày), theo tổ chức (hoặc người) trình bày. ${CONFERENCE_NOTE.vi}`,
    en: `Presentations at reviews (interim or final) of this directive held ${p.from} to ${p.to} (both included), placed by the presenting body (or person). ${CONFERENCE_NOTE.en}`,
  }),
  compute: (ctx) => {
    const reviews = new Map(
      ctx.state.reviews.filter((r) => r.directiveId === ctx.directive.id && ctx.inPeriod(r.heldOn)).map((r) => [r.id, r]),
    );
    const records: Counted[] = [];
    for (const pr of ctx.state.presentations) {
      const review = reviews.get(pr.reviewId);
      if (!review) continue;
      let location: Location = { kind: 'unknown' };
      if (pr.presenterOrganizationId) location = ctx.placeOrganization(pr.presenterOrganizationId, review.heldOn);
      else if (pr.presenterPersonId) location = ctx.placePerson(pr.presenterPersonId);
      if (conferenceRecordCounts(ctx, location)) records.push(countedAt({ type: 'Presentation', id: pr.id, name: pr.title }, location));
    }
    return { records };
  },
};

/** Distinct recipients of this directive's commendations of `kind` decided in the period: the body (collective) or person (individual) commended. */
function commended(ctx: ReportContext, kind: CommendationKind): FigureData {
  const records: Counted[] = [];
  for (const c of ctx.state.commendations) {
    if (c.kind !== kind || c.directiveId !== ctx.directive.id || !ctx.inPeriod(c.decidedOn)) continue;
    const org = c.kind === 'COLLECTIVE' ? ctx.idx.bodies.organization(c.recipientOrganizationId) : undefined;
    let ref: RecordRef;
    let location: Location;
    if (c.kind === 'INDIVIDUAL') {
      ref = ctx.personRef(c.recipientPersonId);
      location = ctx.placePerson(c.recipientPersonId);
    } else if (org) {
      ref = ctx.organizationRef(org);
      location = ctx.placeOrganization(org.id, c.decidedOn);
    } else {
      // A recipient body missing from the state (outside the slice read): the commendation itself.
      ref = { type: 'Commendation', id: c.id, name: c.decisionNumber ?? c.id };
      location = { kind: 'unknown' };
    }
    if (conferenceRecordCounts(ctx, location)) records.push(countedAt(ref, location));
  }
  return { records };
}

const COMMENDATION_NOTE = {
  vi: 'Mỗi tập thể (cá nhân) tính một lần dù được khen nhiều lần.',
  en: 'Each recipient counts once however many times commended.',
};

export const commendedCollectives: FigureSpec = {
  key: 'commendedCollectives',
  label: { vi: 'Tập thể được khen thưởng', en: 'Collectives commended' },
  byWardAdditive: true,
  definition: (p) => ({
    vi: `Số tập thể khác nhau được khen thưởng vì thành tích thực hiện thông tri này, ngày quyết định từ ${p.vi.from} đến ${p.vi.to} (kể cả hai ngày). ${COMMENDATION_NOTE.vi} ${CONFERENCE_NOTE.vi}`,
    en: `Distinct collectives (bodies) commended for this directive, decided ${p.from} to ${p.to} (both included). ${COMMENDATION_NOTE.en} ${CONFERENCE_NOTE.en}`,
  }),
  compute: (ctx) => commended(ctx, 'COLLECTIVE'),
};

export const commendedIndividuals: FigureSpec = {
  key: 'commendedIndividuals',
  label: { vi: 'Cá nhân được khen thưởng', en: 'Individuals commended' },
  byWardAdditive: true,
  definition: (p) => ({
    vi: `Số cá nhân khác nhau được khen thưởng vì thành tích thực hiện thông tri này, ngày quyết định từ ${p.vi.from} đến ${p.vi.to} (kể cả hai ngày); phường là phường nơi thường trú. ${COMMENDATION_NOTE.vi} ${CONFERENCE_NOTE.vi}`,
    en: `Distinct individuals commended for this directive, decided ${p.from} to ${p.to} (both included); the ward is that of their permanent residence. ${COMMENDATION_NOTE.en} ${CONFERENCE_NOTE.en}`,
  }),
  compute: (ctx) => commended(ctx, 'INDIVIDUAL'),
};

/** Petitions received in [start, end] about a residential group in scope (placed as of `to`, else as of receipt). */
function petitionsReceived(ctx: ReportContext, start: IsoDate, endInclusive: IsoDate): FigureData {
  const records: Counted[] = [];
  for (const p of ctx.state.petitions) {
    if (p.receivedOn < start || p.receivedOn > endInclusive) continue;
    const location = ctx.placeUnit(p.residentialGroupId, p.receivedOn);
    if (location.kind === 'in') records.push(countedAt({ type: 'Petition', id: p.id, name: p.subject }, location));
  }
  return { records };
}

export const petitionsBefore: FigureSpec = {
  key: 'petitionsBefore',
  label: { vi: 'Đơn thư trước khi ban hành thông tri', en: 'Petitions before the directive' },
  byWardAdditive: true,
  definition: (p) => ({
    vi: `Số đơn thư nhận từ ${p.vi.beforeFrom} đến ${p.vi.beforeTo} (khoảng thời gian dài bằng kỳ báo cáo, ngay trước ngày ${p.vi.from}) về các tổ dân phố thuộc phạm vi; tính ở phường của tổ dân phố.`,
    en: `Petitions received ${p.beforeFrom} to ${p.beforeTo} (a window as long as the report period, just before ${p.from}) about residential groups within the scope, counted in the group's ward.`,
  }),
  compute: (ctx) => petitionsReceived(ctx, ctx.beforeFrom, addDays(ctx.from, -1)),
};

export const petitionsAfter: FigureSpec = {
  key: 'petitionsAfter',
  label: { vi: 'Đơn thư từ khi ban hành thông tri', en: 'Petitions since the directive' },
  byWardAdditive: true,
  definition: (p) => ({
    vi: `Số đơn thư nhận từ ${p.vi.from} đến ${p.vi.to} (kể cả hai ngày) về các tổ dân phố thuộc phạm vi; tính ở phường của tổ dân phố.`,
    en: `Petitions received ${p.from} to ${p.to} (both included) about residential groups within the scope, counted in the group's ward.`,
  }),
  compute: (ctx) => petitionsReceived(ctx, ctx.from, ctx.to),
};

export const EVENT_FIGURES: readonly FigureSpec[] = [
  presentations,
  commendedCollectives,
  commendedIndividuals,
  petitionsBefore,
  petitionsAfter,
];
