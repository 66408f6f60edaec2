import type { DomainTableName } from './state.js';

/**
 * Where a reference field of a record points. A field is named by its path in the record:
 * `boardId`, `recognition.issuerId` (a field of a nested object), `originalUnitIds[]` (every id of
 * a list).
 */
export type ReferencePath = string;

/**
 * Every reference between the tables of a `DomainState`, in one place: for each table, each of
 * its reference fields and the table the id must be found in. `checkStateIntegrity` reads this,
 * and a test holds it to the create schemas (every id field of every table is listed here).
 * Imports types only, so a bundle that checks a state does not carry the input schemas.
 */
export const STATE_REFERENCES = {
  units: {},
  unitCodes: { unitId: 'units' },
  unitParents: { unitId: 'units', parentId: 'units' },
  organizations: { buildingId: 'buildings', complexId: 'complexes' },
  organizationParents: { organizationId: 'organizations', parentId: 'organizations' },
  organizationAreas: { organizationId: 'organizations', unitId: 'units' },
  people: { residenceUnitId: 'units' },
  posts: { organizationId: 'organizations' },
  memberships: { personId: 'people', organizationId: 'organizations', postId: 'posts', buildingId: 'buildings' },
  partyMemberships: { personId: 'people', homeCellId: 'organizations' },
  residenceContacts: { personId: 'people', residenceCellId: 'organizations' },
  residenceContactReviews: { residenceContactId: 'residenceContacts' },
  buildings: { residentialGroupId: 'units', complexId: 'complexes' },
  complexes: {},
  blocks: { buildingId: 'buildings' },
  apartments: { buildingId: 'buildings', blockId: 'blocks' },
  ownerships: { apartmentId: 'apartments', personId: 'people' },
  boardTerms: { boardId: 'organizations', 'recognition.issuerId': 'organizations' },
  boardChanges: { boardId: 'organizations', directiveId: 'directives' },
  directives: { issuerId: 'organizations', scopeUnitId: 'units' },
  reviews: { directiveId: 'directives', organizerId: 'organizations' },
  presentations: { reviewId: 'reviews', presenterOrganizationId: 'organizations', presenterPersonId: 'people' },
  commendations: {
    directiveId: 'directives',
    reviewId: 'reviews',
    recipientOrganizationId: 'organizations',
    recipientPersonId: 'people',
  },
  nominations: { nominatingOrganizationId: 'organizations', personId: 'people', boardId: 'organizations', directiveId: 'directives' },
  trainings: { organizerId: 'organizations' },
  trainingAttendances: { trainingId: 'trainings', personId: 'people' },
  petitions: { residentialGroupId: 'units', buildingId: 'buildings' },
  petitionStatusChanges: { petitionId: 'petitions' },
  coordinationRegulations: { residentialGroupId: 'units', boardId: 'organizations' },
  coordinationRegulationEvents: { regulationId: 'coordinationRegulations' },
  reorganisations: { 'originalUnitIds[]': 'units', 'resultingUnitIds[]': 'units' },
} as const satisfies { readonly [T in DomainTableName]: Readonly<Record<ReferencePath, DomainTableName>> };

/** One reference field of one table, as listed in `STATE_REFERENCES`. */
export interface StateReference {
  /** The table whose records hold the reference. */
  table: DomainTableName;
  /** The field, as a path in the record (see `ReferencePath`). */
  path: ReferencePath;
  /** The table the id must be found in. */
  target: DomainTableName;
}

/** `STATE_REFERENCES` as a flat list, in the tables' order. */
export function stateReferences(): StateReference[] {
  const out: StateReference[] = [];
  for (const [table, fields] of Object.entries(STATE_REFERENCES) as Array<[DomainTableName, Record<string, DomainTableName>]>) {
    for (const [path, target] of Object.entries(fields)) out.push({ table, path, target });
  }
  return out;
}

/**
 * The ids a record holds at a reference path (none when the field is missing or null). Pure
 * reading: `a.b` descends into a nested object, a trailing `[]` reads every id of a list.
 */
export function referencedIds(record: object, path: ReferencePath): string[] {
  const many = path.endsWith('[]');
  const steps = (many ? path.slice(0, -2) : path).split('.');
  let value: unknown = record;
  for (const step of steps) {
    if (typeof value !== 'object' || value === null) return [];
    value = (value as Record<string, unknown>)[step];
  }
  if (many) return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  return typeof value === 'string' ? [value] : [];
}
