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
