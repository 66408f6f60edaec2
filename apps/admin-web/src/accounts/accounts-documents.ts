import { graphql } from '../gql';

export const AccountsListDocument = graphql(`
  query AccountsList($first: Int!, $after: String) {
    accounts(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        username
        displayName
        role
        partyOrganisation
        validFrom
        validTo
        lockedAt
        version
        scopeUnit {
          id
          name
          kindLabel
        }
      }
    }
  }
`);

export const ScopeUnitOptionsDocument = graphql(`
  query ScopeUnitOptions($asOf: Date!, $search: String) {
    units(asOf: $asOf, filter: { kindIn: [PROVINCE, DISTRICT, WARD, COMMUNE], name: { search: $search } }, first: 50) {
      nodes {
        id
        name
        kindLabel
      }
    }
  }
`);

export const CreateAccountDocument = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      __typename
      ... on MutationCreateAccountSuccess {
        data {
          id
          username
        }
      }
      ...MutationErrorFields
    }
  }
`);

export const UpdateAccountDocument = graphql(`
  mutation UpdateAccount($input: UpdateAccountInput!) {
    updateAccount(input: $input) {
      __typename
      ... on MutationUpdateAccountSuccess {
        data {
          id
          displayName
          role
          partyOrganisation
          version
          scopeUnit {
            id
            name
            kindLabel
          }
        }
      }
      ...MutationErrorFields
    }
  }
`);

export const EndAccountDocument = graphql(`
  mutation EndAccount($input: EndAccountInput!) {
    endAccount(input: $input) {
      __typename
      ... on MutationEndAccountSuccess {
        data {
          id
          validTo
          version
        }
      }
      ...MutationErrorFields
    }
  }
`);

export const LockAccountDocument = graphql(`
  mutation LockAccount($input: LockAccountInput!) {
    lockAccount(input: $input) {
      __typename
      ... on MutationLockAccountSuccess {
        data {
          id
          lockedAt
          version
        }
      }
      ...MutationErrorFields
    }
  }
`);

export const ClearLoginThrottlesDocument = graphql(`
  mutation ClearLoginThrottles($input: ClearLoginThrottlesInput!) {
    clearLoginThrottles(input: $input) {
      __typename
      ... on MutationClearLoginThrottlesSuccess {
        data {
          id
        }
      }
      ...MutationErrorFields
    }
  }
`);
