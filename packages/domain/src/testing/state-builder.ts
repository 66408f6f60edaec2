import type { BoardChangeKind } from '../model/boards.js';
import type { OrganizationKind } from '../model/bodies.js';
import type { CommendationKind, NominationOutcome, NomineeCategory, PresenterCategory, TrainingTopic } from '../model/directive.js';
import type { PartyStatus, Role } from '../model/people.js';
import type { Id, UnitKind } from '../model/places.js';
import { type DomainState, emptyState } from '../model/state.js';
import type { IsoDate } from '../time/dates.js';

/** The start of a built record's period when none is given. */
export const EPOCH: IsoDate = '2000-01-01';

/** The body that issues the built directives and organises their reviews and trainings. */
export const ISSUER_ID: Id = 'issuer';

/** A built record's period: from `EPOCH` and open unless given. */
export interface Dated {
  /** First day (inclusive). */
  from?: IsoDate;
  /** Day after the last (exclusive); `null` for open. */
  to?: IsoDate | null;
}

/**
 * A builder of small hand-made states for tests and examples: each method adds records (with the
 * links they need, e.g. a unit and its parent link) and returns the builder. Ids you pass are
 * kept; ids it makes are `prefix#n`. `state` is the state built so far.
 *
 * @example
 * const s = new StateBuilder().unit('hn', 'PROVINCE', 'Hà Nội', null).unit('w1', 'WARD', 'Phường 1', 'hn');
 * checkStateIntegrity(s.state); // → []
 */
export class StateBuilder {
  readonly state: DomainState = emptyState();
  private seq = 0;

  id(prefix: string): Id {
    this.seq += 1;
    return `${prefix}#${this.seq}`;
  }

  /** A unit and (when `parentId` is given) its parent link over the same period. */
  unit(id: Id, kind: UnitKind, name: string, parentId: Id | null, opts: Dated & { kindLabel?: string } = {}): this {
    const validFrom = opts.from ?? EPOCH;
    const validTo = opts.to ?? null;
    this.state.units.push({ id, kind, name, validFrom, validTo, ...(opts.kindLabel ? { kindLabel: opts.kindLabel } : {}) });
    if (parentId !== null) this.link(id, parentId, { from: validFrom, to: validTo });
    return this;
  }

  link(unitId: Id, parentId: Id, opts: Dated = {}): this {
    this.state.unitParents.push({ id: this.id('up'), unitId, parentId, validFrom: opts.from ?? EPOCH, validTo: opts.to ?? null });
    return this;
  }

  /** Ends the open parent link of a unit on `on` and starts one to `newParentId` (a transfer). */
  moveUnit(unitId: Id, newParentId: Id, on: IsoDate): this {
    for (const l of this.state.unitParents) if (l.unitId === unitId && l.validTo === null && l.validFrom < on) l.validTo = on;
    return this.link(unitId, newParentId, { from: on });
  }

  org(id: Id, kind: OrganizationKind, name: string, opts: Dated & { serves?: Id[]; buildingId?: Id; complexId?: Id } = {}): this {
    this.state.organizations.push({
      id,
      kind,
      name,
      validFrom: opts.from ?? EPOCH,
      validTo: opts.to ?? null,
      ...(opts.buildingId ? { buildingId: opts.buildingId } : {}),
      ...(opts.complexId ? { complexId: opts.complexId } : {}),
    });
    for (const unitId of opts.serves ?? []) this.serves(id, unitId);
    return this;
  }

  serves(organizationId: Id, unitId: Id, opts: Dated = {}): this {
    this.state.organizationAreas.push({
      id: this.id('area'),
      organizationId,
      unitId,
      validFrom: opts.from ?? EPOCH,
      validTo: opts.to ?? null,
    });
    return this;
  }

  person(id: Id, fullName: string, opts: { residenceUnitId?: Id } = {}): this {
    this.state.people.push({ id, fullName, sex: 'MALE', birthYear: 1970, residenceUnitId: opts.residenceUnitId ?? null });
    return this;
  }

  member(personId: Id, organizationId: Id, role: Role, opts: Dated = {}): this {
    this.state.memberships.push({
      id: this.id('m'),
      personId,
      organizationId,
      role,
      validFrom: opts.from ?? EPOCH,
      validTo: opts.to ?? null,
    });
    return this;
  }

  party(personId: Id, homeCellId: Id, status: PartyStatus, opts: Dated = {}): this {
    this.state.partyMemberships.push({
      id: this.id('pm'),
      personId,
      homeCellId,
      status,
      validFrom: opts.from ?? EPOCH,
      validTo: opts.to ?? null,
    });
    return this;
  }

  contact(personId: Id, residenceCellId: Id, opts: Dated = {}): this {
    this.state.residenceContacts.push({
      id: this.id('rc'),
      personId,
      residenceCellId,
      category: 'NORMAL',
      validFrom: opts.from ?? EPOCH,
      validTo: opts.to ?? null,
    });
    return this;
  }

  building(
    id: Id,
    name: string,
    residentialGroupId: Id,
    opts: Dated & { apartmentCount?: number; multipleOwners?: boolean; complexId?: Id } = {},
  ): this {
    this.state.buildings.push({
      id,
      name,
      residentialGroupId,
      apartmentCount: opts.apartmentCount ?? 100,
      blockCount: 1,
      multipleOwners: opts.multipleOwners ?? true,
      complexId: opts.complexId ?? null,
      validFrom: opts.from ?? EPOCH,
      validTo: opts.to ?? null,
    });
    return this;
  }

  complex(id: Id, name: string): this {
    this.state.complexes.push({ id, name, validFrom: EPOCH, validTo: null });
    return this;
  }

  board(id: Id, name: string, target: { buildingId: Id } | { complexId: Id }, opts: Dated = {}): this {
    return this.org(id, 'MANAGEMENT_BOARD', name, { ...opts, ...target });
  }

  term(boardId: Id, termNumber: number, from: IsoDate, to: IsoDate | null): this {
    this.state.boardTerms.push({ id: this.id('term'), boardId, termNumber, electedOn: from, validFrom: from, validTo: to });
    return this;
  }

  change(boardId: Id, kind: BoardChangeKind, on: IsoDate, directiveId?: Id): this {
    this.state.boardChanges.push({ id: this.id('chg'), boardId, kind, on, directiveId: directiveId ?? null });
    return this;
  }

  /**
   * Directives, reviews and trainings are issued or organised by the body `issuer`; it is added
   * (a district party committee serving nothing) unless the state already has it, so a built
   * state never refers to a body it does not hold.
   */
  private ensureIssuer(): void {
    if (this.state.organizations.some((o) => o.id === ISSUER_ID)) return;
    this.state.organizations.push({ id: ISSUER_ID, kind: 'DISTRICT_PARTY_COMMITTEE', name: 'Quận ủy', validFrom: EPOCH, validTo: null });
  }

  directive(id: Id, code: string, issuedOn: IsoDate, scopeUnitId: Id): this {
    this.ensureIssuer();
    this.state.directives.push({ id, code, title: `Thông tri ${code}`, issuedOn, issuerId: ISSUER_ID, scopeUnitId });
    return this;
  }

  review(id: Id, directiveId: Id, heldOn: IsoDate): this {
    this.ensureIssuer();
    this.state.reviews.push({ id, directiveId, kind: 'INTERIM', heldOn, organizerId: ISSUER_ID, title: `Sơ kết ${heldOn}` });
    return this;
  }

  presentation(id: Id, reviewId: Id, title: string, category: PresenterCategory, by: { organizationId?: Id; personId?: Id } = {}): this {
    this.state.presentations.push({
      id,
      reviewId,
      title,
      category,
      presenterOrganizationId: by.organizationId ?? null,
      presenterPersonId: by.personId ?? null,
    });
    return this;
  }

  /** A commendation of its kind's recipient (a body for COLLECTIVE, a person for INDIVIDUAL). */
  commendation(id: Id, directiveId: Id, kind: CommendationKind, decidedOn: IsoDate, recipientId: Id): this {
    const base = { id, directiveId, decidedOn, decisionNumber: `QĐ ${id}` };
    this.state.commendations.push(
      kind === 'COLLECTIVE' ? { ...base, kind, recipientOrganizationId: recipientId } : { ...base, kind, recipientPersonId: recipientId },
    );
    return this;
  }

  nomination(
    nominatingOrganizationId: Id,
    personId: Id,
    boardId: Id,
    category: NomineeCategory,
    nominatedOn: IsoDate,
    opts: { outcome?: NominationOutcome; directiveId?: Id } = {},
  ): this {
    this.state.nominations.push({
      id: this.id('nom'),
      nominatingOrganizationId,
      personId,
      boardId,
      category,
      nominatedOn,
      outcome: opts.outcome ?? 'ELECTED',
      directiveId: opts.directiveId ?? null,
    });
    return this;
  }

  training(id: Id, topics: TrainingTopic[], heldOn: IsoDate, attendees: Id[] = []): this {
    this.ensureIssuer();
    this.state.trainings.push({ id, title: `Tập huấn ${topics.join(', ')}`, topics, heldOn, organizerId: ISSUER_ID });
    for (const personId of attendees) this.state.trainingAttendances.push({ id: this.id('att'), trainingId: id, personId });
    return this;
  }

  petition(id: Id, residentialGroupId: Id, receivedOn: IsoDate): this {
    this.state.petitions.push({ id, kind: 'PROPOSAL', subject: `Đơn ${id}`, receivedOn, residentialGroupId });
    return this;
  }

  regulation(residentialGroupId: Id, boardId: Id, from: IsoDate, to: IsoDate | null = null): this {
    this.state.coordinationRegulations.push({
      id: this.id('qc'),
      residentialGroupId,
      boardId,
      signedOn: from,
      validFrom: from,
      validTo: to,
    });
    return this;
  }
}
