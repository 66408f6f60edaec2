import { graphql } from '../gql';

/** A record's audit trail, oldest first (the page shows it newest first). */
export const RecordHistoryDocument = graphql(`
  query RecordHistory($id: ID!) {
    history(id: $id) {
      id
      at
      actor
      operation
      entityType
      before
      after
    }
  }
`);

/**
 * The records a trail's ids point to, named, in the order asked: null in the place of one that is
 * missing or out of the viewer's territory (FORBIDDEN, read with errorPolicy 'all').
 */
export const RecordHistoryReferencesDocument = graphql(`
  query RecordHistoryReferences($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on AdministrativeUnit {
        name
        kindLabel
      }
      ... on Organization {
        name
      }
      ... on Person {
        fullName
      }
      ... on ApartmentBuilding {
        name
      }
      ... on ApartmentComplex {
        name
      }
      ... on Directive {
        title
      }
      ... on Post {
        label
      }
      ... on BuildingBlock {
        name
      }
      ... on Apartment {
        number
        building {
          id
          name
        }
      }
      ... on ResidenceContact {
        person {
          id
          fullName
        }
      }
      ... on ImplementationReview {
        title
      }
      ... on Training {
        title
      }
      ... on Petition {
        subject
      }
      ... on CoordinationRegulation {
        board {
          id
          name
        }
        signedOn
      }
      ... on ReorganisationEvent {
        legalBasis
      }
      ... on Account {
        displayName
      }
    }
  }
`);
