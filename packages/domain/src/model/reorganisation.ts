import type { REORGANISATION_CHANGE_LISTS, recordReorganisationInput } from '../inputs/reorganisation.js';
import type { Id } from './places.js';
import type { StoredRecord } from './stored-record.js';

/**
 * The kinds of reorganisation: merge, split, rename, transfer of part, dissolve, establish,
 * restructure.
 */
export const REORGANISATION_KINDS = [
  'MERGE', // several units become one
  'SPLIT', // one unit is divided among several
  'RENAME', // a unit continues under another name (recorded as end + successor)
  'TRANSFER_PART', // part of a unit (some children) moves to another
  'DISSOLVE', // a unit ends; its children go elsewhere
  'ESTABLISH', // a unit starts
  'RESTRUCTURE', // a combination, e.g. the 2025 abolition of districts
] as const;
/** A kind of reorganisation (see `REORGANISATION_KINDS`). */
export type ReorganisationKind = (typeof REORGANISATION_KINDS)[number];

/**
 * A recorded reorganisation (W3C org:ChangeEvent): which units it ended (originals) and started
 * (results), effective on a date, on a legal basis. Applying one never rewrites anything valid
 * before `effectiveOn`. Its own fields are those of the input it is recorded through; the lists of
 * changes are applied to the other tables, and the two lists of units are derived from them.
 */
export type ReorganisationEvent = StoredRecord<
  typeof recordReorganisationInput,
  (typeof REORGANISATION_CHANGE_LISTS)[number],
  { originalUnitIds: Id[]; resultingUnitIds: Id[] }
>;
