import type { ArgBuilder, SchemaTypes } from '@pothos/core';
import { type FieldNode, type GraphQLResolveInfo, Kind } from 'graphql';
import type { builder } from './builder.js';
import type { Context } from './context.js';

/**
 * Where a field sits in the query as the Prisma planner sees it (the selection mapper's `Position`):
 * its node in the document and the field it is selected beneath, up to the field being resolved.
 */
export interface PlannedPosition {
  readonly parent: PlannedPosition | undefined;
  readonly node: FieldNode;
}

type ResponsePath = GraphQLResolveInfo['path'];

/**
 * The as-of dates of one request, by where they apply: a date given on a field holds for everything
 * below it unless a field below gives its own (issue #17). Filled by `AsOfScopePlugin` as fields
 * resolve (parents before children) and as the Prisma planner runs select functions.
 */
interface AsOfScope {
  /** The effective as-of of each resolved field (its own, else inherited; undefined: none given above). */
  readonly byPath: WeakMap<ResponsePath, string | undefined>;
  /** The same, by the field's node, for the field a Prisma plan starts from (the plan knows the node, not the path). */
  readonly byNode: WeakMap<FieldNode, string | undefined>;
  variables: Readonly<Record<string, unknown>>;
  /** The select function the planner runs right now (select functions run synchronously, nested ones inside). */
  planning: PlannedPosition | undefined;
  /** The field whose resolver runs right now (its synchronous part): for query callbacks called without a position. */
  resolving: GraphQLResolveInfo | undefined;
}

const scopes = new WeakMap<object, AsOfScope>();

export function asOfScope(ctx: object): AsOfScope {
  let scope = scopes.get(ctx);
  if (!scope) {
    scope = { byPath: new WeakMap(), byNode: new WeakMap(), variables: {}, planning: undefined, resolving: undefined };
    scopes.set(ctx, scope);
  }
  return scope;
}

/** The nearest as-of given at or above a response path (list indices skipped). */
export function inheritedAt(scope: AsOfScope, path: ResponsePath | undefined): string | undefined {
  for (let p = path; p; p = p.prev) if (scope.byPath.has(p)) return scope.byPath.get(p);
  return undefined;
}

/** A field node's own `asOf` argument: a literal, or a variable's value. */
export function asOfOfNode(node: FieldNode, variables: Readonly<Record<string, unknown>>): string | undefined {
  const arg = node.arguments?.find((a) => a.name.value === 'asOf');
  if (!arg) return undefined;
  if (arg.value.kind === Kind.STRING) return arg.value.value;
  if (arg.value.kind === Kind.VARIABLE) {
    const value = variables[arg.value.name.value];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** The as-of inherited by a planned field: the nearest field above it in the plan giving one, else what its plan's root field holds. */
function inheritedInPlan(scope: AsOfScope, position: PlannedPosition): string | undefined {
  for (let p: PlannedPosition | undefined = position; p; p = p.parent) {
    // The plan's root is the field being resolved: what it holds was recorded as it started.
    if (!p.parent) return scope.byNode.has(p.node) ? scope.byNode.get(p.node) : asOfOfNode(p.node, scope.variables);
    const own = p === position ? undefined : asOfOfNode(p.node, scope.variables);
    if (own) return own;
  }
  return undefined;
}

/**
 * The date a field answers as of, the one function every dated field resolves it with: its own
 * argument, else the nearest field above it that gives one, else the operation's (every root field
 * agreeing), else today. Resolvers pass their `info`; select and query functions the Prisma planner
 * runs need not (the scope knows which one runs).
 */
export function resolveAsOf(asOf: string | null | undefined, ctx: Context, info?: GraphQLResolveInfo): string {
  if (asOf) return asOf;
  const scope = scopes.get(ctx);
  let inherited: string | undefined;
  if (scope) {
    if (info) inherited = inheritedAt(scope, info.path.prev);
    else if (scope.planning) inherited = inheritedInPlan(scope, scope.planning);
    else if (scope.resolving) inherited = inheritedAt(scope, scope.resolving.path.prev);
  }
  return inheritedOr(ctx, inherited);
}

/** An inherited as-of, else the operation's, else today. */
export function inheritedOr(ctx: Context, inherited: string | undefined): string {
  return inherited ?? ctx.defaultAsOf ?? ctx.today;
}

export const AS_OF_DESCRIPTION =
  'Ngày xem dữ liệu / The date to answer as of (validFrom ≤ asOf < validTo). Default: the asOf of the nearest field above that gives one, else the one date all root fields give, else today (Hanoi time).';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T extends SchemaTypes> ? T : never;

/** The optional `asOf: Date` argument every dated field takes (pass the field builder's `t.arg`). */
export function asOfArg(arg: ArgBuilder<Types>) {
  return arg({ type: 'Date', required: false, description: AS_OF_DESCRIPTION });
}
