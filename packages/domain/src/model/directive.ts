import type {
  createCommendationInput,
  createCoordinationRegulationEventInput,
  createCoordinationRegulationInput,
  createDirectiveInput,
  createImplementationReviewInput,
  createNominationInput,
  createPetitionInput,
  createPetitionStatusChangeInput,
  createPresentationInput,
  createTrainingAttendanceInput,
  createTrainingInput,
} from '../inputs/directive.js';
import type { Id } from './places.js';
import type { StoredRecord } from './stored-record.js';

/** A party instruction (Thông tri / Chỉ thị / Nghị quyết), e.g. 05-TT/QU of 30/9/2021. */
export type Directive = StoredRecord<typeof createDirectiveInput>;

/** The kinds of implementation review: interim (sơ kết) or final (tổng kết). */
export const REVIEW_KINDS = ['INTERIM', 'FINAL'] as const;
/** A kind of review (see `REVIEW_KINDS`). */
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** A review conference (sơ kết / tổng kết) of a directive's implementation. */
export type ImplementationReview = StoredRecord<typeof createImplementationReviewInput>;

/** Who gave a presentation at a review conference: a body or a person, by the kind the report counts. */
export const PRESENTER_CATEGORIES = [
  'PARTY_COMMITTEE',
  'GOVERNMENT_OFFICE',
  'FATHERLAND_FRONT',
  'RESIDENTIAL_GROUP',
  'MANAGEMENT_BOARD',
] as const;
/** A category of presenter (see `PRESENTER_CATEGORIES`). */
export type PresenterCategory = (typeof PRESENTER_CATEGORIES)[number];

/** A presentation (tham luận) read at a review conference. */
export type Presentation = StoredRecord<typeof createPresentationInput>;

/** Who a commendation is for: a collective (a body) or an individual (a person). */
export const COMMENDATION_KINDS = ['COLLECTIVE', 'INDIVIDUAL'] as const;
/** A kind of commendation (see `COMMENDATION_KINDS`). */
export type CommendationKind = (typeof COMMENDATION_KINDS)[number];

/**
 * A commendation (khen thưởng) of a collective (a body) or an individual (a person): always of its
 * kind's recipient and only that one. The input schema, the database (commendations_recipient_matches_kind)
 * and the report's figures all hold this shape. The fields are inferred from the create schema; the
 * recipient pair is narrowed here by kind, because the create schema is one object (the API's input
 * is generated from its shape) whose rule check, not its type, ties the recipient to the kind.
 */
export type Commendation = Omit<StoredRecord<typeof createCommendationInput>, RecipientKey> &
  (
    | { kind: 'COLLECTIVE'; recipientOrganizationId: Id; recipientPersonId?: null }
    | { kind: 'INDIVIDUAL'; recipientPersonId: Id; recipientOrganizationId?: null }
  );

/**
 * The keys whose types depend on the commendation's kind.
 * @inline
 */
type RecipientKey = 'kind' | 'recipientOrganizationId' | 'recipientPersonId';

/** Why a nominee was introduced: party member, political-system member or Regulation 213 member. */
export const NOMINEE_CATEGORIES = ['PARTY_MEMBER', 'POLITICAL_SYSTEM_MEMBER', 'RESIDENCE_CONTACT_MEMBER'] as const;
/** A category of nominee (see `NOMINEE_CATEGORIES`). */
export type NomineeCategory = (typeof NOMINEE_CATEGORIES)[number];

/** How a nomination stands: pending, elected to the board, or not elected. */
export const NOMINATION_OUTCOMES = ['PENDING', 'ELECTED', 'NOT_ELECTED'] as const;
/** An outcome of a nomination (see `NOMINATION_OUTCOMES`). */
export type NominationOutcome = (typeof NOMINATION_OUTCOMES)[number];

/** A party committee introducing someone to stand for a management board (giới thiệu tham gia BQT). */
export type Nomination = StoredRecord<typeof createNominationInput>;

/** The topics of a training: fire prevention and fighting (PCCC), rescue, building operation. */
export const TRAINING_TOPICS = ['FIRE_SAFETY', 'RESCUE', 'BUILDING_OPERATION'] as const;
/** A training topic (see `TRAINING_TOPICS`). */
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];

/** A training course (tập huấn); one course can cover several topics. */
export type Training = StoredRecord<typeof createTrainingInput>;

/** A person's attendance at a training course. */
export type TrainingAttendance = StoredRecord<typeof createTrainingAttendanceInput>;

/** The kinds of petition (đơn thư): complaint, denunciation, proposal, report. */
export const PETITION_KINDS = ['COMPLAINT', 'DENUNCIATION', 'PROPOSAL', 'REPORT'] as const;
/** A kind of petition (see `PETITION_KINDS`). */
export type PetitionKind = (typeof PETITION_KINDS)[number];

/** The states a petition goes through: received, in progress, then resolved or rejected. */
export const PETITION_STATUSES = ['RECEIVED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED'] as const;
/** A petition's status (see `PETITION_STATUSES`). */
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

/** A petition (đơn thư) from residents, about a building or a residential group. */
export type Petition = StoredRecord<typeof createPetitionInput>;

/** Status history of a petition: each change is a new record, never an overwrite. */
export type PetitionStatusChange = StoredRecord<typeof createPetitionStatusChangeInput>;

/** The coordination regulation (quy chế phối hợp) between a group head and a board. */
export type CoordinationRegulation = StoredRecord<typeof createCoordinationRegulationInput>;

/** What happened to a coordination regulation after it was signed: reviewed or amended. */
export const REGULATION_EVENT_KINDS = ['REVIEWED', 'AMENDED'] as const;
/** A kind of regulation event (see `REGULATION_EVENT_KINDS`). */
export type RegulationEventKind = (typeof REGULATION_EVENT_KINDS)[number];

/** A review or an amendment of a coordination regulation. */
export type CoordinationRegulationEvent = StoredRecord<typeof createCoordinationRegulationEventInput>;
