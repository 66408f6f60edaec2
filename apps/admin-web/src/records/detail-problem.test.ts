import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { currentNode, detailProblem } from './detail-problem';

const graphqlErrors = (...errors: Array<{ code: string; path: string[] }>) =>
  new CombinedGraphQLErrors({
    errors: errors.map((e) => ({ message: 'x / x', path: e.path, extensions: { code: e.code } })),
  });

describe('detailProblem', () => {
  const person = { __typename: 'Person', id: 'p' };
  it('shows the record, even with errors on nested fields', () => {
    expect(detailProblem(undefined, person, 'Person', false)).toBeNull();
    expect(detailProblem(graphqlErrors({ code: 'FORBIDDEN', path: ['node', 'residenceUnit'] }), person, 'Person', false)).toBeNull();
  });

  it('says forbidden when the server refused the record itself', () => {
    expect(detailProblem(graphqlErrors({ code: 'FORBIDDEN', path: ['node'] }), null, 'Person', false)).toBe('forbidden');
  });

  it('says not found for no record, another type, or an id that does not decode', () => {
    expect(detailProblem(undefined, null, 'Person', false)).toBe('not-found');
    expect(detailProblem(undefined, { __typename: 'Organization' }, 'Person', false)).toBe('not-found');
    expect(detailProblem(graphqlErrors({ code: 'BAD_USER_INPUT', path: ['node'] }), null, 'Person', false)).toBe('not-found');
  });

  it('waits while loading and says error when the request failed', () => {
    expect(detailProblem(undefined, undefined, 'Person', true)).toBeNull();
    expect(detailProblem(new Error('network'), undefined, 'Person', false)).toBe('error');
    expect(detailProblem(graphqlErrors({ code: 'INTERNAL_SERVER_ERROR', path: ['node'] }), null, 'Person', false)).toBe('error');
  });
});

describe('currentNode', () => {
  it("keeps the previous answer while another date loads, but never another record's", () => {
    const a = { __typename: 'Person', id: 'a' };
    expect(currentNode({ node: null }, { node: a }, 'a')).toBeNull();
    expect(currentNode(undefined, { node: a }, 'a')).toBe(a);
    expect(currentNode(undefined, { node: a }, 'b')).toBeUndefined();
  });
});
