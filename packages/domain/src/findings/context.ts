import type { DirectiveIndexes } from '../directive/indexes.js';
import { enclosingWard, type ScopeOnDate, UNASSIGNED_WARD_ID, UNASSIGNED_WARD_NAME } from '../directive/scope.js';
import { nfc } from '../directive/text.js';
import type { Organization } from '../model/bodies.js';
import type { CoordinationRegulation } from '../model/directive.js';
import type { Id } from '../model/places.js';
import type { DomainState } from '../model/state.js';
import type { RuleParameter } from '../rules/rule-data.js';
import type { IsoDate } from '../time/dates.js';
import type { EntityRef, LocalizedText } from '../validation/result.js';
import type { Finding, FindingCode } from './types.js';

/** What every check reads: the indexes, the scope on the date, and lazily computed shared lists. */
export class FindingsContext {
  private readonly wardCache = new Map<Id, { wardId: Id; wardName: string }>();
  private readonly regulationsByGroup = new Map<Id, CoordinationRegulation[]>();
  private boardsCache: Array<{ board: Organization; groupId: Id }> | undefined;
  private peopleNames: Map<Id, string> | undefined;

  constructor(
    readonly state: DomainState,
    readonly idx: DirectiveIndexes,
    readonly scope: ScopeOnDate,
    readonly on: IsoDate,
    readonly ruleData: readonly RuleParameter[] | undefined,
  ) {
    for (const r of state.coordinationRegulations) {
      const list = this.regulationsByGroup.get(r.residentialGroupId);
      if (list) list.push(r);
      else this.regulationsByGroup.set(r.residentialGroupId, [r]);
    }
  }

  /** The ward of a residential group on the date: `enclosingOfKind(group, WARD|COMMUNE, on)`. */
  wardOfGroup(groupId: Id): { wardId: Id; wardName: string } {
    const cached = this.wardCache.get(groupId);
    if (cached) return cached;
    const ward = enclosingWard(this.idx.places, groupId, this.on);
    const found = ward ? { wardId: ward.id, wardName: ward.name } : { wardId: UNASSIGNED_WARD_ID, wardName: UNASSIGNED_WARD_NAME };
    this.wardCache.set(groupId, found);
    return found;
  }

  coordinationRegulationsOf(groupId: Id): readonly CoordinationRegulation[] {
    return this.regulationsByGroup.get(groupId) ?? [];
  }

  /** Boards alive on the date that lie in the scope, each with the group it is filed under. */
  boardsInScope(): Array<{ board: Organization; groupId: Id }> {
    if (!this.boardsCache) {
      this.boardsCache = [];
      for (const board of this.idx.boards.boardsOn(this.on)) {
        const placed = this.idx.placeBoard(board, this.scope, this.on);
        if (placed) this.boardsCache.push({ board, groupId: placed.groupId });
      }
    }
    return this.boardsCache;
  }

  /** A person's full name (the id when the person is not in the state). */
  personName(personId: Id): string {
    if (!this.peopleNames) this.peopleNames = new Map(this.state.people.map((p) => [p.id, p.fullName]));
    return this.peopleNames.get(personId) ?? personId;
  }

  /** A finding placed in the ward of `groupId`, with its message normalised to NFC. */
  finding(args: FindingArgs): Finding {
    return makeFinding({ ...args, ...this.wardOfGroup(args.groupId) });
  }
}

/** What a finding is about: its code, record, group, related records and message. */
export interface FindingArgs {
  code: FindingCode;
  entity: EntityRef;
  entityName: string;
  groupId: Id;
  message: LocalizedText;
  related?: EntityRef[];
}

/**
 * A finding in its ward (`UNASSIGNED_WARD_ID` when the group has none on the date), with its
 * message normalised to NFC: the one shape every computation of findings returns.
 */
export function makeFinding(args: FindingArgs & { wardId: Id; wardName: string }): Finding {
  const out: Finding = {
    code: args.code,
    severity: 'warning',
    entity: args.entity,
    entityName: args.entityName,
    wardId: args.wardId,
    wardName: args.wardName,
    residentialGroupId: args.groupId,
    message: { vi: nfc(args.message.vi), en: args.message.en },
  };
  if (args.related && args.related.length > 0) out.related = args.related;
  return out;
}
