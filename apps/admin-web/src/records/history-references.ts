import { isUuid } from '@coso/domain';
import { unitLabel } from '../lists/record-links';
import { changedFields } from './history-diff';

/** The record types a trail's id can be named by (each has a name the server returns). */
export type ReferenceType = 'AdministrativeUnit' | 'ApartmentBuilding' | 'ApartmentComplex' | 'Directive' | 'Organization' | 'Person';

/**
 * Which record a field holding a database id points to, by the field's name (the mutations'
 * `idOf`, and the database's relations). Ids of records without a name (a post, a term) are not
 * listed: they stay short codes.
 */
const REFERENCE_FIELDS: Readonly<Record<string, ReferenceType>> = {
  residenceUnitId: 'AdministrativeUnit',
  residentialGroupId: 'AdministrativeUnit',
  unitId: 'AdministrativeUnit',
  unitIds: 'AdministrativeUnit',
  scopeUnitId: 'AdministrativeUnit',
  organizationId: 'Organization',
  boardId: 'Organization',
  homeCellId: 'Organization',
  residenceCellId: 'Organization',
  issuerId: 'Organization',
  organizerId: 'Organization',
  recognitionIssuerId: 'Organization',
  nominatingOrganizationId: 'Organization',
  presenterOrganizationId: 'Organization',
  recipientOrganizationId: 'Organization',
  personId: 'Person',
  presenterPersonId: 'Person',
  recipientPersonId: 'Person',
  buildingId: 'ApartmentBuilding',
  complexId: 'ApartmentComplex',
  directiveId: 'Directive',
};

/** `parentId` is a unit's parent unit, or a body's parent body: it depends on whose entry it is. */
const PARENT_BY_ENTITY: Readonly<Record<string, ReferenceType>> = {
  Organization: 'Organization',
  OrganizationParent: 'Organization',
};

/** The type of record `field` of an entry about an `entityType` points to, or null when it holds no reference. */
export function referenceType(field: string, entityType?: string): ReferenceType | null {
  if (field === 'parentId') return PARENT_BY_ENTITY[entityType ?? ''] ?? 'AdministrativeUnit';
  return REFERENCE_FIELDS[field] ?? null;
}

/** A global id as the server makes it (packages/schema ids.ts, Pothos relay): base64 of "Type:uuid". */
export function globalId(type: string, uuid: string): string {
  // Type names and UUIDs are ASCII: btoa reads them byte for byte.
  return btoa(`${type}:${uuid}`);
}

/** A value of a referencing field: its type and global id, or null when it is no database id. */
export function referenceOf(field: string, entityType: string | undefined, value: unknown): { type: ReferenceType; id: string } | null {
  const type = referenceType(field, entityType);
  if (!type || typeof value !== 'string' || !isUuid(value)) return null;
  return { type, id: globalId(type, value.toLowerCase()) };
}

/** What the trail needs of an entry to find its references. */
export interface EntryValues {
  entityType?: string;
  before?: unknown;
  after?: unknown;
}

/**
 * The global ids of every record the shown changes of `entries` point to, each once, in the order
 * they appear: one `nodes(ids:)` request names them all.
 */
export function referencedIds(entries: readonly EntryValues[]): string[] {
  const ids = new Set<string>();
  for (const entry of entries) {
    for (const change of changedFields(entry.before, entry.after)) {
      for (const value of [change.before, change.after]) {
        for (const item of Array.isArray(value) ? value : [value]) {
          const ref = referenceOf(change.field, entry.entityType, item);
          if (ref) ids.add(ref.id);
        }
      }
    }
  }
  return [...ids];
}

/** A named record as `nodes(ids:)` returns it (null: missing, or not the viewer's to read). */
export type ReferencedNode =
  | { __typename?: string; id: string; name?: string | null; kindLabel?: string | null; fullName?: string | null; title?: string | null }
  | null
  | undefined;

/** A referenced record as the trail shows it: its name, and its type for the link to its page. */
export interface NamedReference {
  type: string;
  id: string;
  name: string;
}

/** The name a reader knows a record by: a unit with its kind ("Phường Giang Biên"), a person's full name. */
export function referenceName(node: Exclude<ReferencedNode, null | undefined>): string | null {
  if (node.fullName) return node.fullName;
  if (node.name) return node.__typename === 'AdministrativeUnit' ? unitLabel({ name: node.name, kindLabel: node.kindLabel }) : node.name;
  return node.title ?? null;
}

/**
 * The names `nodes(ids:)` returned, by global id (the server's, which `globalId` reproduces):
 * null in the place of a record that is missing or refused, which keeps its short code.
 */
export function namedReferences(nodes: readonly ReferencedNode[] | undefined): Map<string, NamedReference> {
  const named = new Map<string, NamedReference>();
  for (const node of nodes ?? []) {
    const name = node ? referenceName(node) : null;
    if (node && name) named.set(node.id, { type: node.__typename ?? '', id: node.id, name });
  }
  return named;
}
