import { graphql } from '../gql';

// citizenId and phone come masked from the server for roles that do not keep the records.
export const PeopleListDocument = graphql(`
  query PeopleList($asOf: Date!, $filter: PersonFilter, $orderBy: [PersonOrder!], $first: Int!, $after: String) {
    people(asOf: $asOf, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        fullName
        birthYear
        sex
        citizenId
        phone
        residenceUnit {
          id
          name
          kindLabel
        }
      }
    }
  }
`);
