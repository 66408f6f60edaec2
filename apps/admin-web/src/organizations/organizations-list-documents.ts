import { graphql } from '../gql';

export const OrganizationsListDocument = graphql(`
  query OrganizationsList(
    $asOf: Date!
    $filter: OrganizationFilter
    $orderBy: [OrganizationOrder!]
    $first: Int!
    $after: String
    $party: Boolean! = false
  ) {
    organizations(asOf: $asOf, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        validFrom
        validTo
        parent(asOf: $asOf) {
          id
          name
        }
        areas(asOf: $asOf) {
          id
          name
          kindLabel
        }
        building {
          id
          name
        }
        members(asOf: $asOf, first: 1) {
          totalCount
        }
        # Party members are asked for only by party roles (for others the field is FORBIDDEN).
        partyMembers(asOf: $asOf, first: 1) @include(if: $party) {
          totalCount
        }
      }
    }
  }
`);
