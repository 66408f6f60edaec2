import { addDays, type IsoDate } from '@coso/domain';
import type { ExplorerTreeUnitFragment } from '../gql/graphql';

export type TreeUnit = ExplorerTreeUnitFragment;

/** A place in the explorer's tree; `children` stays undefined until loaded (antd Tree then calls loadData). */
export interface PlaceNode {
  key: string;
  unit: TreeUnit;
  isLeaf: boolean;
  children?: PlaceNode[];
}

export function placeNode(unit: TreeUnit): PlaceNode {
  return { key: unit.id, unit, isLeaf: unit.children.totalCount === 0 };
}

/** The tree with the children of `key` filled in (a new tree: React state is never mutated). */
export function withChildren(nodes: readonly PlaceNode[], key: string, children: readonly TreeUnit[]): PlaceNode[] {
  return nodes.map((node) => {
    if (node.key === key) return { ...node, isLeaf: children.length === 0, children: children.map(placeNode) };
    if (!node.children) return node;
    const updated = withChildren(node.children, key, children);
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
