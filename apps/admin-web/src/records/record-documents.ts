import { graphql } from '../gql';

/** A record's audit trail, oldest first (the page shows it newest first). */
export const RecordHistoryDocument = graphql(`
  query RecordHistory($id: ID!) {
    history(id: $id) {
      id
      at
      actor
      operation
      before
      after
    }
  }
`);
