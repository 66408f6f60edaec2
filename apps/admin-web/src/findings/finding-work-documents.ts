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

/** What a write on a finding's work gives back: the work as saved. */
export const FindingWorkSavedFragment = graphql(`
  fragment FindingWorkSaved on FindingWork {
    id
    version
    state
  }
`);

export const AssignFindingDocument = graphql(`
  mutation AssignFinding($input: AssignFindingInput!) {
    assignFinding(input: $input) {
      __typename
      ... on MutationAssignFindingSuccess {
        data {
          ...FindingWorkSaved
        }
      }
      ...MutationErrorFields
    }
  }
`);

/**
 * Closes a finding's work: resolved (how it was fixed) or, with `accept`, accepted (why it will
 * not be) — one document for the two mutations, which take the same input and answer alike.
 */
export const CloseFindingDocument = graphql(`
  mutation CloseFinding($input: CloseFindingInput!, $accept: Boolean!) {
    resolveFinding(input: $input) @skip(if: $accept) {
      __typename
      ... on MutationResolveFindingSuccess {
        data {
          ...FindingWorkSaved
        }
      }
      ...MutationErrorFields
    }
    acceptFinding(input: $input) @include(if: $accept) {
      __typename
      ... on MutationAcceptFindingSuccess {
        data {
          ...FindingWorkSaved
        }
      }
      ...MutationErrorFields
    }
  }
`);
