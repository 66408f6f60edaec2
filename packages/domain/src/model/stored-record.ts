import type { z } from 'zod';
import type { Period } from '../time/period.js';
import type { Id } from './places.js';

/**
 * A record as the domain stores it, inferred from the zod schema it is created through, so the
 * record type and the input cannot disagree: what the create schema outputs (ISO date strings,
 * plain ids, null for a cleared optional field), without the keys that only steer the creation
 * (`InputOnly`, e.g. a new unit's first code), plus the fields the store gives every record: its
 * `id`, and for a dated record (its create schema has `validFrom`) the period as stored, where
 * `validTo` may be null even when the create schema requires it (a board term's planned end).
 * `Derived` are fields the writer computes rather than takes from the input (rare: a
 * reorganisation's lists of units).
 */
export type StoredRecord<
  Create extends z.ZodType,
  InputOnly extends keyof z.output<Create> = never,
  Derived extends object = object,
> = Simplify<
  { id: Id } & Omit<z.output<Create>, InputOnly | keyof Period> & ('validFrom' extends keyof z.output<Create> ? Period : unknown) & Derived
>;

/** The keys the store adds to every record's create fields. */
export const STORED_RECORD_KEYS = ['id'] as const;

/** The keys the store adds to a dated record's create fields (kept as stored, see `StoredRecord`). */
export const STORED_PERIOD_KEYS = ['validFrom', 'validTo'] as const satisfies ReadonlyArray<keyof Period>;

/**
 * One object type instead of an intersection, so editors and errors show the record's fields.
 * Internal: typedoc.json lists it as intentionally not exported.
 */
type Simplify<T> = { [K in keyof T]: T[K] } & {};
