import type { DirectiveIndexes } from '../directive/indexes.js';
import { enclosingWard, type ScopeOnDate, WARD_KINDS } from '../directive/scope.js';
import type { Organization } from '../model/bodies.js';
import type { Directive } from '../model/directive.js';
import type { AdministrativeUnit, Id } from '../model/places.js';
import type { DomainState } from '../model/state.js';
import type { IsoDate } from '../time/dates.js';
import type { RecordRef } from './types.js';

/**
 * Where a record lies for the report:
 * - `in`: within the scope, in the ward `wardId` (undefined: within the scope but in no ward);
 * - `out`: outside the scope;
 * - `above`: at a level that contains the scope (a district or city body);
 * - `unknown`: the record says nothing about where it is.
 */
export type Location = { kind: 'in'; wardId: Id | undefined } | { kind: 'out' } | { kind: 'above' } | { kind: 'unknown' };

const OUT: Location = { kind: 'out' };

/**
 * Everything the figure functions read. Records are placed as the hierarchy stands on the as-of
 * date `to`; a record whose place no longer exists on `to` is placed as of its own date instead
 * (so a reorganisation never loses an earlier petition), and then lands in the unassigned ward
 * entry when its old ward is not a ward of the scope on `to`.
 */
export class ReportContext {
  private readonly unitPlacement = new Map<Id, Location>();
  private readonly peopleById: Map<Id, DomainState['people'][number]>;
  private activeBoardsCache: Array<{ board: Organization; location: Location }> | undefined;

  constructor(
    readonly state: DomainState,
    readonly idx: DirectiveIndexes,
    readonly directive: Directive,
    readonly scope: ScopeOnDate,
    readonly from: IsoDate,
    readonly to: IsoDate,
    /** The petitions "before" window, [beforeFrom, from): as many days as [from, to]. */
    readonly beforeFrom: IsoDate,
  ) {
    this.peopleById = new Map(state.people.map((p) => [p.id, p]));
  }

  /** `from ≤ date ≤ to`: the period is inclusive at both ends. */
  inPeriod(date: IsoDate): boolean {
    return this.from <= date && date <= this.to;
  }

  /** A record done under this directive, or under none recorded. Records of another directive are not this one's. */
  forThisDirective(directiveId: Id | null | undefined): boolean {
    return directiveId === null || directiveId === undefined || directiveId === this.directive.id;
  }

  /** True for a ward-level (or lower) scope, where records above the ward are not the scope's. */
  get scopeIsWardLevel(): boolean {
    return WARD_KINDS.includes(this.scope.unit.kind) || this.scope.unit.kind === 'RESIDENTIAL_GROUP';
  }

  /** Where a unit (a group, a ward, a district) lies: on `to`, or on `fallbackOn` when it no longer exists on `to`. */
  placeUnit(unitId: Id, fallbackOn?: IsoDate): Location {
    const places = this.idx.places;
    if (places.unitOn(unitId, this.to)) {
      const cached = this.unitPlacement.get(unitId);
      if (cached) return cached;
      const placed = this.classify(unitId, this.to);
      this.unitPlacement.set(unitId, placed);
      return placed;
    }
    if (fallbackOn !== undefined && places.unitOn(unitId, fallbackOn)) return this.classify(unitId, fallbackOn);
    return OUT;
  }

  private classify(unitId: Id, on: IsoDate): Location {
    const places = this.idx.places;
    if (places.isWithin(unitId, this.scope.unit.id, on)) return { kind: 'in', wardId: enclosingWard(places, unitId, on)?.id };
    if (places.isWithin(this.scope.unit.id, unitId, on)) return { kind: 'above' };
    return OUT;
  }

  /**
   * Where a board lies: the group of its building (a complex board: of its first building by id),
   * as on `to`; when that group no longer exists on `to`, as on `fallbackOn`.
   */
  placeBoard(board: Organization, fallbackOn?: IsoDate): Location {
    const boards = this.idx.boards;
    const groupId =
      boards.groupsOfBoard(board, this.to)[0] ?? (fallbackOn === undefined ? undefined : boards.groupsOfBoard(board, fallbackOn)[0]);
    return groupId === undefined ? { kind: 'unknown' } : this.placeUnit(groupId, fallbackOn);
  }

  /**
   * Where a body lies: a board by its building; any other body by one of the places it serves on
   * `to` (or on `fallbackOn`): the first, by id, of those that lie in a ward, else the first by id.
   * The choice never depends on the scope, so a body serving two wards is counted in one of them
   * in every report.
   */
  placeOrganization(organizationId: Id, fallbackOn?: IsoDate): Location {
    const org = this.idx.bodies.organization(organizationId);
    if (!org) return { kind: 'unknown' };
    if (org.kind === 'MANAGEMENT_BOARD') return this.placeBoard(org, fallbackOn);
    let on = this.to;
    let units = this.idx.bodies.areasOf(org.id, on);
    if (units.length === 0 && fallbackOn !== undefined) {
      on = fallbackOn;
      units = this.idx.bodies.areasOf(org.id, on);
    }
    const inWard = (u: Id): number => (enclosingWard(this.idx.places, u, on) ? 0 : 1);
    const primary = [...new Set(units)].sort((a, b) => inWard(a) - inWard(b) || (a < b ? -1 : a > b ? 1 : 0))[0];
    return primary === undefined ? { kind: 'unknown' } : this.placeUnit(primary, fallbackOn);
  }

  /** Where a person lies: the residential group of permanent residence. */
  placePerson(personId: Id): Location {
    const unitId = this.peopleById.get(personId)?.residenceUnitId;
    return unitId ? this.placeUnit(unitId) : { kind: 'unknown' };
  }

  /** Boards alive on `to` that lie in the scope, each with its location. */
  activeBoards(): ReadonlyArray<{ board: Organization; location: Location }> {
    if (!this.activeBoardsCache) {
      this.activeBoardsCache = [];
      for (const board of this.idx.boards.boardsOn(this.to)) {
        const location = this.placeBoard(board);
        if (location.kind === 'in') this.activeBoardsCache.push({ board, location });
      }
    }
    return this.activeBoardsCache;
  }

  personRef(personId: Id): RecordRef {
    return { type: 'Person', id: personId, name: this.peopleById.get(personId)?.fullName ?? personId };
  }

  organizationRef(org: Organization): RecordRef {
    return { type: 'Organization', id: org.id, name: org.name };
  }

  unitRef(unit: AdministrativeUnit): RecordRef {
    return { type: 'AdministrativeUnit', id: unit.id, name: unit.name };
  }
}
