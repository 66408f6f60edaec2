import { graphql } from '../gql';

// Dated nested fields get the page's date explicitly, so the cache keeps one answer per date
// (a unit's code and parent change over time; the same unit appears under several dates).
export const UnitsListDocument = graphql(`
  query UnitsList($asOf: Date!, $filter: UnitFilter, $orderBy: [UnitOrder!], $first: Int!, $after: String) {
    units(asOf: $asOf, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        kindLabel
        code(asOf: $asOf)
        validFrom
        validTo
        parent(asOf: $asOf) {
          id
          name
          kindLabel
        }
      }
    }
  }
`);
