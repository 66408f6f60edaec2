import { createHash } from 'node:crypto';
import SchemaBuilder, { BasePlugin, completeValue, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import {
  type FieldNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  getArgumentValues,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { resolveAsOf } from './as-of.js';
import { bilingualError } from './bilingual-error.js';
import type { Context } from './context.js';

/**
 * Every connection's cursor says which list it came from (issue #12: a cursor of
 * `people(filter: A)` passed to `people(filter: B)`, of body A's members passed to body B's, or of
 * `units` at another `asOf`, silently gave an empty or wrong page). The cursor a list hands out is
 * `base64("L1:" list "." parent ":" inner)`: `inner` is the cursor the Prisma plugin or
 * `resolveArrayConnection` made, `list` a short hash of the field's coordinate and every argument
 * but the paging ones (filter, order, the as-of date it answers as of, given or inherited), and
 * `parent` one of the record the list hangs off (its type and id; for an object without an id, the
 * path from the root field with every argument and list position; nothing on a root field).
 *
 * One plugin for every field with `first`/`last`/`after`/`before` (Prisma-backed and computed
 * alike), because the Prisma plugin has no hook for its cursor format and plans nested lists from
 * the document, not from the resolver's arguments:
 * - an argument mapper (Pothos core's `argMappers`, which the Prisma plugin's planner also applies)
 *   hands the plugins the inner cursor;
 * - `wrapArgMappers` (outside the mappers, with the parent) refuses a cursor bound to another list
 *   or parent before the field resolves, and binds the cursors of the page it returns.
 * The edge check (input-bounds.ts) refuses a cursor of another list anywhere in the operation
 * before anything runs, with `checkListCursor`; the parent is known only when the field resolves.
 *
 * The hash is not a secret (the binding catches mistakes, not forgery: a forged cursor is still
 * checked like any other by input-bounds.ts), so every gateway reads every other's cursors.
 */

export const LIST_CURSOR_EXTENSION = 'listCursor';

/** What a connection field binds its cursors to, on the field's extensions (read by input-bounds.ts). */
export interface ListCursorBinding {
  /** `Type.field` of the declaring type: the same whether the field is selected on an interface or an object. */
  coordinate: string;
  /** Whether the list answers as of a date (its `asOf`, else the operation's, else today). */
  datedList: boolean;
}

const PAGING = new Set(['first', 'last', 'after', 'before']);
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
const CURSOR = /^L1:([\w-]{11})\.([\w-]{11}):(.+)$/s;

type Where = { field: string; argument: string };

/** 66 bits of SHA-256, base64url: enough to tell lists apart, short enough to keep cursors small. */
function tag(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('base64url').slice(0, 11);
}

/** JSON with sorted keys (GraphQL builds input objects in the document's order), bigints and dates as text. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash of one list: its field and every argument but the paging ones, with the date it answers as of. */
export function listTag(binding: ListCursorBinding, args: Readonly<Record<string, unknown>>, asOf: string): string {
  const bound: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) if (!PAGING.has(name) && value !== null && value !== undefined) bound[name] = value;
  if (binding.datedList) bound.asOf = asOf;
  return tag([binding.coordinate, bound]);
}

/** The tag of a record a nested list hangs off, by its type and id. */
export function recordTag(type: string, id: string): string {
  return tag([type, id]);
}

/** The hash of the record a nested list hangs off ('' on a root field). */
export function parentTag(parent: unknown, info: GraphQLResolveInfo): string {
  if (ROOT_TYPES.has(info.parentType.name)) return tag('');
  const id = (parent as { id?: unknown } | null)?.id;
  if (typeof id === 'string' || typeof id === 'number' || typeof id === 'bigint') return recordTag(info.parentType.name, String(id));
  return tag(['path', pathFromRoot(info)]);
}

/**
 * Where an object without an id stands in the operation (a report's figure, a ward's share of it):
 * every field from the root to it, by name (not alias), with its arguments, and every list position.
 */
function pathFromRoot(info: GraphQLResolveInfo): unknown[] {
  const segments: Array<{ key: string | number; typename: string | undefined }> = [];
  for (let p = info.path.prev; p; p = p.prev) segments.unshift({ key: p.key, typename: p.typename });
  const steps: unknown[] = [];
  let sets: SelectionSetNode[] = [info.operation.selectionSet];
  for (const { key, typename } of segments) {
    if (typeof key === 'number') {
      steps.push(key);
      continue;
    }
    const nodes = fieldNodes(sets, key, info);
    const node = nodes[0];
    const type = typename ? info.schema.getType(typename) : undefined;
    const field = node && isObjectType(type) ? type.getFields()[node.name.value] : undefined;
    if (!node || !field) throw new Error(`list-cursors: no field ${key} on ${typename ?? '?'} in the operation`);
    steps.push([field.name, getArgumentValues(field, node, info.variableValues)]);
    sets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  }
  return steps;
}

/** The field nodes answering one response key in some selection sets, through fragments (they merge by key). */
function fieldNodes(sets: readonly SelectionSetNode[], key: string, info: GraphQLResolveInfo): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (set: SelectionSetNode, seen: ReadonlySet<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if ((s.alias ?? s.name).value === key) found.push(s);
      } else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet, seen);
      else if (!seen.has(s.name.value)) {
        const fragment = info.fragments[s.name.value];
        if (fragment) visit(fragment.selectionSet, new Set([...seen, s.name.value]));
      }
    }
  };
  for (const set of sets) visit(set, new Set());
  return found;
}

function encode(list: string, parent: string, inner: string): string {
  return Buffer.from(`L1:${list}.${parent}:${inner}`, 'utf8').toString('base64');
}

/** A list's cursor taken apart; undefined when it is none of ours. */
function decode(cursor: string): { list: string; parent: string; inner: string } | undefined {
  const [, list, parent, inner] = CURSOR.exec(Buffer.from(cursor, 'base64').toString('utf8')) ?? [];
  return list && parent && inner ? { list, parent, inner } : undefined;
}

/** A cursor that is not one any list hands out (does not decode). */
export function notACursor(where: Where) {
  return bilingualError(
    'BAD_USER_INPUT',
    {
      vi: `"${where.argument}" không phải con trỏ phân trang của danh sách ${where.field}; dùng startCursor/endCursor mà chính danh sách này trả về.`,
      en: `"${where.argument}" is not a cursor of the list ${where.field}; use a startCursor/endCursor this list returned.`,
    },
    { field: where.field, argument: where.argument },
  );
}

/** A cursor another list handed out. */
function anotherList(where: Where) {
  return bilingualError(
    'BAD_USER_INPUT',
    {
      vi: `Con trỏ trang "${where.argument}" không thuộc danh sách này (${where.field}): nó thuộc một danh sách khác (trường, bộ lọc, thứ tự, ngày xem asOf hoặc bản ghi cha khác). Hãy dùng startCursor/endCursor mà chính danh sách này trả về, với cùng các tham số.`,
      en: `This cursor ("${where.argument}") belongs to another list than ${where.field} (another field, filter, order, as-of date or parent record). Use a startCursor/endCursor this list returned, with the same arguments.`,
    },
    { field: where.field, argument: where.argument },
  );
}

/**
 * The inner cursor of one this list handed out, or the refusal: one that does not decode, or is
 * bound to another list (or, when `parent` is given, to the same list of another record).
 */
export function checkListCursor(cursor: string, expected: { list: string; parent?: string }, where: Where): string {
  const decoded = decode(cursor);
  if (!decoded) throw notACursor(where);
  if (decoded.list !== expected.list || (expected.parent !== undefined && decoded.parent !== expected.parent)) throw anotherList(where);
  return decoded.inner;
}

/** The binding a schema field declares (every connection field has one). */
export function bindingOf(field: { extensions?: Readonly<Record<string, unknown>> | null }): ListCursorBinding | undefined {
  return field.extensions?.[LIST_CURSOR_EXTENSION] as ListCursorBinding | undefined;
}

type Page = { edges?: Array<{ cursor?: unknown } | null>; pageInfo?: { startCursor?: unknown; endCursor?: unknown } };

/** Binds every cursor of a page the field returned to its list and parent (the page objects are the resolver's own). */
function bindPage(value: unknown, list: string, parent: string): unknown {
  if (!value || typeof value !== 'object') return value;
  const page = value as Page;
  const bind = (cursor: unknown) => (typeof cursor === 'string' ? encode(list, parent, cursor) : cursor);
  for (const edge of page.edges ?? []) if (edge) edge.cursor = bind(edge.cursor);
  if (page.pageInfo) {
    page.pageInfo.startCursor = bind(page.pageInfo.startCursor);
    page.pageInfo.endCursor = bind(page.pageInfo.endCursor);
  }
  return value;
}

function isConnectionField(args: Readonly<Record<string, unknown>>): boolean {
  return ['first', 'last', 'after', 'before'].every((name) => name in args);
}

export class ListCursorPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (!isConnectionField(fieldConfig.args)) return fieldConfig;
    const binding: ListCursorBinding = {
      coordinate: `${fieldConfig.declaringType ?? fieldConfig.parentType}.${fieldConfig.name}`,
      datedList: 'asOf' in fieldConfig.args,
    };
    // What the Prisma plugin and the resolvers read is the inner cursor, at resolve and at plan time
    // alike; the binding was checked before (here for the field, input-bounds.ts for the operation).
    const inner = (args: Record<string, unknown>) => {
      const mapped = { ...args };
      for (const name of ['after', 'before'] as const) {
        const cursor = args[name];
        if (typeof cursor !== 'string') continue;
        const decoded = decode(cursor);
        if (!decoded) throw notACursor({ field: binding.coordinate, argument: name });
        mapped[name] = decoded.inner;
      }
      return mapped;
    };
    return {
      ...fieldConfig,
      argMappers: [...fieldConfig.argMappers, inner],
      extensions: { ...fieldConfig.extensions, [LIST_CURSOR_EXTENSION]: binding },
    };
  }

  override wrapArgMappers(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const binding = bindingOf(fieldConfig);
    if (!binding) return resolver;
    return (parent, args, ctx, info) => {
      const list = listTag(
        binding,
        args as Record<string, unknown>,
        resolveAsOf((args as { asOf?: string | null }).asOf, ctx as Context, info),
      );
      const under = parentTag(parent, info);
      for (const name of ['after', 'before'] as const) {
        const cursor = (args as Record<string, unknown>)[name];
        if (typeof cursor === 'string')
          checkListCursor(cursor, { list, parent: under }, { field: `${info.parentType.name}.${info.fieldName}`, argument: name });
      }
      return completeValue(resolver(parent, args, ctx, info), (page) => bindPage(page, list, under));
    };
  }
}

const pluginName = 'listCursor';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      listCursor: ListCursorPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(pluginName, ListCursorPlugin);

export default pluginName;
