import type { BoardChange, BoardTerm } from './boards.js';
import type { Organization, OrganizationArea, OrganizationParent } from './bodies.js';
import type { Apartment, ApartmentBuilding, ApartmentComplex, ApartmentOwnership, BuildingBlock } from './buildings.js';
import type {
  Commendation,
  CoordinationRegulation,
  CoordinationRegulationEvent,
  Directive,
  ImplementationReview,
  Nomination,
  Petition,
  PetitionStatusChange,
  Presentation,
  Training,
  TrainingAttendance,
} from './directive.js';
import type { Membership, PartyMembership, Person, Post, ResidenceContact, ResidenceContactReview } from './people.js';
import type { AdministrativeUnit, UnitCode, UnitParent } from './places.js';
import type { ReorganisationEvent } from './reorganisation.js';

/**
 * Everything the domain reasons about, as plain arrays of records (one array per table).
 * Functions that need only part of it take `Pick<DomainState, ...>`, so callers pass what they
 * have. Every record is plain JSON: the database, the GraphQL API and the browser share it.
 */
export interface DomainState {
  units: AdministrativeUnit[];
  unitCodes: UnitCode[];
  unitParents: UnitParent[];
  organizations: Organization[];
  organizationParents: OrganizationParent[];
  organizationAreas: OrganizationArea[];
  people: Person[];
  posts: Post[];
  memberships: Membership[];
  partyMemberships: PartyMembership[];
  residenceContacts: ResidenceContact[];
  residenceContactReviews: ResidenceContactReview[];
  buildings: ApartmentBuilding[];
  complexes: ApartmentComplex[];
  blocks: BuildingBlock[];
  apartments: Apartment[];
  ownerships: ApartmentOwnership[];
  boardTerms: BoardTerm[];
  boardChanges: BoardChange[];
  directives: Directive[];
  reviews: ImplementationReview[];
  presentations: Presentation[];
  commendations: Commendation[];
  nominations: Nomination[];
  trainings: Training[];
  trainingAttendances: TrainingAttendance[];
  petitions: Petition[];
  petitionStatusChanges: PetitionStatusChange[];
  coordinationRegulations: CoordinationRegulation[];
  coordinationRegulationEvents: CoordinationRegulationEvent[];
  reorganisations: ReorganisationEvent[];
}

/** An empty state, to build on (`{ ...emptyState(), units: [...] }`). */
export function emptyState(): DomainState {
  return {
    units: [],
    unitCodes: [],
    unitParents: [],
    organizations: [],
    organizationParents: [],
    organizationAreas: [],
    people: [],
    posts: [],
    memberships: [],
    partyMemberships: [],
    residenceContacts: [],
    residenceContactReviews: [],
    buildings: [],
    complexes: [],
    blocks: [],
    apartments: [],
    ownerships: [],
    boardTerms: [],
    boardChanges: [],
    directives: [],
    reviews: [],
    presentations: [],
    commendations: [],
    nominations: [],
    trainings: [],
    trainingAttendances: [],
    petitions: [],
    petitionStatusChanges: [],
    coordinationRegulations: [],
    coordinationRegulationEvents: [],
    reorganisations: [],
  };
}
