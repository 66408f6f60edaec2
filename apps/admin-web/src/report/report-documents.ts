import { graphql } from '../gql';

/** The directives to report on, with their review conferences (the default report date). */
export const ReportDirectivesDocument = graphql(`
  query ReportDirectives {
    directives(first: 50) {
      nodes {
        id
        code
        title
        issuedOn
        scopeUnit {
          id
        }
        reviews {
          id
          heldOn
        }
      }
    }
  }
`);

/** The chosen place's name, and places a report can be made for, found by name on the report date. */
export const ReportScopeOptionsDocument = graphql(`
  query ReportScopeOptions($asOf: Date!, $scopeId: ID!, $search: String!, $searching: Boolean!) {
    current: node(id: $scopeId) {
      id
      ... on AdministrativeUnit {
        name
        kindLabel
      }
    }
    units(asOf: $asOf, filter: { kindIn: [PROVINCE, DISTRICT, WARD, COMMUNE], name: { search: $search } }, first: 20)
      @include(if: $searching) {
      nodes {
        id
        name
        kindLabel
      }
    }
  }
`);

// One document for the dashboard and the report page, so both read the same cached answer
// (the report's objects carry no id: two different selections would overwrite each other).
export const DirectiveReportDocument = graphql(`
  query DirectiveReport($directiveId: ID!, $scopeId: ID!, $from: Date, $to: Date!) {
    directiveReport(directiveId: $directiveId, scopeId: $scopeId, from: $from, to: $to) {
      directiveId
      directiveCode
      directiveTitle
      scopeId
      scopeName
      from
      to
      narrative {
        vi
        en
      }
      figures {
        key
        label {
          vi
          en
        }
        definition {
          vi
          en
        }
        value
        denominator
        byWardAdditive
        byWardWithheld
        byWard {
          wardId
          wardName
          value
          denominator
        }
      }
    }
  }
`);

// The records behind one figure (or one ward's share of it). Read with fetchPolicy 'no-cache': it
// selects another part of the same id-less report object.
export const FigureRecordsDocument = graphql(`
  query FigureRecords($directiveId: ID!, $scopeId: ID!, $from: Date, $to: Date!, $key: String!, $first: Int!, $after: String) {
    directiveReport(directiveId: $directiveId, scopeId: $scopeId, from: $from, to: $to) {
      figures(keys: [$key]) {
        key
        records(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            name
            type
            wardName
          }
        }
      }
    }
  }
`);

// One ward only (null: the records in no ward): a page's cursor belongs to that ward's list.
export const WardFigureRecordsDocument = graphql(`
  query WardFigureRecords(
    $directiveId: ID!
    $scopeId: ID!
    $from: Date
    $to: Date!
    $key: String!
    $wardId: ID
    $first: Int!
    $after: String
  ) {
    directiveReport(directiveId: $directiveId, scopeId: $scopeId, from: $from, to: $to) {
      figures(keys: [$key]) {
        key
        byWard(wardIds: [$wardId]) {
          wardId
          wardName
          records(first: $first, after: $after) {
            totalCount
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              id
              name
              type
              wardName
            }
          }
        }
      }
    }
  }
`);

/** The tasks ahead saved with a report (the report's own arguments). */
export const ReportTasksDocument = graphql(`
  query ReportTasks($directiveId: ID!, $scopeId: ID!, $from: Date, $to: Date!) {
    reportTasks(directiveId: $directiveId, scopeId: $scopeId, from: $from, to: $to) {
      id
      text
      version
    }
  }
`);

/** Saves the tasks ahead of a report. */
export const SaveReportTasksDocument = graphql(`
  mutation SaveReportTasks($input: SaveReportTasksInput!) {
    saveReportTasks(input: $input) {
      __typename
      ... on MutationSaveReportTasksSuccess {
        data {
          id
          text
          version
        }
      }
      ... on ValidationError {
        localizedMessage {
          vi
          en
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
