import { graphql } from '../gql';

export const BuildingsListDocument = graphql(`
  query BuildingsList($asOf: Date!, $filter: BuildingFilter, $orderBy: [BuildingOrder!], $first: Int!, $after: String) {
    buildings(asOf: $asOf, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        address
        blockCount
        apartmentCount
        validFrom
        residentialGroup {
          id
          name
          kindLabel
          parent(asOf: $asOf) {
            id
            name
            kindLabel
          }
        }
        complex {
          id
          name
        }
        board(asOf: $asOf) {
          id
          name
        }
      }
    }
  }
`);
