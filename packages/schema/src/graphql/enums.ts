import {
  BOARD_CHANGE_KINDS,
  COMMENDATION_KINDS,
  MASS_ORGANIZATIONS,
  NOMINATION_OUTCOMES,
  NOMINEE_CATEGORIES,
  ORGANIZATION_KINDS,
  OWNERSHIP_KINDS,
  PARTY_STATUSES,
  PETITION_KINDS,
  PETITION_STATUSES,
  PRESENTER_CATEGORIES,
  REGULATION_EVENT_KINDS,
  REORGANISATION_KINDS,
  RESIDENCE_CONTACT_CATEGORIES,
  REVIEW_KINDS,
  ROLES,
  SEXES,
  TRAINING_TOPICS,
  UNIT_KINDS,
} from '@coso/domain';
import { builder } from './builder.js';

// GraphQL enums come from the domain's lists, so the API, the database enums (checked by a test)
// and the domain can never disagree on a value.
export const UnitKind = builder.enumType('UnitKind', { values: UNIT_KINDS });
export const OrganizationKind = builder.enumType('OrganizationKind', { values: ORGANIZATION_KINDS });
export const MassOrganization = builder.enumType('MassOrganization', { values: MASS_ORGANIZATIONS });
export const Sex = builder.enumType('Sex', { values: SEXES });
export const Role = builder.enumType('Role', { values: ROLES });
export const PartyStatus = builder.enumType('PartyStatus', { values: PARTY_STATUSES });
export const ResidenceContactCategory = builder.enumType('ResidenceContactCategory', { values: RESIDENCE_CONTACT_CATEGORIES });
export const OwnershipKind = builder.enumType('OwnershipKind', { values: OWNERSHIP_KINDS });
export const BoardChangeKind = builder.enumType('BoardChangeKind', { values: BOARD_CHANGE_KINDS });
export const ReviewKind = builder.enumType('ReviewKind', { values: REVIEW_KINDS });
export const PresenterCategory = builder.enumType('PresenterCategory', { values: PRESENTER_CATEGORIES });
export const CommendationKind = builder.enumType('CommendationKind', { values: COMMENDATION_KINDS });
export const NomineeCategory = builder.enumType('NomineeCategory', { values: NOMINEE_CATEGORIES });
export const NominationOutcome = builder.enumType('NominationOutcome', { values: NOMINATION_OUTCOMES });
export const TrainingTopic = builder.enumType('TrainingTopic', { values: TRAINING_TOPICS });
export const PetitionKind = builder.enumType('PetitionKind', { values: PETITION_KINDS });
export const PetitionStatus = builder.enumType('PetitionStatus', { values: PETITION_STATUSES });
export const RegulationEventKind = builder.enumType('RegulationEventKind', { values: REGULATION_EVENT_KINDS });
export const ReorganisationKind = builder.enumType('ReorganisationKind', { values: REORGANISATION_KINDS });

export const SortDirection = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });
