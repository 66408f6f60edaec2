import { graphql } from '../gql';

// Every dated field gets the page's date explicitly, so the cache keeps one answer per date (a
// unit's code, parent and children change with reorganisations; the same unit shows on many dates).

/** What a place in the tree shows: name, kind, code and how many places sit below it on the date. */
export const ExplorerTreeUnitFragment = graphql(`
  fragment ExplorerTreeUnit on AdministrativeUnit {
    id
    name
    kind
    kindLabel
    code(asOf: $asOf)
    validFrom
    validTo
    children(asOf: $asOf, first: 1) {
      totalCount
    }
    buildings(asOf: $asOf, first: 1) {
      totalCount
    }
  }
`);

/** The tree's first level: the account's territory, or the provinces for an account without one. */
export const ExplorerRootsDocument = graphql(`
  query ExplorerRoots($asOf: Date!, $filter: UnitFilter!) {
    units(asOf: $asOf, filter: $filter, first: 50) {
      nodes {
        ...ExplorerTreeUnit
      }
    }
  }
`);

/** The places directly below one place on the date, a page at a time (a ward has a few dozen groups). */
export const ExplorerChildrenDocument = graphql(`
  query ExplorerChildren($id: ID!, $asOf: Date!, $after: String) {
    node(id: $id) {
      __typename
      ... on AdministrativeUnit {
        id
        children(asOf: $asOf, first: 200, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ...ExplorerTreeUnit
          }
        }
        # A residential group's buildings, each with its management board on the date.
        buildings(asOf: $asOf, first: 200) {
          nodes {
            id
            name
            board(asOf: $asOf) {
              id
              name
            }
          }
        }
      }
    }
  }
`);

/** The selected place on the date, with the bodies serving it and their sub-organisations (committee → cells). */
export const ExplorerPlaceDocument = graphql(`
  query ExplorerPlace($id: ID!, $asOf: Date!) {
    node(id: $id) {
      __typename
      ... on AdministrativeUnit {
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
        ancestors(asOf: $asOf) {
          id
        }
        organizations(asOf: $asOf) {
          id
          name
          kind
          subOrganizations(asOf: $asOf) {
            id
            name
            kind
            subOrganizations(asOf: $asOf) {
              id
              name
              kind
            }
          }
        }
      }
    }
  }
`);

/** The recorded reorganisations (the first 200: a handful per decade), oldest first, with the places it ended and started. */
export const ExplorerReorganisationsDocument = graphql(`
  query ExplorerReorganisations {
    reorganisations(first: 200) {
      totalCount
      nodes {
        id
        kind
        effectiveOn
        legalBasis
        note
        originalUnits {
          id
          name
          kindLabel
        }
        resultingUnits {
          id
          name
          kindLabel
        }
      }
    }
  }
`);
