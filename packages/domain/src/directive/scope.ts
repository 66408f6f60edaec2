import type { PlaceHierarchy } from '../hierarchy/as-of.js';
import type { AdministrativeUnit, Id, UnitKind } from '../model/places.js';
import { RULES } from '../rules/catalog.js';
import { type IsoDate, isIsoDate } from '../time/dates.js';
import type { FieldPath, Violation } from '../validation/result.js';
import { compareNamed, formatViDate } from './text.js';

/** Commune-level kinds: what "the ward of a record" means. */
export const WARD_KINDS: readonly UnitKind[] = ['WARD', 'COMMUNE'];

/**
 * Records whose ward cannot be found on the date (bad data, or a group that no longer exists)
 * are grouped under this id, so per-ward figures still add up to the total.
 */
export const UNASSIGNED_WARD_ID = '';
/** The name shown for records that lie in no ward of the scope (see `UNASSIGNED_WARD_ID`). */
export const UNASSIGNED_WARD_NAME = '(chưa xác định phường)';

/** A scope (district, ward or city) resolved on one date. */
export interface ScopeOnDate {
  unit: AdministrativeUnit;
  on: IsoDate;
  /** Wards and communes in scope on the date, in Vietnamese name order. */
  wards: AdministrativeUnit[];
  /** Residential groups in scope on the date, in Vietnamese name order. */
  groups: AdministrativeUnit[];
  wardIds: ReadonlySet<Id>;
  groupIds: ReadonlySet<Id>;
}

/** The scope on `on`, or undefined when the unit does not exist on that date. */
export function scopeOnDate(places: PlaceHierarchy, scopeUnitId: Id, on: IsoDate): ScopeOnDate | undefined {
  const unit = places.unitOn(scopeUnitId, on);
  if (!unit) return undefined;
  const below = places.descendantsOf(unit.id, on);
  let wards: AdministrativeUnit[];
  if (WARD_KINDS.includes(unit.kind)) wards = [unit];
  else if (unit.kind === 'RESIDENTIAL_GROUP') wards = optional(places.enclosingOfKind(unit.id, WARD_KINDS, on));
  else wards = below.filter((u) => WARD_KINDS.includes(u.kind));
  const groups = unit.kind === 'RESIDENTIAL_GROUP' ? [unit] : below.filter((u) => u.kind === 'RESIDENTIAL_GROUP');
  wards.sort(compareNamed);
  groups.sort(compareNamed);
  return {
    unit,
    on,
    wards,
    groups,
    wardIds: new Set(wards.map((w) => w.id)),
    groupIds: new Set(groups.map((g) => g.id)),
  };
}

/** The ward (or commune) enclosing a unit on a date, as the hierarchy stood then. */
export function enclosingWard(places: PlaceHierarchy, unitId: Id, on: IsoDate): AdministrativeUnit | undefined {
  return places.enclosingOfKind(unitId, WARD_KINDS, on);
}

export function unitNotFound(unitId: Id, on: IsoDate, path: FieldPath): Violation {
  return {
    code: RULES.UNIT_NOT_FOUND.code,
    severity: 'error',
    path,
    entity: { type: 'AdministrativeUnit', id: unitId },
    message: {
      vi: `Không tìm thấy đơn vị hành chính "${unitId}" vào ngày ${formatViDate(on)}`,
      en: `Administrative unit "${unitId}" does not exist on ${on}`,
    },
  };
}

export function dateFormatViolation(value: unknown, path: FieldPath): Violation | undefined {
  if (isIsoDate(value)) return undefined;
  return {
    code: RULES.DATE_FORMAT.code,
    severity: 'error',
    path,
    message: {
      vi: `Ngày "${String(value)}" không hợp lệ: phải có dạng YYYY-MM-DD và có thật`,
      en: `The date "${String(value)}" is not valid: write a real date as YYYY-MM-DD`,
    },
  };
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
