import type { DomainState } from '../model/state.js';
import type { IsoDate } from '../time/dates.js';
import { isActiveDuring } from '../time/period.js';
import type { Violation } from '../validation/result.js';
import type { RuleCode } from './catalog.js';
import { entityRef, ruleViolation, viDate } from './violation.js';

/** Every code `checkResidenceContactReviews` can report. */
export const RESIDENCE_CONTACT_RULE_CODES = ['RESIDENCE_CONTACT_REVIEW_DUE'] as const satisfies readonly RuleCode[];

/** The tables the Regulation 213 checks read. */
export type ResidenceContactState = Pick<DomainState, 'residenceContacts' | 'residenceContactReviews' | 'people' | 'organizations'>;

/**
 * RESIDENCE_CONTACT_REVIEW_DUE (Regulation 213-QĐ/TW): once `year` has ended (on > 31/12 of it),
 * every residence contact in force on any day of that year needs a review (nhận xét) for it.
 *
 * Every category needs it, EXEMPT_FROM_ACTIVITIES included: the category relieves the member of
 * taking part in the residence cell's activities, not the cell of its yearly comment on how the
 * member keeps contact and behaves where they live, which the regulation asks for each member.
 */
export function checkResidenceContactReviews(state: ResidenceContactState, year: number, on: IsoDate): Violation[] {
  // A year that is not a whole number names no calendar year: nothing can be due for it.
  if (!Number.isInteger(year) || year < 1 || year > 9998) return [];
  const first = `${String(year).padStart(4, '0')}-01-01`;
  const last = `${String(year).padStart(4, '0')}-12-31`;
  if (on <= last) return [];
  const next = `${String(year + 1).padStart(4, '0')}-01-01`;
  const out: Violation[] = [];
  for (const contact of state.residenceContacts) {
    if (!isActiveDuring(contact, first, next)) continue;
    if (state.residenceContactReviews.some((r) => r.residenceContactId === contact.id && r.year === year)) continue;
    const who = state.people.find((p) => p.id === contact.personId)?.fullName ?? contact.personId;
    const cell = state.organizations.find((o) => o.id === contact.residenceCellId)?.name ?? contact.residenceCellId;
    out.push(
      ruleViolation(
        'RESIDENCE_CONTACT_REVIEW_DUE',
        ['residenceContactReviews'],
        entityRef('ResidenceContact', contact.id),
        `Đảng viên ${who} giữ mối liên hệ với chi bộ "${cell}" chưa được nhận xét năm ${year} (năm đã kết thúc ngày ${viDate(last)}).`,
        `Party member ${who}, keeping contact with party cell "${cell}", has no comment for ${year} (the year ended on ${last}).`,
      ),
    );
  }
  return out;
}
