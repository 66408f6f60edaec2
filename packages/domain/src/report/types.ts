import type { Directive } from '../model/directive.js';
import type { Id, UnitKind } from '../model/places.js';
import type { IsoDate } from '../time/dates.js';
import type { EntityType, LocalizedText } from '../validation/result.js';

/** The figures of a directive report, in report order. Keys are API: never renamed or reused. */
export const FIGURE_KEYS = [
  'residentialGroups',
  'wardsWithApartmentGroups',
  'apartmentGroupsWithCell',
  'apartmentGroupCells',
  'boardsEstablished',
  'boardsConsolidated',
  'politicalSystemPeopleOnBoards',
  'partyMembersOnBoards',
  'politicalSystemMembersOnBoards',
  'residenceContactMembersIntroduced',
  'nominatedPartyMembers',
  'nominatedPoliticalSystemMembers',
  'presentations',
  'commendedCollectives',
  'commendedIndividuals',
  'petitionsBefore',
  'petitionsAfter',
  'boardHeadsTrainedFireSafety',
] as const;
/** The key of a report figure (see `FIGURE_KEYS`). */
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** A record behind a figure: what the drill-down lists. */
export interface RecordRef {
  type: EntityType;
  id: Id;
  name: string;
}

/** A figure's value in one ward of the scope, with the records counted there. */
export interface WardFigure {
  /** `UNASSIGNED_WARD_ID` ('') for records that lie in no ward of the scope on the as-of date. */
  wardId: Id;
  wardName: string;
  value: number;
  denominator?: number;
  records: RecordRef[];
  denominatorRecords?: RecordRef[];
}

/**
 * One figure of a report: its key, label, written definition, value, the records it counts and its
 * per-ward breakdown.
 */
export interface Figure {
  key: FigureKey;
  label: LocalizedText;
  /** Exactly what is counted: distinct people or records, on which date or in which period. */
  definition: LocalizedText;
  /** Always `records.length`: the records are the figure. */
  value: number;
  denominator?: number;
  /** Distinct records (by id), in Vietnamese name order. */
  records: RecordRef[];
  denominatorRecords?: RecordRef[];
  /**
   * One entry per ward of the scope on the as-of date (report order), plus an unassigned entry
   * when some records lie in no ward of the scope.
   */
  byWard: WardFigure[];
  /**
   * True when each record is counted in exactly one ward, so ward values sum to `value`. False for
   * figures where a record can belong to two wards (a person on boards in two wards).
   */
  byWardAdditive: boolean;
}

/** The place a report is about, as it stood on the report's as-of date: id, name, kind and code. */
export interface ReportScope {
  id: Id;
  name: string;
  kind: UnitKind;
  /** "Quận", "Phường", "Thành phố": from the unit's own label, else the kind's usual word. */
  kindLabel: string;
}

/**
 * A directive report: the directive, the scope, the period, and every figure with its definition,
 * records and per-ward values.
 */
export interface DirectiveReport {
  directive: Directive;
  scope: ReportScope;
  /** Inclusive at both ends: events dated `from` and events dated `to` both count. */
  period: { from: IsoDate; to: IsoDate };
  /** Date the hierarchy, memberships and posts are read as of (= `period.to`). */
  asOf: IsoDate;
  figures: Figure[];
  /** Wards (and communes) of the scope on `asOf`, in Vietnamese name order. */
  wards: Array<{ id: Id; name: string; kind: UnitKind }>;
}

/**
 * What a report is asked for: the directive, the scope unit, and the period (`from` defaults to the
 * directive's issue date; `to` is also the as-of date).
 */
export interface DirectiveReportQuery {
  directiveId: Id;
  scopeUnitId: Id;
  /** Defaults to the directive's issue date. */
  from?: IsoDate;
  /** The as-of date, e.g. the review conference (2022-12-01). */
  to: IsoDate;
}
