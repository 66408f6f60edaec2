import type { Violation } from '../validation/result.js';
import { type ReferencePath, referencedIds, STATE_REFERENCES, stateReferences } from './references.js';
import type { DomainState, DomainTableName } from './state.js';

/** A reference that points at nothing: which record, which field, and the id not found. */
export interface BrokenReference {
  /** The table of the record that holds the reference. */
  table: DomainTableName;
  /** The record's id. */
  recordId: string;
  /** The field (see `ReferencePath`). */
  path: ReferencePath;
  /** The table the id should be in. */
  target: DomainTableName;
  /** The id found in no record of `target`. */
  missingId: string;
}

/**
 * Every reference of the state that points at no record (a typo in a `parentId`, a building
 * whose group was left out), read from `STATE_REFERENCES`. An empty list means every id is found.
 * A state built by hand should pass this before it is reported on: the report and the findings
 * refuse a state that does not (`brokenReferenceViolations`).
 */
export function checkStateIntegrity(state: Partial<DomainState>): BrokenReference[] {
  const ids = new Map<DomainTableName, Set<string>>();
  const idsOf = (table: DomainTableName): Set<string> => {
    let set = ids.get(table);
    if (!set) {
      set = new Set((state[table] ?? []).map((r) => r.id));
      ids.set(table, set);
    }
    return set;
  };
  const broken: BrokenReference[] = [];
  for (const { table, path, target } of stateReferences()) {
    for (const record of state[table] ?? []) {
      for (const id of referencedIds(record, path)) {
        if (!idsOf(target).has(id)) broken.push({ table, recordId: record.id, path, target, missingId: id });
      }
    }
  }
  return broken;
}

/** The tables a state must hold for its references to be checked (every table `STATE_REFERENCES` names). */
export const REFERENCED_TABLES: readonly DomainTableName[] = Object.keys(STATE_REFERENCES) as DomainTableName[];

/**
 * One `STATE_REFERENCE_MISSING` violation per broken reference, at `[table, recordId, ...field]`,
 * in Vietnamese and English: what a computation that refuses the state returns.
 */
export function brokenReferenceViolations(broken: readonly BrokenReference[]): Violation[] {
  return broken.map((b) => ({
    code: 'STATE_REFERENCE_MISSING',
    severity: 'error',
    path: [b.table, b.recordId, ...b.path.replace(/\[\]$/, '').split('.')],
    message: {
      vi: `Bản ghi "${b.recordId}" của bảng ${b.table} có ${b.path} = "${b.missingId}", nhưng bảng ${b.target} không có bản ghi đó.`,
      en: `Record "${b.recordId}" of ${b.table} has ${b.path} = "${b.missingId}", but ${b.target} holds no such record.`,
    },
  }));
}
