import { describe, expect, it } from 'vitest';
import { BOARD_CHANGE_KINDS } from '../model/boards.js';
import { MASS_ORGANIZATIONS, ORGANIZATION_KINDS } from '../model/bodies.js';
import { OWNERSHIP_KINDS } from '../model/buildings.js';
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
import { PARTY_STATUSES, RESIDENCE_CONTACT_CATEGORIES, ROLES, SEXES } from '../model/people.js';
import { UNIT_KINDS } from '../model/places.js';
import { REORGANISATION_KINDS } from '../model/reorganisation.js';
import type { LocalizedText } from '../validation/result.js';
import {
  BOARD_CHANGE_KIND_LABELS,
  COMMENDATION_KIND_LABELS,
  MASS_ORGANIZATION_LABELS,
  NOMINATION_OUTCOME_LABELS,
  NOMINEE_CATEGORY_LABELS,
  ORGANIZATION_KIND_LABELS,
  OWNERSHIP_KIND_LABELS,
  PARTY_STATUS_LABELS,
  PETITION_KIND_LABELS,
  PETITION_STATUS_LABELS,
  PRESENTER_CATEGORY_LABELS,
  REGULATION_EVENT_KIND_LABELS,
  REORGANISATION_KIND_LABELS,
  RESIDENCE_CONTACT_CATEGORY_LABELS,
  REVIEW_KIND_LABELS,
  ROLE_LABELS,
  ROLE_LABELS_BY_ORGANIZATION_KIND,
  roleLabel,
  SEX_LABELS,
  TRAINING_TOPIC_LABELS,
  UNIT_KIND_LABELS,
} from './labels.js';

const ENUMS: ReadonlyArray<[string, readonly string[], Record<string, LocalizedText>]> = [
  ['UnitKind', UNIT_KINDS, UNIT_KIND_LABELS],
  ['OrganizationKind', ORGANIZATION_KINDS, ORGANIZATION_KIND_LABELS],
  ['MassOrganization', MASS_ORGANIZATIONS, MASS_ORGANIZATION_LABELS],
  ['Role', ROLES, ROLE_LABELS],
  ['PartyStatus', PARTY_STATUSES, PARTY_STATUS_LABELS],
  ['ResidenceContactCategory', RESIDENCE_CONTACT_CATEGORIES, RESIDENCE_CONTACT_CATEGORY_LABELS],
  ['Sex', SEXES, SEX_LABELS],
  ['BoardChangeKind', BOARD_CHANGE_KINDS, BOARD_CHANGE_KIND_LABELS],
  ['OwnershipKind', OWNERSHIP_KINDS, OWNERSHIP_KIND_LABELS],
  ['NomineeCategory', NOMINEE_CATEGORIES, NOMINEE_CATEGORY_LABELS],
  ['NominationOutcome', NOMINATION_OUTCOMES, NOMINATION_OUTCOME_LABELS],
  ['TrainingTopic', TRAINING_TOPICS, TRAINING_TOPIC_LABELS],
  ['PetitionKind', PETITION_KINDS, PETITION_KIND_LABELS],
  ['PetitionStatus', PETITION_STATUSES, PETITION_STATUS_LABELS],
  ['PresenterCategory', PRESENTER_CATEGORIES, PRESENTER_CATEGORY_LABELS],
  ['CommendationKind', COMMENDATION_KINDS, COMMENDATION_KIND_LABELS],
  ['ReorganisationKind', REORGANISATION_KINDS, REORGANISATION_KIND_LABELS],
  ['ReviewKind', REVIEW_KINDS, REVIEW_KIND_LABELS],
  ['RegulationEventKind', REGULATION_EVENT_KINDS, REGULATION_EVENT_KIND_LABELS],
];

function expectGoodLabel(label: LocalizedText | undefined, what: string): void {
  expect(label, what).toBeDefined();
  if (!label) return;
  expect(label.vi.trim(), `${what} vi`).not.toBe('');
  expect(label.en.trim(), `${what} en`).not.toBe('');
  expect(label.vi.normalize('NFC'), `${what} vi is NFC`).toBe(label.vi);
}

describe('enum labels', () => {
  it.each(ENUMS)('%s: every value has a non-empty vi (NFC) and en label, and no extra keys', (_name, values, labels) => {
    for (const value of values) expectGoodLabel(labels[value], value);
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
  });

  it('gives distinct Vietnamese labels within each enum (a select list must not show two equal options)', () => {
    for (const [name, values, labels] of ENUMS) {
      const vi = values.map((v) => labels[v]?.vi);
      expect(new Set(vi).size, name).toBe(values.length);
    }
  });

  it('names the unit kinds as the law does', () => {
    expect(UNIT_KIND_LABELS.PROVINCE.vi).toBe('Tỉnh/Thành phố');
    expect(UNIT_KIND_LABELS.DISTRICT.vi).toBe('Quận/Huyện');
    expect(UNIT_KIND_LABELS.WARD.vi).toBe('Phường');
    expect(UNIT_KIND_LABELS.COMMUNE.vi).toBe('Xã');
    expect(UNIT_KIND_LABELS.RESIDENTIAL_GROUP.vi).toBe('Tổ dân phố');
  });
});

describe('roleLabel', () => {
  it.each([
    ['HEAD', 'MANAGEMENT_BOARD', 'Trưởng ban', 'Board head'],
    ['DEPUTY_HEAD', 'MANAGEMENT_BOARD', 'Phó ban', 'Deputy board head'],
    ['MEMBER', 'MANAGEMENT_BOARD', 'Ủy viên', 'Board member'],
    ['HEAD', 'RESIDENTIAL_GROUP_LEADERSHIP', 'Tổ trưởng', 'Group head'],
    ['DEPUTY_HEAD', 'RESIDENTIAL_GROUP_LEADERSHIP', 'Tổ phó', 'Deputy group head'],
    ['INTERIM_HEAD', 'RESIDENTIAL_GROUP_LEADERSHIP', 'Tổ trưởng lâm thời', 'Interim group head'],
    ['SECRETARY', 'PARTY_CELL', 'Bí thư chi bộ', 'Cell secretary'],
    ['HEAD', 'PEOPLES_COMMITTEE', 'Chủ tịch UBND', "Chairperson of the People's Committee"],
  ] as const)('%s of %s is %s', (role, kind, vi, en) => {
    expect(roleLabel(role, kind)).toEqual({ vi, en });
  });

  it('falls back to the generic label when the body does not name the role, or its kind is unknown', () => {
    expect(roleLabel('SECRETARY', 'MANAGEMENT_BOARD')).toEqual(ROLE_LABELS.SECRETARY);
    expect(roleLabel('HEAD')).toEqual(ROLE_LABELS.HEAD);
    expect(roleLabel('HEAD', null)).toEqual(ROLE_LABELS.HEAD);
  });

  it('gives a good label for every role in every kind of body', () => {
    for (const kind of ORGANIZATION_KINDS) {
      for (const role of ROLES) expectGoodLabel(roleLabel(role, kind), `${role} of ${kind}`);
      for (const [role, label] of Object.entries(ROLE_LABELS_BY_ORGANIZATION_KIND[kind])) {
        expect(ROLES as readonly string[]).toContain(role);
        expectGoodLabel(label, `${role} of ${kind}`);
      }
    }
  });
});
