import {
  type OrganizationPlacesRow,
  organizationAtWhere,
  organizationPlaces,
  organizationPlacesSelect,
} from '../store/organization-places.js';
import { modelFacts } from './data-model.js';
import { type Condition, definitionOf, type EntityType, type Place } from './definitions.js';

/**
 * Where records are, derived from each definition's `places` in the two forms the code needs: a
 * per-record locator (select + reader, batched) for access decisions on one record, and a Prisma
 * condition for lists. Both walk the same paths, so a list never holds a record its own read check
 * would refuse, nor leaves out one it would allow.
 */
export interface Location {
  units: string[];
  /** True when reading the record reveals someone's party membership. */
  party: boolean;
  /** A party body (cell, committee): public to read, but what hangs from it is party work. */
  partyBody?: boolean;
}

type Row = Record<string, unknown>;
type Select = Record<string, unknown>;

const steps = (path: string): string[] => (path === '' ? [] : path.split('.'));

/** The relation steps of a path, checked against the data model (a typo fails at start-up). */
function relationSteps(type: string, path: string[]): Array<{ name: string; list: boolean }> {
  let model = type;
  return path.map((name) => {
    const relation = modelFacts(model).relations.get(name);
    if (!relation) throw new Error(`${type}: "${path.join('.')}" — ${model} has no relation ${name}`);
    model = relation.model;
    return { name, list: relation.list };
  });
}

function lastScalar(type: string, path: string[]): { via: string[]; column: string } {
  const column = path.at(-1);
  if (column === undefined) throw new Error(`${type}: an empty path names no column`);
  return { via: path.slice(0, -1), column };
}

function nestSelect(path: string[], leaf: Select): Select {
  return path.reduceRight<Select>((inner, name) => ({ [name]: { select: inner } }), leaf);
}

function nestWhere(type: string, path: string[], leaf: Row): Row {
  const rel = relationSteps(type, path);
  return rel.reduceRight<Row>((inner, step) => ({ [step.name]: step.list ? { some: inner } : inner }), leaf);
}

function merge(a: Select, b: Select): Select {
  const out: Select = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isObject(prev) && isObject(v) ? merge(prev, v) : v;
  }
  return out;
}

const isObject = (v: unknown): v is Select => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every value at the end of a path through a read row (lists flattened, missing links skipped). */
function valuesAt(row: unknown, path: string[]): unknown[] {
  if (row === null || row === undefined) return [];
  if (Array.isArray(row)) return row.flatMap((r) => valuesAt(r, path));
  const [head, ...rest] = path;
  if (head === undefined) return [row];
  return valuesAt((row as Row)[head], rest);
}

function conditionSelect(c: Condition): Select {
  const path = steps(c.path);
  const { via, column } = lastScalar('', path);
  return nestSelect(via, { [column]: true });
}

function holds(c: Condition, row: Row): boolean {
  const values = valuesAt(row, steps(c.path)).map(String);
  return 'in' in c ? values.some((v) => c.in.includes(v)) : values.some((v) => !c.notIn.includes(v));
}

/** Prisma condition: the condition does not hold (for viewers who may not see party data). */
function conditionFails(type: string, c: Condition): Row {
  const path = steps(c.path);
  const { via, column } = lastScalar(type, path);
  return nestWhere(type, via, { [column]: 'in' in c ? { notIn: [...c.in] } : { in: [...c.notIn] } });
}

function placeSelect(type: string, place: Place): Select {
  if ('self' in place) return {};
  if ('body' in place) {
    const path = steps(place.body);
    relationSteps(type, path);
    return path.length ? nestSelect(path, organizationPlacesSelect) : { ...organizationPlacesSelect };
  }
  const { via, column } = lastScalar(type, steps(place.unit));
  relationSteps(type, via);
  return nestSelect(via, { [column]: true });
}

function placeUnits(row: Row, place: Place): string[] {
  if ('self' in place) return [String(row.id)];
  if ('body' in place) {
    const path = steps(place.body);
    return path.length
      ? valuesAt(row, path).flatMap((o) => organizationPlaces(o as OrganizationPlacesRow))
      : organizationPlaces(row as unknown as OrganizationPlacesRow);
  }
  return valuesAt(row, steps(place.unit)).filter((u): u is string => typeof u === 'string');
}

export type Locate = (prisma: object, ids: readonly string[]) => Promise<Map<string, Location>>;

type FindMany = { findMany(args: object): Promise<Row[]> };

/** The batched locator of a type with places: one query for any number of ids. */
export function locatorOf(type: EntityType): Locate | undefined {
  const def = definitionOf(type);
  const places = def.places;
  if (!places) return undefined;
  let select: Select = { id: true };
  for (const p of places) select = merge(select, placeSelect(type, p));
  const party = def.party;
  const partyBody = def.partyBody;
  if (party && party !== 'always') select = merge(select, conditionSelect(party));
  if (partyBody) select = merge(select, conditionSelect(partyBody));
  const delegate = modelFacts(type).delegate;
  return async (prisma, ids) => {
    const rows = await (prisma as Record<string, FindMany>)[delegate]?.findMany({ where: { id: { in: [...ids] } }, select });
    return new Map(
      (rows ?? []).map((row) => {
        const location: Location = {
          units: places.flatMap((p) => placeUnits(row, p)),
          party: party === 'always' || (party !== undefined && holds(party, row)),
        };
        if (partyBody) location.partyBody = holds(partyBody, row);
        return [String(row.id), location];
      }),
    );
  };
}

/**
 * A territorial viewer's territory as the database holds it: the scope unit and the day it is
 * read as of. "Inside" is the unit itself or any unit the closure puts below it on that day
 * (ended units: where they were on their last day) — one indexed `EXISTS`, never a list of ids.
 */
export interface Territory {
  scopeId: string;
  /** The day (database date) the territory is read as of. */
  on: Date;
}

const covering = (on: Date): Row => ({ validFrom: { lte: on }, OR: [{ validTo: null }, { validTo: { gt: on } }] });

/** Prisma condition on AdministrativeUnit: the unit is in the territory (the viewer's own units). */
export function unitInTerritory(t: Territory): Row {
  return { OR: [{ id: t.scopeId }, { closureAncestors: { some: { ancestorId: t.scopeId, ...covering(t.on) } } }] };
}

/** Prisma condition on AdministrativeUnit: in the territory or above its scope (names for breadcrumbs). */
export function unitReadable(t: Territory): Row {
  return {
    OR: [
      { id: t.scopeId },
      { closureAncestors: { some: { ancestorId: t.scopeId, ...covering(t.on) } } },
      { closureDescendants: { some: { descendantId: t.scopeId, afterEnd: false, ...covering(t.on) } } },
    ],
  };
}

/**
 * Prisma condition: the record is at a unit of the territory (for `self` places: a unit the viewer
 * reads, which includes those above their territory).
 */
export function placeWhere(type: EntityType, territory: Territory): Row {
  const derived = DERIVED_PLACES[type]?.relation;
  if (derived)
    return { [derived]: { some: { unit: { closureAncestors: { some: { ancestorId: territory.scopeId, ...covering(territory.on) } } } } } };
  return placedAt(type, unitInTerritory(territory), unitReadable(territory));
}

/**
 * Types whose places the database keeps as rows (`relation` → rows with a `unit`), derived by
 * triggers from the same paths as `places` (migration person_places; person-places.test.ts checks
 * them against the locator). Their territory condition is then one join of those rows with the
 * closure — which PostgreSQL plans as a semi-join, one index lookup per path — instead of an OR of
 * an EXISTS per path evaluated for every candidate row. The closure holds each unit's own row on
 * every day of its life, so the scope itself needs no separate `id =` branch.
 *
 * `carries`: columns of the record that its place rows hold too, kept equal by the same refresh
 * (migration person_places_carry_name): record column → place row column. A condition on the
 * record's column then holds of each of its place rows, so a list narrowed to a territory can ask it
 * of the place rows it joins with the closure — a district officer's name search reads the
 * territory's rows, not every match in the city (issue #13). person-places.test.ts holds the copy
 * to the record.
 */
const DERIVED_PLACES: Partial<Record<EntityType, { relation: string; carries: Readonly<Record<string, string>> }>> = {
  Person: { relation: 'places', carries: { nameSearch: 'personNameSearch' } },
};

/** The derived place rows of a model (their relation) and the columns they carry, if it has them. */
export function placeRowsOf(model: string): { relation: string; carries: Readonly<Record<string, string>> } | undefined {
  return DERIVED_PLACES[model as EntityType];
}

/**
 * Prisma condition: the record is at a unit meeting `inside` (a condition on AdministrativeUnit);
 * a unit itself (`self` places) when it meets `readable`.
 */
export function placedAt(type: EntityType, inside: Row, readable: Row): Row {
  const places: readonly Place[] = definitionOf(type).places ?? [];
  const conditions = places.map((place): Row => {
    if ('self' in place) return readable;
    if ('body' in place) return nestWhere(type, steps(place.body), organizationAtWhere(inside));
    const { via, column } = lastScalar(type, steps(place.unit));
    const owner = relationSteps(type, via).reduce(
      (model, step) => modelFacts(model).relations.get(step.name)?.model ?? model,
      type as string,
    );
    const relation = modelFacts(owner).relationOfColumn.get(column);
    if (!relation) throw new Error(`${type}: "${place.unit}" — ${column} of ${owner} backs no relation`);
    return nestWhere(type, via, { [relation]: inside });
  });
  if (conditions.length === 0) return { id: { in: [] } };
  return conditions.length === 1 ? (conditions[0] as Row) : { OR: conditions };
}

/** Prisma condition keeping only records that reveal no party membership (none for always-party types: their lists are refused whole). */
export function notPartyWhere(type: EntityType): Row | null {
  const party = definitionOf(type).party;
  return party && party !== 'always' ? conditionFails(type, party) : null;
}
