import fc from 'fast-check';
import {
  type GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { modelFacts } from '../entities/data-model.js';
import { referenceOf } from '../graphql/references.js';
import { buildSchema } from '../graphql/schema.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { ACCESS_FIXTURE, viewerOf } from './test-support/access-fixture.js';
import { writtenType } from './test-support/derived-cases.js';

/**
 * No write its author cannot read (read-back.ts), over every generic create and update of every
 * entity and every territorial role (ward staff with and without party rights, district staff).
 * fast-check draws an input: a copy of a stored record of the type (in or out of the author's
 * territory) with some of its optional fields left out — a person without a residence, a body
 * serving no place — and some references redrawn from every record of their type; an update
 * clears or redraws one field of a stored record. The oracle is the API and the audit trail, not
 * the check under test: after an accepted write the author reads the record back (`node(id:)`);
 * after a refused one the audit trail — which the database writes for every changed row — did not move.
 */
const TODAY = '2026-11-25';
const AUTHORS = ['phuong.phucloi', 'canbo.phucloi', 'quan.longbien'];
const DAYS = ['2025-08-01', '2025-12-01', '2026-06-01'];
const schema = buildSchema();

type Row = Record<string, unknown>;
type Delegate = { findMany(args: object): Promise<Row[]> };

let h: Awaited<ReturnType<typeof graphqlHarness>>;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
}, 120_000);
afterAll(() => h?.close());

const rowsOf = (type: string, take = 40): Promise<Row[]> => {
  const delegate = (h.prisma as unknown as Record<string, Delegate>)[modelFacts(type).delegate];
  if (!delegate) throw new Error(`no delegate for ${type}`);
  return delegate.findMany({ orderBy: { id: 'asc' }, take });
};

const asInput = (v: unknown): unknown => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

/** A value of an input field's type: references from every record of their type, the rest from a few plain values. */
async function drawnValue(
  type: GraphQLInputType,
  extensions: Readonly<Record<string, unknown>> | undefined,
): Promise<fc.Arbitrary<unknown>> {
  const named = getNamedType(type);
  const list = isListType(isNonNullType(type) ? type.ofType : type);
  let one: fc.Arbitrary<unknown>;
  const reference = referenceOf(extensions);
  if (reference) {
    const ids = (await rowsOf(reference.typename, 60)).map((r) => r.id);
    one = ids.length ? fc.constantFrom(...ids) : fc.constant(undefined);
  } else if (isEnumType(named)) one = fc.constantFrom(...named.getValues().map((v) => v.value));
  else if (isInputObjectType(named)) return fc.constant(undefined);
  else
    one =
      {
        Date: fc.constantFrom(...DAYS),
        String: fc.constantFrom('Thử nghiệm', 'Ban công tác số 9'),
        Int: fc.constantFrom(1, 3, 1990),
        Float: fc.constant(1),
        Boolean: fc.boolean(),
      }[named.name] ?? fc.constant(undefined);
  return list ? fc.array(one, { minLength: 1, maxLength: 2 }) : one;
}

/** Creates: a stored record's columns the input names, optional ones maybe left out, references maybe redrawn. */
async function createInputs(input: GraphQLInputObjectType, type: string): Promise<fc.Arbitrary<Row> | null> {
  const fields = Object.entries(input.getFields());
  const copies = (await rowsOf(type)).map((row) =>
    Object.fromEntries(fields.flatMap(([name]) => (row[name] === null || row[name] === undefined ? [] : [[name, asInput(row[name])]]))),
  );
  if (!copies.length) return null;
  const optional = fields.filter(([, f]) => !isNonNullType(f.type)).map(([name]) => name);
  const redraw: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, f] of fields) if (referenceOf(f.extensions)) redraw[name] = await drawnValue(f.type, f.extensions);
  return fc
    .tuple(
      fc.constantFrom(...copies),
      fc.subarray(optional),
      fc.record(Object.fromEntries(Object.entries(redraw).map(([k, a]) => [k, fc.option(a, { nil: undefined })]))),
    )
    .map(([copy, dropped, drawn]) => {
      const out: Row = { ...copy };
      for (const [k, v] of Object.entries(drawn)) if (v !== undefined) out[k] = v;
      for (const k of dropped) delete out[k];
      return out;
    });
}

/** Updates: one field of a stored record cleared (when it may be) or redrawn. */
async function updateInputs(input: GraphQLInputObjectType, type: string): Promise<fc.Arbitrary<Row> | null> {
  const rows = await rowsOf(type);
  const fields = Object.entries(input.getFields()).filter(([name]) => name !== 'id' && name !== 'version');
  if (!rows.length || !fields.length) return null;
  const changes: fc.Arbitrary<Row>[] = [];
  for (const [name, f] of fields) {
    const value = await drawnValue(f.type, f.extensions);
    changes.push(fc.oneof(fc.constant(null), value).map((v) => ({ [name]: v })));
  }
  return fc
    .tuple(fc.constantFrom(...rows), fc.oneof(...changes))
    .map(([row, change]) => ({ id: row.id, version: row.version, ...change }) as Row);
}

const mutation = schema.getMutationType();
const CASES =
  mutation instanceof GraphQLObjectType
    ? Object.values(mutation.getFields()).flatMap((field) => {
        const kind = (['create', 'update'] as const).find((k) => field.name.startsWith(k));
        const type = writtenType(field);
        const input = field.args[0] && getNamedType(field.args[0].type);
        const result = getNamedType(field.type);
        const success = isObjectType(result)
          ? undefined
          : 'getTypes' in result
            ? result.getTypes().find((t) => t.name.endsWith('Success'))
            : undefined;
        return kind && type && input && isInputObjectType(input) && success
          ? [{ field: field.name, kind, type, input, success: success.name }]
          : [];
      })
    : [];

const auditCount = () => h.prisma.auditEntry.count();

describe('no write its author cannot read: every generic create and update, every territorial role', () => {
  it('finds the generic writes (creates and updates of every entity)', () => {
    expect(CASES.filter((c) => c.kind === 'create').length).toBeGreaterThan(10);
    expect(CASES.filter((c) => c.kind === 'update').length).toBeGreaterThan(10);
  });

  it('a ward officer creating a person without a residence is told what is missing, and nothing is written', async () => {
    const viewer = await viewerOf(h.prisma, 'canbo.phucloi');
    const before = await auditCount();
    const { data, errors } = await h.exec<{
      createPerson: { __typename: string; violations?: Array<{ code: string; message: { vi: string; en: string } }> };
    }>(
      `mutation { createPerson(input: { fullName: "Đỗ Thị Hoa", sex: FEMALE, birthYear: 1991 }) {
        __typename ... on ValidationError { violations { code message { vi en } } } } }`,
      {},
      { viewer, today: TODAY },
    );
    expect(errors).toEqual([]);
    expect(data?.createPerson.__typename).toBe('ValidationError');
    expect(data?.createPerson.violations?.map((v) => v.code)).toEqual(['WRITE_OUTSIDE_OWN_READ']);
    expect(data?.createPerson.violations?.[0]?.message.vi).toMatch(/^Người bạn ghi phải nằm trong địa bàn của bạn \(nơi thường trú/);
    expect(await auditCount()).toBe(before);
  });

  it.each(CASES.map((c) => [c.field, c] as const))(
    '%s: accepted → its author reads it back; refused → nothing changed',
    async (_name, c) => {
      const inputs = c.kind === 'create' ? await createInputs(c.input, c.type) : await updateInputs(c.input, c.type);
      if (!inputs) return;
      const document = `mutation W($input: ${c.input.name}!) { ${c.field}(input: $input) { __typename ... on ${c.success} { data { id } } } }`;
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...AUTHORS), inputs, async (author, input) => {
          const viewer = await viewerOf(h.prisma, author);
          const before = await auditCount();
          const { data, errors } = await h.exec<Record<string, { __typename: string; data?: { id: string } | null } | null>>(
            document,
            { input },
            { viewer, today: TODAY },
          );
          const answer = data?.[c.field];
          if (answer?.__typename === c.success && errors.length === 0 && answer.data) {
            accepted += 1;
            const read = await h.exec<{ node: { id: string } | null }>(
              'query R($id: ID!) { node(id: $id) { id } }',
              { id: answer.data.id },
              { viewer, today: TODAY },
            );
            expect(read.errors, `${author} reads back what ${c.field} wrote`).toEqual([]);
            expect(read.data?.node?.id).toBe(answer.data.id);
          } else {
            // Refused (a typed error, or an error of the answer): the audit trail, which every changed row writes to, is as it was.
            expect(
              await auditCount(),
              `${author}: ${c.field} refused (${errors.map((e) => e.code).join(', ') || answer?.__typename}) yet wrote`,
            ).toBe(before);
          }
        }),
        { numRuns: 12 },
      );
      // Not an assertion on the count (some inputs are refused by every rule): shown so a run that proves little is seen.
      if (accepted === 0) console.info(`${c.field}: no accepted write drawn`);
    },
    180_000,
  );
});
