import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionKey, isMarked, markFilteredRows } from './read-marks.js';

/**
 * The walk that marks rows (read-marks.ts), over generated where-trees: a read condition proves a
 * row readable exactly when it must hold for the row to be returned — reached from the level's where
 * through `AND`s (lists, single objects, spread into the where) and to-one relations only; under an
 * `OR`, a `NOT` or a to-many relation's `some` it proves nothing. The expectation is that rule, stated
 * on the generated path, not derived from the walk.
 */
type Step = 'andList' | 'andSingle' | 'spread' | 'or' | 'not';
const STEPS: Step[] = ['andList', 'andSingle', 'spread', 'or', 'not'];

/** A read condition as `Access.readWhere` builds it (its content never matters to the walk). */
const condition = (tag: number) => ({ AND: [{ id: { not: `tag-${tag}` } }] });

function around(w: Record<string, unknown>, step: Step): Record<string, unknown> {
  if (step === 'andList') return { AND: [{ role: 'HEAD' }, w] };
  if (step === 'andSingle') return { AND: w };
  if (step === 'spread') return Object.assign({ validTo: null }, w);
  if (step === 'or') return { OR: [w, { role: 'MEMBER' }] };
  return { NOT: w };
}

function wrap(inner: Record<string, unknown>, steps: readonly Step[]): Record<string, unknown> {
  let w = inner;
  for (const step of steps) w = around(w, step);
  return w;
}

const holdsOnEveryRow = (steps: readonly Step[]) => !steps.some((s) => s === 'or' || s === 'not');

describe('marking rows filtered by a read condition', () => {
  it('the rows of a level: marked exactly when the condition is a conjunct of its where', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STEPS), { maxLength: 6 }), fc.nat(), (steps, tag) => {
        const read = condition(tag);
        const rows = [{ id: 'm1' }, { id: 'm2' }];
        markFilteredRows('Membership', { where: wrap(read, steps) }, rows);
        const key = conditionKey('Membership', read);
        for (const row of rows) expect(isMarked(row, key)).toBe(holdsOnEveryRow(steps));
        // Never for another model, whatever the shape.
        for (const row of rows) expect(isMarked(row, conditionKey('Person', read))).toBe(false);
      }),
    );
  });

  it('a to-one relation named in the where marks the related row; a to-many relation’s `some` marks nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STEPS), { maxLength: 5 }), fc.nat(), (steps, tag) => {
        const read = condition(tag);
        const person = { id: 'p1' };
        const memberships = [{ id: 'm1', person }];
        markFilteredRows('Membership', { where: { validTo: null, person: wrap(read, steps) }, include: { person: true } }, memberships);
        expect(isMarked(person, conditionKey('Person', read))).toBe(holdsOnEveryRow(steps));
        expect(isMarked(memberships[0] as object, conditionKey('Person', read))).toBe(false);

        const organization = { id: 'o1', memberships: [{ id: 'm2' }] };
        markFilteredRows('Organization', { where: { memberships: { some: wrap(read, steps) } }, include: { memberships: true } }, [
          organization,
        ]);
        expect(isMarked(organization, conditionKey('Membership', read))).toBe(false);
        expect(isMarked(organization.memberships[0] as object, conditionKey('Membership', read))).toBe(false);
      }),
    );
  });

  it('nested selections: each level by its own where, through select and include, at any depth', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.nat(), (viaSelect, filterInner, tag) => {
        const read = condition(tag);
        const member = { id: 'm1', role: 'HEAD' };
        const board = { id: 'o1', memberships: [member] };
        const building = { id: 'b1', boards: [board] };
        const inner = { where: filterInner ? { AND: [read] } : { role: 'HEAD' } };
        const boards = viaSelect ? { select: { memberships: inner } } : { include: { memberships: inner } };
        markFilteredRows('ApartmentBuilding', { where: { name: 'x' }, include: { boards } }, [building]);
        expect(isMarked(member, conditionKey('Membership', read))).toBe(filterInner);
        expect(isMarked(board, conditionKey('Membership', read))).toBe(false);
      }),
    );
  });
});
