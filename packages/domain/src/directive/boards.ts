import type { BoardTerm } from '../model/boards.js';
import type { Organization } from '../model/bodies.js';
import type { ApartmentBuilding } from '../model/buildings.js';
import type { Membership } from '../model/people.js';
import type { Id } from '../model/places.js';
import type { DomainState } from '../model/state.js';
import type { IsoDate } from '../time/dates.js';
import { isActiveOn } from '../time/period.js';
import { compareCodeUnits } from './text.js';

/** The part of the state the board index needs. */
export type BoardsState = Pick<DomainState, 'organizations' | 'buildings' | 'memberships' | 'boardTerms'>;

/**
 * Buildings, management boards, their members and terms, indexed once. A board manages one
 * building (`buildingId`) or a complex (`complexId`); it lies where its buildings lie.
 */
export class BoardIndex {
  /** Every MANAGEMENT_BOARD, whatever its period. */
  readonly boards: readonly Organization[];
  private readonly boardsById = new Map<Id, Organization>();
  private readonly buildingsById = new Map<Id, ApartmentBuilding>();
  private readonly buildingsByGroup = new Map<Id, ApartmentBuilding[]>();
  private readonly buildingsByComplex = new Map<Id, ApartmentBuilding[]>();
  private readonly boardsByBuilding = new Map<Id, Organization[]>();
  private readonly boardsByComplex = new Map<Id, Organization[]>();
  private readonly membershipsByOrg = new Map<Id, Membership[]>();
  private readonly termsByBoard = new Map<Id, BoardTerm[]>();

  /**
   * @param fallbackGroups where a board with no recorded building lies (e.g. the residential
   *   groups it serves through OrganizationArea).
   */
  constructor(
    state: BoardsState,
    private readonly fallbackGroups: (boardId: Id, on: IsoDate) => readonly Id[] = () => [],
  ) {
    const sortedBuildings = [...state.buildings].sort((a, b) => compareCodeUnits(a.id, b.id));
    for (const b of sortedBuildings) {
      this.buildingsById.set(b.id, b);
      push(this.buildingsByGroup, b.residentialGroupId, b);
      if (b.complexId) push(this.buildingsByComplex, b.complexId, b);
    }
    const boards = state.organizations.filter((o) => o.kind === 'MANAGEMENT_BOARD');
    this.boards = boards;
    for (const board of boards) {
      this.boardsById.set(board.id, board);
      if (board.buildingId) push(this.boardsByBuilding, board.buildingId, board);
      if (board.complexId) push(this.boardsByComplex, board.complexId, board);
    }
    for (const m of state.memberships) push(this.membershipsByOrg, m.organizationId, m);
    for (const t of state.boardTerms) push(this.termsByBoard, t.boardId, t);
  }

  board(id: Id): Organization | undefined {
    return this.boardsById.get(id);
  }

  building(id: Id): ApartmentBuilding | undefined {
    return this.buildingsById.get(id);
  }

  /** Boards alive on `on`. */
  boardsOn(on: IsoDate): Organization[] {
    return this.boards.filter((b) => isActiveOn(b, on));
  }

  /** Buildings of a residential group; only those standing on `on` when a date is given. */
  buildingsInGroup(groupId: Id, on?: IsoDate): ApartmentBuilding[] {
    const all = this.buildingsByGroup.get(groupId) ?? [];
    return on === undefined ? [...all] : all.filter((b) => isActiveOn(b, on));
  }

  /**
   * The buildings a board manages: its building, or the buildings of its complex standing on `on`
   * (all of the complex's buildings when none stands on `on`, so a past board can still be placed).
   */
  buildingsOfBoard(board: Organization, on: IsoDate): ApartmentBuilding[] {
    if (board.buildingId) return optional(this.buildingsById.get(board.buildingId));
    if (board.complexId) {
      const all = this.buildingsByComplex.get(board.complexId) ?? [];
      const standing = all.filter((b) => isActiveOn(b, on));
      return standing.length > 0 ? standing : [...all];
    }
    return [];
  }

  /**
   * The residential groups a board lies in on `on`, in building-id order (first = where it is filed);
   * a board with no building, the groups it serves in id order, so where it is filed never depends
   * on the order its rows were stored in.
   */
  groupsOfBoard(board: Organization, on: IsoDate): Id[] {
    const groups = [...new Set(this.buildingsOfBoard(board, on).map((b) => b.residentialGroupId))];
    return groups.length > 0 ? groups : [...this.fallbackGroups(board.id, on)].sort(compareCodeUnits);
  }

  /** Boards alive on `on` that manage the building, directly or through its complex. */
  boardsForBuilding(building: ApartmentBuilding, on: IsoDate): Organization[] {
    const direct = this.boardsByBuilding.get(building.id) ?? [];
    const viaComplex = building.complexId ? (this.boardsByComplex.get(building.complexId) ?? []) : [];
    return [...new Set([...direct, ...viaComplex])].filter((b) => isActiveOn(b, on));
  }

  /** Memberships of a body active on `on`. */
  membershipsOn(organizationId: Id, on: IsoDate): Membership[] {
    return (this.membershipsByOrg.get(organizationId) ?? []).filter((m) => isActiveOn(m, on));
  }

  /** Distinct people with a membership of the body active on `on`. */
  membersOn(organizationId: Id, on: IsoDate): Set<Id> {
    return new Set(this.membershipsOn(organizationId, on).map((m) => m.personId));
  }

  /** Distinct people holding the HEAD role of the board on `on`. */
  headsOn(boardId: Id, on: IsoDate): Id[] {
    return [
      ...new Set(
        this.membershipsOn(boardId, on)
          .filter((m) => m.role === 'HEAD')
          .map((m) => m.personId),
      ),
    ];
  }

  termsOf(boardId: Id): BoardTerm[] {
    return [...(this.termsByBoard.get(boardId) ?? [])];
  }

  /**
   * The board's term situation on `on`. `latest` is the last term started on or before `on`, and
   * `current` the last of those running on `on` — last by start, then term number, then id, so
   * overlapping terms (mis-entered, or a term recorded before the last one ended) give one answer
   * whatever order they were stored in; `expired` when no term is running on `on` and that latest
   * term has ended. A board with no recorded term is not expired: nothing is known.
   */
  termStatusOn(boardId: Id, on: IsoDate): { current: BoardTerm | undefined; latest: BoardTerm | undefined; expired: boolean } {
    const terms = this.termsOf(boardId);
    const later = (t: BoardTerm, than: BoardTerm | undefined): boolean =>
      !than ||
      t.validFrom > than.validFrom ||
      (t.validFrom === than.validFrom && (t.termNumber > than.termNumber || (t.termNumber === than.termNumber && t.id < than.id)));
    let current: BoardTerm | undefined;
    let latest: BoardTerm | undefined;
    for (const t of terms) {
      if (t.validFrom > on) continue;
      if (later(t, latest)) latest = t;
      if (isActiveOn(t, on) && later(t, current)) current = t;
    }
    const expired = current === undefined && latest !== undefined && latest.validTo !== null && latest.validTo <= on;
    return { current, latest, expired };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
