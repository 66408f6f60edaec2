import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conjuncts, Proven, withoutImplied } from './proven.js';

/**
 * A nested level's condition without what its proven parent implies means the same: the oracle is
 * a small evaluator of Prisma's condition grammar (AND / OR / NOT, to-one relations, scalar atoms
 * whose truth is drawn at random), run on generated conditions of a membership (child) under a
 * body (parent) that met its own generated condition. Whatever was dropped, the child's condition
 * evaluates the same on every drawn state.
 */

type Row = Record<string, unknown>;
type Truth = (atom: string) => boolean;

/** Prisma's reading of a condition on `model`'s row; relations read the related row's atoms. */
function holds(model: string, where: Row, truth: Truth): boolean {
  return Object.entries(where).every(([key, value]) => {
    if (value === undefined) return true;
    if (key === 'AND') return (Array.isArray(value) ? value : [value]).every((w) => holds(model, w as Row, truth));
    if (key === 'OR') return (value as Row[]).some((w) => holds(model, w, truth));
    if (key === 'NOT') return (Array.isArray(value) ? value : [value]).every((w) => !holds(model, w as Row, truth));
    if (key === 'organization') return holds('Organization', value as Row, truth);
    if (key === 'person') return holds('Person', value as Row, truth);
    return truth(`${model}.${key}=${String(value)}`);
  });
}

const tree = (atom: fc.Arbitrary<Row>, extra: fc.Arbitrary<Row>[] = []) =>
  fc.letrec<{ node: Row }>((tie) => ({
    node: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'c' },
      atom,
      ...extra,
      fc.record({ OR: fc.array(tie('node'), { maxLength: 3 }) }),
      fc.record({ AND: fc.array(tie('node'), { maxLength: 3 }) }),
      fc.record({ NOT: tie('node') }),
      // Several keys on one object: implicitly AND.
      fc.tuple(atom, tie('node')).map(([a, b]) => ({ ...b, ...a })),
    ),
  })).node;

const bodyAtom = fc.constantFrom('k0', 'k1', 'k2', 'k3').map((k): Row => ({ kind: k }));
const bodyWhere = tree(bodyAtom);

/** A membership's condition; its `organization` conditions are often made of the body's own conjuncts. */
const memberWhere = (body: Row) => {
  const own = conjuncts(body);
  const ofBody = fc.subarray(own).map((c): Row => ({ organization: { AND: c } }));
  const other = tree(bodyAtom).map((w): Row => ({ organization: w }));
  const atom = fc.constantFrom('HEAD', 'MEMBER').map((r): Row => ({ role: r }));
  const person = fc.constantFrom('a', 'b').map((n): Row => ({ person: { fullName: n } }));
  return tree(atom, [ofBody, ofBody, other, person]);
};

const state = fc.func(fc.boolean());

describe('a level’s condition without what its parent proved (compiled reads)', () => {
  it('means the same for every generated condition and state where the parent met its own', () => {
    let dropped = 0;
    fc.assert(
      fc.property(
        bodyWhere.chain((body) => fc.tuple(fc.constant(body), memberWhere(body))),
        state,
        ([body, member], draw) => {
          // The body row is the one the statement filtered by `body`: a state where it holds.
          const truth: Truth = (atom) => draw(atom);
          fc.pre(holds('Organization', body, truth));
          const reduced = withoutImplied('Membership', member, 'organization', new Proven(body)) as Row;
          if (reduced !== member) dropped += 1;
          expect(holds('Membership', reduced, truth)).toBe(holds('Membership', member, truth));
        },
      ),
      { numRuns: 2000 },
    );
    // The property is not met by dropping nothing.
    expect(dropped).toBeGreaterThan(100);
  });

  it('drops the body’s territory under a proven body, and keeps what the body did not prove', () => {
    const territory = { OR: [{ areas: { some: { unitId: 'u' } } }, { building: { residentialGroupId: 'g' } }] };
    const body = { kind: 'MANAGEMENT_BOARD', AND: [territory] };
    const proven = new Proven(body);
    expect(withoutImplied('Membership', { role: 'HEAD', AND: [{ organization: territory }] }, 'organization', proven)).toEqual({
      AND: [{ role: 'HEAD' }],
    });
    // Another condition on the body (the party rule of a viewer without party rights) stays.
    const party = { organization: { kind: { notIn: ['PARTY_CELL'] } } };
    expect(withoutImplied('Membership', party, 'organization', proven)).toBe(party);
    // `is` / `isNot` and the other relation are not the join: kept.
    const is = { organization: { is: territory } };
    expect(withoutImplied('Membership', is, 'organization', proven)).toBe(is);
    const person = { person: territory };
    expect(withoutImplied('Membership', person, 'organization', proven)).toBe(person);
    // A list relation is no parent row: nothing is dropped.
    const areas = { areas: { some: territory } };
    expect(withoutImplied('Organization', areas, 'areas', proven)).toBe(areas);
    // The board under a building: one member of its place's OR is the building the statement proved.
    const building = new Proven({ AND: [{ residentialGroup: { id: 'g' } }] });
    const place = { OR: [{ areas: { some: { unitId: 'u' } } }, { building: { residentialGroup: { id: 'g' } } }] };
    expect(withoutImplied('Organization', { kind: 'MANAGEMENT_BOARD', AND: [place] }, 'building', building)).toEqual({
      AND: [{ kind: 'MANAGEMENT_BOARD' }],
    });
  });
});
