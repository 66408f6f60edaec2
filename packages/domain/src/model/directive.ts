import type { IsoDate } from '../time/dates.js';
import type { Period } from '../time/period.js';
import type { Id } from './places.js';

/** A party instruction (Thông tri / Chỉ thị / Nghị quyết), e.g. 05-TT/QU of 30/9/2021. */
export interface Directive {
  id: Id;
  code: string;
  title: string;
  issuedOn: IsoDate;
  issuerId: Id;
  /** The place whose bodies it applies to (Long Biên district). */
  scopeUnitId: Id;
}

export const REVIEW_KINDS = ['INTERIM', 'FINAL'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** A review conference (sơ kết / tổng kết) of a directive's implementation. */
export interface ImplementationReview {
  id: Id;
  directiveId: Id;
  kind: ReviewKind;
  heldOn: IsoDate;
  organizerId: Id;
  title: string;
}

export const PRESENTER_CATEGORIES = [
  'PARTY_COMMITTEE',
  'GOVERNMENT_OFFICE',
  'FATHERLAND_FRONT',
  'RESIDENTIAL_GROUP',
  'MANAGEMENT_BOARD',
] as const;
export type PresenterCategory = (typeof PRESENTER_CATEGORIES)[number];

/** A presentation (tham luận) read at a review conference. */
export interface Presentation {
  id: Id;
  reviewId: Id;
  title: string;
  category: PresenterCategory;
  presenterOrganizationId?: Id | null;
  presenterPersonId?: Id | null;
}

export const COMMENDATION_KINDS = ['COLLECTIVE', 'INDIVIDUAL'] as const;
export type CommendationKind = (typeof COMMENDATION_KINDS)[number];

/**
 * A commendation (khen thưởng) of a collective (a body) or an individual (a person): always of its
 * kind's recipient and only that one. The input schema, the database (commendations_recipient_matches_kind)
 * and the report's figures all hold this shape.
 */
export type Commendation = {
  id: Id;
  directiveId: Id;
  reviewId?: Id | null;
  decidedOn: IsoDate;
  decisionNumber?: string | null;
} & (
  | { kind: 'COLLECTIVE'; recipientOrganizationId: Id; recipientPersonId?: null }
  | { kind: 'INDIVIDUAL'; recipientPersonId: Id; recipientOrganizationId?: null }
);

export const NOMINEE_CATEGORIES = ['PARTY_MEMBER', 'POLITICAL_SYSTEM_MEMBER', 'RESIDENCE_CONTACT_MEMBER'] as const;
export type NomineeCategory = (typeof NOMINEE_CATEGORIES)[number];

export const NOMINATION_OUTCOMES = ['PENDING', 'ELECTED', 'NOT_ELECTED'] as const;
export type NominationOutcome = (typeof NOMINATION_OUTCOMES)[number];

/** A party committee introducing someone to stand for a management board (giới thiệu tham gia BQT). */
export interface Nomination {
  id: Id;
  nominatingOrganizationId: Id;
  personId: Id;
  boardId: Id;
  /** The category the nominee was introduced as, recorded on the nomination itself. */
  category: NomineeCategory;
  nominatedOn: IsoDate;
  outcome: NominationOutcome;
  directiveId?: Id | null;
}

export const TRAINING_TOPICS = ['FIRE_SAFETY', 'RESCUE', 'BUILDING_OPERATION'] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];

/** A training course (tập huấn); one course can cover several topics. */
export interface Training {
  id: Id;
  title: string;
  topics: TrainingTopic[];
  heldOn: IsoDate;
  organizerId: Id;
}

export interface TrainingAttendance {
  id: Id;
  trainingId: Id;
  personId: Id;
}

export const PETITION_KINDS = ['COMPLAINT', 'DENUNCIATION', 'PROPOSAL', 'REPORT'] as const;
export type PetitionKind = (typeof PETITION_KINDS)[number];

export const PETITION_STATUSES = ['RECEIVED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED'] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

/** A petition (đơn thư) from residents, about a building or a residential group. */
export interface Petition {
  id: Id;
  kind: PetitionKind;
  subject: string;
  receivedOn: IsoDate;
  residentialGroupId: Id;
  buildingId?: Id | null;
}

/** Status history of a petition: each change is a new record, never an overwrite. */
export interface PetitionStatusChange {
  id: Id;
  petitionId: Id;
  status: PetitionStatus;
  on: IsoDate;
}

/** The coordination regulation (quy chế phối hợp) between a group head and a board. */
export interface CoordinationRegulation extends Period {
  id: Id;
  residentialGroupId: Id;
  boardId: Id;
  signedOn: IsoDate;
}

export const REGULATION_EVENT_KINDS = ['REVIEWED', 'AMENDED'] as const;
export type RegulationEventKind = (typeof REGULATION_EVENT_KINDS)[number];

export interface CoordinationRegulationEvent {
  id: Id;
  regulationId: Id;
  kind: RegulationEventKind;
  on: IsoDate;
  note?: string | null;
}
