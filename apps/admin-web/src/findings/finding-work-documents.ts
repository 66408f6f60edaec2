import { graphql } from '../gql';

/** Open, overdue and closed findings per ward of a place, today (the dashboard's card). */
export const FindingWorkSummaryDocument = graphql(`
  query FindingWorkSummary($scopeId: ID!) {
    findingWorkSummary(scopeId: $scopeId) {
      wardId
      wardName
      open
      overdue
      resolved
      accepted
    }
  }
`);

export const AssignFindingDocument = graphql(`
  mutation AssignFinding($input: AssignFindingInput!) {
    assignFinding(input: $input) {
      __typename
      ... on MutationAssignFindingSuccess {
        data {
          id
          version
          state
        }
      }
      ... on ValidationError {
        localizedMessage {
          vi
          en
        }
        violations {
          code
          path
          message {
            vi
            en
          }
        }
      }
      ... on VersionConflictError {
        localizedMessage {
          vi
          en
        }
      }
      ... on NotFoundError {
        localizedMessage {
          vi
          en
        }
      }
    }
  }
`);

export const ResolveFindingDocument = graphql(`
  mutation ResolveFinding($input: CloseFindingInput!) {
    resolveFinding(input: $input) {
      __typename
      ... on MutationResolveFindingSuccess {
        data {
          id
          version
          state
        }
      }
      ... on ValidationError {
        localizedMessage {
          vi
          en
        }
        violations {
          code
          path
          message {
            vi
            en
          }
        }
      }
      ... on VersionConflictError {
        localizedMessage {
          vi
          en
        }
      }
      ... on NotFoundError {
        localizedMessage {
          vi
          en
        }
      }
    }
  }
`);

export const AcceptFindingDocument = graphql(`
  mutation AcceptFinding($input: CloseFindingInput!) {
    acceptFinding(input: $input) {
      __typename
      ... on MutationAcceptFindingSuccess {
        data {
          id
          version
          state
        }
      }
      ... on ValidationError {
        localizedMessage {
          vi
          en
        }
        violations {
          code
          path
          message {
            vi
            en
          }
        }
      }
      ... on VersionConflictError {
        localizedMessage {
          vi
          en
        }
      }
      ... on NotFoundError {
        localizedMessage {
          vi
          en
        }
      }
    }
  }
`);
