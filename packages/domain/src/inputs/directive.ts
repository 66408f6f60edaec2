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

/**
 * Schema of a directive to record (thông tri / chỉ thị, issued by a body for a place): trims and
 * normalises text, checks every field, and reports every problem at once through `parseInput`.
 */
export const createDirectiveInput = z.object(directiveFields);
/**
 * Schema of a change to a directive: its `id`, the `version` the client read, and any of its fields,
 * checked as on creation.
 */
export const updateDirectiveInput = z.object(directiveFields).partial().extend(updateKeys);

const reviewFields = {
  directiveId: idField,
  kind: z.enum(REVIEW_KINDS),
  heldOn: dateField,
  organizerId: idField,
  title: requiredLongTextField,
};

/**
 * Schema of an implementation review to record (sơ kết / tổng kết of a directive): trims and
 * normalises text, checks every field, and reports every problem at once through `parseInput`.
 */
export const createImplementationReviewInput = z.object(reviewFields);
/**
 * Schema of a change to an implementation review: its `id`, the `version` the client read, and any of
 * its fields, checked as on creation.
 */
export const updateImplementationReviewInput = z.object(reviewFields).partial().extend(updateKeys);

const presentationFields = {
  reviewId: idField,
  title: requiredLongTextField,
  category: z.enum(PRESENTER_CATEGORIES),
  presenterOrganizationId: optionalIdField,
  presenterPersonId: optionalIdField,
};

/**
 * Schema of a presentation to record (tham luận at a review conference): trims and normalises text,
 * checks every field, and reports every problem at once through `parseInput`.
 */
export const createPresentationInput = z.object(presentationFields);
/**
 * Schema of a change to a presentation: its `id`, the `version` the client read, and any of its
 * fields, checked as on creation.
 */
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

/**
 * Schema of a commendation to record (khen thưởng of a collective or a person under a directive):
 * trims and normalises text, checks every field, and reports every problem at once through
 * `parseInput`.
 */
export const createCommendationInput = z.object(commendationFields).superRefine(commendationChecks('create'), WHEN_OBJECT);
/**
 * Schema of a change to a commendation: its `id`, the `version` the client read, and any of its
 * fields, checked as on creation.
 */
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

/**
 * Schema of a nomination to record (a party committee introducing a member to stand for a board):
 * trims and normalises text, checks every field, and reports every problem at once through
 * `parseInput`.
 */
export const createNominationInput = z.object(nominationFields);
/**
 * Schema of a change to a nomination: its `id`, the `version` the client read, and any of its fields,
 * checked as on creation.
 */
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

/**
 * Schema of a training to record (tập huấn: fire safety, rescue, building operation): trims and
 * normalises text, checks every field, and reports every problem at once through `parseInput`.
 */
export const createTrainingInput = z.object(trainingFields);
/**
 * Schema of a change to a training: its `id`, the `version` the client read, and any of its fields,
 * checked as on creation.
 */
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

/**
 * Schema of a petition to record (đơn thư about an apartment building): trims and normalises text,
 * checks every field, and reports every problem at once through `parseInput`.
 */
export const createPetitionInput = z.object(petitionFields);
/**
 * Schema of a change to a petition: its `id`, the `version` the client read, and any of its fields,
 * checked as on creation.
 */
export const updatePetitionInput = z.object(petitionFields).partial().extend(updateKeys);

/** Status history is append-only ("each change is a new record, never an overwrite"): no update input. */
export const createPetitionStatusChangeInput = z.object({
  petitionId: idField,
  status: z.enum(PETITION_STATUSES),
  on: dateField,
});

const regulationFields = { residentialGroupId: idField, boardId: idField, signedOn: dateField };

/**
 * Schema of a coordination regulation to record (quy chế phối hợp between a group head and a board):
 * trims and normalises text, checks every field, and reports every problem at once through
 * `parseInput`.
 */
export const createCoordinationRegulationInput = z
  .object({ ...regulationFields, ...createPeriodShape })
  .superRefine(checkPeriod, WHEN_OBJECT);
/**
 * Schema of a change to a coordination regulation: its `id`, the `version` the client read, and any of
 * its fields, checked as on creation.
 */
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

/** A directive to record, as `createDirectiveInput` outputs it (normalised). */
export type CreateDirectiveInput = z.output<typeof createDirectiveInput>;
/** A change to a directive, as `updateDirectiveInput` outputs it. */
export type UpdateDirectiveInput = z.output<typeof updateDirectiveInput>;
/** An implementation review to record, as `createImplementationReviewInput` outputs it (normalised). */
export type CreateImplementationReviewInput = z.output<typeof createImplementationReviewInput>;
/** A change to an implementation review, as `updateImplementationReviewInput` outputs it. */
export type UpdateImplementationReviewInput = z.output<typeof updateImplementationReviewInput>;
/** A presentation to record, as `createPresentationInput` outputs it (normalised). */
export type CreatePresentationInput = z.output<typeof createPresentationInput>;
/** A change to a presentation, as `updatePresentationInput` outputs it. */
export type UpdatePresentationInput = z.output<typeof updatePresentationInput>;
/** A commendation to record, as `createCommendationInput` outputs it (normalised). */
export type CreateCommendationInput = z.output<typeof createCommendationInput>;
/** A change to a commendation, as `updateCommendationInput` outputs it. */
export type UpdateCommendationInput = z.output<typeof updateCommendationInput>;
/** A nomination to record, as `createNominationInput` outputs it (normalised). */
export type CreateNominationInput = z.output<typeof createNominationInput>;
/** A change to a nomination, as `updateNominationInput` outputs it. */
export type UpdateNominationInput = z.output<typeof updateNominationInput>;
/** A training to record, as `createTrainingInput` outputs it (normalised). */
export type CreateTrainingInput = z.output<typeof createTrainingInput>;
/** A change to a training, as `updateTrainingInput` outputs it. */
export type UpdateTrainingInput = z.output<typeof updateTrainingInput>;
/** A training attendance to record, as `createTrainingAttendanceInput` outputs it (normalised). */
export type CreateTrainingAttendanceInput = z.output<typeof createTrainingAttendanceInput>;
/** A petition to record, as `createPetitionInput` outputs it (normalised). */
export type CreatePetitionInput = z.output<typeof createPetitionInput>;
/** A change to a petition, as `updatePetitionInput` outputs it. */
export type UpdatePetitionInput = z.output<typeof updatePetitionInput>;
/** A petition status change to record, as `createPetitionStatusChangeInput` outputs it (normalised). */
export type CreatePetitionStatusChangeInput = z.output<typeof createPetitionStatusChangeInput>;
/** A coordination regulation to record, as `createCoordinationRegulationInput` outputs it (normalised). */
export type CreateCoordinationRegulationInput = z.output<typeof createCoordinationRegulationInput>;
/** A change to a coordination regulation, as `updateCoordinationRegulationInput` outputs it. */
export type UpdateCoordinationRegulationInput = z.output<typeof updateCoordinationRegulationInput>;
/**
 * A coordination regulation event to record, as `createCoordinationRegulationEventInput` outputs it
 * (normalised).
 */
export type CreateCoordinationRegulationEventInput = z.output<typeof createCoordinationRegulationEventInput>;
