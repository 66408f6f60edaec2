import { type DocumentNode, Kind, type OperationDefinitionNode, type ValueNode } from 'graphql';

/**
 * The as-of date an operation asks for at its root: when every root field that takes `asOf`
 * gives the same date (literal or variable), nested hierarchy fields default to it, so
 * `units(asOf: "2022-12-01") { children { … } }` lists the children of 2022, as a reader expects.
 * Returns undefined when the root fields disagree or give none (nested fields then use today).
 */
export function operationAsOf(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): string | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops[0];
  if (!op) return undefined;
  const dates = new Set<string>();
  for (const sel of op.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD) continue;
    const arg = sel.arguments?.find((a) => a.name.value === 'asOf');
    if (!arg) continue;
    const value = literalOrVariable(arg.value, variables);
    if (typeof value === 'string') dates.add(value);
  }
  return dates.size === 1 ? [...dates][0] : undefined;
}

function literalOrVariable(node: ValueNode, variables: Record<string, unknown> | undefined): unknown {
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind === Kind.VARIABLE) return variables?.[node.name.value];
  return undefined;
}
