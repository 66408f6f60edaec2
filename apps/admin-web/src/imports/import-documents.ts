import { graphql } from '../gql';

/** The kinds the API imports, with their columns (the wizard's first step and its column matching). */
export const ImportKindsDocument = graphql(`
  query ImportKinds {
    importKinds {
      name
      label {
        vi
        en
      }
      columns {
        key
        required
        label {
          vi
          en
        }
      }
    }
  }
`);

/** What a batch is: its file, who uploaded it, and how far it got. */
export const ImportBatchFieldsFragment = graphql(`
  fragment ImportBatchFields on ImportBatch {
    id
    kind
    fileName
    actor
    status
    rowCount
    createdAt
    committedAt
  }
`);

/** The viewer's earlier batches (administrators: everyone's), newest first. */
export const ImportBatchesDocument = graphql(`
  query ImportBatches {
    imports {
      ...ImportBatchFields
    }
  }
`);

/** One batch as stored, and what its commit wrote (empty before). */
export const ImportBatchDocument = graphql(`
  query ImportBatch($id: String!) {
    importBatch(id: $id) {
      ...ImportBatchFields
      results {
        rowNumber
        action
        recordId
      }
    }
  }
`);

/** A row of a preview: what it does, its cells as read and its errors. */
export const ImportRowFieldsFragment = graphql(`
  fragment ImportRowFields on ImportRow {
    rowNumber
    action
    recordId
    cells {
      column
      value
    }
    errors {
      rowNumber
      column
      code
      message {
        vi
        en
      }
    }
  }
`);

/**
 * The fields of a dry run (and of a commit's answer): the header row, column matching, the counts
 * over the whole sheet, the sheet's own errors and the first page of rows (the next pages:
 * ImportPreviewPageDocument).
 */
export const ImportPreviewFieldsFragment = graphql(`
  fragment ImportPreviewFields on ImportPreview {
    committed
    sheet
    headerRow
    headers
    columns {
      key
      required
      header
      label {
        vi
        en
      }
    }
    counts {
      rows
      rowsWithErrors
      errors
      create
      update
      unchanged
    }
    sheetErrors {
      rowNumber
      column
      code
      message {
        vi
        en
      }
    }
    rows(offset: 0, first: 50) {
      ...ImportRowFields
    }
  }
`);

/** Another page of the last preview (or refused commit) of a batch, read back without checking again. */
export const ImportPreviewPageDocument = graphql(`
  query ImportPreviewPage($id: String!, $offset: Int!, $first: Int!, $withErrors: Boolean!) {
    importBatch(id: $id) {
      id
      lastRun {
        rows(offset: $offset, first: $first, withErrors: $withErrors) {
          ...ImportRowFields
        }
      }
    }
  }
`);

/** A dry run of a batch with the sheet, header row and columns the user chose (none: the server's guess), and the file's sheets. */
export const ImportPreviewDocument = graphql(`
  query ImportPreview($id: String!, $sheet: String, $headerRow: Int, $columns: [ImportColumnChoice!]) {
    importBatch(id: $id) {
      id
      sheets
      preview(sheet: $sheet, headerRow: $headerRow, columns: $columns) {
        ...ImportPreviewFields
      }
    }
  }
`);

/** How far the running preview or commit of a batch has got (asked again while the commit runs). */
export const ImportProgressDocument = graphql(`
  query ImportProgress($id: String!) {
    importBatch(id: $id) {
      id
      progress {
        phase
        done
        total
      }
    }
  }
`);

export const CommitImportDocument = graphql(`
  mutation CommitImport($input: CommitImportInput!) {
    commitImport(input: $input) {
      __typename
      ... on MutationCommitImportSuccess {
        data {
          ...ImportPreviewFields
        }
      }
      ...MutationErrorFields
    }
  }
`);

/** The names of the records a batch wrote, for its result's links (one page of them at a time). */
export const ImportedRecordNamesDocument = graphql(`
  query ImportedRecordNames($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      ... on Person {
        fullName
      }
      ... on AdministrativeUnit {
        name
      }
      ... on ApartmentBuilding {
        name
      }
      ... on Organization {
        name
      }
    }
  }
`);
