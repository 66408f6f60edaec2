import { type DocumentNode, print } from 'graphql';

/**
 * What a list page exports: the same GraphQL document and variables its table runs (the gateway
 * pages through it as the signed-in user: `POST /exports/list.<format>`), the page's title and
 * the filters on screen in words, written at the top of the file.
 */
export interface ListExportRequest {
  document: DocumentNode;
  /** The table's variables; `first` and `after` are the gateway's (it reads every page). */
  variables: Record<string, unknown>;
  title: string;
  filters: readonly string[];
}

export type ListExportFormat = 'xlsx' | 'csv';

/** The request's body as the gateway reads it. */
export function listExportBody(request: ListExportRequest): string {
  const { first: _first, after: _after, ...variables } = request.variables;
  return JSON.stringify({ query: print(request.document), variables, title: request.title, filters: request.filters });
}
