import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { arbitraryState } from '../report/test-support/arbitrary.js';
import { articleScaleLongBien } from '../report/test-support/article-scale.js';
import { longBienMini } from '../report/test-support/long-bien-mini.js';
import { longBienHistory, longBienState2003 } from '../testing/long-bien-history.js';
import { DOMAIN_TABLE_NAMES, DOMAIN_TABLES, type DomainState, type DomainTableName, emptyState, type TableRecord } from './state.js';
import { STORED_PERIOD_KEYS, STORED_RECORD_KEYS } from './stored-record.js';

/*
 * The registry's promise, for every table: a record's fields are its create schema's fields,
 * minus the table's `inputOnly`, plus `id` and the table's `derived` (a dated record's period
 * keys are create fields too). The type-level check covers every table by construction (a
 * mapped type over the registry); the runtime check reads the schemas' shapes and holds every
 * record of the domain's hand-made fixtures and of generated states to them.
 */

type Entry<T extends DomainTableName> = (typeof DOMAIN_TABLES)[T];
type CreateKey<T extends DomainTableName> = NonNullable<Entry<T>['createKeys']>;
type InputOnlyKey<T extends DomainTableName> = Entry<T>['inputOnly'][number];
type DerivedKey<T extends DomainTableName> = Entry<T>['derived'][number];
type ExpectedKey<T extends DomainTableName> = Exclude<CreateKey<T>, InputOnlyKey<T>> | (typeof STORED_RECORD_KEYS)[number] | DerivedKey<T>;
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('DOMAIN_TABLES: every record type agrees with its create schema', () => {
  it('by type: for every table, the record keys are the create keys − inputOnly + id + derived', () => {
    type Agreement = { [T in DomainTableName]: SameKeys<keyof TableRecord<T>, ExpectedKey<T>> };
    expectTypeOf<Agreement>().toEqualTypeOf<{ [T in DomainTableName]: true }>();
    // The period is the record's whenever its create schema has one, and only then.
    type Dated = {
      [T in DomainTableName]: SameKeys<
        'validFrom' extends CreateKey<T> ? true : false,
        'validTo' extends keyof TableRecord<T> ? true : false
      >;
    };
    expectTypeOf<Dated>().toEqualTypeOf<{ [T in DomainTableName]: true }>();
  });

  it('by value: inputOnly keys are create fields, derived keys are not', () => {
    for (const name of DOMAIN_TABLE_NAMES) {
      const { create, inputOnly, derived } = DOMAIN_TABLES[name];
      const createKeys = Object.keys(create.shape);
      expect(
        inputOnly.filter((k) => !createKeys.includes(k)),
        name,
      ).toEqual([]);
      expect(
        derived.filter((k) => createKeys.includes(k) || (STORED_RECORD_KEYS as readonly string[]).includes(k)),
        name,
      ).toEqual([]);
    }
  });

  /** Hand-made states of the domain's tests, and generated ones. */
  const fixtures: Array<readonly [string, DomainState]> = [
    ['longBienState2003', longBienState2003()],
    ['longBienHistory', longBienHistory()],
    ['oneOfEach', oneOfEach()],
    ['longBienMini', longBienMini().state],
    ['articleScaleLongBien', articleScaleLongBien().state],
    ...fc.sample(arbitraryState, { numRuns: 40, seed: 11 }).map((s, i) => [`arbitraryState #${i}`, s] as const),
  ];

  it.each(DOMAIN_TABLE_NAMES)('%s: every fixture record has the required fields of its create schema and no other', (name) => {
    const { allowed, required } = recordKeys(name);
    for (const [fixture, state] of fixtures) {
      for (const record of state[name]) {
        const keys = Object.keys(record);
        expect(
          keys.filter((k) => !allowed.has(k)),
          `${fixture}: ${name} ${record.id}`,
        ).toEqual([]);
        expect(
          [...required].filter((k) => !keys.includes(k)),
          `${fixture}: ${name} ${record.id}`,
        ).toEqual([]);
      }
    }
  });
});

/**
 * The keys a record of `name` may and must have, read from its create schema's shape: optional
 * are the fields that may be left out of the input (a left-out end date becomes null, but the
 * period is required of every dated record).
 */
function recordKeys(name: DomainTableName): { allowed: Set<string>; required: Set<string> } {
  const { create, inputOnly, derived } = DOMAIN_TABLES[name];
  const own = Object.entries(create.shape).filter(([k]) => !(inputOnly as readonly string[]).includes(k));
  const dated = own.some(([k]) => k === 'validFrom');
  return {
    allowed: new Set([...STORED_RECORD_KEYS, ...own.map(([k]) => k), ...derived]),
    required: new Set([
      ...STORED_RECORD_KEYS,
      ...(dated ? STORED_PERIOD_KEYS : []),
      ...own.filter(([, field]) => !field.isOptional()).map(([k]) => k),
      ...derived,
    ]),
  };
}

/**
 * A record, written by hand, of each table the other fixtures leave empty (with it, every table
 * has records; a new table is checked by type until a fixture holds one of its records).
 */
function oneOfEach(): DomainState {
  return {
    ...emptyState(),
    organizationParents: [{ id: 'op', organizationId: 'cell-5', parentId: 'ward-committee', validFrom: '2010-03-01', validTo: null }],
    posts: [{ id: 'post', organizationId: 'cell-5', role: 'SECRETARY', label: 'Bí thư chi bộ', validFrom: '2010-03-01', validTo: null }],
    residenceContactReviews: [{ id: 'rcr', residenceContactId: 'rc', year: 2023, reviewedOn: '2023-12-15', comment: 'Gương mẫu.' }],
    blocks: [{ id: 'block-a', buildingId: 'mipec', name: 'Tòa A' }],
    apartments: [{ id: 'a-1203', buildingId: 'mipec', blockId: 'block-a', number: 'A-1203', handedOverOn: '2016-02-01' }],
    ownerships: [{ id: 'own', apartmentId: 'a-1203', personId: 'an', kind: 'OWNER', validFrom: '2016-02-01', validTo: null }],
    petitionStatusChanges: [{ id: 'psc', petitionId: 'pet', status: 'RECEIVED', on: '2023-03-02' }],
    coordinationRegulationEvents: [{ id: 'cre', regulationId: 'reg', kind: 'AMENDED', on: '2024-01-05', note: null }],
  };
}

describe('emptyState', () => {
  it('has every table of the registry, each empty', () => {
    const state = emptyState();
    expect(Object.keys(state)).toEqual(DOMAIN_TABLE_NAMES);
    for (const name of DOMAIN_TABLE_NAMES) expect(state[name]).toEqual([]);
  });

  it('gives fresh arrays on every call (building on one never changes another)', () => {
    const a = emptyState();
    a.units.push({ id: 'u', kind: 'WARD', name: 'Giang Biên', validFrom: '2003-12-06', validTo: null });
    expect(emptyState().units).toEqual([]);
  });
});
