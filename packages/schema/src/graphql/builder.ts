import { isIsoDate, MAX_DATE, MIN_DATE } from '@coso/domain';
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin, { encodeGlobalID } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, type GraphQLResolveInfo, isObjectType } from 'graphql';
import { forbidden, unauthenticated } from '../auth/access.js';
import { canWrite, isAdmin } from '../auth/viewer.js';
import type PrismaTypes from '../generated/pothos-types.js';
import { getDatamodel } from '../generated/pothos-types.js';
import AsOfScopePlugin from './as-of-scope-plugin.js';
import { bilingualError } from './bilingual-error.js';
import PreResolvedPlugin from './compiled-read/pre-resolved-plugin.js';
import type { Context } from './context.js';
import { badId, decodeRecordId } from './ids.js';
import InputBoundsPlugin from './input-bounds.js';
import ListCursorPlugin from './list-cursors.js';
import PageSizePlugin, { MAX_PAGE_SIZE } from './page-size-plugin.js';
import PartyFilterPlugin from './party-filter-plugin.js';
import RoleGatedPlugin from './role-gated-plugin.js';
import WriteAccessPlugin from './write-access-plugin.js';

export { MAX_PAGE_SIZE };
export const DEFAULT_PAGE_SIZE = 50;

/**
 * The one Pothos builder every GraphQL area registers its types on. Plugin order is deliberate (the
 * first wraps outermost): scope-auth decides who may ask at all, then the input bounds (input-bounds.ts)
 * refuse hostile arguments anywhere in the operation, then every record a mutation's input
 * names is checked against the writer's territory, then page sizes; errors wraps resolvers before
 * prisma plans queries; relay provides Node and connections.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    signedIn: boolean;
    admin: boolean;
    writer: boolean;
    partyData: boolean;
    readable: { type: string; id: string; row?: object };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    Date: { Input: string; Output: string | Date };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string };
  };
}>({
  // scope-auth first: access is decided before anything else runs (issue #4); then the operation's
  // every argument is checked against the input bounds (issue #12); then every record a mutation's
  // input names is checked against the writer's territory, before any resolver; a read naming a
  // party body, kind or status is refused to viewers without party rights.
  plugins: [
    // Outermost: a root field one generated statement answers, and the fields of the objects it
    // built, skip every wrapper below (the statement carried their checks; compiled-read/).
    PreResolvedPlugin,
    ScopeAuthPlugin,
    // A field some role may not see is nullable: refused, it is null at its own path (issue #17).
    RoleGatedPlugin,
    InputBoundsPlugin,
    WriteAccessPlugin,
    PartyFilterPlugin,
    PageSizePlugin,
    // Every connection's cursors are bound to their list (field, arguments, parent record).
    ListCursorPlugin,
    ErrorsPlugin,
    // Innermost before prisma: each field's as-of is recorded right before its query is planned.
    AsOfScopePlugin,
    PrismaPlugin,
    RelayPlugin,
  ],
  scopeAuth: {
    // Object types are checked once per object (node, nested relation, list item) via isTypeOf.
    runScopesOnType: true,
    authScopes: (ctx) => ({
      signedIn: ctx.access.signedIn,
      admin: isAdmin(ctx.viewer),
      writer: canWrite(ctx.viewer),
      partyData: ctx.access.seesParty,
      readable: (ref: { type: string; id: string; row?: object }) => ctx.access.canRead(ref.type, ref.id, ref.row),
    }),
    unauthorizedError: (_parent, ctx) => (ctx.access.signedIn ? forbidden() : unauthenticated(ctx.viewer)),
  },
  defaultFieldNullability: false,
  prisma: {
    // The plugin folds each field's nested selection into its parent's query; with Prisma's
    // `relationJoins` (schema.prisma's generator) the whole tree loads as one statement of lateral
    // JSON joins — measured to win on the nested read (tests/bench/README.md). It is the path of
    // every selection the compiled read (compiled-read/) does not cover; one path per selection.
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    // A resolver that forgets to spread the planned query would silently cause N+1 reads.
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'error',
  },
  relay: {
    // Every id a client sends decodes in ids.ts: a bad one is BAD_USER_INPUT (vi / en), not the plugin's message.
    decodeGlobalID: (globalID) => decodeRecordId(globalID),
    // A record that does not exist is null, as Relay expects (every node type is made with `recordNode`);
    // an id of a type that is no node is refused like an id that does not decode.
    nodeQueryOptions: {
      description:
        'Một bản ghi theo mã / Any record by its global id: null when no such record exists; FORBIDDEN when it is not yours to read; BAD_USER_INPUT when the id does not decode.',
      resolve: (_root, args, _ctx, info, resolveNode) => resolveNode(nodeRef(args.id, info)),
    },
    nodesQueryOptions: {
      description:
        'Nhiều bản ghi theo mã / Records by global id, in order: null in the place of one that does not exist or is not yours to read (FORBIDDEN); BAD_USER_INPUT when an id does not decode.',
      resolve: (_root, args, _ctx, info, resolveNodes) => resolveNodes(args.ids.map((id) => nodeRef(id, info))),
    },
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
  errors: {
    defaultTypes: [],
  },
});

/**
 * How every area module registers a record type: a Prisma-backed Relay node that loads with
 * `findUnique`, so `node(id:)` / `nodes(ids:)` of a record that does not exist answer null (the
 * plugin's default throws). Pothos has no builder-wide default for this, hence the one wrapper.
 */
export const recordNode: typeof builder.prismaNode = (type, options) =>
  builder.prismaNode(type, { ...options, nullable: true } as typeof options);

/** A decoded global id whose type `node(id:)` can answer with; any other type is BAD_USER_INPUT. */
function nodeRef(ref: { typename: string; id: string }, info: GraphQLResolveInfo): { typename: string; id: string } {
  const type = info.schema.getType(ref.typename);
  if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) throw badId(encodeGlobalID(ref.typename, ref.id));
  return ref;
}

builder.scalarType('Date', {
  description: `A calendar date, ISO 8601 \`YYYY-MM-DD\`, no time zone (e.g. 2025-07-01), from ${MIN_DATE} to ${MAX_DATE}.`,
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && isIsoDate(value)) return value;
    throw new GraphQLError(`Not a date: ${String(value)}`);
  },
  parseValue: (value: unknown): string => {
    if (isIsoDate(value)) return value;
    throw bilingualError('BAD_USER_INPUT', {
      vi: `Ngày "${shownValue(value)}" không hợp lệ; dùng dạng YYYY-MM-DD, từ ${MIN_DATE} đến ${MAX_DATE}.`,
      en: `Date "${shownValue(value)}" is not valid; use YYYY-MM-DD, from ${MIN_DATE} to ${MAX_DATE}.`,
    });
  },
});

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601 with time zone (e.g. 2025-07-01T08:30:00.000Z).',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    const d = new Date(String(value));
    const day = Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
    if (day < MIN_DATE || day > MAX_DATE) {
      throw bilingualError('BAD_USER_INPUT', {
        vi: `Thời điểm "${shownValue(value)}" không hợp lệ; dùng dạng ISO 8601, từ ${MIN_DATE} đến ${MAX_DATE}.`,
        en: `Date-time "${shownValue(value)}" is not valid; use ISO 8601, from ${MIN_DATE} to ${MAX_DATE}.`,
      });
    }
    return d;
  },
});

/** A refused value as a message quotes it: at most 40 characters (input is not echoed unbounded). */
function shownValue(value: unknown): string {
  const chars = [...String(value).slice(0, 82)];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : chars.join('');
}

builder.queryType({
  description:
    'Đọc dữ liệu / Reads (signed in). Every hierarchy and membership field takes `asOf` (default: today, or the root field’s asOf).',
  authScopes: { signedIn: true },
});
builder.mutationType({
  description: 'Ghi dữ liệu / Writes (district and ward staff within their territory, admins). Nothing is deleted: records are ended.',
  authScopes: { writer: true },
});

/**
 * Granted by public documents (a directive, a review conference) to what they name: the issuing or
 * organising body and the place covered are readable there even outside the viewer's territory.
 */
export const NAMED_ON_PUBLIC_RECORD = 'namedOnPublicRecord';

/**
 * Type-level access for a located record: territory, party data (see auth/access.ts), or named on a
 * public document. The row itself goes along: one its query already filtered by territory is not
 * checked again (auth/read-marks.ts).
 */
export function readableAs(type: string) {
  return (parent: { id: string }) => ({ $granted: NAMED_ON_PUBLIC_RECORD, readable: { type, id: parent.id, row: parent } });
}
