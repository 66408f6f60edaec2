import { graphql } from '../gql';

/**
 * Every mutation document spreads this on its result union, so `mutationOutcome` can read it:
 *
 *   updatePerson(input: $input) { __typename ... on MutationUpdatePersonSuccess { data { id version } } ...MutationErrorFields }
 */
export const MutationErrorFieldsFragment = graphql(`
  fragment MutationErrorFields on Error {
    __typename
    localizedMessage {
      vi
      en
    }
    ... on ValidationError {
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
      expectedVersion
      actualVersion
    }
  }
`);
