import { graphql } from '../gql';

export const BuildingDetailDocument = graphql(`
  query BuildingDetail($id: ID!, $asOf: Date!) {
    node(id: $id) {
      __typename
      ... on ApartmentBuilding {
        id
        version
        name
        address
        blockCount
        apartmentCount
        multipleOwners
        handoverStartedOn
        halfHandedOverOn
        firstConferenceOn
        validFrom
        validTo
        blocks {
          id
          name
        }
        residentialGroup {
          id
          name
          kindLabel
        }
        complex {
          id
          name
          boards(asOf: $asOf) {
            id
            name
          }
        }
        board(asOf: $asOf) {
          id
          name
          validFrom
          validTo
        }
      }
    }
  }
`);
