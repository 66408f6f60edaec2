import { type DomainState, emptyState, searchKey } from '@coso/domain';
import { longBien2022Dataset } from '@coso/sample-data';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCATORS, PUBLIC_TYPES } from '../auth/locator.js';
import { getDatamodel } from '../generated/pothos-types.js';
import { stableUuid } from '../store/stable-id.js';
import { readState, TABLES, toRow, writeState } from '../store/state-tables.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { MODEL_NAMES, modelFacts } from './data-model.js';
import { ENTITIES, ENTITY_LIST, LOG_MODELS } from './definitions.js';

/**
 * The guarantees an entity gets because it is defined, checked for every model of the Prisma
 * schema (the cases are generated from it, so a new model is covered the day it is added).
 */
const models = getDatamodel().datamodel.models;
const linked = new Set(ENTITY_LIST.flatMap(([, d]) => d.links ?? []));

describe('every Prisma model is an entity, a link table of one, or a log', () => {
  it.each(Object.keys(models))('%s', (model) => {
    const kinds = [model in ENTITIES, linked.has(model), model in LOG_MODELS].filter(Boolean);
    expect(kinds, `${model}: add its definition to entities/definitions.ts (or list it as a log table)`).toHaveLength(1);
  });

  it('every definition names a Prisma model, and every DomainState table has exactly one definition', () => {
    for (const [type] of ENTITY_LIST) expect(MODEL_NAMES).toContain(type);
    const tables = ENTITY_LIST.flatMap(([, d]) => (d.table ? [d.table] : []));
    expect([...tables].sort()).toEqual(Object.keys(emptyState()).sort());
  });
});

describe.each(ENTITY_LIST)('%s', (type, def) => {
  const facts = modelFacts(type);

  it('has a locator unless only administrators read it; public ones are public', () => {
    expect(type in LOCATORS).toBe(def.visibility !== 'administrators');
    expect(PUBLIC_TYPES.has(type)).toBe(def.visibility === 'public');
  });

  it('names its display column when the model has a search column', () => {
    if (facts.searchable) expect(facts.scalars).toContain(def.displayName);
    if (def.displayName) expect(facts.scalars).toContain(def.displayName);
  });

  it('is inserted after every table it references', () => {
    if (!def.table) return;
    const order = TABLES.map(([, delegate]) => delegate);
    for (const referenced of facts.references) {
      const other = ENTITY_LIST.find(([t]) => t === referenced);
      if (!other?.[1].table) continue;
      expect(order.indexOf(modelFacts(referenced).delegate)).toBeLessThan(order.indexOf(facts.delegate));
    }
  });

  if (def.table && facts.searchable) {
    const table = def.table;
    it('folds the display name into nameSearch, and leaves it alone in a change that does not touch the name', () => {
      const name = 'Nguyễn Thị Ánh';
      const full = toRow(table, { id: 'x', [def.displayName ?? '']: name });
      expect(full.nameSearch).toBe('nguyen thi anh');
      expect(searchKey(name)).toBe('nguyen thi anh');
      expect(toRow(table, { id: 'x', validTo: '2026-01-01' })).not.toHaveProperty('nameSearch');
    });
  }
});

/** The domain's naming convention (an independent oracle for which keys hold record ids). */
const isIdKey = (key: string) => key === 'id' || ((key.endsWith('Id') || key.endsWith('Ids')) && key !== 'citizenId');

function withDatabaseIds(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => withDatabaseIds(v, key));
  if (typeof value === 'string' && isIdKey(key)) return stableUuid(value);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : [[k, withDatabaseIds(v, k)]])));
  }
  return value;
}

describe('the sample dataset written and read back is the same dataset (every table)', () => {
  let h: Awaited<ReturnType<typeof graphqlHarness>>;
  const dataset = longBien2022Dataset();
  let back: DomainState;
  beforeAll(async () => {
    h = await graphqlHarness(inject('databaseAdminUrl'));
    await writeState(h.prisma, dataset);
    back = await readState(h.prisma);
  });
  afterAll(() => h.close());

  it.each(Object.keys(emptyState()) as Array<keyof DomainState>)('%s', (table) => {
    const expected = (dataset[table] as object[]).map((r) => withDatabaseIds(r) as { id: string });
    const actual = new Map((back[table] as Array<{ id: string }>).map((r) => [r.id, r]));
    expect(actual.size).toBe(expected.length);
    for (const record of expected) expect(actual.get(record.id)).toMatchObject(record);
  });

  it('has records in most tables (the check is not vacuous)', () => {
    const filled = Object.values(dataset).filter((rows) => (rows as unknown[]).length > 0);
    expect(filled.length).toBeGreaterThan(25);
  });
});
