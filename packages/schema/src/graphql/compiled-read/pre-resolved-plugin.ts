import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type PothosTypeConfig, type SchemaTypes } from '@pothos/core';
import type { FieldNode, GraphQLFieldResolver, GraphQLIsTypeOfFn, GraphQLResolveInfo } from 'graphql';
import { preparedRead } from '../../database/prepared-read.js';
import type { Context } from '../context.js';
import { addNotes, notedBy } from '../hidden-records.js';
import { checkOperationInputs } from '../input-bounds.js';
import { cachedCompile, compileKey, keepCompile } from './compile-cache.js';
import { CompiledFallback, checkFallback, finishPersonal } from './finish-answer.js';
import { COMPILED_ROOTS, type CompiledRead } from './roots.js';
import { NotCompiled, useDataModelOf } from './where-sql.js';

/** The key marking an object the compiled statement built (no GraphQL name can be it). */
export const PRE_RESOLVED = '$';

/** `COSO_COMPILED_READS=off`: the gateway answers by the resolvers only (the bench's before/after, `--variant`). */
export const COMPILED_READS_OFF = process.env.COSO_COMPILED_READS === 'off';

/**
 * Resolve infos of a compiled operation's planning (compiled-operation.ts): the root field's
 * resolver — its argument mappers, then the wrapper below — returns the statement it would run
 * (unmarked), or `NOT_COMPILED`, and runs nothing.
 */
export const PLANNING = new WeakSet<GraphQLResolveInfo>();
export const NOT_COMPILED = Symbol('not compiled');

/** A compiled operation's statement that failed, by request and root field: graphql-js reports it where the field is (compiled-operation.ts). */
export const FAILED = new WeakMap<object, Map<FieldNode, unknown>>();

/**
 * Runs a compiled statement: its one row's JSON (`asText`: as the text PostgreSQL sent, not
 * parsed — unless the answer has personal details to finish, which are masked or logged on the
 * parsed value and written back as text; a record the viewer may not read is found in the text).
 */
async function runCompiled(ctx: Context, compiled: CompiledRead, asText = false): Promise<unknown> {
  return finishCompiled(ctx, compiled, await fetchCompiled(ctx, compiled, asText), asText);
}

/**
 * A compiled statement's answer, not finished: nothing masked or logged yet. Throws
 * `CompiledFallback` when the resolvers must answer it, so an operation of several root fields
 * logs nothing until every one of them stands (compiled-operation.ts).
 */
export async function fetchCompiled(ctx: Context, compiled: CompiledRead, asText = false): Promise<unknown> {
  const rows = await preparedRead<{ data: unknown }>(ctx.prisma, compiled.sql, compiled.params, {
    jsonAsText: asText && !compiled.personal,
    planPerValues: compiled.planPerValues === true,
  });
  const data = rows[0]?.data;
  if (compiled.fallback) checkFallback(data);
  return data;
}

/** A fetched answer finished: personal details masked or their read logged (`finish-answer.ts`), as text when asked. */
export function finishCompiled(ctx: Context, compiled: CompiledRead, data: unknown, asText = false): unknown {
  if (!compiled.personal) return data;
  const finished = finishPersonal(ctx, data);
  return asText ? JSON.stringify(finished) : finished;
}

/** An object the compiled statement built: its fields are its response keys, already checked. */
const preResolved = (parent: unknown): parent is Record<string, unknown> =>
  typeof parent === 'object' && parent !== null && (parent as Record<string, unknown>)[PRE_RESOLVED] === 1;

/**
 * Lets one SQL statement answer a whole subtree (compiled-read/nested-read.ts). The outermost plugin:
 * - a compiled root field (`COMPILED_ROOTS`) runs its statement when the selection is covered, else
 *   the resolvers as always (the decision is the compiler throwing `NotCompiled`, nothing else),
 *   compiling once per operation, variables and viewer (compile-cache.ts); and the resolvers too when
 *   the statement met a related record the viewer may not read (`CompiledFallback`, finish-answer.ts:
 *   their answer carries the field's error, which a statement's JSON cannot);
 * - every field of a pre-resolved object hands through its response key — no wrapper, no argument
 *   mapper, no Prisma, no per-object read check (the statement carried the territory, dates and party rules);
 * - a pre-resolved object is of its type (`isTypeOf`) without the type's read check, for the same reason.
 * `ctx.compiledReads === false` turns it off for a request (the oracle of its tests).
 */
export class PreResolvedPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const compile = COMPILED_ROOTS.get(`${fieldConfig.parentType}.${fieldConfig.name}`);
    if (compile) {
      return async (parent, args, context, info) => {
        const ctx = context as unknown as Context;
        const planning = PLANNING.has(info);
        if (ctx.compiledReads === false || COMPILED_READS_OFF || !ctx.access.signedIn)
          return planning ? NOT_COMPILED : resolver(parent, args, context, info);
        const failed = FAILED.get(ctx)?.get(info.fieldNodes[0] as FieldNode);
        if (failed instanceof CompiledFallback) return resolver(parent, args, context, info);
        if (failed) throw failed;
        const key = compileKey(info, ctx, !planning);
        let entry = cachedCompile(key);
        if (!entry) {
          // The operation's arguments are bounded as for any root field (input-bounds.ts), before anything is read.
          await checkOperationInputs(info, ctx);
          try {
            useDataModelOf(ctx.prisma);
            const { value, noted } = notedBy(ctx, () => compile(info, args as Record<string, unknown>, ctx, !planning));
            entry = { compiled: value, noted };
          } catch (error) {
            if (!(error instanceof NotCompiled)) throw error;
            // The resolvers note what they hide themselves, in their order (notedBy kept none).
            entry = { notCompiled: true };
          }
          keepCompile(key, entry);
        } else if ('compiled' in entry) addNotes(ctx, entry.noted);
        if ('notCompiled' in entry) return planning ? NOT_COMPILED : resolver(parent, args, context, info);
        if (planning) return entry.compiled;
        try {
          return await runCompiled(ctx, entry.compiled);
        } catch (error) {
          // A record the statement may not show (finish-answer.ts): the resolvers answer, nothing was
          // logged. The compile's hidden-record notes stay (a note too many says rows may be missing;
          // taking them back could take back a note another root field made meanwhile).
          if (error instanceof CompiledFallback) return resolver(parent, args, context, info);
          throw error;
        }
      };
    }
    return resolver;
  }

  // Argument mappers (global ids, list cursors' bindings) wrap outside every plugin's resolver, and
  // this plugin's wrapper of them is the outermost of all: a pre-resolved object's field skips them
  // and every resolver wrapper (its lists were asked without cursors).
  override wrapArgMappers(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    _fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    return (parent, args, ctx, info) => (preResolved(parent) ? parent[info.path.key as string] : resolver(parent, args, ctx, info));
  }

  override wrapIsTypeOf(
    isTypeOf: GraphQLIsTypeOfFn<unknown, Types['Context']> | undefined,
    _typeConfig: PothosTypeConfig,
  ): GraphQLIsTypeOfFn<unknown, Types['Context']> | undefined {
    if (!isTypeOf) return isTypeOf;
    return (parent, ctx, info) => preResolved(parent) || isTypeOf(parent, ctx, info);
  }
}

const pluginName = 'preResolved';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      preResolved: PreResolvedPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(pluginName, PreResolvedPlugin);

export default pluginName;
