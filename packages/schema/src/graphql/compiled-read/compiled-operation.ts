import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getOperationAST,
  Kind,
} from 'graphql';
import { collectFields } from 'graphql/execution/collectFields.js';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values.js';
import type { Context } from '../context.js';
import { addNotes, keepNotes } from '../hidden-records.js';
import { cachedCompile, compileKey } from './compile-cache.js';
import { COMPILED_READS_OFF, FAILED, fetchCompiled, finishCompiled, NOT_COMPILED, PLANNING } from './pre-resolved-plugin.js';
import { COMPILED_ROOTS, type CompiledRead } from './roots.js';

/**
 * A query whose every root field one generated statement answers (compiled-read/nested-read.ts),
 * answered without graphql-js' execution: the statements build the response's JSON themselves, so
 * nothing walks the result field by field through graphql-js and every plugin's wrapper (the
 * gateway's biggest cost on the nested read once the statement existed). One path still: each root
 * field's statement is planned by that field's own resolver (its argument mappers, the input bounds,
 * the compiler) and is the statement the field would run; only the walk is skipped, and only when
 * the statement promises what graphql-js would check (no NULL where the schema promises a value,
 * enum values by name: nested-read.ts refuses to compile anything else).
 *
 * `undefined` when anything is not so: a mutation, a root field not compiled, variables graphql-js
 * would refuse, a statement that failed. The caller then executes the operation as always; a failed
 * statement is not run again but reported by its root field's resolver (`FAILED`), where graphql-js
 * locates and formats the error as for any field.
 */
export async function compiledResponse(request: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null | undefined;
  variables?: Readonly<Record<string, unknown>> | undefined;
  context: Context;
  /** Each root field's value as its JSON text, as the statement sent it (the gateway splices it into the body). */
  asText?: boolean;
}): Promise<{ data: Record<string, unknown> } | undefined> {
  const { schema, document, context: ctx } = request;
  if (ctx.compiledReads === false || COMPILED_READS_OFF) return undefined;
  const operation = getOperationAST(document, request.operationName);
  const queryType = schema.getQueryType();
  if (operation?.operation !== 'query' || !queryType) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
  if (coerced.errors) return undefined;
  const variableValues = coerced.coerced;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;

  const restoreNotes = keepNotes(ctx);
  const planned: Array<{ key: string; node: FieldNode; compiled: CompiledRead } | { key: string; value: string }> = [];
  for (const [key, fieldNodes] of collectFields(schema, fragments, variableValues, queryType, operation.selectionSet)) {
    const node = fieldNodes[0] as FieldNode;
    if (node.name.value === '__typename') {
      planned.push({ key, value: request.asText ? JSON.stringify(queryType.name) : queryType.name });
      continue;
    }
    const field = queryType.getFields()[node.name.value];
    if (!field?.resolve || !COMPILED_ROOTS.has(`${queryType.name}.${field.name}`)) return abandon(restoreNotes);
    const info: GraphQLResolveInfo = {
      fieldName: field.name,
      fieldNodes,
      returnType: field.type,
      parentType: queryType,
      path: { prev: undefined, key, typename: queryType.name },
      schema,
      fragments,
      rootValue: undefined,
      operation,
      variableValues,
    };
    // Known not to compile (the units list asks `code`): no planning, not even the arguments' mappers.
    const known = cachedCompile(compileKey(info, ctx, false));
    if (known && 'notCompiled' in known) return abandon(restoreNotes);
    // Compiled before for this very key (its arguments mapped and bounded then): its statement, no planning.
    if (known) {
      addNotes(ctx, known.noted);
      planned.push({ key, node, compiled: known.compiled });
      continue;
    }
    PLANNING.add(info);
    let compiled: unknown;
    try {
      compiled = await field.resolve(undefined, getArgumentValues(field, node, variableValues), ctx, info);
    } catch {
      // Refused arguments (input bounds): graphql-js refuses them again, at the field.
      return abandon(restoreNotes);
    }
    if (compiled === NOT_COMPILED || !isCompiledRead(compiled)) return abandon(restoreNotes);
    planned.push({ key, node, compiled });
  }

  // Root fields run side by side, as graphql-js runs a query's.
  // Nothing is masked or logged until every root field's statement has answered and none needs the
  // resolvers: else graphql-js runs the operation again and the personal reads would be logged twice.
  const answers = await Promise.allSettled(
    planned.map((p) => ('compiled' in p ? fetchCompiled(ctx, p.compiled, request.asText) : p.value)),
  );
  const data: Record<string, unknown> = {};
  let failed: Map<FieldNode, unknown> | undefined;
  for (const [i, p] of planned.entries()) {
    const answer = answers[i] as PromiseSettledResult<unknown>;
    if (answer.status === 'fulfilled') data[p.key] = answer.value;
    else if ('node' in p) {
      failed ??= new Map();
      failed.set(p.node, answer.reason);
    }
  }
  if (!failed) {
    for (const p of planned) if ('compiled' in p) data[p.key] = finishCompiled(ctx, p.compiled, data[p.key], request.asText);
    return { data };
  }
  FAILED.set(ctx, failed);
  return abandon(restoreNotes);
}

/** Gives up on the compiled operation: what its planning noted as hidden is the execution's to note again. */
function abandon(restoreNotes: () => void): undefined {
  restoreNotes();
  return undefined;
}

const isCompiledRead = (value: unknown): value is CompiledRead =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as CompiledRead).sql === 'string' &&
  Array.isArray((value as CompiledRead).params);
