import { ALLOWED_PARENT_KINDS } from '../hierarchy/parent-kinds.js';
import { type Membership, singleHolderSeat } from '../model/people.js';
import type { UnitKind, UnitParent } from '../model/places.js';
import type { DomainState } from '../model/state.js';
import type { Period } from '../time/period.js';
import { periodsOverlap } from '../time/period.js';
import type { FieldPath, Violation } from '../validation/result.js';
import type { RuleCode } from './catalog.js';
import { checkGroupHeadAppointment } from './group-rules.js';
import { DEFAULT_RULE_DATA } from './rule-data.js';
import { dateFormatViolations, entityRef, notFound, periodOrderViolation, type RuleData, ruleViolation, viDate } from './violation.js';

/** Every code the membership and unit-parent checks can report (the tests prove each one fails somewhere). */
export const MEMBERSHIP_RULE_CODES = [
  'PERIOD_ORDER',
  'DATE_FORMAT',
  'MEMBERSHIP_OVERLAP',
  'POST_ONE_HOLDER',
  'MEMBERSHIP_WITHIN_BODY',
  'ENTITY_NOT_FOUND',
  'UNIT_ONE_PARENT',
  'UNIT_PARENT_KIND',
  'UNIT_NOT_FOUND',
] as const satisfies readonly RuleCode[];

/** The tables the membership checks read. */
export type MembershipState = Pick<DomainState, 'people' | 'organizations' | 'memberships' | 'posts' | 'organizationAreas' | 'units'>;

/**
 * Write-time check of a membership (new or updated: the candidate's own stored version, same id,
 * is ignored). `path` is where the membership sits in the mutation input, e.g. `['members', 2]`.
 */
export function checkMembership(
  state: MembershipState,
  candidate: Membership,
  path: FieldPath = [],
  ruleData: RuleData = DEFAULT_RULE_DATA,
): Violation[] {
  const entity = entityRef('Membership', candidate.id);
  const at = (...rest: Array<string | number>): FieldPath => [...path, ...rest];
  const out = dateFormatViolations(
    [
      [at('validFrom'), candidate.validFrom],
      [at('validTo'), candidate.validTo],
    ],
    entity,
  );
  const datesOk = out.length === 0;
  const ordered = datesOk && (candidate.validTo === null || candidate.validFrom < candidate.validTo);
  if (datesOk && !ordered && candidate.validTo !== null) {
    out.push(periodOrderViolation(at('validTo'), entity, candidate.validFrom, candidate.validTo));
  }

  const person = state.people.find((p) => p.id === candidate.personId);
  if (!person) out.push(notFound(at('personId'), entityRef('Person', candidate.personId), 'người', 'person'));
  const org = state.organizations.find((o) => o.id === candidate.organizationId);
  if (!org) out.push(notFound(at('organizationId'), entityRef('Organization', candidate.organizationId), 'tổ chức', 'organization'));
  const postId = candidate.postId ?? null;
  if (postId !== null && !state.posts.some((p) => p.id === postId)) {
    out.push(
      ruleViolation('ENTITY_NOT_FOUND', at('postId'), entity, `Không tìm thấy chức danh "${postId}".`, `No post "${postId}" exists.`),
    );
  }
  if (!ordered) return out;

  const who = person?.fullName ?? candidate.personId;
  const body = org?.name ?? candidate.organizationId;
  for (const other of state.memberships) {
    if (other.id === candidate.id || other.personId !== candidate.personId || other.organizationId !== candidate.organizationId) continue;
    const samePost = postId !== null && other.postId === postId;
    if ((other.role !== candidate.role && !samePost) || !periodsOverlap(other, candidate)) continue;
    const until = other.validTo === null ? 'nay' : viDate(other.validTo);
    out.push(
      ruleViolation(
        'MEMBERSHIP_OVERLAP',
        at('validFrom'),
        entity,
        `${who} đã giữ chức vụ này ở "${body}" từ ${viDate(other.validFrom)} đến ${until}; không thể giữ hai lần trong cùng thời gian.`,
        `${who} already holds this post in "${body}" from ${other.validFrom} to ${other.validTo ?? 'now'}; nobody holds a post twice at the same time.`,
      ),
    );
  }
  const seat = singleHolderSeat(candidate.role);
  // A group's leadership reports its second head or deputy as GROUP_ONE_HEAD (checkGroupHeadAppointment).
  if (seat !== null && org?.kind !== 'RESIDENTIAL_GROUP_LEADERSHIP') {
    for (const other of state.memberships) {
      if (other.id === candidate.id || other.organizationId !== candidate.organizationId || singleHolderSeat(other.role) !== seat) continue;
      if ((other.personId === candidate.personId && other.role === candidate.role) || !periodsOverlap(other, candidate)) continue;
      const holder = state.people.find((p) => p.id === other.personId)?.fullName ?? other.personId;
      const until = other.validTo === null ? 'nay' : viDate(other.validTo);
      out.push(
        ruleViolation(
          'POST_ONE_HOLDER',
          at('role'),
          entity,
          `"${body}" đã có ${holder} giữ chức vụ này từ ${viDate(other.validFrom)} đến ${until}; mỗi lúc chỉ một người giữ.`,
          `"${body}" already has ${holder} in this seat from ${other.validFrom} to ${other.validTo ?? 'now'}; it has one holder at a time.`,
        ),
      );
    }
  }
  if (org) out.push(...outsideLife(candidate, org, at('validFrom'), entity, `"${body}"`, `"${body}"`));
  const post = postId === null ? undefined : state.posts.find((p) => p.id === postId);
  if (post) out.push(...outsideLife(candidate, post, at('postId'), entity, `chức danh "${post.label}"`, `the post "${post.label}"`));
  if (person && org?.kind === 'RESIDENTIAL_GROUP_LEADERSHIP') {
    const group = checkGroupHeadAppointment(state, candidate, ruleData);
    out.push(...group.map((v) => ({ ...v, path: [...path, ...v.path] })));
  }
  return out;
}

/** MEMBERSHIP_WITHIN_BODY: the membership starts no earlier and ends no later than its body (or post). */
function outsideLife(
  m: Period,
  holder: Period,
  path: FieldPath,
  entity: ReturnType<typeof entityRef>,
  vi: string,
  en: string,
): Violation[] {
  const endsInside = holder.validTo === null || (m.validTo !== null && m.validTo <= holder.validTo);
  if (holder.validFrom <= m.validFrom && endsInside) return [];
  const life = `${viDate(holder.validFrom)} – ${holder.validTo === null ? 'nay' : viDate(holder.validTo)}`;
  return [
    ruleViolation(
      'MEMBERSHIP_WITHIN_BODY',
      path,
      entity,
      `Chức vụ từ ${viDate(m.validFrom)} đến ${m.validTo === null ? 'nay' : viDate(m.validTo)} nằm ngoài thời gian tồn tại của ${vi} (${life}).`,
      `The membership from ${m.validFrom} to ${m.validTo ?? 'now'} lies outside the life of ${en} (${holder.validFrom} – ${holder.validTo ?? 'now'}).`,
    ),
  ];
}

/**
 * Write-time check of a unit's parent link: one parent at a time (UNIT_ONE_PARENT) of an allowed
 * level (UNIT_PARENT_KIND, the table the hierarchy uses: wards may sit under a district, or since
 * 1/7/2025 directly under the province). The link's own stored version (same id) is ignored.
 */
export function checkUnitParent(state: Pick<DomainState, 'units' | 'unitParents'>, link: UnitParent): Violation[] {
  const entity = entityRef('AdministrativeUnit', link.unitId);
  const out = dateFormatViolations(
    [
      [['validFrom'], link.validFrom],
      [['validTo'], link.validTo],
    ],
    entity,
  );
  const ordered = out.length === 0 && (link.validTo === null || link.validFrom < link.validTo);
  if (out.length === 0 && !ordered && link.validTo !== null) {
    out.push(periodOrderViolation(['validTo'], entity, link.validFrom, link.validTo));
  }

  const unit = state.units.find((u) => u.id === link.unitId);
  const parent = state.units.find((u) => u.id === link.parentId);
  if (!unit) out.push(unitNotFound(['unitId'], link.unitId));
  if (!parent) out.push(unitNotFound(['parentId'], link.parentId));
  const name = unit?.name ?? link.unitId;

  if (unit && parent && !ALLOWED_PARENT_KINDS[unit.kind].includes(parent.kind)) {
    const allowed = ALLOWED_PARENT_KINDS[unit.kind];
    const list = (lang: 'vi' | 'en') =>
      allowed.length === 0 ? KIND_LABELS.none[lang] : allowed.map((k) => KIND_LABELS[k][lang]).join(', ');
    out.push(
      ruleViolation(
        'UNIT_PARENT_KIND',
        ['parentId'],
        entity,
        `${capitalise(KIND_LABELS[unit.kind].vi)} "${name}" không thể trực thuộc ${KIND_LABELS[parent.kind].vi} "${parent.name}"; cấp trên hợp lệ: ${list('vi')}.`,
        `${capitalise(KIND_LABELS[unit.kind].en)} "${name}" cannot sit under ${KIND_LABELS[parent.kind].en} "${parent.name}"; allowed parents: ${list('en')}.`,
      ),
    );
  }
  if (!ordered) return out;
  for (const other of state.unitParents) {
    if (other.id === link.id || other.unitId !== link.unitId || !periodsOverlap(other, link)) continue;
    const otherName = state.units.find((u) => u.id === other.parentId)?.name ?? other.parentId;
    const until = other.validTo === null ? 'nay' : viDate(other.validTo);
    out.push(
      ruleViolation(
        'UNIT_ONE_PARENT',
        ['validFrom'],
        entity,
        `"${name}" đã trực thuộc "${otherName}" từ ${viDate(other.validFrom)} đến ${until}; mỗi đơn vị chỉ có một cấp trên tại một thời điểm.`,
        `"${name}" already sits under "${otherName}" from ${other.validFrom} to ${other.validTo ?? 'now'}; a unit has one parent at a time.`,
      ),
    );
  }
  return out;
}

const KIND_LABELS: Readonly<Record<UnitKind | 'none', { vi: string; en: string }>> = {
  PROVINCE: { vi: 'tỉnh/thành phố', en: 'province' },
  DISTRICT: { vi: 'quận/huyện', en: 'district' },
  WARD: { vi: 'phường', en: 'ward' },
  COMMUNE: { vi: 'xã', en: 'commune' },
  RESIDENTIAL_GROUP: { vi: 'tổ dân phố', en: 'residential group' },
  none: { vi: 'không có cấp trên', en: 'none' },
};

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

function unitNotFound(path: FieldPath, id: string): Violation {
  return ruleViolation(
    'UNIT_NOT_FOUND',
    path,
    entityRef('AdministrativeUnit', id),
    `Không tìm thấy đơn vị hành chính "${id}".`,
    `No administrative unit "${id}" exists.`,
  );
}
