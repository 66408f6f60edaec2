import { type DomainState, emptyState, isUuid } from '@coso/domain';
import { modelFacts } from '../entities/data-model.js';
import { definitionOf, ENTITY_LIST, type EntityType } from '../entities/definitions.js';
import { placedAt } from '../entities/places.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { fromRow } from '../store/state-tables.js';

/**
 * The part of the stored state a report or findings for one scope can depend on, instead of every
 * row of every table: what is placed in the units ever inside the scope or above it (each
 * definition's `places`, as the territory filters read them), public documents, each kept
 * person's own records (a Regulation 213 contact's home cell membership sits elsewhere), and
 * every record a kept record refers to, until nothing is missing. The domain computes on it as on
 * the whole state; `scoped-state.test.ts` checks, scope by scope, that the report and the findings
 * come out identical to those over the whole state.
 */

type Row = Record<string, unknown>;
type Delegate = { findMany(args: object): Promise<Row[]> };

/** Foreign-key column → the model it points at. */
type Keys = ReadonlyArray<readonly [string, string]>;

interface TableSpec {
  type: EntityType;
  table: keyof DomainState;
  delegate: string;
  /** Its foreign keys to models with a domain table. */
  keys: Keys;
  /** Link rows read with the record (`include`) and whose foreign keys are followed too. */
  links: ReadonlyArray<{ field: string; keys: Keys }>;
}

const TABLE_TYPES = new Set(ENTITY_LIST.filter(([, def]) => def.table).map(([type]) => type as string));

/** A model's foreign-key columns that point at a model with a domain table. */
const keysOf = (model: string): Keys => [...modelFacts(model).foreignKeys].filter(([, target]) => TABLE_TYPES.has(target));

// Computed once: the fixpoint below walks these for every kept row.
const SPECS: readonly TableSpec[] = ENTITY_LIST.flatMap(([type, def]) => {
  if (!def.table) return [];
  const facts = modelFacts(type);
  const links = [...facts.relations]
    .filter(([, r]) => r.list && def.links?.includes(r.model))
    .map(([field, r]) => ({ field, keys: keysOf(r.model) }));
  return [{ type, table: def.table, delegate: facts.delegate, keys: keysOf(type), links }];
});

/** Ids bound per statement when reading by a list (well under PostgreSQL's 32,767 parameters). */
const IN_SLICE = 10_000;

/** Units around a scope past which its tables are read whole (a city's). */
const WHOLE_TABLE_ABOVE = 2_000;

const BY_TYPE = new Map(SPECS.map((s) => [s.type as string, s]));

/** Columns of each table that name a person: the person's own records. */
const PERSON_COLUMNS: ReadonlyArray<[TableSpec, string]> = SPECS.flatMap((s) =>
  s.keys.filter(([, target]) => target === 'Person').map(([column]) => [s, column] as [TableSpec, string]),
);

/** Every unit that was ever inside the scope, and every unit it was ever inside. */
async function unitsAround(prisma: PrismaClient, scopeUnitId: string): Promise<string[]> {
  // Not an id of the database: no unit (the domain then says the scope is unknown).
  if (!isUuid(scopeUnitId)) return [];
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    WITH RECURSIVE below(id) AS (
      SELECT ${scopeUnitId}::uuid
      UNION SELECT p.unit_id FROM unit_parents p JOIN below b ON p.parent_id = b.id
    ), above(id) AS (
      SELECT ${scopeUnitId}::uuid
      UNION SELECT p.parent_id FROM unit_parents p JOIN above a ON p.unit_id = a.id
    )
    SELECT id::text AS id FROM below UNION SELECT id::text FROM above`;
  return rows.map((r) => r.id);
}

export async function readScopedState(prisma: PrismaClient, scopeUnitId: string): Promise<DomainState> {
  const units = await unitsAround(prisma, scopeUnitId);
  const kept = new Map<EntityType, Map<string, Row>>(SPECS.map((s) => [s.type, new Map()]));
  const read = async (spec: TableSpec, where: Row) => {
    const include = spec.links.length ? { include: Object.fromEntries(spec.links.map((l) => [l.field, true])) } : {};
    const rows = await (prisma as unknown as Record<string, Delegate>)[spec.delegate]?.findMany({ where, ...include });
    const into = kept.get(spec.type);
    for (const row of rows ?? []) into?.set(String(row.id), row);
  };
  // A city's people or ids are more than one statement may bind (PostgreSQL: 32,767): read in slices.
  const readIn = async (spec: TableSpec, column: string, ids: readonly string[]) => {
    for (let i = 0; i < ids.length; i += IN_SLICE) await read(spec, { [column]: { in: ids.slice(i, i + IN_SLICE) } });
  };

  for (const spec of SPECS) {
    const def = definitionOf(spec.type);
    const around = { id: { in: units } };
    // Around a city, the units are most of the state and, bound once per place of a definition, more
    // than a statement may bind: the table is read whole (a larger read is always safe: the domain places the rows).
    const whole = def.visibility === 'public' || !def.places || units.length > WHOLE_TABLE_ABOVE;
    await read(spec, whole ? {} : placedAt(spec.type, around, around));
  }

  const peopleRead = new Set<string>();
  for (;;) {
    // Records referred to and not yet kept, by type.
    const missing = new Map<string, Set<string>>();
    const want = (target: string, id: unknown) => {
      if (typeof id !== 'string' || kept.get(target as EntityType)?.has(id)) return;
      missing.set(target, (missing.get(target) ?? new Set()).add(id));
    };
    for (const spec of SPECS) {
      for (const row of kept.get(spec.type)?.values() ?? []) {
        for (const [column, target] of spec.keys) want(target, row[column]);
        for (const link of spec.links) {
          for (const linked of (row[link.field] as Row[] | undefined) ?? []) {
            for (const [column, target] of link.keys) want(target, linked[column]);
          }
        }
      }
    }
    const people = [...(kept.get('Person')?.keys() ?? [])].filter((id) => !peopleRead.has(id));
    if (missing.size === 0 && people.length === 0) break;
    for (const [target, ids] of missing) {
      const spec = BY_TYPE.get(target);
      if (spec) await readIn(spec, 'id', [...ids]);
    }
    for (const id of people) peopleRead.add(id);
    if (people.length) {
      for (const [spec, column] of PERSON_COLUMNS) await readIn(spec, column, people);
    }
  }

  const state = emptyState();
  for (const spec of SPECS) {
    (state as unknown as Record<string, Row[]>)[spec.table] = [...(kept.get(spec.type)?.values() ?? [])].map((r) => fromRow(spec.table, r));
  }
  return state;
}
