import type { OrganizationKind } from '@coso/domain';

/** A body as the explorer reads it: nested sub-organisations, to a fixed depth. */
export interface BodyLike {
  id: string;
  name: string;
  kind: OrganizationKind;
  subOrganizations?: readonly BodyLike[];
}

export interface BodyNode {
  /** The path of ids: a body may show under two parents in one tree, keys may not repeat. */
  key: string;
  body: BodyLike;
  /** Sub-organisations on the date (as far as the query read them). */
  count: number;
  children?: BodyNode[];
}

/** Bodies serving a place, each with its sub-organisations below it (ward party committee → its cells). */
export function bodyTree(bodies: readonly BodyLike[], parentKey = ''): BodyNode[] {
  return bodies.map((body) => {
    const key = parentKey ? `${parentKey}/${body.id}` : body.id;
    const subs = body.subOrganizations ?? [];
    return { key, body, count: subs.length, ...(subs.length > 0 ? { children: bodyTree(subs, key) } : {}) };
  });
}
