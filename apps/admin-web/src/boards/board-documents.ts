import { graphql } from '../gql';

/** The buildings a board can be established for: no board on the date, searched on the server. */
export const BuildingsWithoutBoardDocument = graphql(`
  query BuildingsWithoutBoard($asOf: Date, $search: String, $first: Int) {
    buildings(asOf: $asOf, filter: { hasBoard: false, name: { search: $search } }, first: $first, orderBy: [{ field: NAME }]) {
      nodes {
        id
        name
        blockCount
        residentialGroup {
          id
          name
        }
      }
    }
  }
`);

/**
 * The building the form establishes a board for: what the composition rules need (its blocks),
 * whether it already has a board, and the owners the address book knows (apartments →
 * ownerships, whatever the block), who are offered first as members.
 */
export const BoardBuildingDocument = graphql(`
  query BoardBuilding($id: ID!, $asOf: Date) {
    node(id: $id) {
      __typename
      ... on ApartmentBuilding {
        id
        name
        blockCount
        multipleOwners
        residentialGroup {
          id
          name
        }
        board(asOf: $asOf) {
          id
          name
        }
        apartments {
          id
          number
          ownerships {
            id
            validFrom
            validTo
            person {
              id
              fullName
              birthYear
            }
          }
        }
      }
    }
  }
`);

/** People for the member picker, searched on the server (every word, diacritics optional). */
export const BoardPeopleSearchDocument = graphql(`
  query BoardPeopleSearch($search: String!, $asOf: Date) {
    people(asOf: $asOf, filter: { name: { search: $search } }, first: 20) {
      nodes {
        id
        fullName
        birthYear
        residenceUnit {
          id
          name
        }
      }
    }
  }
`);

export const BoardDirectivesDocument = graphql(`
  query BoardDirectives {
    directives(first: 50) {
      nodes {
        id
        code
        title
        issuedOn
      }
    }
  }
`);

export const EstablishBoardDocument = graphql(`
  mutation EstablishBoard($input: EstablishBoardInput!) {
    establishBoard(input: $input) {
      __typename
      ... on MutationEstablishBoardSuccess {
        data {
          id
          name
          version
        }
      }
      ...MutationErrorFields
    }
  }
`);

/** A board and its members in force on the consolidation date, with what its composition rules read. */
export const BoardToConsolidateDocument = graphql(`
  query BoardToConsolidate($id: ID!, $on: Date!) {
    node(id: $id) {
      __typename
      ... on Organization {
        id
        kind
        name
        version
        validFrom
        validTo
        building {
          id
          name
          blockCount
        }
        complex {
          id
          name
          buildings {
            id
            name
          }
        }
        members(asOf: $on, first: 100) {
          nodes {
            id
            role
            validFrom
            person {
              id
              fullName
              birthYear
            }
            building {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const ConsolidateBoardDocument = graphql(`
  mutation ConsolidateBoard($input: ConsolidateBoardInput!) {
    consolidateBoard(input: $input) {
      __typename
      ... on MutationConsolidateBoardSuccess {
        data {
          id
          name
          version
        }
      }
      ...MutationErrorFields
    }
  }
`);
