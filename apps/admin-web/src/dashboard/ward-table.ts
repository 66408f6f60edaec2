/** The figures the dashboard charts per ward, in menu order: progress out of a denominator first. */
export const PROGRESS_FIGURES = ['apartmentGroupsWithCell', 'boardHeadsTrainedFireSafety', 'wardsWithApartmentGroups'] as const;
export const COUNT_FIGURES = [
  'residentialGroups',
  'boardsEstablished',
  'boardsConsolidated',
  'residenceContactMembersIntroduced',
  'politicalSystemPeopleOnBoards',
] as const;

interface FigureLike {
  key: string;
  byWard: ReadonlyArray<{ wardId: string | null; wardName: string; value: number; denominator: number | null }>;
}

export interface WardCell {
  value: number;
  denominator: number | null;
}

export interface WardRow {
  wardId: string | null;
  wardName: string;
  /** By figure key; missing when the figure has no entry for the ward. */
  cells: Record<string, WardCell>;
}

/**
 * One row per ward with the chosen figures' values, wards in the report's order (the first
 * figure's), records in no ward last. A figure absent from the report leaves its cells empty.
 */
export function wardTable(figures: readonly FigureLike[], keys: readonly string[]): WardRow[] {
  const rows = new Map<string, WardRow>();
  const rowKey = (w: { wardId: string | null; wardName: string }) => w.wardId ?? `none:${w.wardName}`;
  for (const key of keys) {
    const figure = figures.find((f) => f.key === key);
    for (const w of figure?.byWard ?? []) {
      const k = rowKey(w);
      let row = rows.get(k);
      if (!row) {
        row = { wardId: w.wardId, wardName: w.wardName, cells: {} };
        rows.set(k, row);
      }
      row.cells[key] = { value: w.value, denominator: w.denominator };
    }
  }
  const all = [...rows.values()];
  return [...all.filter((r) => r.wardId !== null), ...all.filter((r) => r.wardId === null)];
}

/** The scale of a bar chart: the largest denominator or value shown (at least 1). */
export function chartMax(cells: ReadonlyArray<WardCell | undefined>): number {
  return Math.max(1, ...cells.map((c) => (c ? Math.max(c.value, c.denominator ?? 0) : 0)));
}

/** A bar as drawn: the share of its track filled, or "not applicable" (0 of 0: nothing to do). */
export type Bar = { kind: 'share'; share: number } | { kind: 'not-applicable' };

/**
 * A ward's bar: out of a denominator, the share done (3/3 and 7/7 are both full, whatever the
 * ward's size); a plain count, its size next to the largest ward's (`max`, from `chartMax`).
 */
export function barOf(cell: WardCell, max: number): Bar {
  if (cell.denominator === 0) return { kind: 'not-applicable' };
  const share = cell.denominator === null ? cell.value / max : cell.value / cell.denominator;
  return { kind: 'share', share: Math.max(0, Math.min(1, share)) };
}

/**
 * The total row's cells: each figure's own value and denominator as the report gives them (a
 * sum of the ward rows would count twice what lies in two wards, see `byWardAdditive`).
 */
export function totalCells(
  figures: ReadonlyArray<FigureLike & { value: number; denominator: number | null }>,
  keys: readonly string[],
): Record<string, WardCell> {
  const cells: Record<string, WardCell> = {};
  for (const key of keys) {
    const figure = figures.find((f) => f.key === key);
    if (figure) cells[key] = { value: figure.value, denominator: figure.denominator };
  }
  return cells;
}
