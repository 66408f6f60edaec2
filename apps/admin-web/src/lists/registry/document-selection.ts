import { type DocumentNode, Kind, type SelectionSetNode } from 'graphql';

/** The dotted paths a selection set selects, nested fields included ("parent", "parent.name"), by response key. */
function selectedPaths(selection: SelectionSetNode | undefined, prefix: string, into: Set<string>): void {
  for (const node of selection?.selections ?? []) {
    if (node.kind === Kind.FIELD) {
      const path = `${prefix}${(node.alias ?? node.name).value}`;
      into.add(path);
      selectedPaths(node.selectionSet, `${path}.`, into);
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      selectedPaths(node.selectionSet, prefix, into);
    }
  }
}

/**
 * What a list document selects under `<list>.nodes`: the fields a row can have ("name",
 * "residentialGroup.parent.name"). Empty when the document has no such connection.
 */
export function rowFieldPaths(document: DocumentNode, list: string): Set<string> {
  const all = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) selectedPaths(definition.selectionSet, '', all);
  }
  const prefix = `${list}.nodes.`;
  return new Set([...all].filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length)));
}
