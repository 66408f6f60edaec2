import { CombinedGraphQLErrors } from '@apollo/client';

export type DetailProblem = 'forbidden' | 'not-found' | 'error' | null;

/** Error codes the server gives for an id that names no record (it does not decode, wrong type). */
const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'BAD_USER_INPUT']);

/**
 * Why a detail page cannot show its record: the server refused it (FORBIDDEN on `node`), there is
 * no such record of that type (null node, another type's id, an id that does not decode), or the
 * request failed. Errors on nested fields (a parent outside the territory) are no problem: the
 * page shows the rest.
 */
export function detailProblem(
  error: unknown,
  node: { __typename?: string } | null | undefined,
  expectedType: string,
  loading: boolean,
): DetailProblem {
  const rootErrors = CombinedGraphQLErrors.is(error) ? error.errors.filter((e) => (e.path ?? []).length <= 1) : [];
  if (rootErrors.some((e) => e.extensions?.code === 'FORBIDDEN')) return 'forbidden';
  if (node && node.__typename === expectedType) return null;
  if (rootErrors.some((e) => NOT_FOUND_CODES.has(String(e.extensions?.code)))) return 'not-found';
  if (loading) return null;
  if (error && (!CombinedGraphQLErrors.is(error) || rootErrors.length > 0 || node === undefined)) return 'error';
  return 'not-found';
}

/**
 * The record to show: this answer's, or while another date loads the previous answer's, unless
 * that was another record (the page's id changed: show the spinner, not the last record).
 */
export function currentNode<N extends { __typename?: string }>(
  data: { node: N | null } | undefined,
  previousData: { node: N | null } | undefined,
  id: string,
): N | null | undefined {
  if (data) return data.node;
  const previous = previousData?.node;
  return previous && 'id' in previous && previous.id === id ? previous : undefined;
}
