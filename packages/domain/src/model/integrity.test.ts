/// <reference types="node" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { computeFindings } from '../findings/compute.js';
import { idField, optionalIdField } from '../inputs/fields.js';
import { directiveReport } from '../report/directive-report.js';
import { arbitraryState } from '../report/test-support/arbitrary.js';
import { articleScaleLongBien } from '../report/test-support/article-scale.js';
import { longBienMini } from '../report/test-support/long-bien-mini.js';
import { storedState } from '../report/test-support/stored-arbitrary.js';
import { longBienHistory } from '../testing/long-bien-history.js';
import { checkStateIntegrity } from './integrity.js';
import { STATE_REFERENCES, stateReferences } from './references.js';
import { DOMAIN_TABLE_NAMES, DOMAIN_TABLES, type DomainState, type DomainTableName } from './state.js';

/*
 * checkStateIntegrity against states whose broken references the test itself made: every
 * reference field of every table, broken alone in a random valid state, is reported (and nothing
 * else is); valid states, generated or hand-made, are clean. STATE_REFERENCES is held to the
 * create schemas, so a new id field cannot be left out of the check.
 */

type LooseRecord = Record<string, unknown> & { id: string };
type LooseState = Record<DomainTableName, LooseRecord[]>;

/** Sets a reference path in a record (`a.b`, `list[]`), creating what is missing. */
function setPath(record: LooseRecord, path: string, ids: string[]): void {
  const many = path.endsWith('[]');
  const steps = (many ? path.slice(0, -2) : path).split('.');
  let target: Record<string, unknown> = record;
  for (const step of steps.slice(0, -1)) {
    if (typeof target[step] !== 'object' || target[step] === null) target[step] = {};
    target = target[step] as Record<string, unknown>;
  }
  const last = steps.at(-1) as string;
  target[last] = many ? ids : ids[0];
}

/** One record per table with every reference field pointing at the first record of its target. */
function everyReferenceOnce(): LooseState {
  const state = Object.fromEntries(DOMAIN_TABLE_NAMES.map((t) => [t, [{ id: `${t}#1` }]])) as LooseState;
  for (const { table, path, target } of stateReferences()) setPath(state[table][0] as LooseRecord, path, [`${target}#1`]);
  return state;
}

/** A random valid state with the every-reference records added (their ids are disjoint from it). */
function withEveryReference(base: DomainState): LooseState {
  const extra = everyReferenceOnce();
  const loose = base as unknown as LooseState;
  return Object.fromEntries(DOMAIN_TABLE_NAMES.map((t) => [t, [...loose[t].map((r) => structuredClone(r)), ...extra[t]]])) as LooseState;
}

const asState = (s: LooseState) => s as unknown as DomainState;

describe('checkStateIntegrity', () => {
  it('finds nothing wrong in valid states: generated and hand-made', () => {
    fc.assert(
      fc.property(storedState, (state) => {
        expect(checkStateIntegrity(state)).toEqual([]);
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(arbitraryState, (state) => {
        expect(checkStateIntegrity(state)).toEqual([]);
      }),
      { numRuns: 60 },
    );
    for (const state of [longBienHistory(), longBienMini().state, articleScaleLongBien().state])
      expect(checkStateIntegrity(state)).toEqual([]);
    expect(checkStateIntegrity(asState(everyReferenceOnce()))).toEqual([]);
  });

  const references = stateReferences();
  it.each(references.map((r) => [`${r.table}.${r.path}`, r] as const))('reports %s pointing at nothing, and only that', (_, ref) => {
    fc.assert(
      fc.property(storedState, fc.nat(), fc.string({ minLength: 1, maxLength: 8 }), (base, pick, typo) => {
        const state = withEveryReference(base);
        // Break the field in one record of the table that holds the reference (the added record always does).
        const holders = state[ref.table].filter((r) => {
          const steps = ref.path.replace(/\[\]$/, '').split('.');
          let v: unknown = r;
          for (const s of steps) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[s] : undefined;
          return ref.path.endsWith('[]') ? Array.isArray(v) && v.length > 0 : typeof v === 'string';
        });
        const record = holders[pick % holders.length] as LooseRecord;
        const missingId = `missing:${typo}`;
        if (ref.path.endsWith('[]')) {
          const steps = ref.path.slice(0, -2).split('.');
          const list = steps.reduce<unknown>((v, s) => (v as Record<string, unknown>)[s], record) as string[];
          list[pick % list.length] = missingId;
        } else {
          setPath(record, ref.path, [missingId]);
        }
        expect(checkStateIntegrity(asState(state))).toEqual([
          { table: ref.table, recordId: record.id, path: ref.path, target: ref.target, missingId },
        ]);
      }),
      { numRuns: 15 },
    );
  });

  it('knows every id field of every table: STATE_REFERENCES agrees with the create schemas', () => {
    // Id fields read from the schemas themselves (the shared idField / optionalIdField), nested
    // objects and lists included; fields a record does not keep (inputOnly) are left out, and
    // derived fields (a reorganisation's unit lists) are listed by hand.
    const found = new Set<string>();
    const walk = (schema: z.ZodType, path: string, table: string): void => {
      if (schema === idField || schema === optionalIdField) {
        found.add(`${table}.${path}`);
        return;
      }
      const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
      if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'pipe') {
        walk((def.innerType ?? def.in) as z.ZodType, path, table);
      } else if (def.type === 'array') {
        walk(def.element as z.ZodType, `${path}[]`, table);
      } else if (def.type === 'object') {
        for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
          walk(field, path ? `${path}.${key}` : key, table);
        }
      }
    };
    for (const table of DOMAIN_TABLE_NAMES) {
      const entry = DOMAIN_TABLES[table];
      const shape = (entry.create as z.ZodObject).shape as Record<string, z.ZodType>;
      for (const [key, field] of Object.entries(shape)) if (!(entry.inputOnly as readonly string[]).includes(key)) walk(field, key, table);
    }
    const derived = ['reorganisations.originalUnitIds[]', 'reorganisations.resultingUnitIds[]'];
    const listed = references.map((r) => `${r.table}.${r.path}`);
    expect([...listed].sort()).toEqual([...found, ...derived].sort());
    expect(Object.keys(STATE_REFERENCES).sort()).toEqual([...DOMAIN_TABLE_NAMES].sort());
  });
});

describe('the findings and the report refuse a state with broken references', () => {
  it('a building in a residential group that does not exist: both refuse, naming it', () => {
    const state = longBienHistory();
    state.buildings.push({
      id: 'b-typo',
      name: 'Chung cư có lỗi',
      residentialGroupId: 'group-giang-bien-l',
      apartmentCount: 120,
      blockCount: 1,
      multipleOwners: true,
      complexId: null,
      validFrom: '2015-01-01',
      validTo: null,
    });
    const expected = {
      code: 'STATE_REFERENCE_MISSING',
      severity: 'error',
      path: ['buildings', 'b-typo', 'residentialGroupId'],
      message: {
        vi: 'Bản ghi "b-typo" của bảng buildings có residentialGroupId = "group-giang-bien-l", nhưng bảng units không có bản ghi đó.',
        en: 'Record "b-typo" of buildings has residentialGroupId = "group-giang-bien-l", but units holds no such record.',
      },
    };
    expect(computeFindings(state, { scopeUnitId: 'long-bien-district', on: '2022-12-01' })).toEqual({ ok: false, violations: [expected] });
    state.directives.push({
      id: 'tt-05',
      code: '05-TT/QU',
      title: 'Thông tri 05',
      issuedOn: '2021-09-30',
      issuerId: 'org-nowhere',
      scopeUnitId: 'long-bien-district',
    });
    const report = directiveReport(state, { directiveId: 'tt-05', scopeUnitId: 'long-bien-district', to: '2022-12-01' });
    expect(report.ok ? [] : report.violations.map((v) => v.path)).toEqual([
      ['buildings', 'b-typo', 'residentialGroupId'],
      ['directives', 'tt-05', 'issuerId'],
    ]);
  });
});
