import { isUuid } from '@coso/domain';
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import {
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLResolveInfo,
  getArgumentValues,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { getDatamodel } from '../generated/pothos-types.js';
import { asOfOfNode, asOfScope, inheritedAt, inheritedOr } from './as-of.js';
import { bilingualError } from './bilingual-error.js';
import type { Context } from './context.js';
import { bindingOf, checkListCursor, listTag, notACursor } from './list-cursors.js';

/**
 * What a client may send, checked once at the edge for the whole operation before any root field
 * resolves (so a nested list's cursor is refused before its parent plans the query): every String
 * and ID argument and input field, every list, every connection cursor. What passes can reach
 * PostgreSQL without a database error; what does not is BAD_USER_INPUT in Vietnamese and English,
 * naming the argument. Dates are bounded by the `Date` scalar (the domain's `isIsoDate`), names and
 * free text more tightly by the domain's input schemas. See API.md, "Bounds".
 */

/** Any one String or ID value, in characters (code points). Names and free text have tighter domain bounds. */
export const MAX_TEXT_LENGTH = 10_000;
/** Entries of any one list argument or input field (`in` filters, `nodes(ids:)`, a board's members). */
export const MAX_LIST_LENGTH = 1_000;

// Control characters (C0, DEL, C1) but tab, newline and carriage return: PostgreSQL refuses NUL
// in text, and the rest is never typed, only smuggled.
const CONTROL = /(?![\t\n\r])\p{Cc}/u;
// With the u flag a lone surrogate is a code point of category Cs; a proper pair is not.
const LONE_SURROGATE = /\p{Cs}/u;

// A Prisma list's cursor is its node's id: `S:` a UUID, or `I:` a bigint (the audit trail's serial ids).
const PRISMA_CURSOR = /^GPC:([SI]):(.*)$/s;
const BIGINT_ID = /^\d{1,18}$/;
const OFFSET_CURSOR = /^OffsetConnection:(\d{1,9})$/;

type Where = { field: string; argument: string };

function refuse(where: Where, message: { vi: string; en: string }) {
  return bilingualError('BAD_USER_INPUT', message, { field: where.field, argument: where.argument });
}

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A String or ID value as the edge accepts it. */
export function checkText(value: string, where: Where): void {
  const control = CONTROL.exec(value);
  if (control) {
    throw refuse(where, {
      vi: `"${where.argument}" chứa ký tự điều khiển ${codePoint(control[0])}, không được phép.`,
      en: `"${where.argument}" contains the control character ${codePoint(control[0])}, which is not allowed.`,
    });
  }
  if (LONE_SURROGATE.test(value)) {
    throw refuse(where, {
      vi: `"${where.argument}" không phải văn bản Unicode hợp lệ (có nửa cặp thay thế UTF-16).`,
      en: `"${where.argument}" is not valid Unicode text (it holds half a UTF-16 surrogate pair).`,
    });
  }
  if (value.length > MAX_TEXT_LENGTH) {
    const length = [...value].length;
    if (length > MAX_TEXT_LENGTH) {
      throw refuse(where, {
        vi: `"${where.argument}" dài ${length} ký tự, tối đa ${MAX_TEXT_LENGTH}.`,
        en: `"${where.argument}" is ${length} characters long, at most ${MAX_TEXT_LENGTH}.`,
      });
    }
  }
}

/** Checks one argument's value against its input type: text, list lengths, nested input objects. */
function checkValue(type: GraphQLInputType, value: unknown, where: Where): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) {
    checkValue(type.ofType, value, where);
    return;
  }
  if (isListType(type)) {
    const list = Array.isArray(value) ? value : [value];
    if (list.length > MAX_LIST_LENGTH) {
      throw refuse(where, {
        vi: `"${where.argument}" có ${list.length} mục, tối đa ${MAX_LIST_LENGTH}.`,
        en: `"${where.argument}" has ${list.length} entries, at most ${MAX_LIST_LENGTH}.`,
      });
    }
    for (const [i, item] of list.entries()) checkValue(type.ofType, item, { ...where, argument: `${where.argument}.${i}` });
    return;
  }
  if (isInputObjectType(type)) {
    const record = value as Record<string, unknown>;
    for (const f of Object.values(type.getFields()))
      checkValue(f.type, record[f.name], { ...where, argument: `${where.argument}.${f.name}` });
    return;
  }
  if (typeof value === 'string') checkText(value, where);
}

/** The record type a connection lists, when it is a Prisma model (its cursors are `GPC:S:<uuid>`). */
function connectionModel(field: GraphQLField<unknown, unknown>): { model: string | undefined } | null {
  const connection = getNamedType(field.type);
  if (!isObjectType(connection) || !connection.name.endsWith('Connection')) return null;
  const edges = connection.getFields().edges;
  const edge = edges ? getNamedType(edges.type) : undefined;
  const node = edge && isObjectType(edge) ? edge.getFields().node : undefined;
  const nodeType = node ? getNamedType(node.type) : undefined;
  const model = nodeType ? (nodeType.extensions as { pothosPrismaModel?: string }).pothosPrismaModel : undefined;
  return { model };
}

/**
 * A cursor must be one this list hands out: bound to this field with these arguments
 * (list-cursors.ts; the parent record is checked when the field resolves). Inside, a Prisma list's
 * cursor is an id of the type its table's ids have (a UUID, or a bigint for the audit trail's
 * serial ids), so PostgreSQL never sees a malformed one; a computed list's is an offset. Whether
 * the id is a row of that list is the binding's to say (a list of links, such as a unit's
 * children, pages by the link's id, not the node's).
 */
function checkCursor(
  cursor: string,
  model: string | undefined,
  where: Where,
  asOf: string,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
) {
  const notOurs = () => notACursor(where);
  const binding = bindingOf(field);
  if (!binding) throw new Error(`${where.field} pages without a list cursor binding (list-cursors.ts)`);
  const decoded = Buffer.from(checkListCursor(cursor, { list: listTag(binding, args, asOf) }, where), 'base64').toString('utf8');
  if (model === undefined) {
    if (!OFFSET_CURSOR.test(decoded)) throw notOurs();
    return;
  }
  const [, tag, payload = ''] = PRISMA_CURSOR.exec(decoded) ?? [];
  const idType = idTypeOf(model);
  if (tag === 'S' && idType === 'String' && isUuid(payload)) return;
  if (tag === 'I' && idType === 'BigInt' && BIGINT_ID.test(payload)) return;
  throw notOurs();
}

const idTypes = new Map<string, string | undefined>();

/** The Prisma type of a model's `id` (String for UUIDs, BigInt for serial log rows). */
function idTypeOf(model: string): string | undefined {
  if (!idTypes.has(model)) idTypes.set(model, getDatamodel().datamodel.models[model]?.fields.find((f) => f.name === 'id')?.type);
  return idTypes.get(model);
}

/** Every field the operation asks below (and including) one root field, with its coerced arguments. */
function* askedFields(
  info: GraphQLResolveInfo,
  ctx: Context,
  parentType: GraphQLCompositeType,
  nodes: readonly FieldNode[],
): Generator<{ parent: GraphQLCompositeType; field: GraphQLField<unknown, unknown>; node: FieldNode; inherited: string | undefined }> {
  const fieldsOf = (type: GraphQLCompositeType) => ('getFields' in type ? type.getFields() : {});
  // The as-of a field inherits from the fields above it (as `resolveAsOf` answers it when the field resolves).
  function* selections(
    type: GraphQLCompositeType,
    set: SelectionSetNode | undefined,
    seen: Set<string>,
    inherited: string | undefined,
  ): ReturnType<typeof askedFields> {
    if (!set) return;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const field = (fieldsOf(type) as Record<string, GraphQLField<unknown, unknown>>)[s.name.value];
        if (!field) continue; // __typename and introspection
        yield { parent: type, field, node: s, inherited };
        const held = asOfOfNode(s, info.variableValues) ?? inherited;
        yield* selections(getNamedType(field.type) as GraphQLCompositeType, s.selectionSet, seen, held);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const t = s.typeCondition ? (info.schema.getType(s.typeCondition.name.value) as GraphQLCompositeType) : type;
        yield* selections(t, s.selectionSet, seen, inherited);
      } else {
        const fragment = info.fragments[s.name.value];
        if (!fragment || seen.has(s.name.value)) continue;
        const t = info.schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType;
        yield* selections(t, fragment.selectionSet, new Set([...seen, s.name.value]), inherited);
      }
    }
  }
  yield* selections(parentType, { kind: Kind.SELECTION_SET, selections: nodes }, new Set(), inheritedAt(asOfScope(ctx), info.path.prev));
}

/** Checks every argument of one root field and of everything asked below it. */
export async function checkOperationInputs(info: GraphQLResolveInfo, ctx: Context): Promise<void> {
  for (const { parent, field, node, inherited } of askedFields(info, ctx, info.parentType, info.fieldNodes)) {
    if (field.args.length === 0) continue;
    const values = getArgumentValues(field, node, info.variableValues);
    const fieldName = `${parent.name}.${field.name}`;
    for (const arg of field.args) checkValue(arg.type, values[arg.name], { field: fieldName, argument: arg.name });
    const cursors = connectionModel(field);
    if (!cursors) continue;
    for (const name of ['after', 'before']) {
      const cursor = values[name];
      if (typeof cursor === 'string')
        checkCursor(
          cursor,
          cursors.model,
          { field: fieldName, argument: name },
          inheritedOr(ctx, (values.asOf as string | undefined) ?? inherited),
          field,
          values,
        );
    }
  }
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

export class InputBoundsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (!ROOT_TYPES.has(fieldConfig.parentType)) return resolver;
    return async (parent, args, ctx, info) => {
      await checkOperationInputs(info, ctx as Context);
      return resolver(parent, args, ctx, info);
    };
  }
}

const pluginName = 'inputBounds';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      inputBounds: InputBoundsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(pluginName, InputBoundsPlugin);

export default pluginName;
