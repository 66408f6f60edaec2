import { formatViDate, type IsoDate, isIsoDate, isUuid } from '@coso/domain';
import { unitLabel } from '../lists/record-links';
import { changedFields } from './history-diff';

/** The record types a trail's id can point to: each is named by `nodes(ids:)` (record-documents.ts). */
export type ReferenceType =
  | 'Account'
  | 'AdministrativeUnit'
  | 'Apartment'
  | 'ApartmentBuilding'
  | 'ApartmentComplex'
  | 'BuildingBlock'
  | 'CoordinationRegulation'
  | 'Directive'
  | 'ImplementationReview'
  | 'Organization'
  | 'Person'
  | 'Petition'
  | 'Post'
  | 'ReorganisationEvent'
  | 'ResidenceContact'
  | 'Training';

/**
 * Which record a field holding a database id points to, by the field's name (the database's
 * foreign keys: tests/history/reference-fields.test.ts checks this against every audited model).
 */
const REFERENCE_FIELDS: Readonly<Record<string, ReferenceType>> = {
  residenceUnitId: 'AdministrativeUnit',
  residentialGroupId: 'AdministrativeUnit',
  unitId: 'AdministrativeUnit',
  unitIds: 'AdministrativeUnit',
  scopeUnitId: 'AdministrativeUnit',
  wardId: 'AdministrativeUnit',
  assigneeUnitId: 'AdministrativeUnit',
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
  assigneePersonId: 'Person',
  presenterPersonId: 'Person',
  recipientPersonId: 'Person',
  buildingId: 'ApartmentBuilding',
  complexId: 'ApartmentComplex',
  directiveId: 'Directive',
  postId: 'Post',
  blockId: 'BuildingBlock',
  apartmentId: 'Apartment',
  residenceContactId: 'ResidenceContact',
  reviewId: 'ImplementationReview',
  trainingId: 'Training',
  petitionId: 'Petition',
  regulationId: 'CoordinationRegulation',
  eventId: 'ReorganisationEvent',
  accountId: 'Account',
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
      for (const value of [change.before, change.after]) collectReferences(change.field, entry.entityType, value, ids);
    }
  }
  return [...ids];
}

/** The references in a value, however nested: a list of ids, or a value made of fields (a member's `personId`). */
function collectReferences(field: string, entityType: string | undefined, value: unknown, ids: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectReferences(field, entityType, item, ids);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) collectReferences(key, entityType, item, ids);
  } else {
    const ref = referenceOf(field, entityType, value);
    if (ref) ids.add(ref.id);
  }
}

/** A named record as `nodes(ids:)` returns it (null: missing, or not the viewer's to read). */
export type ReferencedNode =
  | {
      __typename?: string;
      id: string;
      name?: string | null;
      kindLabel?: string | null;
      fullName?: string | null;
      title?: string | null;
      /** A post's label ("Trưởng ban"). */
      label?: string | null;
      /** An apartment's number, and its building. */
      number?: string | null;
      building?: { name: string } | null;
      /** A residence contact's person. */
      person?: { fullName: string } | null;
      /** A petition's subject. */
      subject?: string | null;
      /** A coordination regulation's board and signing day. */
      board?: { name: string } | null;
      signedOn?: string | null;
      /** A reorganisation's legal basis ("Nghị quyết số …"). */
      legalBasis?: string | null;
      /** An account's name. */
      displayName?: string | null;
    }
  | null
  | undefined;

/** A referenced record as the trail shows it: its name, and its type for the link to its page. */
export interface NamedReference {
  type: string;
  id: string;
  name: string;
}

/**
 * The name a reader knows a record by: a unit with its kind ("Phường Giang Biên"), a person's full
 * name, a post's label, an apartment with its building ("12A — Tòa A"), a residence contact by its
 * person, a regulation by its board and day.
 */
export function referenceName(node: Exclude<ReferencedNode, null | undefined>): string | null {
  if (node.fullName) return node.fullName;
  if (node.name) return node.__typename === 'AdministrativeUnit' ? unitLabel({ name: node.name, kindLabel: node.kindLabel }) : node.name;
  if (node.number) return [node.number, node.building?.name].filter(Boolean).join(' — ');
  if (node.person?.fullName) return node.person.fullName;
  if (node.board?.name)
    return [node.board.name, node.signedOn && isIsoDateText(node.signedOn) ? formatViDate(node.signedOn) : null].filter(Boolean).join(', ');
  return node.title ?? node.label ?? node.subject ?? node.legalBasis ?? node.displayName ?? null;
}

const isIsoDateText = (text: string): text is IsoDate => isIsoDate(text);

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
