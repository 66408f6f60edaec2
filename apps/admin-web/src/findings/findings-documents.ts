import { graphql } from '../gql';

export const FindingsListDocument = graphql(`
  query FindingsList(
    $scopeId: ID!
    $asOf: Date!
    $codes: [String!]
    $wardIds: [ID!]
    $states: [FindingWorkState!]
    $overdue: Boolean
    $first: Int!
    $after: String
  ) {
    findings(
      scopeId: $scopeId
      asOf: $asOf
      codes: $codes
      wardIds: $wardIds
      states: $states
      overdue: $overdue
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          code
          severity
          entityId
          entityType
          entityName
          wardId
          wardName
          message {
            vi
            en
          }
          key
          current
          state
          overdue
          closedAutomatically
          dueOn
          assigneeName
          resolution
          resolvedBy
          resolvedOn
          work {
            id
            version
            closedByOperation
          }
        }
      }
    }
  }
`);

/**
 * Every finding's code and ward (no more than a page of 200: the gaps of a district are a few
 * dozen), to count them by rule and by ward.
 */
export const FindingsSummaryDocument = graphql(`
  query FindingsSummary($scopeId: ID!, $asOf: Date!, $wardIds: [ID!]) {
    findings(scopeId: $scopeId, asOf: $asOf, wardIds: $wardIds, first: 200) {
      totalCount
      nodes {
        code
        wardId
        wardName
      }
    }
  }
`);

/** The wards directly below the place on the date, to narrow the findings to one. */
export const FindingsWardsDocument = graphql(`
  query FindingsWards($scopeId: ID!, $asOf: Date!) {
    units(asOf: $asOf, filter: { parentId: $scopeId, kindIn: [WARD, COMMUNE] }, first: 200) {
      nodes {
        id
        name
        kindLabel
      }
    }
  }
`);

/** A ward's residential groups on the date and its findings, for progress per group. */
export const GroupProgressDocument = graphql(`
  query GroupProgress($wardId: ID!, $asOf: Date!) {
    units(asOf: $asOf, filter: { parentId: $wardId, kind: RESIDENTIAL_GROUP }, first: 200) {
      totalCount
      nodes {
        id
        name
      }
    }
    findings(scopeId: $wardId, asOf: $asOf, first: 200) {
      totalCount
      nodes {
        code
        residentialGroupId
      }
    }
  }
`);
