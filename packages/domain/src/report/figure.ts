import { type ScopeOnDate, UNASSIGNED_WARD_ID, UNASSIGNED_WARD_NAME } from '../directive/scope.js';
import { compareNamed, formatViDate } from '../directive/text.js';
import type { Id } from '../model/places.js';
import { addDays, type IsoDate } from '../time/dates.js';
import type { LocalizedText } from '../validation/result.js';
import type { Location, ReportContext } from './context.js';

/** What the assembly reads of the scope: its wards on the as-of date. */
export type ScopeWards = Pick<ScopeOnDate, 'wards' | 'wardIds'>;

import type { Figure, FigureKey, RecordRef, WardFigure } from './types.js';

/** A record a figure counts, with the wards it counts in (none: the unassigned entry). */
export interface Counted {
  ref: RecordRef;
  wardIds: readonly Id[];
}

/** What a figure function returns; `assembleFigure` turns it into a `Figure`. */
export interface FigureData {
  records: Counted[];
  denominatorRecords?: Counted[];
}

/** The report's dates, for definition texts (ISO for English, dd/mm/yyyy for Vietnamese). */
export interface PeriodText {
  from: IsoDate;
  to: IsoDate;
  beforeFrom: IsoDate;
  /** Last day of the "before" window (the day before `from`). */
  beforeTo: IsoDate;
  vi: { from: string; to: string; beforeFrom: string; beforeTo: string };
}

/** One figure, defined once: its label, what it counts, and the function that counts it. */
export interface FigureSpec {
  key: FigureKey;
  label: LocalizedText;
  /** See `Figure.byWardAdditive`. */
  byWardAdditive: boolean;
  definition: (p: PeriodText) => LocalizedText;
  compute: (ctx: ReportContext) => FigureData;
}

export function periodText(from: IsoDate, to: IsoDate, beforeFrom: IsoDate): PeriodText {
  const beforeTo = addDays(from, -1);
  return {
    from,
    to,
    beforeFrom,
    beforeTo,
    vi: { from: formatViDate(from), to: formatViDate(to), beforeFrom: formatViDate(beforeFrom), beforeTo: formatViDate(beforeTo) },
  };
}

/** A record counted in the ward of a location (a location in no ward of the scope: unassigned). */
export function countedAt(ref: RecordRef, location: Location): Counted {
  return { ref, wardIds: location.kind === 'in' && location.wardId !== undefined ? [location.wardId] : [] };
}

/**
 * Builds the figure from its records. This is where `value === records.length` and "records are
 * distinct" are made true for every figure: duplicates (same id) merge, keeping all their wards.
 */
export function assembleFigure(spec: FigureSpec, scope: ScopeWards, period: PeriodText, data: FigureData): Figure {
  const records = distinct(data.records);
  const denominatorRecords = data.denominatorRecords ? distinct(data.denominatorRecords) : undefined;
  const figure: Figure = {
    key: spec.key,
    label: spec.label,
    definition: spec.definition(period),
    value: records.length,
    records: records.map((c) => c.ref),
    byWard: byWard(scope, records, denominatorRecords),
    byWardAdditive: spec.byWardAdditive,
  };
  if (denominatorRecords) {
    figure.denominator = denominatorRecords.length;
    figure.denominatorRecords = denominatorRecords.map((c) => c.ref);
  }
  return figure;
}

function distinct(records: readonly Counted[]): Counted[] {
  const byId = new Map<Id, { ref: RecordRef; wardIds: Set<Id> }>();
  for (const c of records) {
    const seen = byId.get(c.ref.id);
    if (seen) for (const w of c.wardIds) seen.wardIds.add(w);
    else byId.set(c.ref.id, { ref: c.ref, wardIds: new Set(c.wardIds) });
  }
  return [...byId.values()].map((c) => ({ ref: c.ref, wardIds: [...c.wardIds] })).sort((a, b) => compareNamed(a.ref, b.ref));
}

/** One pass over the records: each goes to the buckets of its wards in scope, or to the unassigned one. */
function byWard(scope: ScopeWards, records: readonly Counted[], denominatorRecords: readonly Counted[] | undefined): WardFigure[] {
  const bucket = (list: readonly Counted[]): Map<Id, RecordRef[]> => {
    const out = new Map<Id, RecordRef[]>();
    for (const c of list) {
      const wards = c.wardIds.filter((w) => scope.wardIds.has(w));
      for (const w of wards.length > 0 ? wards : [UNASSIGNED_WARD_ID]) {
        const refs = out.get(w);
        if (refs) refs.push(c.ref);
        else out.set(w, [c.ref]);
      }
    }
    return out;
  };
  const values = bucket(records);
  const denominators = denominatorRecords ? bucket(denominatorRecords) : undefined;
  const entry = (wardId: Id, wardName: string): WardFigure => {
    const recs = values.get(wardId) ?? [];
    const out: WardFigure = { wardId, wardName, value: recs.length, records: recs };
    if (denominators) {
      const den = denominators.get(wardId) ?? [];
      out.denominator = den.length;
      out.denominatorRecords = den;
    }
    return out;
  };
  const out = scope.wards.map((w) => entry(w.id, w.name));
  if (values.has(UNASSIGNED_WARD_ID) || denominators?.has(UNASSIGNED_WARD_ID)) out.push(entry(UNASSIGNED_WARD_ID, UNASSIGNED_WARD_NAME));
  return out;
}
