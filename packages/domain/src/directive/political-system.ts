import { BodyHierarchy, PlaceHierarchy } from '../hierarchy/as-of.js';
import type { OrganizationKind } from '../model/bodies.js';
import type { Membership, PartyMembership, PartyStatus, ResidenceContact, Role } from '../model/people.js';
import type { Id } from '../model/places.js';
import type { DomainState } from '../model/state.js';
import type { IsoDate } from '../time/dates.js';
import { isActiveOn } from '../time/period.js';

/**
 * Who counts as what on a date, for the directive's figures and findings. Every answer is about a
 * distinct person: a person with three memberships counts once.
 *
 * - party member of a residential group: a PartyMembership active on the date whose home cell is a
 *   PARTY_CELL (alive on the date) that serves, on the date, at least one RESIDENTIAL_GROUP;
 * - political-system post holder: a Membership active on the date in a body (alive on the date) that
 *   serves a residential group on the date and is a FRONT_WORK_COMMITTEE, MASS_ORGANIZATION_BRANCH or
 *   RESIDENTIAL_GROUP_LEADERSHIP (any role), or a PARTY_CELL with a leadership role
 *   (SECRETARY, DEPUTY_SECRETARY, COMMITTEE_MEMBER). Plain cell membership is party membership,
 *   not a post;
 * - Regulation-213 member: a ResidenceContact active on the date.
 */

/** The part of the state these answers need. */
export type PoliticalSystemState = Pick<
  DomainState,
  | 'units'
  | 'unitCodes'
  | 'unitParents'
  | 'organizations'
  | 'organizationParents'
  | 'organizationAreas'
  | 'memberships'
  | 'partyMemberships'
  | 'residenceContacts'
>;

/** Bodies where any membership is a post in the group's political system. */
export const POLITICAL_SYSTEM_POST_BODY_KINDS: readonly OrganizationKind[] = [
  'FRONT_WORK_COMMITTEE',
  'MASS_ORGANIZATION_BRANCH',
  'RESIDENTIAL_GROUP_LEADERSHIP',
];

/** Roles in a party cell that are posts (the cell's leadership). */
export const CELL_POST_ROLES: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER'];

/**
 * What a person is on a date in a group's political system: party member, post holder, Regulation 213
 * member, and where.
 */
export interface PersonProfile {
  personId: Id;
  on: IsoDate;
  /** Party member whose home cell serves a residential group. */
  partyMember: boolean;
  /** Holds a post in a residential group's political system. */
  postHolder: boolean;
  /** Keeps contact with the residence cell under Regulation 213-QĐ/TW. */
  residenceContact: boolean;
  /** The records that make each answer true, so a count can be traced back to them. */
  basis: {
    partyMembershipIds: Id[];
    postMembershipIds: Id[];
    residenceContactIds: Id[];
  };
}

/**
 * Indexes built once per state, so asking about thousands of people stays linear: every lookup
 * goes through a map keyed by person or cell, and "does this body serve a residential group on D"
 * is memoised per (body, date).
 */
export class PoliticalSystemIndex {
  readonly places: PlaceHierarchy;
  readonly bodies: BodyHierarchy;
  private readonly partyByPerson = new Map<Id, PartyMembership[]>();
  private readonly partyByCell = new Map<Id, PartyMembership[]>();
  private readonly membershipsByPerson = new Map<Id, Membership[]>();
  private readonly contactsByPerson = new Map<Id, ResidenceContact[]>();
  private readonly groupsServed = new Map<string, readonly Id[]>();

  constructor(
    private readonly state: PoliticalSystemState,
    hierarchies: { places?: PlaceHierarchy; bodies?: BodyHierarchy } = {},
  ) {
    this.places = hierarchies.places ?? new PlaceHierarchy(state);
    this.bodies = hierarchies.bodies ?? new BodyHierarchy(state);
    for (const pm of state.partyMemberships) {
      push(this.partyByPerson, pm.personId, pm);
      push(this.partyByCell, pm.homeCellId, pm);
    }
    for (const m of state.memberships) push(this.membershipsByPerson, m.personId, m);
    for (const rc of state.residenceContacts) push(this.contactsByPerson, rc.personId, rc);
  }

  /** Residential groups (alive on `on`) that the body serves on `on`; empty when the body is not alive. */
  residentialGroupsServedBy(organizationId: Id, on: IsoDate): readonly Id[] {
    const key = `${organizationId}|${on}`;
    const cached = this.groupsServed.get(key);
    if (cached) return cached;
    const groups = this.bodies.organizationOn(organizationId, on)
      ? this.bodies.areasOf(organizationId, on).filter((unitId) => this.places.unitOn(unitId, on)?.kind === 'RESIDENTIAL_GROUP')
      : [];
    const unique = [...new Set(groups)];
    this.groupsServed.set(key, unique);
    return unique;
  }

  servesResidentialGroup(organizationId: Id, on: IsoDate): boolean {
    return this.residentialGroupsServedBy(organizationId, on).length > 0;
  }

  /** True when the body is a party cell of residential groups on `on`. */
  isResidentialGroupCell(organizationId: Id, on: IsoDate): boolean {
    return this.bodies.organizationOn(organizationId, on)?.kind === 'PARTY_CELL' && this.servesResidentialGroup(organizationId, on);
  }

  /** The party membership makes its holder a party member of a residential group on `on`. */
  countsAsGroupPartyMembership(pm: PartyMembership, on: IsoDate): boolean {
    return isActiveOn(pm, on) && this.isResidentialGroupCell(pm.homeCellId, on);
  }

  /** The membership is a post in a residential group's political system on `on`. */
  countsAsPost(m: Membership, on: IsoDate): boolean {
    if (!isActiveOn(m, on)) return false;
    const body = this.bodies.organizationOn(m.organizationId, on);
    if (!body) return false;
    const isPostBody =
      POLITICAL_SYSTEM_POST_BODY_KINDS.includes(body.kind) || (body.kind === 'PARTY_CELL' && CELL_POST_ROLES.includes(m.role));
    return isPostBody && this.servesResidentialGroup(body.id, on);
  }

  profileOn(personId: Id, on: IsoDate): PersonProfile {
    const partyMembershipIds = (this.partyByPerson.get(personId) ?? [])
      .filter((pm) => this.countsAsGroupPartyMembership(pm, on))
      .map((pm) => pm.id);
    const postMembershipIds = (this.membershipsByPerson.get(personId) ?? []).filter((m) => this.countsAsPost(m, on)).map((m) => m.id);
    const residenceContactIds = (this.contactsByPerson.get(personId) ?? []).filter((rc) => isActiveOn(rc, on)).map((rc) => rc.id);
    return {
      personId,
      on,
      partyMember: partyMembershipIds.length > 0,
      postHolder: postMembershipIds.length > 0,
      residenceContact: residenceContactIds.length > 0,
      basis: { partyMembershipIds, postMembershipIds, residenceContactIds },
    };
  }

  isPartyMemberOn(personId: Id, on: IsoDate): boolean {
    return (this.partyByPerson.get(personId) ?? []).some((pm) => this.countsAsGroupPartyMembership(pm, on));
  }

  isPostHolderOn(personId: Id, on: IsoDate): boolean {
    return (this.membershipsByPerson.get(personId) ?? []).some((m) => this.countsAsPost(m, on));
  }

  /** Party member or post holder: a member of a residential group's political system. */
  isInPoliticalSystemOn(personId: Id, on: IsoDate): boolean {
    return this.isPartyMemberOn(personId, on) || this.isPostHolderOn(personId, on);
  }

  isResidenceContactOn(personId: Id, on: IsoDate): boolean {
    return (this.contactsByPerson.get(personId) ?? []).some((rc) => isActiveOn(rc, on));
  }

  /** Distinct party members of residential-group cells on `on`. */
  partyMembersOn(on: IsoDate): Set<Id> {
    const out = new Set<Id>();
    for (const pm of this.state.partyMemberships) if (this.countsAsGroupPartyMembership(pm, on)) out.add(pm.personId);
    return out;
  }

  /** Distinct political-system post holders on `on`. */
  postHoldersOn(on: IsoDate): Set<Id> {
    const out = new Set<Id>();
    for (const m of this.state.memberships) if (this.countsAsPost(m, on)) out.add(m.personId);
    return out;
  }

  /** Distinct Regulation-213 members on `on`. */
  residenceContactMembersOn(on: IsoDate): Set<Id> {
    const out = new Set<Id>();
    for (const rc of this.state.residenceContacts) if (isActiveOn(rc, on)) out.add(rc.personId);
    return out;
  }

  /** Party members ∪ post holders: the political system of residential groups, as people. */
  politicalSystemPeopleOn(on: IsoDate): Set<Id> {
    const out = this.partyMembersOn(on);
    for (const id of this.postHoldersOn(on)) out.add(id);
    return out;
  }

  /** Distinct people whose home cell is `cellId` on `on`, optionally of one status. */
  cellMembersOn(cellId: Id, on: IsoDate, status?: PartyStatus): Set<Id> {
    const out = new Set<Id>();
    for (const pm of this.partyByCell.get(cellId) ?? []) {
      if (isActiveOn(pm, on) && (status === undefined || pm.status === status)) out.add(pm.personId);
    }
    return out;
  }

  /** Distinct official (chính thức) members of a cell on `on`. */
  officialMembersOfCellOn(cellId: Id, on: IsoDate): Set<Id> {
    return this.cellMembersOn(cellId, on, 'OFFICIAL');
  }
}

/**
 * Indexes a state to answer, per person and date, who is in a group's political system (see
 * `PersonProfile`).
 */
export function politicalSystemIndex(state: PoliticalSystemState): PoliticalSystemIndex {
  return new PoliticalSystemIndex(state);
}

/** One person's profile. Builds the indexes each call: for many people, build `politicalSystemIndex` once. */
export function personProfileOn(state: PoliticalSystemState, personId: Id, on: IsoDate): PersonProfile {
  return new PoliticalSystemIndex(state).profileOn(personId, on);
}

/** Distinct party members of residential-group cells on `on`. */
export function partyMembersOfResidentialGroupsOn(state: PoliticalSystemState, on: IsoDate): Set<Id> {
  return new PoliticalSystemIndex(state).partyMembersOn(on);
}

/** Distinct political-system post holders on `on`. */
export function politicalSystemPostHoldersOn(state: PoliticalSystemState, on: IsoDate): Set<Id> {
  return new PoliticalSystemIndex(state).postHoldersOn(on);
}

/** Distinct Regulation-213 members on `on`. */
export function residenceContactMembersOn(state: PoliticalSystemState, on: IsoDate): Set<Id> {
  return new PoliticalSystemIndex(state).residenceContactMembersOn(on);
}

/** Distinct people in the political system of residential groups on `on` (party members ∪ post holders). */
export function politicalSystemPeopleOn(state: PoliticalSystemState, on: IsoDate): Set<Id> {
  return new PoliticalSystemIndex(state).politicalSystemPeopleOn(on);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
