import { describe, expectTypeOf, it } from 'vitest';
import type { IsoDate } from '../time/dates.js';
import type { Period } from '../time/period.js';
import type { BoardChange, BoardChangeKind, BoardTerm, RecognitionDecision } from './boards.js';
import type { MassOrganization, Organization, OrganizationArea, OrganizationKind, OrganizationParent } from './bodies.js';
import type { Apartment, ApartmentBuilding, ApartmentComplex, ApartmentOwnership, BuildingBlock, OwnershipKind } from './buildings.js';
import type {
  Commendation,
  CoordinationRegulation,
  CoordinationRegulationEvent,
  Directive,
  ImplementationReview,
  Nomination,
  NominationOutcome,
  NomineeCategory,
  Petition,
  PetitionKind,
  PetitionStatus,
  PetitionStatusChange,
  Presentation,
  PresenterCategory,
  RegulationEventKind,
  ReviewKind,
  Training,
  TrainingAttendance,
  TrainingTopic,
} from './directive.js';
import type {
  Membership,
  PartyMembership,
  PartyStatus,
  Person,
  Post,
  ResidenceContact,
  ResidenceContactCategory,
  ResidenceContactReview,
  Role,
  Sex,
} from './people.js';
import type { AdministrativeUnit, Id, UnitCode, UnitKind, UnitParent } from './places.js';
import type { ReorganisationEvent, ReorganisationKind } from './reorganisation.js';
import type { DomainState } from './state.js';

/*
 * The record types were hand-written interfaces until they were inferred from their create
 * schemas (`StoredRecord`). Below is a hand copy of every one as it was written, and the compiler
 * checks that each inferred type is exactly that shape (same keys, same optionality, same value
 * types): `npm run typecheck` fails otherwise. `expectTypeOf` does nothing when the test runs.
 */

interface WrittenAdministrativeUnit extends Period {
  id: Id;
  kind: UnitKind;
  name: string;
  kindLabel?: string;
}
interface WrittenUnitCode extends Period {
  id: Id;
  unitId: Id;
  code: string;
}
interface WrittenUnitParent extends Period {
  id: Id;
  unitId: Id;
  parentId: Id;
}
interface WrittenOrganization extends Period {
  id: Id;
  kind: OrganizationKind;
  name: string;
  massOrganization?: MassOrganization | null;
  buildingId?: Id | null;
  complexId?: Id | null;
}
interface WrittenOrganizationParent extends Period {
  id: Id;
  organizationId: Id;
  parentId: Id;
}
interface WrittenOrganizationArea extends Period {
  id: Id;
  organizationId: Id;
  unitId: Id;
}
interface WrittenApartmentBuilding extends Period {
  id: Id;
  name: string;
  address?: string | null;
  residentialGroupId: Id;
  complexId?: Id | null;
  apartmentCount: number;
  blockCount: number;
  multipleOwners: boolean;
  handoverStartedOn?: IsoDate | null;
  halfHandedOverOn?: IsoDate | null;
  firstConferenceOn?: IsoDate | null;
}
interface WrittenApartmentComplex extends Period {
  id: Id;
  name: string;
}
interface WrittenBuildingBlock {
  id: Id;
  buildingId: Id;
  name: string;
}
interface WrittenApartment {
  id: Id;
  buildingId: Id;
  blockId?: Id | null;
  number: string;
  handedOverOn?: IsoDate | null;
}
interface WrittenApartmentOwnership extends Period {
  id: Id;
  apartmentId: Id;
  personId: Id;
  kind: OwnershipKind;
}
interface WrittenPerson {
  id: Id;
  fullName: string;
  sex: Sex;
  birthDate?: IsoDate | null;
  birthYear: number;
  citizenId?: string | null;
  phone?: string | null;
  residenceUnitId?: Id | null;
}
interface WrittenPost extends Period {
  id: Id;
  organizationId: Id;
  role: Role;
  label: string;
}
interface WrittenMembership extends Period {
  id: Id;
  personId: Id;
  organizationId: Id;
  role: Role;
  postId?: Id | null;
  buildingId?: Id | null;
}
interface WrittenPartyMembership extends Period {
  id: Id;
  personId: Id;
  status: PartyStatus;
  homeCellId: Id;
  admittedOn?: IsoDate | null;
}
interface WrittenResidenceContact extends Period {
  id: Id;
  personId: Id;
  residenceCellId: Id;
  category: ResidenceContactCategory;
}
interface WrittenResidenceContactReview {
  id: Id;
  residenceContactId: Id;
  year: number;
  reviewedOn: IsoDate;
  comment: string;
}
interface WrittenBoardTerm extends Period {
  id: Id;
  boardId: Id;
  termNumber: number;
  electedOn: IsoDate;
  recognition?: WrittenRecognitionDecision | null;
}
interface WrittenRecognitionDecision {
  filedOn?: IsoDate | null;
  decisionNumber: string;
  decidedOn: IsoDate;
  issuerId: Id;
}
interface WrittenBoardChange {
  id: Id;
  boardId: Id;
  kind: BoardChangeKind;
  on: IsoDate;
  decisionNumber?: string | null;
  directiveId?: Id | null;
  note?: string | null;
}
interface WrittenDirective {
  id: Id;
  code: string;
  title: string;
  issuedOn: IsoDate;
  issuerId: Id;
  scopeUnitId: Id;
}
interface WrittenImplementationReview {
  id: Id;
  directiveId: Id;
  kind: ReviewKind;
  heldOn: IsoDate;
  organizerId: Id;
  title: string;
}
interface WrittenPresentation {
  id: Id;
  reviewId: Id;
  title: string;
  category: PresenterCategory;
  presenterOrganizationId?: Id | null;
  presenterPersonId?: Id | null;
}
type WrittenCommendation = {
  id: Id;
  directiveId: Id;
  reviewId?: Id | null;
  decidedOn: IsoDate;
  decisionNumber?: string | null;
} & (
  | { kind: 'COLLECTIVE'; recipientOrganizationId: Id; recipientPersonId?: null }
  | { kind: 'INDIVIDUAL'; recipientPersonId: Id; recipientOrganizationId?: null }
);
interface WrittenNomination {
  id: Id;
  nominatingOrganizationId: Id;
  personId: Id;
  boardId: Id;
  category: NomineeCategory;
  nominatedOn: IsoDate;
  outcome: NominationOutcome;
  directiveId?: Id | null;
}
interface WrittenTraining {
  id: Id;
  title: string;
  topics: TrainingTopic[];
  heldOn: IsoDate;
  organizerId: Id;
}
interface WrittenTrainingAttendance {
  id: Id;
  trainingId: Id;
  personId: Id;
}
interface WrittenPetition {
  id: Id;
  kind: PetitionKind;
  subject: string;
  receivedOn: IsoDate;
  residentialGroupId: Id;
  buildingId?: Id | null;
}
interface WrittenPetitionStatusChange {
  id: Id;
  petitionId: Id;
  status: PetitionStatus;
  on: IsoDate;
}
interface WrittenCoordinationRegulation extends Period {
  id: Id;
  residentialGroupId: Id;
  boardId: Id;
  signedOn: IsoDate;
}
interface WrittenCoordinationRegulationEvent {
  id: Id;
  regulationId: Id;
  kind: RegulationEventKind;
  on: IsoDate;
  note?: string | null;
}
interface WrittenReorganisationEvent {
  id: Id;
  kind: ReorganisationKind;
  effectiveOn: IsoDate;
  legalBasis: string;
  note?: string | null;
  originalUnitIds: Id[];
  resultingUnitIds: Id[];
}

interface WrittenDomainState {
  units: WrittenAdministrativeUnit[];
  unitCodes: WrittenUnitCode[];
  unitParents: WrittenUnitParent[];
  organizations: WrittenOrganization[];
  organizationParents: WrittenOrganizationParent[];
  organizationAreas: WrittenOrganizationArea[];
  people: WrittenPerson[];
  posts: WrittenPost[];
  memberships: WrittenMembership[];
  partyMemberships: WrittenPartyMembership[];
  residenceContacts: WrittenResidenceContact[];
  residenceContactReviews: WrittenResidenceContactReview[];
  buildings: WrittenApartmentBuilding[];
  complexes: WrittenApartmentComplex[];
  blocks: WrittenBuildingBlock[];
  apartments: WrittenApartment[];
  ownerships: WrittenApartmentOwnership[];
  boardTerms: WrittenBoardTerm[];
  boardChanges: WrittenBoardChange[];
  directives: WrittenDirective[];
  reviews: WrittenImplementationReview[];
  presentations: WrittenPresentation[];
  commendations: WrittenCommendation[];
  nominations: WrittenNomination[];
  trainings: WrittenTraining[];
  trainingAttendances: WrittenTrainingAttendance[];
  petitions: WrittenPetition[];
  petitionStatusChanges: WrittenPetitionStatusChange[];
  coordinationRegulations: WrittenCoordinationRegulation[];
  coordinationRegulationEvents: WrittenCoordinationRegulationEvent[];
  reorganisations: WrittenReorganisationEvent[];
}

describe('record types inferred from their create schemas keep the shapes they were written with', () => {
  it('places', () => {
    expectTypeOf<AdministrativeUnit>().toEqualTypeOf<WrittenAdministrativeUnit>();
    expectTypeOf<UnitCode>().toEqualTypeOf<WrittenUnitCode>();
    expectTypeOf<UnitParent>().toEqualTypeOf<WrittenUnitParent>();
  });

  it('bodies', () => {
    expectTypeOf<Organization>().toEqualTypeOf<WrittenOrganization>();
    expectTypeOf<OrganizationParent>().toEqualTypeOf<WrittenOrganizationParent>();
    expectTypeOf<OrganizationArea>().toEqualTypeOf<WrittenOrganizationArea>();
  });

  it('buildings', () => {
    expectTypeOf<ApartmentBuilding>().toEqualTypeOf<WrittenApartmentBuilding>();
    expectTypeOf<ApartmentComplex>().toEqualTypeOf<WrittenApartmentComplex>();
    expectTypeOf<BuildingBlock>().toEqualTypeOf<WrittenBuildingBlock>();
    expectTypeOf<Apartment>().toEqualTypeOf<WrittenApartment>();
    expectTypeOf<ApartmentOwnership>().toEqualTypeOf<WrittenApartmentOwnership>();
  });

  it('people', () => {
    expectTypeOf<Person>().toEqualTypeOf<WrittenPerson>();
    expectTypeOf<Post>().toEqualTypeOf<WrittenPost>();
    expectTypeOf<Membership>().toEqualTypeOf<WrittenMembership>();
    expectTypeOf<PartyMembership>().toEqualTypeOf<WrittenPartyMembership>();
    expectTypeOf<ResidenceContact>().toEqualTypeOf<WrittenResidenceContact>();
    expectTypeOf<ResidenceContactReview>().toEqualTypeOf<WrittenResidenceContactReview>();
  });

  it('boards', () => {
    expectTypeOf<BoardTerm>().toEqualTypeOf<WrittenBoardTerm>();
    expectTypeOf<RecognitionDecision>().toEqualTypeOf<WrittenRecognitionDecision>();
    expectTypeOf<BoardChange>().toEqualTypeOf<WrittenBoardChange>();
  });

  it('directive work', () => {
    expectTypeOf<Directive>().toEqualTypeOf<WrittenDirective>();
    expectTypeOf<ImplementationReview>().toEqualTypeOf<WrittenImplementationReview>();
    expectTypeOf<Presentation>().toEqualTypeOf<WrittenPresentation>();
    expectTypeOf<Commendation>().toEqualTypeOf<WrittenCommendation>();
    expectTypeOf<Nomination>().toEqualTypeOf<WrittenNomination>();
    expectTypeOf<Training>().toEqualTypeOf<WrittenTraining>();
    expectTypeOf<TrainingAttendance>().toEqualTypeOf<WrittenTrainingAttendance>();
    expectTypeOf<Petition>().toEqualTypeOf<WrittenPetition>();
    expectTypeOf<PetitionStatusChange>().toEqualTypeOf<WrittenPetitionStatusChange>();
    expectTypeOf<CoordinationRegulation>().toEqualTypeOf<WrittenCoordinationRegulation>();
    expectTypeOf<CoordinationRegulationEvent>().toEqualTypeOf<WrittenCoordinationRegulationEvent>();
  });

  it('reorganisations', () => {
    expectTypeOf<ReorganisationEvent>().toEqualTypeOf<WrittenReorganisationEvent>();
  });

  it('the domain state, derived from the table registry, has the tables it was written with, each of the same records', () => {
    // Picked, so a table added later does not break the comparison; a table renamed or dropped does.
    expectTypeOf<Pick<DomainState, keyof WrittenDomainState>>().toEqualTypeOf<WrittenDomainState>();
  });
});
