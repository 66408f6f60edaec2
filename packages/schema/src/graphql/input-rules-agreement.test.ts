import { consolidateBoardInput, createCommendationInput, establishBoardInput, parseInput, recordReorganisationInput } from '@coso/domain';
import { GraphQLInputObjectType, isNonNullType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ENTITY_SPECS } from './entity-mutations.js';
import { buildSchema } from './schema.js';

/**
 * The API's schema and the rules say the same thing (issue #11): a field of a create input is
 * non-null exactly when the domain's input schema refuses it left out — for every entity's create
 * input and for the workflows' inputs. (Once a term's end was optional in the API and refused by
 * the rules; a commendation's recipient was required by the API and counted missing by the report.)
 */
const schema = buildSchema();

/** Keys the schema refuses when left out, found by leaving each out of nothing at all. */
function refusedWhenMissing(zod: z.ZodType): string[] {
  const shape = (zod as { shape?: Record<string, z.ZodType> }).shape ?? {};
  return Object.keys(shape)
    .filter((key) => !(shape[key] as z.ZodType).safeParse(undefined).success)
    .sort();
}

function nonNullFields(typeName: string, only: readonly string[]): string[] {
  const type = schema.getType(typeName);
  if (!(type instanceof GraphQLInputObjectType)) throw new Error(`no input type ${typeName}`);
  return Object.values(type.getFields())
    .filter((f) => only.includes(f.name) && isNonNullType(f.type))
    .map((f) => f.name)
    .sort();
}

const PAIRS: Array<[string, z.ZodType]> = [
  ...ENTITY_SPECS.map((s): [string, z.ZodType] => [`Create${s.noun}Input`, s.createSchema]),
  ['EstablishBoardInput', establishBoardInput],
  ['ConsolidateBoardInput', consolidateBoardInput],
  ['RecordReorganisationInput', recordReorganisationInput],
];

describe('input fields are required in the API exactly when the rules require them', () => {
  it('covers every entity registered (more than 25) and the workflows', () => {
    expect(ENTITY_SPECS.length).toBeGreaterThan(25);
  });

  for (const [typeName, zod] of PAIRS) {
    it(typeName, () => {
      const shape = Object.keys((zod as { shape?: object }).shape ?? {});
      expect(shape.length, `${typeName}: the domain schema is an object`).toBeGreaterThan(0);
      expect(nonNullFields(typeName, shape)).toEqual(refusedWhenMissing(zod));
    });
  }

  it('a board term and a board’s first term have their planned end; a commendation its recipient', () => {
    const term = schema.getType('CreateBoardTermInput') as GraphQLInputObjectType;
    expect(String(term.getFields().validTo?.type)).toBe('Date!');
    const establish = schema.getType('EstablishBoardInput') as GraphQLInputObjectType;
    expect(String(establish.getFields().validTo?.type)).toBe('Date!');
    const commendation = { directiveId: 'd', kind: 'COLLECTIVE', decidedOn: '2022-12-01' };
    const refused = parseInput(createCommendationInput, commendation);
    expect(refused.ok).toBe(false);
    expect(parseInput(createCommendationInput, { ...commendation, recipientOrganizationId: 'o' }).ok).toBe(true);
  });
});
