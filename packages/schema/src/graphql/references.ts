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
   * The field names the record the mutation changes (an update's or end's `id`, the board a
   * consolidation changes): it needs write access even when its type is a public document.
   */
  changes?: boolean;
  /** The field also takes the plan's own name for a record created by the same mutation (reorganisations). */
  planRef?: boolean;
}

/** `extensions` for an ID input field: `t.id({ required: true, extensions: references('Person') })`. */
export function references(typename: string, options: Omit<ReferenceSpec, 'typename'> = {}): Record<string, ReferenceSpec> {
  return { [REFERENCE_EXTENSION]: { typename, ...options } };
}

export function referenceOf(extensions: Readonly<Record<string, unknown>> | null | undefined): ReferenceSpec | undefined {
  return extensions?.[REFERENCE_EXTENSION] as ReferenceSpec | undefined;
}
