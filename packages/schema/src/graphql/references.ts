/**
 * What an ID field of a mutation input points at. Every ID input field reachable from a mutation
 * argument declares it (a schema test walks them all), and the write-access plugin checks every
 * declared reference against the writer's territory before the resolver runs — so a new input
 * field is guarded because it exists, not because its resolver remembered to check it.
 */
export const REFERENCE_EXTENSION = 'cosoReference';

export interface ReferenceSpec {
  /** The GraphQL type of the referenced record (also the type its global id names). */
  typename: string;
  /**
   * Write access is needed even when the type is a public document (a directive, a review): the
   * field names the record the mutation changes (an update's or end's `id`, the board a consolidation
   * changes), or the document a new public record belongs to and takes its place from (a review's
   * directive, a presentation's review). Without it, pointing at a public document needs read access.
   */
  write?: boolean;
  /** The field also takes the plan's own name for a record created by the same mutation (reorganisations). */
  planRef?: boolean;
  /**
   * On a read (a filter): the field's result lists the named bodies themselves, public whatever
   * their kind (a party cell's name and place are no secret), never who belongs to them. Without
   * it, a read naming a party body is party work (see party-filter-plugin.ts).
   */
  bodiesOnly?: boolean;
}

/** `extensions` for an ID input field: `t.id({ required: true, extensions: references('Person') })`. */
export function references(typename: string, options: Omit<ReferenceSpec, 'typename'> = {}): Record<string, ReferenceSpec> {
  return { [REFERENCE_EXTENSION]: { typename, ...options } };
}

/** `extensions` of the String field that names a record a plan creates (a reorganisation's `ref`). */
export const PLAN_REF_NAME = 'cosoPlanRefName';
export function planRefName(): Record<string, true> {
  return { [PLAN_REF_NAME]: true };
}

export function referenceOf(extensions: Readonly<Record<string, unknown>> | null | undefined): ReferenceSpec | undefined {
  return extensions?.[REFERENCE_EXTENSION] as ReferenceSpec | undefined;
}

/**
 * What naming a value of a read argument reveals about party membership, decided by the
 * party-filter plugin for every read field before its resolver runs:
 * - `status`: any value is party data (people by party status);
 * - `bodyKind`: an organisation kind, party data when it is a party kind (memberships of party cells),
 *   unless `bodiesOnly` (the result lists the bodies of that kind: public).
 * Organisation ids are declared with `references('Organization')` (see `bodiesOnly`).
 */
export const PARTY_FILTER_EXTENSION = 'cosoPartyFilter';

export type PartyFilterSpec = { kind: 'status' } | { kind: 'bodyKind'; bodiesOnly?: boolean };

/** `extensions` of an argument or input field naming a party status or an organisation kind. */
export function partyFilter(spec: PartyFilterSpec): Record<string, PartyFilterSpec> {
  return { [PARTY_FILTER_EXTENSION]: spec };
}

export function partyFilterOf(extensions: Readonly<Record<string, unknown>> | null | undefined): PartyFilterSpec | undefined {
  return extensions?.[PARTY_FILTER_EXTENSION] as PartyFilterSpec | undefined;
}
