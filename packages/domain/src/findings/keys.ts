import type { EntityRef } from '../validation/result.js';
import type { Finding, FindingCode } from './types.js';

/**
 * A finding's stable identity, so work on it (assignment, due date, resolution) can be stored:
 * its rule code and the records it is about. Findings are computed, so the key is all that links a
 * stored work item to the finding it was about. Which related records belong to the identity is
 * said once per code: a board head's finding is per (head, board) since a person may head two
 * boards; an expired term's finding is per term, so a later term that expires is a new gap; a
 * group's missing regulation stays the same gap whichever boards it names.
 */
export const FINDING_IDENTITY: Readonly<Record<FindingCode, readonly string[]>> = {
  GROUP_WITHOUT_CELL: [],
  BUILDING_WITHOUT_BOARD: [],
  BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER: [],
  BOARD_TERM_EXPIRED: ['BoardTerm'],
  BOARD_HEAD_WITHOUT_FIRE_TRAINING: ['Organization'],
  CELL_MIN_OFFICIAL_MEMBERS: [],
  GROUP_WITHOUT_COORDINATION_REGULATION: [],
};

const ref = (r: EntityRef): string => `${r.type}:${r.id}`;

/**
 * "CODE|Type:id" then "|Type:id" for each identifying related record, in the finding's order.
 *
 * @example findingKey(f) // 'BOARD_HEAD_WITHOUT_FIRE_TRAINING|Person:p4|Organization:bq2'
 */
export function findingKey(finding: Pick<Finding, 'code' | 'entity' | 'related'>): string {
  const identifying = new Set(FINDING_IDENTITY[finding.code]);
  const related = (finding.related ?? []).filter((r) => identifying.has(r.type)).map(ref);
  return [finding.code, ref(finding.entity), ...related].join('|');
}

/** The rule code a key was made for, or undefined for text that is no finding key. */
export function findingKeyCode(key: string): FindingCode | undefined {
  const code = key.split('|', 1)[0] ?? '';
  return Object.hasOwn(FINDING_IDENTITY, code) ? (code as FindingCode) : undefined;
}

/** The states of work on a finding: open (to do), resolved (fixed), accepted (will not be fixed, with a reason). */
export const FINDING_WORK_STATES = ['OPEN', 'RESOLVED', 'ACCEPTED'] as const;
/** One of `FINDING_WORK_STATES`. */
export type FindingWorkState = (typeof FINDING_WORK_STATES)[number];
