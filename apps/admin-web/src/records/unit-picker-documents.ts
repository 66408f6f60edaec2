import { graphql } from '../gql';

/** Units whose name matches what was typed (server search, diacritics optional), for pickers. */
export const UnitPickerOptionsDocument = graphql(`
  query UnitPickerOptions($asOf: Date!, $search: String!, $kind: UnitKind) {
    units(asOf: $asOf, filter: { name: { search: $search }, kind: $kind }, first: 50) {
      nodes {
        id
        name
        kindLabel
        parent(asOf: $asOf) {
          id
          name
          kindLabel
        }
      }
    }
  }
`);
