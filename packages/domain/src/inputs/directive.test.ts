import { describe, expect, it } from 'vitest';
import { createCommendationInput, createNominationInput, createTrainingInput, updateCommendationInput } from './index.js';
import { parseInput } from './parse-input.js';
import { codesAt, violationsOf } from './test-support/expect-result.js';

describe('createCommendationInput', () => {
  const base = { directiveId: 'tt-05', decidedOn: '2022-12-20' };

  it.each([
    [{ kind: 'COLLECTIVE', recipientOrganizationId: 'bqt' }, []],
    [{ kind: 'INDIVIDUAL', recipientPersonId: 'an' }, []],
    [{ kind: 'COLLECTIVE' }, ['REQUIRED_FIELD@recipientOrganizationId']],
    [{ kind: 'INDIVIDUAL', recipientOrganizationId: 'bqt' }, ['REQUIRED_FIELD@recipientPersonId', 'INVALID_VALUE@recipientOrganizationId']],
    [{ kind: 'COLLECTIVE', recipientOrganizationId: 'bqt', recipientPersonId: 'an' }, ['INVALID_VALUE@recipientPersonId']],
  ])('%j → %j', (fields, expected) => {
    const result = parseInput(createCommendationInput, { ...base, ...fields });
    expect(result.ok ? [] : codesAt(result.violations)).toEqual(expected);
  });

  it('on update, refuses only the recipient that contradicts the kind', () => {
    expect(parseInput(updateCommendationInput, { id: 'c', version: 1, kind: 'COLLECTIVE' }).ok).toBe(true);
    expect(
      codesAt(violationsOf(parseInput(updateCommendationInput, { id: 'c', version: 1, kind: 'COLLECTIVE', recipientPersonId: 'an' }))),
    ).toEqual(['INVALID_VALUE@recipientPersonId']);
  });
});

describe('createTrainingInput', () => {
  const base = { title: 'Tập huấn PCCC', heldOn: '2022-10-01', organizerId: 'ubnd' };

  it.each([
    [['FIRE_SAFETY'], []],
    [['FIRE_SAFETY', 'RESCUE', 'BUILDING_OPERATION'], []],
    [[], ['REQUIRED_FIELD@topics']],
    [['FIRE_SAFETY', 'FIRE_SAFETY'], ['INVALID_VALUE@topics.1']],
    [['FIRE_SAFETY', 'COOKING'], ['INVALID_VALUE@topics.1']],
    ['FIRE_SAFETY', ['INVALID_VALUE@topics']],
  ])('topics %j → %j', (topics, expected) => {
    const result = parseInput(createTrainingInput, { ...base, topics });
    expect(result.ok ? [] : codesAt(result.violations)).toEqual(expected);
  });

  it('names a duplicated topic by its label', () => {
    const [v] = violationsOf(parseInput(createTrainingInput, { ...base, topics: ['RESCUE', 'RESCUE'] }));
    expect(v?.message.vi).toBe('Nội dung tập huấn "Cứu nạn, cứu hộ" được chọn hai lần.');
  });
});

describe('createNominationInput', () => {
  it('refuses unknown categories and outcomes', () => {
    const nomination = { nominatingOrganizationId: 'du', personId: 'an', boardId: 'bqt', nominatedOn: '2022-02-01' };
    expect(codesAt(violationsOf(parseInput(createNominationInput, { ...nomination, category: 'FRIEND', outcome: 'WON' })))).toEqual([
      'INVALID_VALUE@category',
      'INVALID_VALUE@outcome',
    ]);
  });
});
