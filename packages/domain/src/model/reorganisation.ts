import type { IsoDate } from '../time/dates.js';
import type { Id } from './places.js';

export const REORGANISATION_KINDS = [
  'MERGE', // several units become one
  'SPLIT', // one unit is divided among several
  'RENAME', // a unit continues under another name (recorded as end + successor)
  'TRANSFER_PART', // part of a unit (some children) moves to another
  'DISSOLVE', // a unit ends; its children go elsewhere
  'ESTABLISH', // a unit starts
  'RESTRUCTURE', // a combination, e.g. the 2025 abolition of districts
] as const;
export type ReorganisationKind = (typeof REORGANISATION_KINDS)[number];

/**
 * A recorded reorganisation (W3C org:ChangeEvent): which units it ended (originals) and started
 * (results), effective on a date, on a legal basis. Applying one never rewrites anything valid
 * before `effectiveOn`.
 */
export interface ReorganisationEvent {
  id: Id;
  kind: ReorganisationKind;
  effectiveOn: IsoDate;
  legalBasis: string;
  note?: string | null;
  originalUnitIds: Id[];
  resultingUnitIds: Id[];
}
