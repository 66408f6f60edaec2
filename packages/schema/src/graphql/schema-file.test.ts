import { readFileSync } from 'node:fs';
import * as domain from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { $Enums } from '../generated/prisma/client.js';
import { printSchemaSdl } from './schema.js';
import { SCHEMA_GRAPHQL_PATH } from './schema-file.js';

describe('the API contract', () => {
  it('schema.graphql is the schema the code builds (run `npm run schema:print -w @coso/schema` after a change)', () => {
    expect(readFileSync(SCHEMA_GRAPHQL_PATH, 'utf8')).toBe(printSchemaSdl());
  });

  it.each([
    ['UnitKind', domain.UNIT_KINDS],
    ['OrganizationKind', domain.ORGANIZATION_KINDS],
    ['MassOrganization', domain.MASS_ORGANIZATIONS],
    ['Sex', domain.SEXES],
    ['Role', domain.ROLES],
    ['PartyStatus', domain.PARTY_STATUSES],
    ['ResidenceContactCategory', domain.RESIDENCE_CONTACT_CATEGORIES],
    ['OwnershipKind', domain.OWNERSHIP_KINDS],
    ['BoardChangeKind', domain.BOARD_CHANGE_KINDS],
    ['ReviewKind', domain.REVIEW_KINDS],
    ['PresenterCategory', domain.PRESENTER_CATEGORIES],
    ['CommendationKind', domain.COMMENDATION_KINDS],
    ['NomineeCategory', domain.NOMINEE_CATEGORIES],
    ['NominationOutcome', domain.NOMINATION_OUTCOMES],
    ['TrainingTopic', domain.TRAINING_TOPICS],
    ['PetitionKind', domain.PETITION_KINDS],
    ['PetitionStatus', domain.PETITION_STATUSES],
    ['RegulationEventKind', domain.REGULATION_EVENT_KINDS],
    ['ReorganisationKind', domain.REORGANISATION_KINDS],
  ])('database enum %s has exactly the domain values', (name, values) => {
    const db = ($Enums as unknown as Record<string, Record<string, string>>)[name];
    expect(Object.values(db ?? {}).sort()).toEqual([...values].sort());
  });
});
