import { graphql } from '../gql';

/** A unit and its parent on the operation's `$asOf`, as pickers label it ("Tổ dân phố số 5 — Phường Giang Biên"). */
export const UnitWithParentFragment = graphql(`
  fragment UnitWithParent on AdministrativeUnit {
    id
    name
    kindLabel
    parent(asOf: $asOf) {
      id
      name
      kindLabel
    }
  }
`);

/**
 * Places matching what was typed, for pickers: the server searches the place's words and its ward's
 * and district's ("tổ 5 giang biên", diacritics optional); former parents tell namesakes apart.
 */
export const UnitPickerOptionsDocument = graphql(`
  query UnitPickerOptions($asOf: Date!, $search: String!, $kind: UnitKind) {
    units(asOf: $asOf, filter: { name: { search: $search }, kind: $kind }, first: 50) {
      nodes {
        ...UnitWithParent
        formerParents(asOf: $asOf) {
          id
          name
          kindLabel
        }
      }
    }
  }
`);
