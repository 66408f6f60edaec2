import { graphql } from '../gql';

// Citizen ID and phone come as the server gives them to the role (masked for analysts and viewers);
// party memberships and residence contacts come as null to roles that may not see them.
export const PersonDetailDocument = graphql(`
  query PersonDetail($id: ID!, $asOf: Date!) {
    node(id: $id) {
      __typename
      ... on Person {
        ...PersonRecord
        memberships(all: true) {
          id
          role
          validFrom
          validTo
          organization {
            id
            name
            kind
          }
          post {
            id
            label
          }
        }
        partyMemberships {
          id
          status
          admittedOn
          validFrom
          validTo
          homeCell {
            id
            name
          }
        }
        residenceContacts {
          id
          category
          validFrom
          validTo
          residenceCell {
            id
            name
          }
        }
      }
    }
  }
`);

export const EndPersonDocument = graphql(`
  mutation EndPerson($input: EndPersonInput!) {
    endPerson(input: $input) {
      __typename
      ... on MutationEndPersonSuccess {
        data {
          id
          version
          validTo
        }
      }
      ...MutationErrorFields
    }
  }
`);
