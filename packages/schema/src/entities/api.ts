import type { LocalizedText, Violation } from '@coso/domain';
import type { z } from 'zod';
import type { Tx } from '../store/transaction.js';
import { type Column, modelFacts } from './data-model.js';
import { ENTITIES, type EntityDefinition, isEntityType } from './definitions.js';

/**
 * The GraphQL part of an entity's definition: what the data model cannot say about its object
 * type, its list and its create / update / end mutations. One generic module
 * (`graphql/generated-entities.ts`) registers them for every definition that has one; the
 * columns, their GraphQL types and nullability, the relations and the input fields are read from
 * the Prisma data model. An entity with special fields (masked personal data, computed fields)
 * keeps a hand-written type in its area's file instead.
 */
export interface EntityApi {
  /** The object type's description, Vietnamese / English. */
  description: string;
  /**
   * Columns and to-one relations the object type leaves out. By default it has every scalar
   * column (dates as `Date`, enums as their enum type) but the id, the foreign keys, the row's
   * timestamps and `nameSearch`, and every to-one relation (nullable when its key is).
   */
  omit?: readonly string[];
  /** Descriptions of the object type's fields, by column or relation name. */
  descriptions?: Readonly<Record<string, string>>;
  /** Lists of related records on the object type (none by default): relation name → its order. */
  related?: Readonly<Record<string, { orderBy: Readonly<Record<string, 'asc' | 'desc'>>; description?: string }>>;
  /**
   * A root list field: a connection (paged by id) of the records in the viewer's territory, as of
   * a date when the model is dated (`asOf`), ordered by `orderBy` then id.
   */
  list?: {
    field: string;
    orderBy: readonly string[];
    description?: string;
    /** A `withinUnitId` argument: records whose unit place is that unit or below it on the date. */
    withinUnit?: boolean;
  };
  mutations?: EntityMutationsApi;
}

/** The create / update / end mutations (`createX`, `updateX`, `endX` for a dated model). */
export interface EntityMutationsApi {
  /** The domain's zod schemas: they decide which create fields are non-null. */
  createSchema: z.ZodType;
  /** None: records are created, never corrected (history). */
  updateSchema?: z.ZodType;
  /** Descriptions of the input fields (the period's come with it). */
  descriptions?: Readonly<Record<string, string>>;
  /**
   * How each reference (foreign-key column) is checked in the write's transaction: every one must
   * name an existing record (labelled by its definition unless given), of one of `kinds`, alive
   * on the date in `refsOn` (unless `alive: false`), and, with `notBefore`, the record's date
   * `field` must not precede the referenced record's date `column` (`what` names that date).
   */
  refs?: Readonly<Record<string, ReferenceRule>>;
  /** The record's column whose date its references must be alive on (none: existence only). */
  refsOn?: string;
  /** Further rules against the stored state, inside the transaction (errors block; warnings pass). */
  check?: (tx: Tx, record: Record<string, unknown> & { id: string }, op: 'create' | 'update') => Promise<Violation[]>;
}

export interface ReferenceRule {
  label?: LocalizedText;
  kinds?: readonly string[];
  alive?: boolean;
  notBefore?: { field: string; column: string; what: LocalizedText };
}

/** Columns the database keeps for itself or derives: never in a generated type or input. */
const HIDDEN = new Set(['id', 'createdAt', 'updatedAt', 'nameSearch']);

/** An exposed column of a model: its name and type (foreign keys are exposed as relations). */
export function exposedColumns(type: string, omit: readonly string[] = []): Array<[string, Column]> {
  const facts = modelFacts(type);
  const keys = new Set([...facts.relations.values()].flatMap((r) => r.from));
  return [...facts.columns].filter(([name]) => !HIDDEN.has(name) && !keys.has(name) && !omit.includes(name));
}

/** The to-one relations of a model (those it holds the key of), by name. */
export function toOneRelations(type: string, omit: readonly string[] = []) {
  return [...modelFacts(type).relations].filter(([name, r]) => !r.list && r.from.length > 0 && !omit.includes(name));
}

/** The columns an input of the model names: every column but the hidden ones and the version. */
export function inputColumns(type: string): Array<[string, Column]> {
  return [...modelFacts(type).columns].filter(([name]) => !HIDDEN.has(name) && name !== 'version');
}

/**
 * Why a definition's `api` part may not be generated (empty when it may): a generated type would
 * expose a personal column without the masking a hand-written field gives it, or party-sensitive
 * records without the party rules of their hand-written type.
 */
export function apiRefusals(type: string, def: EntityDefinition): string[] {
  const api = def.api;
  if (!api) return [];
  const out: string[] = [];
  const omit = api.omit ?? [];
  for (const column of def.personal ?? []) {
    if (!omit.includes(column)) {
      out.push(`${type}.${column} is personal data: leave it out of the generated type (api.omit) and expose it masked by hand`);
    }
  }
  if (def.party || def.partyBody)
    out.push(`${type} is party-sensitive: its type, list and writes are written by hand with the party rules`);
  for (const name of Object.keys(api.related ?? {})) {
    const relation = modelFacts(type).relations.get(name);
    if (!relation?.list) {
      out.push(`${type}.${name} is no list relation of the model`);
      continue;
    }
    const target = isEntityType(relation.model) ? ENTITIES[relation.model] : undefined;
    if (!target || 'party' in target || 'partyBody' in target) {
      out.push(`${type}.${name} lists ${relation.model}, which is party-sensitive or has no definition: list it by hand`);
    }
  }
  return out;
}
