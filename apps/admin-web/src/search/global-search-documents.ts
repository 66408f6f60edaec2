import { graphql } from '../gql';

/**
 * The header's search: the API's own searches, diacritics optional ("giang bien" finds Giang
 * Biên): people by name, places by the place search (own words, then a ward's: "tổ 5 giang
 * biên"), buildings and bodies by name. A few of each, with their total.
 */
export const GlobalSearchDocument = graphql(`
  query GlobalSearch($asOf: Date!, $search: String!, $first: Int!) {
    people(asOf: $asOf, filter: { name: { search: $search } }, first: $first) {
      totalCount
      nodes {
        id
        fullName
        birthYear
      }
    }
    units(asOf: $asOf, filter: { name: { search: $search } }, first: $first) {
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
    buildings(asOf: $asOf, filter: { name: { search: $search } }, first: $first) {
      totalCount
      nodes {
        id
        name
        residentialGroup {
          id
          name
          kindLabel
        }
      }
    }
    organizations(asOf: $asOf, filter: { name: { search: $search } }, first: $first) {
      totalCount
      nodes {
        id
        name
        kind
      }
    }
  }
`);
