import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { BoardChange, BoardTerm } from '../model/boards.js';
import type { Organization, OrganizationArea, OrganizationParent } from '../model/bodies.js';
import type { Apartment, ApartmentBuilding, ApartmentComplex, ApartmentOwnership, BuildingBlock } from '../model/buildings.js';
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
} from '../model/directive.js';
import type { Membership, PartyMembership, Person, Post, ResidenceContact, ResidenceContactReview } from '../model/people.js';
import type { AdministrativeUnit, UnitCode, UnitParent } from '../model/places.js';
import { FIELD_LABELS } from './field-labels.js';
import * as inputs from './index.js';
import { parseInput } from './parse-input.js';
import { codesAt, parsedValue, violationsOf } from './test-support/expect-result.js';
import { CREATE_SAMPLES, UPDATE_SCHEMAS } from './test-support/samples.js';

type New<T> = Omit<T, 'id'>;

function sample(name: string): Record<string, unknown> {
  const found = CREATE_SAMPLES.find(([n]) => n === name);
  if (!found) throw new Error(`no sample for ${name}`);
  return found[2];
}

describe('create inputs', () => {
  it.each(CREATE_SAMPLES)('%s: a valid input parses', (_name, schema, data) => {
    expect(parseInput(schema, data).ok).toBe(true);
  });

  it('produce records of the model (checked by the compiler: each parsed value is assigned to the model type)', () => {
    const created: Record<string, unknown> = {
      unit: parsedValue(parseInput(inputs.createAdministrativeUnitInput, sample('AdministrativeUnit'))) satisfies New<AdministrativeUnit>,
      code: parsedValue(parseInput(inputs.createUnitCodeInput, sample('UnitCode'))) satisfies New<UnitCode>,
      parent: parsedValue(parseInput(inputs.createUnitParentInput, sample('UnitParent'))) satisfies New<UnitParent>,
      org: parsedValue(parseInput(inputs.createOrganizationInput, sample('Organization'))) satisfies New<Organization>,
      area: parsedValue(parseInput(inputs.createOrganizationAreaInput, sample('OrganizationArea'))) satisfies New<OrganizationArea>,
      orgParent: parsedValue(
        parseInput(inputs.createOrganizationParentInput, sample('OrganizationParent')),
      ) satisfies New<OrganizationParent>,
      person: parsedValue(parseInput(inputs.createPersonInput, sample('Person'))) satisfies New<Person>,
      post: parsedValue(parseInput(inputs.createPostInput, sample('Post'))) satisfies New<Post>,
      membership: parsedValue(parseInput(inputs.createMembershipInput, sample('Membership'))) satisfies New<Membership>,
      party: parsedValue(parseInput(inputs.createPartyMembershipInput, sample('PartyMembership'))) satisfies New<PartyMembership>,
      contact: parsedValue(parseInput(inputs.createResidenceContactInput, sample('ResidenceContact'))) satisfies New<ResidenceContact>,
      contactReview: parsedValue(
        parseInput(inputs.createResidenceContactReviewInput, sample('ResidenceContactReview')),
      ) satisfies New<ResidenceContactReview>,
      building: parsedValue(parseInput(inputs.createApartmentBuildingInput, sample('ApartmentBuilding'))) satisfies New<ApartmentBuilding>,
      complex: parsedValue(parseInput(inputs.createApartmentComplexInput, sample('ApartmentComplex'))) satisfies New<ApartmentComplex>,
      block: parsedValue(parseInput(inputs.createBuildingBlockInput, sample('BuildingBlock'))) satisfies New<BuildingBlock>,
      apartment: parsedValue(parseInput(inputs.createApartmentInput, sample('Apartment'))) satisfies New<Apartment>,
      ownership: parsedValue(
        parseInput(inputs.createApartmentOwnershipInput, sample('ApartmentOwnership')),
      ) satisfies New<ApartmentOwnership>,
      term: parsedValue(parseInput(inputs.createBoardTermInput, sample('BoardTerm'))) satisfies New<BoardTerm>,
      change: parsedValue(parseInput(inputs.createBoardChangeInput, sample('BoardChange'))) satisfies New<BoardChange>,
      directive: parsedValue(parseInput(inputs.createDirectiveInput, sample('Directive'))) satisfies New<Directive>,
      review: parsedValue(
        parseInput(inputs.createImplementationReviewInput, sample('ImplementationReview')),
      ) satisfies New<ImplementationReview>,
      presentation: parsedValue(parseInput(inputs.createPresentationInput, sample('Presentation'))) satisfies New<Presentation>,
      commendation: parsedValue(parseInput(inputs.createCommendationInput, sample('Commendation'))) satisfies New<Commendation>,
      nomination: parsedValue(parseInput(inputs.createNominationInput, sample('Nomination'))) satisfies New<Nomination>,
      training: parsedValue(parseInput(inputs.createTrainingInput, sample('Training'))) satisfies New<Training>,
      attendance: parsedValue(
        parseInput(inputs.createTrainingAttendanceInput, sample('TrainingAttendance')),
      ) satisfies New<TrainingAttendance>,
      petition: parsedValue(parseInput(inputs.createPetitionInput, sample('Petition'))) satisfies New<Petition>,
      status: parsedValue(
        parseInput(inputs.createPetitionStatusChangeInput, sample('PetitionStatusChange')),
      ) satisfies New<PetitionStatusChange>,
      regulation: parsedValue(
        parseInput(inputs.createCoordinationRegulationInput, sample('CoordinationRegulation')),
      ) satisfies New<CoordinationRegulation>,
      regulationEvent: parsedValue(
        parseInput(inputs.createCoordinationRegulationEventInput, sample('CoordinationRegulationEvent')),
      ) satisfies New<CoordinationRegulationEvent>,
    };
    expect(Object.keys(created)).toHaveLength(30);
  });

  it('fill a left-out end date with null ("still current"), as the model stores it', () => {
    const unit = parsedValue(parseInput(inputs.createUnitCodeInput, sample('UnitCode')));
    expect(unit.validTo).toBeNull();
  });

  it.each(CREATE_SAMPLES)('%s: an empty object is refused with only REQUIRED_FIELD violations, each at a field', (name, schema) => {
    // Besides the missing fields, a consolidation or a reorganisation with no change at all is refused as a whole.
    const violations = violationsOf(parseInput(schema, {})).filter(
      (v) => !((name === 'consolidateBoard' || name === 'recordReorganisation') && v.path.length === 0),
    );
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) {
      expect(v.code).toBe('REQUIRED_FIELD');
      expect(v.path.length).toBeGreaterThan(0);
    }
  });

  it.each(CREATE_SAMPLES)('%s: dropping any one required field is reported at that field', (_name, schema, data) => {
    for (const key of Object.keys(data)) {
      const { [key]: _dropped, ...rest } = data;
      const result = parseInput(schema, rest);
      if (result.ok) continue; // an optional field
      expect(codesAt(result.violations)).toContain(`REQUIRED_FIELD@${key}`);
    }
  });

  it.each(CREATE_SAMPLES.filter(([, , data]) => 'validFrom' in data))(
    '%s: the period check still runs when every other field is wrong or missing',
    (_name, schema, data) => {
      const garbage = Object.fromEntries(Object.keys(data).map((k) => [k, { not: 'valid' }]));
      for (const others of [garbage, {}]) {
        const violations = violationsOf(parseInput(schema, { ...others, validFrom: '2020-01-01', validTo: '2019-12-31' }));
        expect(codesAt(violations)).toContain('PERIOD_ORDER@validTo');
      }
    },
  );
});

describe('update inputs', () => {
  it.each(UPDATE_SCHEMAS)('%s: id and version alone are a valid (empty) update', (_name, schema) => {
    expect(parsedValue(parseInput(schema, { id: 'x-1', version: 0 }))).toEqual({ id: 'x-1', version: 0 });
  });

  it.each(UPDATE_SCHEMAS)('%s: id and version are required, version a whole number ≥ 0', (_name, schema) => {
    expect(codesAt(violationsOf(parseInput(schema, {})))).toEqual(['REQUIRED_FIELD@id', 'REQUIRED_FIELD@version']);
    expect(codesAt(violationsOf(parseInput(schema, { id: ' ', version: -1 })))).toEqual(['REQUIRED_FIELD@id', 'INVALID_VALUE@version']);
    expect(codesAt(violationsOf(parseInput(schema, { id: 'x', version: 1.5 })))).toEqual(['INVALID_VALUE@version']);
  });

  it.each(UPDATE_SCHEMAS)('%s: a field left out stays out (never defaulted, so it is not overwritten)', (name, schema) => {
    const create = CREATE_SAMPLES.find(([n]) => n === name);
    if (!create) throw new Error(`no create sample for ${name}`);
    for (const [key, value] of Object.entries(create[2])) {
      if (key === 'code' || key === 'parentId') continue; // set through their own records after creation
      const parsed = parsedValue(parseInput(schema, { id: 'x', version: 1, [key]: value }));
      expect(Object.keys(parsed).sort()).toEqual(['id', key, 'version'].sort());
    }
  });
});

/** Every object key of a schema, nested ones included. */
function keysOf(schema: z.core.$ZodType, into = new Set<string>()): Set<string> {
  if (schema instanceof z.ZodObject) {
    for (const [key, field] of Object.entries(schema.shape)) {
      into.add(key);
      keysOf(field as z.core.$ZodType, into);
    }
  } else if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    keysOf(schema.unwrap(), into);
  } else if (schema instanceof z.ZodPipe) {
    keysOf(schema.in, into);
    keysOf(schema.out, into);
  } else if (schema instanceof z.ZodArray) {
    keysOf(schema.element, into);
  }
  return into;
}

describe('field labels', () => {
  const schemas = [...CREATE_SAMPLES.map(([, s]) => s), ...UPDATE_SCHEMAS.map(([, s]) => s)];

  it('exist for every field of every input schema', () => {
    const keys = new Set<string>();
    for (const s of schemas) keysOf(s, keys);
    expect(keys.size).toBeGreaterThan(60);
    const missing = [...keys].filter((k) => !Object.hasOwn(FIELD_LABELS, k));
    expect(missing).toEqual([]);
  });

  it('are all used by some schema (no stale labels)', () => {
    const keys = new Set<string>();
    for (const s of schemas) keysOf(s, keys);
    expect(Object.keys(FIELD_LABELS).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('are non-empty, and NFC in Vietnamese', () => {
    for (const [key, label] of Object.entries(FIELD_LABELS)) {
      expect(label.vi.trim(), key).not.toBe('');
      expect(label.en.trim(), key).not.toBe('');
      expect(label.vi.normalize('NFC'), key).toBe(label.vi);
    }
  });
});

describe('samples', () => {
  it('cover every create schema the module exports', () => {
    const exported = Object.entries(inputs)
      .filter(([name]) => /^create.*Input$|^(establish|consolidate)BoardInput$|^recordReorganisationInput$/.test(name))
      .map(([, schema]) => schema);
    expect(new Set(CREATE_SAMPLES.map(([, s]) => s))).toEqual(new Set(exported));
  });

  it("name a create sample for every update schema (the update tests read the entity's fields from it)", () => {
    const exported = Object.keys(inputs).filter((name) => /^update\w+Input$/.test(name));
    expect(UPDATE_SCHEMAS.map(([type]) => `update${type}Input`).sort()).toEqual(exported.sort());
    const samples = new Set(CREATE_SAMPLES.map(([type]) => type));
    expect(UPDATE_SCHEMAS.map(([type]) => type).filter((type) => !samples.has(type))).toEqual([]);
  });

  it('stay valid under normalisation round-trips (parsing a parsed value gives the same value)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CREATE_SAMPLES), ([, schema, data]) => {
        const once = parsedValue(parseInput(schema, data));
        expect(parsedValue(parseInput(schema, once))).toEqual(once);
      }),
      { numRuns: CREATE_SAMPLES.length * 2 },
    );
  });
});
