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
          parent {
            id
            name
            kindLabel
          }
        }
      }
    }
  }
`);

/**
 * Places whose words match a people search that found nobody by name ("tổ 5 giang biên"): the
 * list offers them, to show the people living there.
 */
export const PeopleSearchPlacesDocument = graphql(`
  query PeopleSearchPlaces($asOf: Date!, $search: String!) {
    units(asOf: $asOf, filter: { name: { search: $search } }, first: 5) {
      totalCount
      nodes {
        id
        name
        kindLabel
        parent {
          id
          name
          kindLabel
        }
      }
    }
  }
`);

/** The place a people list is narrowed to (its label in the filter tag). */
export const PeoplePlaceDocument = graphql(`
  query PeoplePlace($asOf: Date!, $id: ID!) {
    node(id: $id) {
      id
      ... on AdministrativeUnit {
        name
        kindLabel
        parent(asOf: $asOf) {
          id
          name
          kindLabel
        }
      }
    }
  }
`);
