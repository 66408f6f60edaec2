import { describe, expect, it } from 'vitest';
import { bodyTree } from './body-tree-data';
import {
  eventDates,
  eventTense,
  expandedKeysFor,
  firstOf,
  type PlaceNode,
  placeNode,
  scopeOnDate,
  type TreeUnit,
  withChildren,
} from './place-tree-data';

const unit = (id: string, below = 0, buildings = 0): TreeUnit => ({
  id,
  name: id,
  kind: 'WARD',
  kindLabel: 'Phường',
  code: null,
  validFrom: '2003-11-06',
  validTo: null,
  children: { totalCount: below },
  buildings: { totalCount: buildings },
});

describe('the tree of places', () => {
  it('marks places with nothing below as leaves, so the tree offers no expander for them', () => {
    expect(placeNode(unit('hanoi', 1)).isLeaf).toBe(false);
    expect(placeNode(unit('group', 0)).isLeaf).toBe(true);
  });

  it('opens a residential group onto its buildings, and each building onto its board', () => {
    // A group with no places below it but two buildings is no leaf.
    expect(placeNode(unit('group-5', 0, 2)).isLeaf).toBe(false);
    const [group] = withChildren(
      [placeNode(unit('group-5', 0, 2))],
      'group-5',
      [],
      [
        { id: 'b-riverside', name: 'Chung cư Riverside', board: { id: 'board-r', name: 'Ban quản trị Chung cư Riverside' } },
        { id: 'b-old', name: 'Nhà A2', board: null },
      ],
    );
    expect(group?.isLeaf).toBe(false);
    expect(group?.children?.map((n) => [n.type, n.key, n.isLeaf])).toEqual([
      ['building', 'b-riverside', false],
      ['building', 'b-old', true],
    ]);
    expect(group?.children?.[0]?.children?.map((n) => [n.type, n.key])).toEqual([['board', 'board-r']]);
    // Buildings and boards are shown, not selected as places.
    expect(group?.children?.every((n) => n.type !== 'unit' && n.selectable === false)).toBe(true);
  });

  it('fills in the children of a nested node without touching the other branches', () => {
    const roots = [placeNode(unit('hanoi', 1)), placeNode(unit('other', 3))];
    const withDistrict = withChildren(roots, 'hanoi', [unit('long-bien', 2)]);
    const withWards = withChildren(withDistrict, 'long-bien', [unit('giang-bien', 20), unit('ngoc-thuy', 18)]);
    expect(withWards[0]?.children?.[0]?.children?.map((n) => n.key)).toEqual(['giang-bien', 'ngoc-thuy']);
    expect(withWards[1]).toBe(roots[1]);
    expect(roots[0]?.children).toBeUndefined();
  });

  it('turns a place whose children all ended into a leaf once loaded', () => {
    const [node] = withChildren([placeNode(unit('sai-dong', 2))], 'sai-dong', []) as [PlaceNode];
    expect(node.isLeaf).toBe(true);
    expect(node.children).toEqual([]);
  });

  it('opens the roots and the ancestors of the selected place, once each', () => {
    expect(expandedKeysFor([placeNode(unit('hanoi', 1))], ['long-bien', 'hanoi'])).toEqual(['hanoi', 'long-bien']);
  });
});

describe('what the tree starts from', () => {
  const district = { id: 'long-bien', validFrom: '2003-11-06', validTo: '2025-07-01' };
  it('is everything for an account without a territory', () => {
    expect(scopeOnDate(null, '2025-08-01')).toEqual({ kind: 'all' });
  });
  it('is the territory while it exists, and says why not otherwise', () => {
    expect(scopeOnDate(district, '2025-06-30')).toEqual({ kind: 'scope', id: 'long-bien' });
    expect(scopeOnDate(district, '2025-07-01')).toEqual({ kind: 'ended', ended: '2025-07-01' });
    expect(scopeOnDate(district, '2000-01-01')).toEqual({ kind: 'notYet', from: '2003-11-06' });
  });
});

describe('reorganisation events', () => {
  it('compare the last day before with the first day after', () => {
    expect(eventDates('2025-07-01')).toEqual({ before: '2025-06-30', after: '2025-07-01' });
    expect(eventDates('2025-01-01')).toEqual({ before: '2024-12-31', after: '2025-01-01' });
  });
  it('stand before, on or after the date shown', () => {
    expect(eventTense('2025-07-01', '2025-08-01')).toBe('before');
    expect(eventTense('2025-07-01', '2025-07-01')).toBe('on');
    expect(eventTense('2025-07-01', '2022-12-01')).toBe('after');
  });
  it('name the first places and count the rest', () => {
    expect(firstOf(['a', 'b', 'c'], 2)).toEqual({ shown: ['a', 'b'], more: 1 });
    expect(firstOf(['a'], 2)).toEqual({ shown: ['a'], more: 0 });
  });
});

describe('the tree of bodies', () => {
  it('nests sub-organisations under their body with keys unique by path', () => {
    const cell = { id: 'cell-1', name: 'Chi bộ TDP số 1', kind: 'PARTY_CELL' as const };
    const tree = bodyTree([
      { id: 'dang-uy', name: 'Đảng ủy phường Giang Biên', kind: 'WARD_PARTY_COMMITTEE', subOrganizations: [cell] },
      { id: 'ubnd', name: 'Ủy ban nhân dân phường Giang Biên', kind: 'PEOPLES_COMMITTEE', subOrganizations: [] },
    ]);
    expect(tree.map((n) => [n.key, n.count])).toEqual([
      ['dang-uy', 1],
      ['ubnd', 0],
    ]);
    expect(tree[0]?.children?.[0]?.key).toBe('dang-uy/cell-1');
    expect(tree[1]?.children).toBeUndefined();
  });
});
