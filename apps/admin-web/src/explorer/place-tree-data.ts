import { addDays, type IsoDate } from '@coso/domain';
import type { ExplorerTreeUnitFragment } from '../gql/graphql';

export type TreeUnit = ExplorerTreeUnitFragment;

/** A building below a residential group, with its management board on the date (if any). */
export interface TreeBuilding {
  id: string;
  name: string;
  board?: { id: string; name: string } | null;
}

/**
 * A node of the explorer's tree: a place (its `children` stay undefined until loaded: antd Tree
 * then calls loadData), or below a residential group a building and, below that, its board.
 */
export type PlaceNode =
  | { type: 'unit'; key: string; unit: TreeUnit; isLeaf: boolean; children?: PlaceNode[] }
  | { type: 'building'; key: string; building: TreeBuilding; isLeaf: boolean; selectable: false; children: PlaceNode[] }
  | { type: 'board'; key: string; board: { id: string; name: string }; isLeaf: true; selectable: false; children?: never };

/** A place: a leaf when nothing lies below it, neither places nor buildings. */
export function placeNode(unit: TreeUnit): PlaceNode {
  return { type: 'unit', key: unit.id, unit, isLeaf: unit.children.totalCount === 0 && (unit.buildings?.totalCount ?? 0) === 0 };
}

/** A building, with its board below it (keys are the records' global ids, unique across types). */
export function buildingNode(building: TreeBuilding): PlaceNode {
  const board = building.board;
  return {
    type: 'building',
    key: building.id,
    building,
    selectable: false,
    isLeaf: !board,
    children: board ? [{ type: 'board', key: board.id, board, isLeaf: true, selectable: false }] : [],
  };
}

/** The tree with what lies below `key` filled in: its places, then its buildings (a new tree: React state is never mutated). */
export function withChildren(
  nodes: readonly PlaceNode[],
  key: string,
  children: readonly TreeUnit[],
  buildings: readonly TreeBuilding[] = [],
): PlaceNode[] {
  return nodes.map((node) => {
    if (node.type !== 'unit') return node;
    if (node.key === key) {
      const below = [...children.map(placeNode), ...buildings.map(buildingNode)];
      return { ...node, isLeaf: below.length === 0, children: below };
    }
    if (!node.children) return node;
    const updated = withChildren(node.children, key, children, buildings);
    return updated.every((child, i) => child === node.children?.[i]) ? node : { ...node, children: updated };
  });
}

/** The keys to open so the selected place shows: the roots, and the selected place's ancestors. */
export function expandedKeysFor(roots: readonly PlaceNode[], ancestorIds: readonly string[]): string[] {
  return [...new Set([...roots.map((r) => r.key), ...ancestorIds])];
}

/** Where an event stands relative to the date shown. */
export type EventTense = 'before' | 'on' | 'after';

export function eventTense(effectiveOn: IsoDate, asOf: IsoDate): EventTense {
  if (effectiveOn === asOf) return 'on';
  return effectiveOn < asOf ? 'before' : 'after';
}

/** The two dates worth comparing around an event: its last day before, and its first day. */
export function eventDates(effectiveOn: IsoDate): { before: IsoDate; after: IsoDate } {
  return { before: addDays(effectiveOn, -1), after: effectiveOn };
}

/** The first `max` items and how many more there are, for long lists of places in an event. */
export function firstOf<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/**
 * What the tree starts from on a date, for an account with a territory (scope): the territory
 * when it exists on that date, or why the tree is empty (ended before, not yet formed).
 */
export type ScopeOnDate =
  | { kind: 'all' }
  | { kind: 'scope'; id: string }
  | { kind: 'ended'; ended: IsoDate }
  | { kind: 'notYet'; from: IsoDate };

export function scopeOnDate(
  scope: { id: string; validFrom: IsoDate; validTo: IsoDate | null } | null | undefined,
  asOf: IsoDate,
): ScopeOnDate {
  if (!scope) return { kind: 'all' };
  if (scope.validTo !== null && scope.validTo <= asOf) return { kind: 'ended', ended: scope.validTo };
  if (asOf < scope.validFrom) return { kind: 'notYet', from: scope.validFrom };
  return { kind: 'scope', id: scope.id };
}
