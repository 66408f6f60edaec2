import type { z } from 'zod';
import { createBoardChangeInput, createBoardTermInput } from '../inputs/boards.js';
import { createOrganizationAreaInput, createOrganizationInput, createOrganizationParentInput } from '../inputs/bodies.js';
import {
  createApartmentBuildingInput,
  createApartmentComplexInput,
  createApartmentInput,
  createApartmentOwnershipInput,
  createBuildingBlockInput,
} from '../inputs/buildings.js';
import {
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
import {
  createMembershipInput,
  createPartyMembershipInput,
  createPersonInput,
  createPostInput,
  createResidenceContactInput,
  createResidenceContactReviewInput,
} from '../inputs/people.js';
import { createAdministrativeUnitInput, createUnitCodeInput, createUnitParentInput } from '../inputs/places.js';
import { REORGANISATION_CHANGE_LISTS, recordReorganisationInput } from '../inputs/reorganisation.js';
import type { Commendation } from './directive.js';
import type { AdministrativeUnit } from './places.js';
import type { ReorganisationEvent } from './reorganisation.js';
import type { StoredRecord } from './stored-record.js';

/**
 * The tables of the domain state, one line each; `DomainState`, `emptyState()` and
 * `DOMAIN_TABLE_NAMES` are derived from this registry.
 *
 * The domain's part of adding an entity (CONTRIBUTING.md, "Adding an entity"), one file and
 * one line:
 *
 * - `inputs/<area>.ts`: the zod create and update schemas (they decide which create fields are
 *   non-null in the API), their rule checks, and the record type inferred from the create schema
 *   in one line, `export type Petition = StoredRecord<typeof createPetitionInput>;` (comment the
 *   fields on the schema's shape: the type shows those comments);
 * - `model/state.ts` (here): its table, one line in `DOMAIN_TABLES`:
 *   `petitions: table(createPetitionInput),`.
 *
 * (The older areas keep their record types' names in `model/<area>.ts`, inferred the same way.)
 *
 * A record is its create schema's output plus its `id`, with a dated record's period as stored
 * (see `StoredRecord`). Where a table's record differs, its line says how: `inputOnly` are create
 * fields stored elsewhere (a new unit's first code and parent), `derived` are fields the writer
 * computes (a reorganisation's unit lists), and `record: ofType<T>()` names the record type when it
 * is not the plain inference; it must narrow it (a commendation's recipient by kind). `state.test.ts`
 * checks every table: the record's keys are the create schema's keys − `inputOnly` + `id` + `derived`.
 */
export const DOMAIN_TABLES = {
  units: table(createAdministrativeUnitInput, { inputOnly: ['code', 'parentId'], record: ofType<AdministrativeUnit>() }),
  unitCodes: table(createUnitCodeInput),
  unitParents: table(createUnitParentInput),
  organizations: table(createOrganizationInput),
  organizationParents: table(createOrganizationParentInput),
  organizationAreas: table(createOrganizationAreaInput),
  people: table(createPersonInput),
  posts: table(createPostInput),
  memberships: table(createMembershipInput),
  partyMemberships: table(createPartyMembershipInput),
  residenceContacts: table(createResidenceContactInput),
  residenceContactReviews: table(createResidenceContactReviewInput),
  buildings: table(createApartmentBuildingInput),
  complexes: table(createApartmentComplexInput),
  blocks: table(createBuildingBlockInput),
  apartments: table(createApartmentInput),
  ownerships: table(createApartmentOwnershipInput),
  boardTerms: table(createBoardTermInput),
  boardChanges: table(createBoardChangeInput),
  directives: table(createDirectiveInput),
  reviews: table(createImplementationReviewInput),
  presentations: table(createPresentationInput),
  commendations: table(createCommendationInput, { record: ofType<Commendation>() }),
  nominations: table(createNominationInput),
  trainings: table(createTrainingInput),
  trainingAttendances: table(createTrainingAttendanceInput),
  petitions: table(createPetitionInput),
  petitionStatusChanges: table(createPetitionStatusChangeInput),
  coordinationRegulations: table(createCoordinationRegulationInput),
  coordinationRegulationEvents: table(createCoordinationRegulationEventInput),
  reorganisations: table(recordReorganisationInput, {
    inputOnly: REORGANISATION_CHANGE_LISTS,
    derived: ['originalUnitIds', 'resultingUnitIds'],
    record: ofType<ReorganisationEvent>(),
  }),
};

/** The name of a table of the domain state (`units`, `memberships`, …). */
export type DomainTableName = keyof typeof DOMAIN_TABLES;

/** The record type of a table. */
export type TableRecord<T extends DomainTableName> = NonNullable<(typeof DOMAIN_TABLES)[T]['record']>;

/**
 * Everything the domain reasons about, as plain arrays of records (one array per table).
 * Functions that need only part of it take `Pick<DomainState, ...>`, so callers pass what they
 * have. Every record is plain JSON: the database, the GraphQL API and the browser share it.
 */
export type DomainState = { [T in DomainTableName]: TableRecord<T>[] };

/** The tables, in the registry's order. */
export const DOMAIN_TABLE_NAMES = Object.keys(DOMAIN_TABLES) as DomainTableName[];

/** An empty state, to build on (`{ ...emptyState(), units: [...] }`). */
export function emptyState(): DomainState {
  const state: Partial<DomainState> = {};
  for (const name of DOMAIN_TABLE_NAMES) state[name] = [];
  // Complete: the loop gave every table its array (TypeScript cannot follow a loop over the keys).
  return state as DomainState;
}

// ——— the registry's entries ———

/**
 * One table of the domain state: the schema its records are created through and how a record
 * differs from that schema's output (see `DOMAIN_TABLES`).
 */
export interface DomainTable<Row, CreateKey extends string, InputOnly extends CreateKey, Derived extends string> {
  readonly create: z.ZodObject;
  readonly inputOnly: readonly InputOnly[];
  readonly derived: readonly Derived[];
  /** Type-only (never set): the create schema's output keys. */
  readonly createKeys?: CreateKey;
  /** Type-only (never set): the record type. */
  readonly record?: Row;
}

/** A record type named in a table's line: a value that carries only its type. */
export interface TypeOnly<Row> {
  readonly record?: Row;
}

/** Names a table's record type in `DOMAIN_TABLES` (carries a type, no value). */
export function ofType<Row>(): TypeOnly<Row> {
  return {};
}

/** A table's line; `Row` must narrow what the create schema infers. */
function table<
  Create extends z.ZodObject,
  const InputOnly extends keyof z.output<Create> & string = never,
  const Derived extends string = never,
  Row extends StoredRecord<Create, InputOnly> = StoredRecord<Create, InputOnly>,
>(
  create: Create,
  options: { inputOnly?: readonly InputOnly[]; derived?: readonly Derived[]; record?: TypeOnly<Row> } = {},
): DomainTable<Row, keyof z.output<Create> & string, InputOnly, Derived> {
  return { create, inputOnly: options.inputOnly ?? [], derived: options.derived ?? [] };
}
