import { graphql } from '../gql';

export const WardOptionsDocument = graphql(`
  query WardOptions($asOf: Date!) {
    units(asOf: $asOf, filter: { kind: WARD }, first: 200) {
      nodes {
        id
        name
        kindLabel
      }
    }
  }
`);
