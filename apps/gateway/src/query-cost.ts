import type { GraphQLRequestContext } from '@apollo/server';
import { declaredCost, MAX_PAGE_SIZE } from '@coso/schema';
import {
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getVariableValues,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** What one operation is estimated to cost, and the fields in it that declare a cost of their own. */
export interface QueryCost {
  cost: number;
  /** Every selected field that declares a cost (packages/schema/src/graphql/field-cost.ts), once per selection: `Type.field` and that cost. */
  expensive: Array<{ field: string; cost: number }>;
}

/**
 * The cost of an operation, counted as "the most fields the response can hold", plus what the
 * fields that do more than read rows declare they cost, where they are defined (a Pothos field
 * extension, `fieldCost(n)`): the limit knows a report is a report without a list here.
 *
 * - every field, inline fragment and fragment spread costs 1; `__schema` (introspection) 0;
 * - a field with `first`/`last` multiplies its own cost and its selection's by it: a literal as
 *   written, a variable by its value in the request's `variables` (or its default), at most
 *   MAX_PAGE_SIZE, and MAX_PAGE_SIZE when it has none (the page size the field may still be
 *   given); so aliases with `first: $n` cost what they would with `first: 200`;
 * - a field that declares a cost adds it once per call (a connection's page size does not multiply
 *   the work of computing what is paged), times the page sizes of the lists around it.
 *
 * For fields without a declaration these are graphql-armor's numbers with objectCost, scalarCost
 * and depthCostFactor 1, which the limit used before fields declared costs.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragment: (name: string) => FragmentDefinitionNode | undefined | null,
  variables: Readonly<Record<string, unknown>> = {},
): QueryCost {
  const expensive: QueryCost['expensive'] = [];
  const visiting = new Set<string>();

  function selectionSetCost(set: SelectionSetNode, parent: GraphQLNamedType | undefined): number {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__schema') continue;
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        const own = declaredCost(field);
        if (own !== undefined && parent) expensive.push({ field: `${parent.name}.${name}`, cost: own });
        if (!selection.selectionSet) {
          cost += 1 + (own ?? 0);
          continue;
        }
        const inner = 1 + selectionSetCost(selection.selectionSet, field ? getNamedType(field.type) : undefined);
        cost += (own ?? 0) + inner * pageSize(selection.arguments ?? [], variables);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        cost += 1 + selectionSetCost(selection.selectionSet, type ?? undefined);
      } else {
        const name = selection.name.value;
        const definition = fragment(name);
        // A fragment that spreads itself is refused by graphql-js' own rule; it costs nothing more here.
        if (!definition || visiting.has(name)) continue;
        visiting.add(name);
        cost += 1 + selectionSetCost(definition.selectionSet, schema.getType(definition.typeCondition.name.value) ?? undefined);
        visiting.delete(name);
      }
    }
    return cost;
  }

  const root = schema.getRootType(operation.operation) ?? undefined;
  return { cost: selectionSetCost(operation.selectionSet, root), expensive };
}

/** The page size a field's `first`/`last` asks for, as the cost counts it (1 when it has neither). */
function pageSize(args: readonly ArgumentNode[], variables: Readonly<Record<string, unknown>>): number {
  const arg = args.find((a) => a.name.value === 'first' || a.name.value === 'last');
  if (arg?.value.kind === Kind.INT) return Math.max(Number.parseInt(arg.value.value, 10) || 1, 1);
  if (arg?.value.kind !== Kind.VARIABLE) return 1;
  const value = variables[arg.value.name.value];
  if (typeof value !== 'number' || !Number.isInteger(value)) return MAX_PAGE_SIZE;
  return Math.min(Math.max(value, 1), MAX_PAGE_SIZE);
}

/** The operation's variables as it will run with them (defaults filled in); {} when they do not coerce (execution refuses them). */
export function coercedVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  inputs: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const { coerced } = getVariableValues(schema, operation.variableDefinitions ?? [], inputs ?? {}, { maxErrors: 1 });
  return coerced ?? {};
}

const costs = new WeakMap<object, QueryCost>();

/**
 * Costs by operation (Apollo keeps one parsed document per operation text, so the same node comes
 * back on every request of it) and variables: the walk and the variables' coercion once, not per request.
 */
const byOperation = new WeakMap<OperationDefinitionNode, Map<string, QueryCost>>();
const MAX_VARIABLE_SETS = 64;

/**
 * The cost of the operation one Apollo request runs, with its variables; counted once per request
 * however many plugins ask (the cost limit and the bound on expensive work).
 */
export function requestCost(
  request: Pick<GraphQLRequestContext<object>, 'request' | 'schema'> & { document?: DocumentNode; operation?: OperationDefinitionNode },
): QueryCost | undefined {
  const { document, operation, schema } = request;
  if (!document || !operation) return undefined;
  const known = costs.get(request.request);
  if (known) return known;
  let sets = byOperation.get(operation);
  const variablesKey = JSON.stringify(request.request.variables ?? null);
  const counted = sets?.get(variablesKey);
  if (counted) {
    costs.set(request.request, counted);
    return counted;
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const cost = operationCost(
    schema,
    operation,
    (name) => fragments.get(name),
    coercedVariables(schema, operation, request.request.variables),
  );
  costs.set(request.request, cost);
  if (!sets) {
    sets = new Map();
    byOperation.set(operation, sets);
  }
  if (sets.size >= MAX_VARIABLE_SETS) sets.clear();
  sets.set(variablesKey, cost);
  return cost;
}
