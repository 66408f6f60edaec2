import { graphql } from '../gql';

/** The person as the form edits it (the version is sent back with the update). */
export const PersonFormRecordDocument = graphql(`
  query PersonFormRecord($id: ID!, $asOf: Date!) {
    node(id: $id) {
      __typename
      ... on Person {
        id
        version
        fullName
        birthDate
        birthYear
        sex
        citizenId
        phone
        validFrom
        validTo
        residenceUnit {
          id
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
  }
`);

export const CreatePersonDocument = graphql(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      __typename
      ... on MutationCreatePersonSuccess {
        data {
          id
          version
        }
      }
      ...MutationErrorFields
    }
  }
`);

export const UpdatePersonDocument = graphql(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      __typename
      ... on MutationUpdatePersonSuccess {
        data {
          id
          version
          fullName
          birthDate
          birthYear
          sex
          citizenId
          phone
        }
      }
      ...MutationErrorFields
    }
  }
`);
