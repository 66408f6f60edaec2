import { graphql } from '../gql';

// Dated fields get the page's date explicitly, so the cache keeps one answer per date.
export const UnitDetailDocument = graphql(`
  query UnitDetail($id: ID!, $asOf: Date!) {
    node(id: $id) {
      __typename
      ... on AdministrativeUnit {
        id
        version
        name
        kind
        kindLabel
        validFrom
        validTo
        code(asOf: $asOf)
        parent(asOf: $asOf) {
          id
          name
          kindLabel
        }
        ancestors(asOf: $asOf) {
          id
          name
          kindLabel
        }
        codes {
          id
          code
          validFrom
          validTo
        }
        children(asOf: $asOf, first: 200) {
          totalCount
          nodes {
            id
            name
            kind
            kindLabel
            code(asOf: $asOf)
          }
        }
        organizations(asOf: $asOf) {
          id
          name
          kind
        }
        buildings(asOf: $asOf, first: 100) {
          totalCount
          nodes {
            id
            name
            address
          }
        }
      }
    }
  }
`);
