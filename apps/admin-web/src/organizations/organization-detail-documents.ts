import { graphql } from '../gql';

export const OrganizationDetailDocument = graphql(`
  query OrganizationDetail($id: ID!, $asOf: Date!, $party: Boolean! = false) {
    node(id: $id) {
      __typename
      ... on Organization {
        id
        version
        name
        kind
        massOrganization
        validFrom
        validTo
        parent(asOf: $asOf) {
          id
          name
          kind
        }
        areas(asOf: $asOf) {
          id
          name
          kindLabel
        }
        building {
          id
          name
        }
        complex {
          id
          name
        }
        # A party cell's members (people whose home cell it is): asked for only by party roles.
        partyMembers(asOf: $asOf, first: 200) @include(if: $party) {
          totalCount
          nodes {
            id
            status
            admittedOn
            validFrom
            person {
              id
              fullName
            }
          }
        }
        members(asOf: $asOf, first: 200) {
          totalCount
          nodes {
            id
            role
            validFrom
            validTo
            person {
              id
              fullName
            }
            post {
              id
              label
            }
            building {
              id
              name
            }
          }
        }
        terms {
          id
          termNumber
          electedOn
          validFrom
          validTo
          recognitionDecisionNumber
          recognitionDecidedOn
        }
        changes {
          id
          kind
          on
          decisionNumber
          note
        }
        subOrganizations(asOf: $asOf) {
          id
          name
          kind
        }
      }
    }
  }
`);

export const EndOrganizationDocument = graphql(`
  mutation EndOrganization($input: EndOrganizationInput!) {
    endOrganization(input: $input) {
      __typename
      ... on MutationEndOrganizationSuccess {
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
