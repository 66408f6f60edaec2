import type { Organization } from '../model/bodies.js';
import type { Membership, Person, Role } from '../model/people.js';
import type { AdministrativeUnit, Id } from '../model/places.js';
import type { DomainState } from '../model/state.js';
import { addMonths, ageOn, type IsoDate, isIsoDate, yearOf } from '../time/dates.js';
import { isActiveOn, periodsOverlap } from '../time/period.js';
import type { EntityRef, Violation } from '../validation/result.js';
import type { RuleCode } from './catalog.js';
import { DEFAULT_RULE_DATA, numericRuleParameter } from './rule-data.js';
import { dateFormatViolations, entityRef, notFound, periodOrderViolation, type RuleData, ruleViolation, viDate } from './violation.js';

/** Every code the group checks can report (the tests prove each one fails somewhere). */
export const GROUP_RULE_CODES = [
  'GROUP_ONE_HEAD',
  'GROUP_HEAD_AGE',
  'GROUP_HEAD_RESIDENT',
  'GROUP_HEAD_TERM',
  'GROUP_INTERIM_HEAD',
  'ENTITY_NOT_FOUND',
  'DATE_FORMAT',
  'PERIOD_ORDER',
] as const satisfies readonly RuleCode[];

/** Roles that make someone the head of the group: tổ trưởng, and tổ trưởng lâm thời. */
export const GROUP_HEAD_ROLES: readonly Role[] = ['HEAD', 'INTERIM_HEAD'];

/** The tables the residential-group checks read. */
export type GroupState = Pick<DomainState, 'organizations' | 'organizationAreas' | 'units' | 'people' | 'memberships'>;

/** The residential groups a group leadership serves on `on` (normally exactly one). */
export function groupsServedBy(
  state: Pick<DomainState, 'organizationAreas' | 'units'>,
  organizationId: Id,
  on: IsoDate,
): AdministrativeUnit[] {
  const ids = new Set(state.organizationAreas.filter((a) => a.organizationId === organizationId && isActiveOn(a, on)).map((a) => a.unitId));
  return state.units.filter((u) => ids.has(u.id) && u.kind === 'RESIDENTIAL_GROUP');
}

/**
 * Write-time check of one appointment to a group leadership: no second head (or deputy) at the
 * same time, and a head's age, residence and term. Deputies are only checked for the "one deputy"
 * rule: the catalog's age and residence rules name the head (tổ trưởng).
 */
export function checkGroupHeadAppointment(state: GroupState, membership: Membership, ruleData: RuleData = DEFAULT_RULE_DATA): Violation[] {
  const entity = entityRef('Membership', membership.id);
  const org = findLeadership(state, membership.organizationId);
  if (!org) return [leadershipNotFound(membership.organizationId)];
  const bad = dateFormatViolations(
    [
      [['validFrom'], membership.validFrom],
      [['validTo'], membership.validTo],
    ],
    entity,
  );
  if (bad.length > 0) return bad;
  if (membership.validTo !== null && membership.validTo <= membership.validFrom) {
    return [periodOrderViolation(['validTo'], entity, membership.validFrom, membership.validTo)];
  }
  const out = [...secondHolderViolations(state, org, membership, entity)];
  if (GROUP_HEAD_ROLES.includes(membership.role)) {
    const person = state.people.find((p) => p.id === membership.personId);
    if (!person) return [...out, notFound(['personId'], entityRef('Person', membership.personId), 'người', 'person')];
    out.push(...headQualificationViolations(state, org, membership, person, entity, ruleData));
  }
  return out;
}

/**
 * Checks a group leadership on `on`: at most one head (interim included) and one deputy, each
 * serving head qualified, and no interim head still serving, open-ended, past the interim limit.
 * `['memberships', i]` indexes the leadership's memberships in force on `on`.
 */
export function checkGroupLeadership(
  state: GroupState,
  organizationId: Id,
  on: IsoDate,
  ruleData: RuleData = DEFAULT_RULE_DATA,
): Violation[] {
  const org = findLeadership(state, organizationId);
  if (!org) return [leadershipNotFound(organizationId)];
  if (!isActiveOn(org, on)) return [];
  const entity = entityRef('Organization', org.id);
  const active = state.memberships.filter((m) => m.organizationId === org.id && isActiveOn(m, on));
  const out: Violation[] = [];

  const heads = new Set(active.filter((m) => GROUP_HEAD_ROLES.includes(m.role)).map((m) => m.personId)).size;
  if (heads > 1) {
    out.push(
      ruleViolation(
        'GROUP_ONE_HEAD',
        ['memberships'],
        entity,
        `"${org.name}" có ${heads} tổ trưởng (kể cả lâm thời) cùng lúc vào ngày ${viDate(on)}; chỉ được có một.`,
        `"${org.name}" has ${heads} heads (interim included) at once on ${on}; it may have only one.`,
      ),
    );
  }
  const deputies = new Set(active.filter((m) => m.role === 'DEPUTY_HEAD').map((m) => m.personId)).size;
  if (deputies > 1) {
    out.push(
      ruleViolation(
        'GROUP_ONE_HEAD',
        ['memberships'],
        entity,
        `"${org.name}" có ${deputies} tổ phó cùng lúc vào ngày ${viDate(on)}; chỉ được có một.`,
        `"${org.name}" has ${deputies} deputy heads at once on ${on}; it may have only one.`,
      ),
    );
  }

  active.forEach((m, i) => {
    // Stored records were validated on write; a malformed one is skipped rather than thrown on.
    if (!GROUP_HEAD_ROLES.includes(m.role) || !isIsoDate(m.validFrom) || (m.validTo !== null && !isIsoDate(m.validTo))) return;
    const person = state.people.find((p) => p.id === m.personId);
    const ref = entityRef('Membership', m.id);
    const found = person ? headQualificationViolations(state, org, m, person, ref, ruleData) : [];
    if (!person) found.push(notFound(['personId'], entityRef('Person', m.personId), 'người', 'person'));
    if (m.role === 'INTERIM_HEAD' && m.validTo === null) {
      const months = numericRuleParameter('group.interimHeadMaxMonths', m.validFrom, ruleData);
      const limit = addMonths(m.validFrom, months);
      // Serving on the limit date is already a day past [validFrom, limit), the longest allowed stint.
      if (on >= limit) {
        const who = person?.fullName ?? m.personId;
        found.push(
          ruleViolation(
            'GROUP_INTERIM_HEAD',
            ['validTo'],
            ref,
            `${who} làm tổ trưởng lâm thời "${org.name}" từ ${viDate(m.validFrom)} đến nay (${viDate(on)}), quá ${months} tháng (hết hạn ${viDate(limit)}).`,
            `${who} has been interim head of "${org.name}" since ${m.validFrom} (now ${on}), more than ${months} months (limit ${limit}).`,
          ),
        );
      }
    }
    for (const v of found) out.push({ ...v, path: ['memberships', i, ...v.path] });
  });
  return out;
}

function leadershipNotFound(id: Id): Violation {
  return notFound(['organizationId'], entityRef('Organization', id), 'ban lãnh đạo tổ dân phố', 'group leadership');
}

function findLeadership(state: Pick<DomainState, 'organizations'>, id: Id): Organization | undefined {
  return state.organizations.find((o) => o.id === id && o.kind === 'RESIDENTIAL_GROUP_LEADERSHIP');
}

/** GROUP_ONE_HEAD at write time: someone else holds the same seat (head or deputy) in an overlapping period. */
function secondHolderViolations(state: GroupState, org: Organization, candidate: Membership, entity: EntityRef): Violation[] {
  const seat = seatOf(candidate.role);
  if (seat === null) return [];
  const out: Violation[] = [];
  for (const other of state.memberships) {
    if (other.id === candidate.id || other.organizationId !== org.id || seatOf(other.role) !== seat) continue;
    // The same person in the same role twice is MEMBERSHIP_OVERLAP, reported by checkMembership.
    if (other.personId === candidate.personId && other.role === candidate.role) continue;
    if (!periodsOverlap(other, candidate)) continue;
    const who = state.people.find((p) => p.id === other.personId)?.fullName ?? other.personId;
    const since = viDate(other.validFrom);
    const [viSeat, enSeat] = seat === 'HEAD' ? ['tổ trưởng', 'head'] : ['tổ phó', 'deputy head'];
    out.push(
      ruleViolation(
        'GROUP_ONE_HEAD',
        ['role'],
        entity,
        `"${org.name}" đã có ${viSeat} ${who} (từ ${since}) trong cùng thời gian; mỗi tổ dân phố chỉ có một ${viSeat}.`,
        `"${org.name}" already has ${enSeat} ${who} (since ${other.validFrom}) in the same period; a residential group has one ${enSeat}.`,
      ),
    );
  }
  return out;
}

function seatOf(role: Role): 'HEAD' | 'DEPUTY' | null {
  if (GROUP_HEAD_ROLES.includes(role)) return 'HEAD';
  return role === 'DEPUTY_HEAD' ? 'DEPUTY' : null;
}

/** Age, residence and term length of a (possibly interim) head; every limit is read on the appointment date. */
function headQualificationViolations(
  state: GroupState,
  org: Organization,
  m: Membership,
  person: Person,
  entity: EntityRef,
  ruleData: RuleData,
): Violation[] {
  const out: Violation[] = [];
  const who = person.fullName;
  const minAge = numericRuleParameter('group.headMinAge', m.validFrom, ruleData);
  const age = ageAtMost(person, m.validFrom);
  if (age !== null && age < minAge) {
    out.push(
      ruleViolation(
        'GROUP_HEAD_AGE',
        ['personId'],
        entity,
        `${who} mới ${age} tuổi vào ngày nhận chức ${viDate(m.validFrom)}; tổ trưởng "${org.name}" phải từ đủ ${minAge} tuổi.`,
        `${who} is ${age} on taking office on ${m.validFrom}; the head of "${org.name}" must be at least ${minAge}.`,
      ),
    );
  }
  out.push(...residenceViolations(state, org, m, person, entity));
  if (m.validTo !== null) {
    const isInterim = m.role === 'INTERIM_HEAD';
    const months = numericRuleParameter(isInterim ? 'group.interimHeadMaxMonths' : 'group.headTermMonths', m.validFrom, ruleData);
    const limit = addMonths(m.validFrom, months);
    if (m.validTo > limit) {
      out.push(
        isInterim
          ? ruleViolation(
              'GROUP_INTERIM_HEAD',
              ['validTo'],
              entity,
              `${who} làm tổ trưởng lâm thời "${org.name}" từ ${viDate(m.validFrom)} đến ${viDate(m.validTo)}, quá ${months} tháng; phải kết thúc chậm nhất ${viDate(limit)}.`,
              `${who} is interim head of "${org.name}" from ${m.validFrom} to ${m.validTo}, more than ${months} months; it must end by ${limit}.`,
            )
          : ruleViolation(
              'GROUP_HEAD_TERM',
              ['validTo'],
              entity,
              `Nhiệm kỳ tổ trưởng "${org.name}" của ${who} từ ${viDate(m.validFrom)} đến ${viDate(m.validTo)} dài hơn ${months} tháng; phải kết thúc chậm nhất ${viDate(limit)}.`,
              `The term of ${who} as head of "${org.name}" from ${m.validFrom} to ${m.validTo} is longer than ${months} months; it must end by ${limit}.`,
            ),
      );
    }
  }
  return out;
}

/**
 * The oldest the person can be on `on`: exact with a birth date; with only a birth year, their
 * age if born on 1 January, so a head is refused only when certainly too young. Null when unknown.
 */
function ageAtMost(person: Person, on: IsoDate): number | null {
  if (person.birthDate && isIsoDate(person.birthDate)) return ageOn(person.birthDate, on);
  if (!Number.isInteger(person.birthYear)) return null;
  return yearOf(on) - person.birthYear;
}

/**
 * A head must permanently reside in the group. An unrecorded residence is a violation too: the
 * law makes residence a condition of office, so the appointment waits until it is recorded. When
 * the leadership serves no recorded group on that date there is nothing to compare with, and the
 * check is skipped (that gap is the leadership's data, not the person's).
 */
function residenceViolations(state: GroupState, org: Organization, m: Membership, person: Person, entity: EntityRef): Violation[] {
  const groups = groupsServedBy(state, org.id, m.validFrom);
  if (groups.length === 0) return [];
  const residence = person.residenceUnitId ?? null;
  if (residence !== null && groups.some((g) => g.id === residence)) return [];
  const groupNames = groups.map((g) => `"${g.name}"`).join(', ');
  if (residence === null) {
    return [
      ruleViolation(
        'GROUP_HEAD_RESIDENT',
        ['personId'],
        entity,
        `Chưa ghi nơi thường trú của ${person.fullName}; tổ trưởng phải thường trú tại tổ dân phố ${groupNames}.`,
        `No permanent residence is recorded for ${person.fullName}; the head must permanently reside in residential group ${groupNames}.`,
      ),
    ];
  }
  const livesIn = state.units.find((u) => u.id === residence)?.name ?? residence;
  return [
    ruleViolation(
      'GROUP_HEAD_RESIDENT',
      ['personId'],
      entity,
      `${person.fullName} thường trú tại "${livesIn}", không phải tổ dân phố ${groupNames}; tổ trưởng phải thường trú tại tổ.`,
      `${person.fullName} permanently resides in "${livesIn}", not residential group ${groupNames}; the head must reside in the group.`,
    ),
  ];
}
