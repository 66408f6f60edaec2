import { graphql } from '../gql';

/** Places to choose from on the effective date, searched on the server (diacritics optional). */
export const ReorganisationUnitOptionsDocument = graphql(`
  query ReorganisationUnitOptions($asOf: Date!, $filter: UnitFilter!) {
    units(asOf: $asOf, filter: $filter, first: 200) {
      totalCount
      nodes {
        id
        name
        kind
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

/**
 * What hangs on the places a merge ends, on the effective date: their child places (they move
 * under the new place) and the bodies serving them (they serve the new place from then on).
 */
export const ReorganisationMergeContextDocument = graphql(`
  query ReorganisationMergeContext($ids: [ID!]!, $asOf: Date!) {
    nodes(ids: $ids) {
      __typename
      ... on AdministrativeUnit {
        id
        name
        children(asOf: $asOf, first: 200) {
          totalCount
          nodes {
            id
          }
        }
        organizations(asOf: $asOf) {
          id
          name
        }
      }
    }
  }
`);

export const RecordReorganisationDocument = graphql(`
  mutation RecordReorganisation($input: RecordReorganisationInput!) {
    recordReorganisation(input: $input) {
      __typename
      ... on MutationRecordReorganisationSuccess {
        data {
          id
          effectiveOn
          resultingUnits {
            id
          }
        }
      }
      ...MutationErrorFields
    }
  }
`);
