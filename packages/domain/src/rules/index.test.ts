import { describe, expect, it } from 'vitest';
import * as rules from './index.js';

/** The rule codes the brief assigns to this folder; each module's own test proves each one fails. */
const ASSIGNED = [
  'BOARD_MIN_MEMBERS',
  'BOARD_MIN_MEMBERS_PER_BLOCK',
  'COMPLEX_BOARD_MIN_MEMBERS',
  'BOARD_ONE_HEAD',
  'BOARD_DEPUTIES',
  'BOARD_MEMBER_OWNER',
  'BOARD_TERM_LENGTH',
  'BOARD_RECOGNITION_FILING',
  'BOARD_RECOGNITION_DECISION',
  'BOARD_RECOGNITION_LEVEL',
  'FIRST_CONFERENCE_DUE',
  'CELL_MIN_OFFICIAL_MEMBERS',
  'CELL_SHOULD_BECOME_COMMITTEE',
  'CELL_LEADERSHIP',
  'CELL_COMMITTEE_SIZE',
  'CELL_ONE_SECRETARY',
  'GROUP_ONE_HEAD',
  'GROUP_HEAD_AGE',
  'GROUP_HEAD_RESIDENT',
  'GROUP_HEAD_TERM',
  'GROUP_INTERIM_HEAD',
  'PERIOD_ORDER',
  'MEMBERSHIP_OVERLAP',
  'ENTITY_NOT_FOUND',
  'UNIT_ONE_PARENT',
  'UNIT_PARENT_KIND',
  'RESIDENCE_CONTACT_REVIEW_DUE',
];

describe('rules/index', () => {
  const implemented = new Set<string>([
    ...rules.BOARD_RULE_CODES,
    ...rules.CELL_RULE_CODES,
    ...rules.GROUP_RULE_CODES,
    ...rules.MEMBERSHIP_RULE_CODES,
    ...rules.RESIDENCE_CONTACT_RULE_CODES,
  ]);

  it('implements every assigned rule code', () => {
    expect(ASSIGNED.filter((c) => !implemented.has(c))).toEqual([]);
  });

  it('reports only catalogued codes', () => {
    expect([...implemented].filter((c) => !(rules.RULE_CODES as readonly string[]).includes(c))).toEqual([]);
  });

  it('re-exports the checks, the catalog and the rule data', () => {
    const api: Record<string, unknown> = { ...rules };
    for (const name of [
      'checkBoardMembers',
      'checkBoard',
      'checkBoardTerm',
      'checkFirstConference',
      'buildingNeedsBoard',
      'activeBoardMemberships',
      'currentBoardTerm',
      'checkCell',
      'partyMembersOfCell',
      'officialMembersOfCell',
      'checkGroupLeadership',
      'checkGroupHeadAppointment',
      'checkMembership',
      'checkUnitParent',
      'checkResidenceContactReviews',
      'ruleParameter',
      'numericRuleParameter',
      'ruleViolation',
    ] as const) {
      expect(typeof api[name]).toBe('function');
    }
    expect(rules.RULES.BOARD_MIN_MEMBERS.severity).toBe('error');
    expect(rules.DEFAULT_RULE_DATA.length).toBeGreaterThan(0);
  });

  it('takes the severity from the catalog', () => {
    const v = rules.ruleViolation('FIRST_CONFERENCE_DUE', ['x'], rules.entityRef('ApartmentBuilding', 'b'), 'Tòa nhà', 'Building');
    expect(v.severity).toBe('warning');
    expect(rules.ruleViolation('BOARD_MIN_MEMBERS', [], undefined, 'a', 'b').severity).toBe('error');
  });
});
