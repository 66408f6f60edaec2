import type { Role } from '../model/people.js';
import type { Id } from '../model/places.js';
import type { DomainState } from '../model/state.js';
import type { IsoDate } from '../time/dates.js';
import { isActiveOn } from '../time/period.js';
import type { Violation } from '../validation/result.js';
import type { RuleCode } from './catalog.js';
import { DEFAULT_RULE_DATA, numericRuleParameter } from './rule-data.js';
import { enCount, entityRef, notFound, type RuleData, ruleViolation } from './violation.js';

/** Every code `checkCell` can report (the tests prove each one fails somewhere). */
export const CELL_RULE_CODES = [
  'CELL_MIN_OFFICIAL_MEMBERS',
  'CELL_SHOULD_BECOME_COMMITTEE',
  'CELL_LEADERSHIP',
  'CELL_COMMITTEE_SIZE',
  'CELL_ONE_SECRETARY',
  'ENTITY_NOT_FOUND',
] as const satisfies readonly RuleCode[];

/** Posts of a cell's leadership: bí thư, phó bí thư, chi ủy viên. */
export const CELL_LEADERSHIP_ROLES: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER'];

/** The tables the party-cell checks read. */
export type CellState = Pick<DomainState, 'organizations' | 'partyMemberships' | 'memberships'>;

/** Distinct people whose home cell is `cellId` on `on` (official and probationary). */
export function partyMembersOfCell(state: Pick<DomainState, 'partyMemberships'>, cellId: Id, on: IsoDate): Id[] {
  return distinct(state.partyMemberships.filter((p) => p.homeCellId === cellId && isActiveOn(p, on)).map((p) => p.personId));
}

/** Distinct official (chính thức) members of the cell on `on`. */
export function officialMembersOfCell(state: Pick<DomainState, 'partyMemberships'>, cellId: Id, on: IsoDate): Id[] {
  return distinct(
    state.partyMemberships.filter((p) => p.homeCellId === cellId && p.status === 'OFFICIAL' && isActiveOn(p, on)).map((p) => p.personId),
  );
}

/**
 * Checks a party cell on `on`: its size (Party Charter art. 21, 24) and its leadership.
 * Whether a cell elects a committee depends on its OFFICIAL members: the Charter (art. 24.4) says
 * "chi bộ có dưới 9 đảng viên chính thức bầu bí thư", since only official members vote. The
 * grassroots-committee threshold (art. 21: "từ 30 đảng viên trở lên") counts all members.
 */
export function checkCell(state: CellState, cellId: Id, on: IsoDate, ruleData: RuleData = DEFAULT_RULE_DATA): Violation[] {
  const cell = state.organizations.find((o) => o.id === cellId && o.kind === 'PARTY_CELL');
  if (!cell) return [notFound(['cellId'], entityRef('Organization', cellId), 'chi bộ', 'party cell')];
  // A cell not alive on `on` has nothing to check.
  if (!isActiveOn(cell, on)) return [];
  const entity = entityRef('Organization', cell.id);
  const name = cell.name;
  const out: Violation[] = [];
  const official = officialMembersOfCell(state, cellId, on).length;
  const all = partyMembersOfCell(state, cellId, on).length;

  const minOfficial = numericRuleParameter('cell.minOfficialMembers', on, ruleData);
  if (official < minOfficial) {
    out.push(
      ruleViolation(
        'CELL_MIN_OFFICIAL_MEMBERS',
        ['partyMemberships'],
        entity,
        `Chi bộ "${name}" có ${official} đảng viên chính thức; cần ít nhất ${minOfficial}.`,
        `Party cell "${name}" has ${enCount(official, 'official member')}; it needs at least ${minOfficial}.`,
      ),
    );
  }
  const grassroots = numericRuleParameter('cell.grassrootsCommitteeThreshold', on, ruleData);
  if (all >= grassroots) {
    out.push(
      ruleViolation(
        'CELL_SHOULD_BECOME_COMMITTEE',
        ['partyMemberships'],
        entity,
        `Chi bộ "${name}" có ${all} đảng viên (từ ${grassroots} trở lên) nên thành lập đảng bộ cơ sở.`,
        `Party cell "${name}" has ${enCount(all, 'member')} (${grassroots} or more), so it should become a grassroots party committee.`,
      ),
    );
  }

  const leaders = state.memberships.filter(
    (m) => m.organizationId === cellId && CELL_LEADERSHIP_ROLES.includes(m.role) && isActiveOn(m, on),
  );
  const holding = (role: Role) => distinct(leaders.filter((m) => m.role === role).map((m) => m.personId)).length;
  const committeeThreshold = numericRuleParameter('cell.committeeThreshold', on, ruleData);
  const committeeMembers = holding('COMMITTEE_MEMBER');
  if (official < committeeThreshold && committeeMembers > 0) {
    out.push(
      ruleViolation(
        'CELL_LEADERSHIP',
        ['memberships'],
        entity,
        `Chi bộ "${name}" có ${official} đảng viên chính thức (dưới ${committeeThreshold}) nên chỉ bầu bí thư và phó bí thư, không bầu chi ủy, nhưng có ${committeeMembers} chi ủy viên.`,
        `Party cell "${name}" has ${enCount(official, 'official member')} (under ${committeeThreshold}), so it elects a secretary and deputy, not a committee, yet it has ${enCount(committeeMembers, 'committee member')}.`,
      ),
    );
  }
  const maxCommittee = numericRuleParameter('cell.maxCommitteeMembers', on, ruleData);
  const committee = distinct(leaders.map((m) => m.personId)).length;
  if (committee > maxCommittee) {
    out.push(
      ruleViolation(
        'CELL_COMMITTEE_SIZE',
        ['memberships'],
        entity,
        `Chi ủy chi bộ "${name}" có ${committee} người (bí thư, phó bí thư và chi ủy viên); tối đa ${maxCommittee}.`,
        `The committee of party cell "${name}" has ${enCount(committee, 'person', 'people')} (secretary, deputies and committee members); at most ${maxCommittee}.`,
      ),
    );
  }
  const secretaries = holding('SECRETARY');
  if (secretaries > 1) {
    out.push(
      ruleViolation(
        'CELL_ONE_SECRETARY',
        ['memberships'],
        entity,
        `Chi bộ "${name}" có ${secretaries} bí thư cùng lúc; chỉ được có một.`,
        `Party cell "${name}" has ${secretaries} secretaries at once; it may have only one.`,
      ),
    );
  }
  return out;
}

function distinct(ids: readonly Id[]): Id[] {
  return [...new Set(ids)];
}
