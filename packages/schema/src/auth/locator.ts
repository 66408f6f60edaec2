import { PARTY_ORGANIZATION_KINDS } from '@coso/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { organizationPlaces, organizationPlacesSelect } from '../store/organization-places.js';

/**
 * Where a record is: the places (unit ids) it belongs to, and whether it reveals party
 * membership. Territorial access and party-data protection are decided from this. One batched
 * query per type per request (through DataLoader), however many records a response holds.
 */
export interface Location {
  units: string[];
  /** True when reading the record reveals someone's party membership. */
  party: boolean;
  /** A party body (cell, committee): public to read, but what hangs from it is party work. */
  partyBody?: boolean;
}

const PARTY_BODIES: ReadonlySet<string> = new Set(PARTY_ORGANIZATION_KINDS);

/** Records open to every signed-in viewer (directive documents, reorganisation decisions). */
export const PUBLIC_TYPES = new Set(['Directive', 'ImplementationReview', 'Presentation', 'Commendation', 'ReorganisationEvent']);

type Locate = (prisma: PrismaClient, ids: readonly string[]) => Promise<Map<string, Location>>;

function byId<T extends { id: string }>(rows: T[], f: (r: T) => Location): Map<string, Location> {
  return new Map(rows.map((r) => [r.id, f(r)]));
}

const at = (units: string[], party = false): Location => ({ units, party });

export const LOCATORS: Record<string, Locate> = {
  AdministrativeUnit: async (_p, ids) => new Map(ids.map((id) => [id, at([id])])),
  UnitCode: async (p, ids) =>
    byId(await p.unitCode.findMany({ where: { id: { in: [...ids] } }, select: { id: true, unitId: true } }), (r) => at([r.unitId])),
  UnitParent: async (p, ids) =>
    byId(await p.unitParent.findMany({ where: { id: { in: [...ids] } }, select: { id: true, unitId: true } }), (r) => at([r.unitId])),
  // A party cell or committee is a public body (its name and place are no secret); who belongs to
  // it is the sensitive part: its memberships, party memberships and nominations are `party`.
  Organization: async (p, ids) =>
    byId(await p.organization.findMany({ where: { id: { in: [...ids] } }, select: { id: true, ...organizationPlacesSelect } }), (o) => ({
      ...at(organizationPlaces(o)),
      partyBody: PARTY_BODIES.has(o.kind),
    })),
  OrganizationParent: async (p, ids) =>
    byId(
      await p.organizationParent.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, organization: { select: organizationPlacesSelect } },
      }),
      (r) => at(organizationPlaces(r.organization)),
    ),
  OrganizationArea: async (p, ids) =>
    byId(await p.organizationArea.findMany({ where: { id: { in: [...ids] } }, select: { id: true, unitId: true } }), (r) => at([r.unitId])),
  Post: async (p, ids) =>
    byId(
      await p.post.findMany({ where: { id: { in: [...ids] } }, select: { id: true, organization: { select: organizationPlacesSelect } } }),
      (r) => at(organizationPlaces(r.organization)),
    ),
  Membership: async (p, ids) =>
    byId(
      await p.membership.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, organization: { select: organizationPlacesSelect } },
      }),
      (r) => at(organizationPlaces(r.organization), PARTY_BODIES.has(r.organization.kind)),
    ),
  Person: async (p, ids) =>
    byId(
      await p.person.findMany({
        where: { id: { in: [...ids] } },
        select: {
          id: true,
          residenceUnitId: true,
          memberships: { select: { organization: { select: organizationPlacesSelect } } },
          partyMemberships: { select: { homeCell: { select: organizationPlacesSelect } } },
          ownerships: { select: { apartment: { select: { building: { select: { residentialGroupId: true } } } } } },
        },
      }),
      (r) =>
        at([
          ...(r.residenceUnitId ? [r.residenceUnitId] : []),
          ...r.memberships.flatMap((m) => organizationPlaces(m.organization)),
          ...r.partyMemberships.flatMap((m) => organizationPlaces(m.homeCell)),
          ...r.ownerships.map((o) => o.apartment.building.residentialGroupId),
        ]),
    ),
  PartyMembership: async (p, ids) =>
    byId(
      await p.partyMembership.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, homeCell: { select: organizationPlacesSelect } },
      }),
      (r) => at(organizationPlaces(r.homeCell), true),
    ),
  ResidenceContact: async (p, ids) =>
    byId(
      await p.residenceContact.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, residenceCell: { select: organizationPlacesSelect } },
      }),
      (r) => at(organizationPlaces(r.residenceCell), true),
    ),
  ResidenceContactReview: async (p, ids) =>
    byId(
      await p.residenceContactReview.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, residenceContact: { select: { residenceCell: { select: organizationPlacesSelect } } } },
      }),
      (r) => at(organizationPlaces(r.residenceContact.residenceCell), true),
    ),
  ApartmentBuilding: async (p, ids) =>
    byId(await p.apartmentBuilding.findMany({ where: { id: { in: [...ids] } }, select: { id: true, residentialGroupId: true } }), (r) =>
      at([r.residentialGroupId]),
    ),
  ApartmentComplex: async (p, ids) =>
    byId(
      await p.apartmentComplex.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, buildings: { select: { residentialGroupId: true } } },
      }),
      (r) => at(r.buildings.map((b) => b.residentialGroupId)),
    ),
  BuildingBlock: async (p, ids) =>
    byId(
      await p.buildingBlock.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, building: { select: { residentialGroupId: true } } },
      }),
      (r) => at([r.building.residentialGroupId]),
    ),
  Apartment: async (p, ids) =>
    byId(
      await p.apartment.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, building: { select: { residentialGroupId: true } } },
      }),
      (r) => at([r.building.residentialGroupId]),
    ),
  ApartmentOwnership: async (p, ids) =>
    byId(
      await p.apartmentOwnership.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, apartment: { select: { building: { select: { residentialGroupId: true } } } } },
      }),
      (r) => at([r.apartment.building.residentialGroupId]),
    ),
  BoardTerm: async (p, ids) =>
    byId(
      await p.boardTerm.findMany({ where: { id: { in: [...ids] } }, select: { id: true, board: { select: organizationPlacesSelect } } }),
      (r) => at(organizationPlaces(r.board)),
    ),
  BoardChange: async (p, ids) =>
    byId(
      await p.boardChange.findMany({ where: { id: { in: [...ids] } }, select: { id: true, board: { select: organizationPlacesSelect } } }),
      (r) => at(organizationPlaces(r.board)),
    ),
  Nomination: async (p, ids) =>
    byId(
      await p.nomination.findMany({
        where: { id: { in: [...ids] } },
        select: {
          id: true,
          category: true,
          board: { select: organizationPlacesSelect },
          nominatingOrganization: { select: organizationPlacesSelect },
        },
      }),
      (r) =>
        at([...organizationPlaces(r.board), ...organizationPlaces(r.nominatingOrganization)], r.category !== 'POLITICAL_SYSTEM_MEMBER'),
    ),
  Training: async (p, ids) =>
    byId(
      await p.training.findMany({ where: { id: { in: [...ids] } }, select: { id: true, organizer: { select: organizationPlacesSelect } } }),
      (r) => at(organizationPlaces(r.organizer)),
    ),
  TrainingAttendance: async (p, ids) =>
    byId(
      await p.trainingAttendance.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, training: { select: { organizer: { select: organizationPlacesSelect } } } },
      }),
      (r) => at(organizationPlaces(r.training.organizer)),
    ),
  Petition: async (p, ids) =>
    byId(await p.petition.findMany({ where: { id: { in: [...ids] } }, select: { id: true, residentialGroupId: true } }), (r) =>
      at([r.residentialGroupId]),
    ),
  PetitionStatusChange: async (p, ids) =>
    byId(
      await p.petitionStatusChange.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, petition: { select: { residentialGroupId: true } } },
      }),
      (r) => at([r.petition.residentialGroupId]),
    ),
  CoordinationRegulation: async (p, ids) =>
    byId(
      await p.coordinationRegulation.findMany({ where: { id: { in: [...ids] } }, select: { id: true, residentialGroupId: true } }),
      (r) => at([r.residentialGroupId]),
    ),
  CoordinationRegulationEvent: async (p, ids) =>
    byId(
      await p.coordinationRegulationEvent.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, regulation: { select: { residentialGroupId: true } } },
      }),
      (r) => at([r.regulation.residentialGroupId]),
    ),
  Directive: async (p, ids) =>
    byId(await p.directive.findMany({ where: { id: { in: [...ids] } }, select: { id: true, scopeUnitId: true } }), (r) =>
      at([r.scopeUnitId]),
    ),
  ImplementationReview: async (p, ids) =>
    byId(
      await p.implementationReview.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, directive: { select: { scopeUnitId: true } } },
      }),
      (r) => at([r.directive.scopeUnitId]),
    ),
  Presentation: async (p, ids) =>
    byId(
      await p.presentation.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, review: { select: { directive: { select: { scopeUnitId: true } } } } },
      }),
      (r) => at([r.review.directive.scopeUnitId]),
    ),
  Commendation: async (p, ids) =>
    byId(
      await p.commendation.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, directive: { select: { scopeUnitId: true } } },
      }),
      (r) => at([r.directive.scopeUnitId]),
    ),
  ReorganisationEvent: async (p, ids) =>
    byId(
      await p.reorganisationEvent.findMany({ where: { id: { in: [...ids] } }, select: { id: true, units: { select: { unitId: true } } } }),
      (r) => at(r.units.map((u) => u.unitId)),
    ),
};
