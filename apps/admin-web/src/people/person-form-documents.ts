import { graphql } from '../gql';

/** A person's own fields, as the form edits them and the update answers. */
export const PersonFieldsFragment = graphql(`
  fragment PersonFields on Person {
    id
    version
    fullName
    birthDate
    birthYear
    sex
    citizenId
    phone
  }
`);

/** The person as the form and the detail page read them (citizen ID and phone as the role may see them). */
export const PersonRecordFragment = graphql(`
  fragment PersonRecord on Person {
    ...PersonFields
    validFrom
    validTo
    residenceUnit {
      ...UnitWithParent
    }
  }
`);

/** The person as the form edits it (the version is sent back with the update). */
export const PersonFormRecordDocument = graphql(`
  query PersonFormRecord($id: ID!, $asOf: Date!) {
    node(id: $id) {
      __typename
      ...PersonRecord
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
          ...PersonFields
        }
      }
      ...MutationErrorFields
    }
  }
`);
