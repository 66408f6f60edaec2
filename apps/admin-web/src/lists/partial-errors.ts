import { CombinedGraphQLErrors } from '@apollo/client';

/**
 * With errorPolicy 'all', a list may come with FORBIDDEN errors on some nested fields (a former
 * group's new ward lies outside the account's territory) and is still worth showing. The paths
 * of those fields, and whether they are the only errors.
 */
export function forbiddenParts(error: unknown, hasData: boolean): { paths: Set<string>; onlyForbidden: boolean } {
  if (!CombinedGraphQLErrors.is(error)) return { paths: new Set(), onlyForbidden: false };
  const forbidden = error.errors.filter((e) => e.extensions?.code === 'FORBIDDEN');
  return {
    paths: new Set(forbidden.map((e) => (e.path ?? []).join('.'))),
    onlyForbidden: hasData && forbidden.length === error.errors.length,
  };
}
