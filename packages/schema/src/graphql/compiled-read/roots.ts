import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';

/** One statement and its bind parameters. */
export interface CompiledRead {
  sql: string;
  params: unknown[];
  /** The answer may hold a record the viewer may not read (`FALLBACK`): checked before it stands (finish-answer.ts). */
  fallback?: true;
  /** The answer holds personal details, masked or their read logged in Node (finish-answer.ts). */
  personal?: true;
  /** Planned with its values on every run, not prepared once (`Params.planPerValues`: a search pattern). */
  planPerValues?: true;
}

/**
 * Compiles a root field's whole selection, or throws `NotCompiled` (where-sql.ts). `marked`: each
 * object carries the pre-resolved mark for graphql-js to walk (default), or none: the statement's
 * JSON is the response itself (compiled-operation.ts).
 */
export type CompileRoot = (info: GraphQLResolveInfo, args: Record<string, unknown>, ctx: Context, marked?: boolean) => CompiledRead;

/**
 * Root fields answered by one generated statement, by coordinate (`Query.units`). Filled by the
 * compilers' modules as they load (before the schema is built); read by the pre-resolved plugin,
 * which the builder loads before any type exists — hence a registry, not an import.
 */
export const COMPILED_ROOTS = new Map<string, CompileRoot>();
