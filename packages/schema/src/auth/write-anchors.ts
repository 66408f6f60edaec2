/**
 * Where a write lands: the existing records a new or changed record hangs from. A territorial
 * writer needs every one of them inside the territory (a ward cannot attach a record to another
 * ward's body). Field name → the type of record it references.
 */
export const WRITE_ANCHORS: Record<string, ReadonlyArray<readonly [string, string]>> = {
  AdministrativeUnit: [['parentId', 'AdministrativeUnit']],
  UnitCode: [['unitId', 'AdministrativeUnit']],
  UnitParent: [
    ['unitId', 'AdministrativeUnit'],
    ['parentId', 'AdministrativeUnit'],
  ],
  Organization: [
    ['unitIds', 'AdministrativeUnit'],
    ['parentId', 'Organization'],
    ['buildingId', 'ApartmentBuilding'],
    ['complexId', 'ApartmentComplex'],
  ],
  OrganizationParent: [['organizationId', 'Organization']],
  OrganizationArea: [
    ['organizationId', 'Organization'],
    ['unitId', 'AdministrativeUnit'],
  ],
  Post: [['organizationId', 'Organization']],
  Person: [['residenceUnitId', 'AdministrativeUnit']],
  Membership: [['organizationId', 'Organization']],
  PartyMembership: [['homeCellId', 'Organization']],
  ResidenceContact: [['residenceCellId', 'Organization']],
  ResidenceContactReview: [['residenceContactId', 'ResidenceContact']],
  ApartmentBuilding: [['residentialGroupId', 'AdministrativeUnit']],
  ApartmentComplex: [],
  BuildingBlock: [['buildingId', 'ApartmentBuilding']],
  Apartment: [['buildingId', 'ApartmentBuilding']],
  ApartmentOwnership: [['apartmentId', 'Apartment']],
  BoardTerm: [['boardId', 'Organization']],
  BoardChange: [['boardId', 'Organization']],
  Directive: [['scopeUnitId', 'AdministrativeUnit']],
  ImplementationReview: [['directiveId', 'Directive']],
  Presentation: [['reviewId', 'ImplementationReview']],
  Commendation: [['directiveId', 'Directive']],
  Nomination: [
    ['boardId', 'Organization'],
    ['nominatingOrganizationId', 'Organization'],
  ],
  Training: [['organizerId', 'Organization']],
  TrainingAttendance: [['trainingId', 'Training']],
  Petition: [['residentialGroupId', 'AdministrativeUnit']],
  PetitionStatusChange: [['petitionId', 'Petition']],
  CoordinationRegulation: [
    ['residentialGroupId', 'AdministrativeUnit'],
    ['boardId', 'Organization'],
  ],
  CoordinationRegulationEvent: [['regulationId', 'CoordinationRegulation']],
};

/** The references of a record (create: its fields; update/end: also the record itself). */
export function anchorsOf(typename: string, record: Record<string, unknown>, self?: string): Array<{ type: string; id: string }> {
  const out: Array<{ type: string; id: string }> = [];
  if (self) out.push({ type: typename, id: self });
  for (const [field, type] of WRITE_ANCHORS[typename] ?? []) {
    const v = record[field];
    for (const id of Array.isArray(v) ? v : [v]) if (typeof id === 'string' && id) out.push({ type, id });
  }
  return out;
}
