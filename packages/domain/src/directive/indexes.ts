import { BodyHierarchy, PlaceHierarchy } from '../hierarchy/as-of.js';
import type { Organization } from '../model/bodies.js';
import type { AdministrativeUnit, Id } from '../model/places.js';
import type { DomainState } from '../model/state.js';
import type { IsoDate } from '../time/dates.js';
import { BoardIndex } from './boards.js';
import { PoliticalSystemIndex } from './political-system.js';
import { enclosingWard, type ScopeOnDate } from './scope.js';

/** Where a board lies: the residential group it is filed under and that group's ward. */
export interface BoardPlacement {
  board: Organization;
  groupId: Id;
  ward: AdministrativeUnit | undefined;
}

/**
 * The indexes findings and reports share, built once per state. Everything else is a lookup, so
 * a report over a district of thousands of people stays linear in the size of the state.
 */
export class DirectiveIndexes {
  readonly places: PlaceHierarchy;
  readonly bodies: BodyHierarchy;
  readonly politicalSystem: PoliticalSystemIndex;
  readonly boards: BoardIndex;

  constructor(state: DomainState) {
    this.places = new PlaceHierarchy(state);
    this.bodies = new BodyHierarchy(state);
    this.politicalSystem = new PoliticalSystemIndex(state, { places: this.places, bodies: this.bodies });
    const ps = this.politicalSystem;
    this.boards = new BoardIndex(state, (boardId, on) => ps.residentialGroupsServedBy(boardId, on));
  }

  /**
   * Where a board lies on `on`: the residential group of its building; for a complex board, the
   * group of its first building (by id). One place per board, whatever the scope, so a district's
   * per-ward figures agree with each ward's own report. Undefined when that group is not in scope.
   */
  placeBoard(board: Organization, scope: ScopeOnDate, on: IsoDate): BoardPlacement | undefined {
    const groupId = this.boards.groupsOfBoard(board, on)[0];
    if (groupId === undefined || !scope.groupIds.has(groupId)) return undefined;
    return { board, groupId, ward: enclosingWard(this.places, groupId, on) };
  }
}
