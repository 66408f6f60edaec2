import {
  createCommendationInput,
  createDirectiveInput,
  createImplementationReviewInput,
  createNominationInput,
  createPetitionInput,
  createTrainingInput,
  PARTY_ORGANIZATION_KINDS,
  updateCommendationInput,
  updateDirectiveInput,
  updateImplementationReviewInput,
  updateNominationInput,
  updatePetitionInput,
  updateTrainingInput,
  type Violation,
} from '@coso/domain';
import { toDbDate } from '../store/db-dates.js';
import { CommendationRef, DirectiveRef, ImplementationReviewRef, NominationRef, PetitionRef, TrainingRef } from './directive.js';
import { registerEntityMutations } from './entity-mutations.js';
import { CommendationKind, NominationOutcome, NomineeCategory, PetitionKind, ReviewKind, TrainingTopic } from './enums.js';
import { checkRefs, invalid, notBefore, others, refsOnlyCheck } from './records-mutations-support.js';

/**
 * The directive work: directives, review conferences with their presentations and commendations,
 * nominations to boards, trainings and who attended, petitions and their status history, and the
 * coordination regulations between group heads and boards with their reviews and amendments.
 * History records (attendance, petition status, regulation events) are created, never edited.
 */

const BODY = { typename: 'Organization', label: { vi: 'Tổ chức', en: 'Body' } };
const PERSON = { typename: 'Person', label: { vi: 'Người', en: 'Person' } };
const DIRECTIVE = { typename: 'Directive', label: { vi: 'Văn bản chỉ đạo', en: 'Directive' } };
const REVIEW = { typename: 'ImplementationReview', label: { vi: 'Hội nghị sơ kết / tổng kết', en: 'Review conference' } };
const BOARD = { typename: 'Organization', label: { vi: 'Ban quản trị', en: 'Management board' }, kinds: ['MANAGEMENT_BOARD'] };
const GROUP = {
  typename: 'AdministrativeUnit',
  label: { vi: 'Tổ dân phố', en: 'Residential group' },
  kinds: ['RESIDENTIAL_GROUP'],
};

registerEntityMutations({
  noun: 'Directive',
  typename: 'Directive',
  ref: DirectiveRef,
  fields: {
    code: { type: 'String', required: true, description: 'Số hiệu / e.g. "05-TT/QU".' },
    title: { type: 'String', required: true },
    issuedOn: { type: 'Date', required: true },
    issuerId: { type: 'ID', required: true, idOf: 'Organization', description: 'Cơ quan ban hành / The issuing body.' },
    scopeUnitId: {
      type: 'ID',
      required: true,
      idOf: 'AdministrativeUnit',
      description: 'Phạm vi / The place whose bodies it applies to.',
    },
  },
  createSchema: createDirectiveInput,
  updateSchema: updateDirectiveInput,
  endable: false,
  check: async (tx, rec) => {
    const on = String(rec.issuedOn);
    const refs = await checkRefs(
      tx,
      rec,
      {
        issuerId: { ...BODY, label: { vi: 'Cơ quan ban hành', en: 'Issuing body' } },
        scopeUnitId: { typename: 'AdministrativeUnit', label: { vi: 'Phạm vi', en: 'Scope' } },
      },
      on,
    );
    const out: Violation[] = [...refs.violations];
    if ((await others(tx, 'directive', { code: rec.code, issuedOn: toDbDate(on) }, rec.id)).length) {
      out.push(
        invalid(
          ['code'],
          `Đã có văn bản số ${String(rec.code)} ngày ${on}.`,
          `A directive numbered ${String(rec.code)} of ${on} is already recorded.`,
        ),
      );
    }
    return out;
  },
});

registerEntityMutations({
  noun: 'ImplementationReview',
  typename: 'ImplementationReview',
  ref: ImplementationReviewRef,
  fields: {
    directiveId: { type: 'ID', required: true, idOf: 'Directive' },
    kind: { type: ReviewKind, required: true, description: 'Sơ kết / tổng kết / Interim or final.' },
    heldOn: { type: 'Date', required: true },
    organizerId: { type: 'ID', required: true, idOf: 'Organization', description: 'Đơn vị tổ chức / The organising body.' },
    title: { type: 'String', required: true },
  },
  createSchema: createImplementationReviewInput,
  updateSchema: updateImplementationReviewInput,
  endable: false,
  check: async (tx, rec) => {
    const refs = await checkRefs(tx, rec, { directiveId: DIRECTIVE, organizerId: BODY }, String(rec.heldOn));
    const directive = refs.rows.directiveId;
    return [
      ...refs.violations,
      ...notBefore(['heldOn'], rec.heldOn, directive?.issuedOn, { vi: 'Ngày ban hành văn bản', en: 'Directive’s issue date' }),
    ];
  },
});

registerEntityMutations({
  noun: 'Commendation',
  typename: 'Commendation',
  ref: CommendationRef,
  fields: {
    directiveId: { type: 'ID', required: true, idOf: 'Directive' },
    reviewId: { type: 'ID', idOf: 'ImplementationReview', description: 'Hội nghị trao khen thưởng / The review conference, if any.' },
    kind: { type: CommendationKind, required: true, description: 'Tập thể / cá nhân / Collective or individual.' },
    recipientOrganizationId: { type: 'ID', idOf: 'Organization', description: 'Tập thể được khen / For a collective commendation.' },
    recipientPersonId: { type: 'ID', idOf: 'Person', description: 'Cá nhân được khen / For an individual commendation.' },
    decidedOn: { type: 'Date', required: true },
    decisionNumber: { type: 'String' },
  },
  createSchema: createCommendationInput,
  updateSchema: updateCommendationInput,
  endable: false,
  check: async (tx, rec) => {
    const refs = await checkRefs(tx, rec, {
      directiveId: DIRECTIVE,
      reviewId: REVIEW,
      recipientOrganizationId: BODY,
      recipientPersonId: PERSON,
    });
    const out: Violation[] = [...refs.violations];
    const review = refs.rows.reviewId;
    if (review && review.directiveId !== rec.directiveId) {
      out.push(
        invalid(
          ['reviewId'],
          `Hội nghị "${String(review.title)}" không thuộc văn bản chỉ đạo này.`,
          `Review conference "${String(review.title)}" belongs to another directive.`,
        ),
      );
    }
    return out;
  },
});

registerEntityMutations({
  noun: 'Nomination',
  typename: 'Nomination',
  ref: NominationRef,
  fields: {
    nominatingOrganizationId: {
      type: 'ID',
      required: true,
      idOf: 'Organization',
      description: 'Cấp ủy giới thiệu / The party committee or cell introducing the nominee.',
    },
    personId: { type: 'ID', required: true, idOf: 'Person' },
    boardId: { type: 'ID', required: true, idOf: 'Organization', description: 'Ban quản trị / The board stood for.' },
    category: { type: NomineeCategory, required: true },
    nominatedOn: { type: 'Date', required: true },
    outcome: { type: NominationOutcome, required: true },
    directiveId: { type: 'ID', idOf: 'Directive' },
  },
  createSchema: createNominationInput,
  updateSchema: updateNominationInput,
  endable: false,
  // The board may be one still to be established on the nomination date: existence and kind only.
  check: async (tx, rec) =>
    (
      await checkRefs(tx, rec, {
        nominatingOrganizationId: {
          typename: 'Organization',
          label: { vi: 'Cấp ủy giới thiệu', en: 'Nominating party organisation' },
          kinds: PARTY_ORGANIZATION_KINDS,
        },
        personId: PERSON,
        boardId: BOARD,
        directiveId: DIRECTIVE,
      })
    ).violations,
});

registerEntityMutations({
  noun: 'Training',
  typename: 'Training',
  ref: TrainingRef,
  fields: {
    title: { type: 'String', required: true },
    topics: { type: TrainingTopic, list: true, required: true, description: 'Nội dung / Topics covered, each once.' },
    heldOn: { type: 'Date', required: true },
    organizerId: { type: 'ID', required: true, idOf: 'Organization' },
  },
  createSchema: createTrainingInput,
  updateSchema: updateTrainingInput,
  endable: false,
  checkMany: refsOnlyCheck('Training', { organizerId: BODY }, (rec) => String(rec.heldOn)),
});

registerEntityMutations({
  noun: 'Petition',
  typename: 'Petition',
  ref: PetitionRef,
  fields: {
    kind: { type: PetitionKind, required: true },
    subject: { type: 'String', required: true },
    receivedOn: { type: 'Date', required: true },
    residentialGroupId: { type: 'ID', required: true, idOf: 'AdministrativeUnit' },
    buildingId: { type: 'ID', idOf: 'ApartmentBuilding', description: 'Nhà chung cư liên quan / The building it is about, if any.' },
  },
  createSchema: createPetitionInput,
  updateSchema: updatePetitionInput,
  endable: false,
  check: async (tx, rec) => {
    const refs = await checkRefs(
      tx,
      rec,
      {
        residentialGroupId: GROUP,
        buildingId: { typename: 'ApartmentBuilding', label: { vi: 'Nhà chung cư', en: 'Apartment building' } },
      },
      String(rec.receivedOn),
    );
    const out: Violation[] = [...refs.violations];
    const building = refs.rows.buildingId;
    if (building && building.residentialGroupId !== rec.residentialGroupId) {
      out.push(
        invalid(
          ['buildingId'],
          `Nhà chung cư "${String(building.name)}" không nằm trong tổ dân phố đã chọn.`,
          `Building "${String(building.name)}" is not in the residential group given.`,
        ),
      );
    }
    return out;
  },
});
