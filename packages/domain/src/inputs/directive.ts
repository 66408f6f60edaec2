import { z } from 'zod';
import { TRAINING_TOPIC_LABELS } from '../i18n/labels.js';
import {
  COMMENDATION_KINDS,
  NOMINATION_OUTCOMES,
  NOMINEE_CATEGORIES,
  PETITION_KINDS,
  PETITION_STATUSES,
  PRESENTER_CATEGORIES,
  REGULATION_EVENT_KINDS,
  REVIEW_KINDS,
  TRAINING_TOPICS,
} from '../model/directive.js';
import {
  addIssue,
  checkPeriod,
  createPeriodShape,
  dateField,
  type IssueSink,
  idField,
  optionalIdField,
  optionalLongTextField,
  optionalTextField,
  readOneOf,
  readString,
  requiredLongTextField,
  requiredTextField,
  updateKeys,
  updatePeriodShape,
  WHEN_OBJECT,
} from './fields.js';

const directiveFields = {
  code: requiredTextField,
  title: requiredLongTextField,
  issuedOn: dateField,
  issuerId: idField,
  /** The place whose bodies it applies to (Long Biên district). */
  scopeUnitId: idField,
};

export const createDirectiveInput = z.object(directiveFields);
export const updateDirectiveInput = z.object(directiveFields).partial().extend(updateKeys);

const reviewFields = {
  directiveId: idField,
  kind: z.enum(REVIEW_KINDS),
  heldOn: dateField,
  organizerId: idField,
  title: requiredLongTextField,
};

export const createImplementationReviewInput = z.object(reviewFields);
export const updateImplementationReviewInput = z.object(reviewFields).partial().extend(updateKeys);

const presentationFields = {
  reviewId: idField,
  title: requiredLongTextField,
  category: z.enum(PRESENTER_CATEGORIES),
  presenterOrganizationId: optionalIdField,
  presenterPersonId: optionalIdField,
};

export const createPresentationInput = z.object(presentationFields);
export const updatePresentationInput = z.object(presentationFields).partial().extend(updateKeys);

const commendationFields = {
  directiveId: idField,
  reviewId: optionalIdField,
  kind: z.enum(COMMENDATION_KINDS),
  recipientOrganizationId: optionalIdField,
  recipientPersonId: optionalIdField,
  decidedOn: dateField,
  decisionNumber: optionalTextField,
};

/**
 * A collective commendation goes to a body, an individual one to a person: the matching
 * recipient is required on create, and the other one is refused whenever the kind is given.
 */
function commendationChecks(mode: 'create' | 'update') {
  return (value: object, ctx: IssueSink): void => {
    const kind = readOneOf(value, 'kind', COMMENDATION_KINDS);
    if (kind === undefined) return;
    const [wanted, unwanted] =
      kind === 'COLLECTIVE'
        ? (['recipientOrganizationId', 'recipientPersonId'] as const)
        : (['recipientPersonId', 'recipientOrganizationId'] as const);
    const what =
      kind === 'COLLECTIVE'
        ? { vi: 'Khen thưởng tập thể', en: 'A collective commendation', who: { vi: 'một tập thể', en: 'a collective (a body)' } }
        : { vi: 'Khen thưởng cá nhân', en: 'An individual commendation', who: { vi: 'một cá nhân', en: 'an individual (a person)' } };
    if (mode === 'create' && readString(value, wanted) === undefined) {
      addIssue(ctx, 'REQUIRED_FIELD', [wanted], undefined, {
        vi: `${what.vi} phải có người nhận là ${what.who.vi}.`,
        en: `${what.en} needs ${what.who.en} as its recipient.`,
      });
    }
    const other = readString(value, unwanted);
    if (other !== undefined) {
      addIssue(ctx, 'INVALID_VALUE', [unwanted], other, {
        vi: `${what.vi} chỉ trao cho ${what.who.vi}.`,
        en: `${what.en} is given only to ${what.who.en}.`,
      });
    }
  };
}

export const createCommendationInput = z.object(commendationFields).superRefine(commendationChecks('create'), WHEN_OBJECT);
export const updateCommendationInput = z
  .object(commendationFields)
  .partial()
  .extend(updateKeys)
  .superRefine(commendationChecks('update'), WHEN_OBJECT);

const nominationFields = {
  nominatingOrganizationId: idField,
  personId: idField,
  boardId: idField,
  /** The category the nominee was introduced as, recorded on the nomination itself. */
  category: z.enum(NOMINEE_CATEGORIES),
  nominatedOn: dateField,
  outcome: z.enum(NOMINATION_OUTCOMES),
  directiveId: optionalIdField,
};

export const createNominationInput = z.object(nominationFields);
export const updateNominationInput = z.object(nominationFields).partial().extend(updateKeys);

/** One course covers one or more topics, each listed once. */
const topicsField = z
  .array(z.enum(TRAINING_TOPICS))
  .min(1)
  .superRefine((topics, ctx) => {
    topics.forEach((topic, i) => {
      if (topics.indexOf(topic) === i) return;
      const label = TRAINING_TOPIC_LABELS[topic];
      addIssue(ctx, 'INVALID_VALUE', [i], topic, {
        vi: `Nội dung tập huấn "${label.vi}" được chọn hai lần.`,
        en: `The training topic "${label.en}" is listed twice.`,
      });
    });
  });

const trainingFields = {
  title: requiredLongTextField,
  topics: topicsField,
  heldOn: dateField,
  organizerId: idField,
};

export const createTrainingInput = z.object(trainingFields);
export const updateTrainingInput = z.object(trainingFields).partial().extend(updateKeys);

/** Attendance is a fact to record or delete, never to edit: no update input. */
export const createTrainingAttendanceInput = z.object({ trainingId: idField, personId: idField });

const petitionFields = {
  kind: z.enum(PETITION_KINDS),
  subject: requiredLongTextField,
  receivedOn: dateField,
  residentialGroupId: idField,
  buildingId: optionalIdField,
};

export const createPetitionInput = z.object(petitionFields);
export const updatePetitionInput = z.object(petitionFields).partial().extend(updateKeys);

/** Status history is append-only ("each change is a new record, never an overwrite"): no update input. */
export const createPetitionStatusChangeInput = z.object({
  petitionId: idField,
  status: z.enum(PETITION_STATUSES),
  on: dateField,
});

const regulationFields = { residentialGroupId: idField, boardId: idField, signedOn: dateField };

export const createCoordinationRegulationInput = z
  .object({ ...regulationFields, ...createPeriodShape })
  .superRefine(checkPeriod, WHEN_OBJECT);
export const updateCoordinationRegulationInput = z
  .object({ ...regulationFields, ...updatePeriodShape })
  .partial()
  .extend(updateKeys)
  .superRefine(checkPeriod, WHEN_OBJECT);

/** A review or amendment of a regulation is history: recorded, not edited. */
export const createCoordinationRegulationEventInput = z.object({
  regulationId: idField,
  kind: z.enum(REGULATION_EVENT_KINDS),
  on: dateField,
  note: optionalLongTextField,
});

export type CreateDirectiveInput = z.output<typeof createDirectiveInput>;
export type UpdateDirectiveInput = z.output<typeof updateDirectiveInput>;
export type CreateImplementationReviewInput = z.output<typeof createImplementationReviewInput>;
export type UpdateImplementationReviewInput = z.output<typeof updateImplementationReviewInput>;
export type CreatePresentationInput = z.output<typeof createPresentationInput>;
export type UpdatePresentationInput = z.output<typeof updatePresentationInput>;
export type CreateCommendationInput = z.output<typeof createCommendationInput>;
export type UpdateCommendationInput = z.output<typeof updateCommendationInput>;
export type CreateNominationInput = z.output<typeof createNominationInput>;
export type UpdateNominationInput = z.output<typeof updateNominationInput>;
export type CreateTrainingInput = z.output<typeof createTrainingInput>;
export type UpdateTrainingInput = z.output<typeof updateTrainingInput>;
export type CreateTrainingAttendanceInput = z.output<typeof createTrainingAttendanceInput>;
export type CreatePetitionInput = z.output<typeof createPetitionInput>;
export type UpdatePetitionInput = z.output<typeof updatePetitionInput>;
export type CreatePetitionStatusChangeInput = z.output<typeof createPetitionStatusChangeInput>;
export type CreateCoordinationRegulationInput = z.output<typeof createCoordinationRegulationInput>;
export type UpdateCoordinationRegulationInput = z.output<typeof updateCoordinationRegulationInput>;
export type CreateCoordinationRegulationEventInput = z.output<typeof createCoordinationRegulationEventInput>;
