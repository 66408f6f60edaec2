import { type DomainState, emptyState } from '@coso/domain';
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REFERENCE_EXTENSION, referenceOf } from '../graphql/references.js';
import { buildSchema } from '../graphql/schema.js';
import { writeState } from '../store/state-tables.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { LOCATORS, PUBLIC_TYPES } from './locator.js';
import { ACCESS_FIXTURE, gid, SIDES, uid, viewersOf } from './test-support/access-fixture.js';
import type { Viewer } from './viewer.js';

/**
 * Territory on writes, generated from the schema: every ID field reachable from any mutation's
 * arguments (nested inputs and lists included) declares the type it references, and for every one
 * of them a ward officer of side A passing side C's record of that type is refused with FORBIDDEN
 * and nothing in the database changes; the same input naming side A's record is not refused for
 * territory (the control that shows the test can tell the two apart). A new mutation or input
 * field is covered the moment it exists; one without a declared reference fails the first test.
 */

const schema = buildSchema();
const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});

interface ReferenceField {
  mutation: string;
  /** Argument path with list items as index 0: 'input.members.0.personId'. */
  path: string[];
  typename: string;
  write: boolean;
}

/** Every ID input field under a mutation's arguments, with what it declares (undefined: nothing). */
function idFields(field: GraphQLField<unknown, unknown>): Array<{ path: string[]; ext: ReturnType<typeof referenceOf> }> {
  const out: Array<{ path: string[]; ext: ReturnType<typeof referenceOf> }> = [];
  const visit = (type: GraphQLInputType, path: string[], ext: Readonly<Record<string, unknown>> | null | undefined, seen: Set<string>) => {
    const named = getNamedType(type);
    if (isInputObjectType(named)) {
      if (seen.has(named.name)) return;
      const inner = new Set(seen).add(named.name);
      const prefix = isListType(isNonNullType(type) ? type.ofType : type) ? [...path, '0'] : path;
      for (const f of Object.values(named.getFields())) visit(f.type, [...prefix, f.name], f.extensions, inner);
      return;
    }
    if (named.name === 'ID')
      out.push({ path: isListType(isNonNullType(type) ? type.ofType : type) ? [...path, '0'] : path, ext: referenceOf(ext) });
  };
  for (const arg of field.args) visit(arg.type, [arg.name], arg.extensions, new Set());
  return out;
}

/** Mutations open to territorial writers (an administrators-only field is refused before its input matters). */
const territorialMutations = mutations.filter((m) => {
  const scopes = (m.extensions?.pothosOptions as { authScopes?: Record<string, unknown> } | undefined)?.authScopes;
  return !(scopes && 'admin' in scopes);
});

const REFERENCES: ReferenceField[] = territorialMutations.flatMap((m) =>
  idFields(m).flatMap(({ path, ext }) => (ext ? [{ mutation: m.name, path, typename: ext.typename, write: ext.write ?? false }] : [])),
);

// ── The records each side holds, one per referenced type: A is the writer's, C is Hàng Bạc (Hoàn Kiếm) ──

const IN = 'A';
const OUT = 'C';
type Place = typeof IN | typeof OUT;

/** What the access fixture lacks: one record of every other type on each side. */
function extraState(): DomainState {
  const s = emptyState();
  for (const side of [SIDES.A, SIDES.C]) {
    const k = side.key.toLowerCase();
    const cell = side.key === 'A' ? 'cell-a' : 'cell-c';
    if (side.key === 'C') {
      s.organizations.push({ id: 'cell-c', kind: 'PARTY_CELL', name: 'Chi bộ TDP số 1 Hàng Bạc', validFrom: '2010-01-01', validTo: null });
      s.organizationAreas.push({ id: 'area-cell-c', organizationId: 'cell-c', unitId: side.group, validFrom: '2010-01-01', validTo: null });
      s.organizations.push({
        id: 'board-c',
        kind: 'MANAGEMENT_BOARD',
        name: 'Ban quản trị Chung cư C',
        buildingId: side.building,
        validFrom: '2021-01-01',
        validTo: null,
      });
      s.organizationAreas.push({
        id: 'area-board-c',
        organizationId: 'board-c',
        unitId: side.group,
        validFrom: '2021-01-01',
        validTo: null,
      });
      s.partyMemberships.push({
        id: 'party-c',
        personId: side.person,
        status: 'OFFICIAL',
        homeCellId: 'cell-c',
        validFrom: '2012-01-01',
        validTo: null,
      });
      s.residenceContacts.push({
        id: 'contact-c',
        personId: side.person,
        residenceCellId: 'cell-c',
        category: 'NORMAL',
        validFrom: '2021-01-01',
        validTo: null,
      });
      s.nominations.push({
        id: 'nomination-c',
        nominatingOrganizationId: side.org,
        personId: side.person,
        boardId: 'board-c',
        category: 'POLITICAL_SYSTEM_MEMBER',
        nominatedOn: '2021-01-01',
        outcome: 'ELECTED',
      });
      s.complexes.push({ id: 'complex-c', name: 'Cụm chung cư Hàng Bạc', validFrom: '2015-01-01', validTo: null });
      s.buildings.push({
        id: 'building-c2',
        name: 'Chung cư C2',
        residentialGroupId: side.group,
        complexId: 'complex-c',
        apartmentCount: 40,
        blockCount: 1,
        multipleOwners: true,
        validFrom: '2015-01-01',
        validTo: null,
      });
    }
    const board = `board-${k}`;
    s.directives.push({
      id: `directive-${k}`,
      code: `01-TT/${k}`,
      title: 'Thông tri thử',
      issuedOn: '2021-01-01',
      issuerId: side.org,
      scopeUnitId: side.ward,
    });
    s.reviews.push({
      id: `review-${k}`,
      directiveId: `directive-${k}`,
      kind: 'INTERIM',
      heldOn: '2022-01-01',
      organizerId: side.org,
      title: 'Sơ kết',
    });
    s.presentations.push({
      id: `presentation-${k}`,
      reviewId: `review-${k}`,
      title: 'Tham luận',
      category: 'FATHERLAND_FRONT',
      presenterOrganizationId: side.org,
    });
    s.commendations.push({
      id: `commendation-in-${k}`,
      directiveId: `directive-${k}`,
      kind: 'INDIVIDUAL',
      recipientPersonId: side.person,
      decidedOn: '2022-01-01',
    });
    s.unitCodes.push({
      id: `code-${k}`,
      unitId: side.group,
      code: side.key === 'A' ? '99901' : '99903',
      validFrom: '2010-01-01',
      validTo: null,
    });
    s.organizationParents.push({ id: `org-parent-${k}`, organizationId: side.org, parentId: cell, validFrom: '2015-01-01', validTo: null });
    s.posts.push({ id: `post-${k}`, organizationId: side.org, role: 'MEMBER', label: 'Ủy viên', validFrom: '2015-01-01', validTo: null });
    s.blocks.push({ id: `block-${k}`, buildingId: side.building, name: 'Khối A' });
    s.apartments.push({ id: `apartment-${k}`, buildingId: side.building, number: '101' });
    s.ownerships.push({
      id: `ownership-${k}`,
      apartmentId: `apartment-${k}`,
      personId: side.person,
      kind: 'OWNER',
      validFrom: '2016-01-01',
      validTo: null,
    });
    s.boardTerms.push({
      id: `term-${k}`,
      boardId: board,
      termNumber: 1,
      electedOn: '2021-01-01',
      validFrom: '2021-01-01',
      validTo: '2024-01-01',
    });
    s.boardChanges.push({ id: `change-${k}`, boardId: board, kind: 'ESTABLISHMENT', on: '2021-01-01' });
    s.trainings.push({ id: `training-${k}`, title: 'Tập huấn', topics: ['FIRE_SAFETY'], heldOn: '2022-01-01', organizerId: side.org });
    s.trainingAttendances.push({ id: `attendance-${k}`, trainingId: `training-${k}`, personId: side.person });
    s.petitions.push({
      id: `petition-${k}`,
      kind: 'PROPOSAL',
      subject: 'Kiến nghị',
      receivedOn: '2022-01-01',
      residentialGroupId: side.group,
    });
    s.petitionStatusChanges.push({ id: `petition-status-${k}`, petitionId: `petition-${k}`, status: 'RECEIVED', on: '2022-01-01' });
    s.coordinationRegulations.push({
      id: `regulation-${k}`,
      residentialGroupId: side.group,
      boardId: board,
      signedOn: '2021-02-01',
      validFrom: '2021-02-01',
      validTo: null,
    });
    s.coordinationRegulationEvents.push({
      id: `regulation-event-${k}`,
      regulationId: `regulation-${k}`,
      kind: 'REVIEWED',
      on: '2022-01-01',
    });
    s.residenceContactReviews.push({
      id: `contact-review-${k}`,
      residenceContactId: side.key === 'A' ? 'contact-xb' : 'contact-c',
      year: 2022,
      reviewedOn: '2022-12-01',
      comment: 'Tốt',
    });
  }
  return s;
}

/**
 * Fixture key of each side's record, per referenced type (written above); a type not here gets
 * its records from `createOnEachSide`.
 */
const RECORDS: Record<string, Record<Place, string>> = {
  AdministrativeUnit: { A: SIDES.A.group, C: SIDES.C.group },
  Organization: { A: SIDES.A.org, C: SIDES.C.org },
  Person: { A: SIDES.A.person, C: SIDES.C.person },
  Membership: { A: SIDES.A.membership, C: SIDES.C.membership },
  ApartmentBuilding: { A: SIDES.A.building, C: SIDES.C.building },
  ApartmentComplex: { A: 'complex-x', C: 'complex-c' },
  PartyMembership: { A: 'party-a', C: 'party-c' },
  ResidenceContact: { A: 'contact-xb', C: 'contact-c' },
  Nomination: { A: 'nomination-party', C: 'nomination-c' },
  Directive: { A: 'directive-a', C: 'directive-c' },
  ImplementationReview: { A: 'review-a', C: 'review-c' },
  Presentation: { A: 'presentation-a', C: 'presentation-c' },
  Commendation: { A: 'commendation-in-a', C: 'commendation-in-c' },
  UnitCode: { A: 'code-a', C: 'code-c' },
  UnitParent: { A: 'parent-group-phuc-loi-1', C: 'parent-group-hang-bac-1' },
  OrganizationArea: { A: `area-${SIDES.A.org}`, C: `area-${SIDES.C.org}` },
  OrganizationParent: { A: 'org-parent-a', C: 'org-parent-c' },
  Post: { A: 'post-a', C: 'post-c' },
  BuildingBlock: { A: 'block-a', C: 'block-c' },
  Apartment: { A: 'apartment-a', C: 'apartment-c' },
  ApartmentOwnership: { A: 'ownership-a', C: 'ownership-c' },
  BoardTerm: { A: 'term-a', C: 'term-c' },
  BoardChange: { A: 'change-a', C: 'change-c' },
  Training: { A: 'training-a', C: 'training-c' },
  TrainingAttendance: { A: 'attendance-a', C: 'attendance-c' },
  Petition: { A: 'petition-a', C: 'petition-c' },
  PetitionStatusChange: { A: 'petition-status-a', C: 'petition-status-c' },
  CoordinationRegulation: { A: 'regulation-a', C: 'regulation-c' },
  CoordinationRegulationEvent: { A: 'regulation-event-a', C: 'regulation-event-c' },
  ResidenceContactReview: { A: 'contact-review-a', C: 'contact-review-c' },
};

// ── Inputs: the smallest the GraphQL validator accepts, with the field under test set ──

function placeholder(type: GraphQLInputType, ext: Readonly<Record<string, unknown>> | null | undefined, side: Place): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType, ext, side);
  if (isListType(type)) return [placeholder(type.ofType, ext, side)];
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type)) out[f.name] = placeholder(f.type, f.extensions, side);
    return out;
  }
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isScalarType(type)) {
    const ref = referenceOf(ext);
    if (type.name === 'ID') return ref ? recordId(ref.typename, side) : gid('AdministrativeUnit', 'nothing');
    return (
      (
        { String: 'Thử', Int: 1, Float: 1, Boolean: false, Date: '2024-01-02', DateTime: '2024-01-02T00:00:00.000Z' } as Record<
          string,
          unknown
        >
      )[type.name] ?? {}
    );
  }
  return null;
}

function recordId(typename: string, side: Place): string {
  const key = RECORDS[typename]?.[side];
  if (!key) throw new Error(`test setup: no record of ${typename} on side ${side}`);
  return gid(typename, key);
}

/** The mutation's arguments: every required field filled with side A's records, `ref`'s field with `side`'s. */
function argumentsFor(ref: ReferenceField, side: Place): Record<string, unknown> {
  const field = schema.getMutationType()?.getFields()[ref.mutation];
  if (!field) throw new Error(`no mutation ${ref.mutation}`);
  // Down the path: optional objects and lists on the way are made, the last step is the reference.
  const build = (type: GraphQLInputType, rest: readonly string[]): unknown => {
    if (isNonNullType(type)) return build(type.ofType, rest);
    if (isListType(type)) return [build(type.ofType, rest[0] === '0' ? rest.slice(1) : rest)];
    if (rest.length === 0) return recordId(ref.typename, side);
    if (!isInputObjectType(type)) throw new Error(`${ref.mutation}: ${rest.join('.')} leads nowhere`);
    const [key = '', ...below] = rest;
    const inner = type.getFields()[key];
    if (!inner) throw new Error(`${ref.mutation}: no field ${key}`);
    return { ...(placeholder(type, undefined, IN) as Record<string, unknown>), [key]: build(inner.type, below) };
  };
  const args: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (arg.name === ref.path[0]) args[arg.name] = build(arg.type, ref.path.slice(1));
    else if (isNonNullType(arg.type)) args[arg.name] = placeholder(arg.type, arg.extensions, IN);
  }
  return args;
}

function operation(mutation: string): string {
  const field = schema.getMutationType()?.getFields()[mutation];
  const args = (field?.args ?? []).map((a) => `$${a.name}: ${a.type.toString()}`);
  const pass = (field?.args ?? []).map((a) => `${a.name}: $${a.name}`);
  return `mutation(${args.join(', ')}) { result: ${mutation}(${pass.join(', ')}) { __typename } }`;
}

/**
 * A record on each side of every referenced type the fixture does not hold, made through the
 * type's own `create<Type>` mutation by an administrator: its required fields placeholders, its
 * references that side's records (so it stands on that side). A new entity's update and end are
 * covered without a line in this file; a type with no create mutation, or whose placeholder input
 * its rules refuse, stays without records and fails the test that asks for them, naming it.
 */
async function createOnEachSide(admin: Viewer): Promise<void> {
  const pending = new Set(REFERENCES.map((r) => r.typename).filter((t) => !RECORDS[t]));
  // References among new types are met in some order: a type waits until those it names have records.
  for (let progress = true; progress && pending.size > 0; ) {
    progress = false;
    for (const typename of pending) {
      const create = schema.getMutationType()?.getFields()[`create${typename}`];
      const input = create?.args.find((a) => a.name === 'input');
      if (!input) {
        pending.delete(typename);
        continue;
      }
      const made: Partial<Record<Place, string>> = {};
      for (const side of [IN, OUT] as const) {
        let args: Record<string, unknown>;
        try {
          args = { input: placeholder(input.type, input.extensions, side) };
        } catch {
          break; // it names a type that has no records yet
        }
        const success = `MutationCreate${typename}Success`;
        const { data } = await h.exec(
          `mutation($input: ${input.type.toString()}) { result: create${typename}(input: $input) { __typename ... on ${success} { data { id } } } }`,
          args,
          { viewer: admin },
        );
        const result = (data as { result?: { __typename: string; data?: { id: string } } } | null)?.result;
        if (result?.__typename === success && result.data) made[side] = decodeGlobalID(result.data.id).id;
      }
      if (made.A && made.C) {
        RECORDS[typename] = { A: made.A, C: made.C };
        pending.delete(typename);
        progress = true;
      }
    }
  }
}

let h: Awaited<ReturnType<typeof graphqlHarness>>;
let ward: Viewer;
let nonParty: Viewer;

/**
 * Every table's content, hashed: equal before and after means nothing was written. Per table, the
 * row count and the sum of the rows' hashes (order-free, so no sort of every table for every case).
 */
async function fingerprint(): Promise<string> {
  const tables = await h.prisma.$queryRawUnsafe<Array<{ name: string }>>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const parts = tables.map((t) => `(SELECT count(*) || ':' || coalesce(sum(hashtext(x::text)::bigint), 0) FROM "${t.name}" x)`);
  const [row] = await h.prisma.$queryRawUnsafe<Array<{ all: string }>>(`SELECT concat_ws(',', ${parts.join(', ')}) AS all`);
  return row?.all ?? '';
}

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
  await writeState(h.prisma, extraState());
  const viewers = await viewersOf(h.prisma, ['phuong.phucloi', 'canbo.phucloi', 'admin']);
  ward = viewers('phuong.phucloi');
  nonParty = viewers('canbo.phucloi');
  await createOnEachSide(viewers('admin'));
});
afterAll(() => h.close());

describe('every ID field of every mutation input declares what it references', () => {
  it('walks the whole schema (nested inputs and lists included)', () => {
    const undeclared = mutations.flatMap((m) =>
      idFields(m)
        .filter((f) => !f.ext)
        .map((f) => `${m.name}(${f.path.join('.')})`),
    );
    expect(undeclared, `declare it with extensions: references('<Type>') (${REFERENCE_EXTENSION})`).toEqual([]);
    expect(REFERENCES.length).toBeGreaterThan(100);
  });

  it('references only types whose records have a place (or are public documents), and the test holds a record of each on both sides', () => {
    for (const ref of REFERENCES) {
      expect(
        LOCATORS[ref.typename] ?? PUBLIC_TYPES.has(ref.typename),
        `${ref.mutation} ${ref.path.join('.')}: ${ref.typename}`,
      ).toBeTruthy();
      expect(RECORDS[ref.typename], `a record of ${ref.typename} on each side`).toBeDefined();
    }
  });
});

// A reference to a public document (a directive, a review) needs read access only: any signed-in writer may point at one.
const GUARDED = REFERENCES.filter((r) => r.write || !PUBLIC_TYPES.has(r.typename));
const name = (r: ReferenceField) => `${r.mutation}(${r.path.join('.')} → ${r.typename})`;

describe('a ward officer passing another ward’s record is refused, and nothing is written', () => {
  it.each(GUARDED.map((r) => [name(r), r] as const))('%s', async (_label, ref) => {
    const before = await fingerprint();
    const { data, errors } = await h.exec(operation(ref.mutation), argumentsFor(ref, OUT), { viewer: ward });
    expect(errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect(data).toBeNull();
    expect(await fingerprint()).toBe(before);
  });
});

describe('the same refusal whatever the id looks like: a raw UUID, upper case, padded with spaces', () => {
  const variants: Array<[string, (gidValue: string, uuid: string) => string]> = [
    ['raw UUID', (_g, u) => u],
    ['upper-case UUID', (_g, u) => u.toUpperCase()],
    ['padded global id', (g) => `  ${g} `],
  ];
  it.each(GUARDED.flatMap((r) => variants.map(([how, make]) => [`${name(r)}, ${how}`, r, make] as const)))(
    '%s',
    async (_label, ref, make) => {
      const args = JSON.stringify(argumentsFor(ref, OUT));
      const outsideKey = RECORDS[ref.typename]?.[OUT] ?? '';
      const outsideGid = gid(ref.typename, outsideKey);
      const changed = JSON.parse(args.split(JSON.stringify(outsideGid)).join(JSON.stringify(make(outsideGid, uid(outsideKey)))));
      const { errors } = await h.exec(operation(ref.mutation), changed, { viewer: ward });
      expect(errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    },
  );
});

describe('a ward officer without party-organisation rights attaches nothing to a party body and changes no party record', () => {
  // Inside the officer's own ward: only the party rule can refuse these.
  const PARTY_RECORDS: Record<string, string> = {
    Organization: 'cell-a',
    PartyMembership: 'party-a',
    ResidenceContact: 'contact-xb',
    ResidenceContactReview: 'contact-review-a',
    Nomination: 'nomination-party',
    Membership: 'membership-a-cell-a',
  };
  const partyRefs = GUARDED.filter((r) => PARTY_RECORDS[r.typename]);
  it('covers every reference to a party body or party record', () => expect(partyRefs.length).toBeGreaterThan(20));
  it.each(partyRefs.map((r) => [name(r), r] as const))('%s', async (_label, ref) => {
    const args = JSON.stringify(argumentsFor(ref, IN));
    const own = gid(ref.typename, RECORDS[ref.typename]?.[IN] ?? '');
    const party = gid(ref.typename, PARTY_RECORDS[ref.typename] ?? '');
    const changed = JSON.parse(args.split(JSON.stringify(own)).join(JSON.stringify(party)));
    const before = await fingerprint();
    const { errors } = await h.exec(operation(ref.mutation), changed, { viewer: nonParty });
    expect(errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect(await fingerprint()).toBe(before);
  });
});

describe('controls: the same input with the ward officer’s own record is not refused for territory', () => {
  it.each(REFERENCES.map((r) => [name(r), r] as const))('%s', async (_label, ref) => {
    const { errors } = await h.exec(operation(ref.mutation), argumentsFor(ref, IN), { viewer: ward });
    expect(errors.filter((e) => e.code === 'FORBIDDEN')).toEqual([]);
  });
});

describe('public documents: pointing at another place’s directive or review needs read access only', () => {
  const pointing = REFERENCES.filter((r) => !r.write && PUBLIC_TYPES.has(r.typename));
  it('has such references (directive of a nomination, review of a presentation)', () => expect(pointing.length).toBeGreaterThan(3));
  it.each(pointing.map((r) => [name(r), r] as const))('%s', async (_label, ref) => {
    const { errors } = await h.exec(operation(ref.mutation), argumentsFor(ref, OUT), { viewer: ward });
    expect(errors.filter((e) => e.code === 'FORBIDDEN')).toEqual([]);
  });
});
