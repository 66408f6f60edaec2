/**
 * What a field costs beyond the rows it returns, declared where the field is defined
 * (`extensions: fieldCost(n)`), read by the gateway's cost limit and its bound on concurrent
 * expensive work (apps/gateway/src/query-cost.ts). The unit is the cost limit's: one field of the
 * response. A field that computes a whole report, or scans every record of a place, declares what
 * it costs in those units; fields without a declaration cost 1 (times their page size).
 *
 * The numbers are measured: the time one call takes on the sample data (Long Biên 2022) against
 * the time of a page of 100 units with code, parent and ancestors (cost ≈ 2000, ≈ 160 ms on a
 * loaded 2-core machine), rounded up where the work grows with the place (a page does not).
 */
export const FIELD_COST_EXTENSION = 'cost';

/** The field extension that declares a field's cost, next to its definition (`extensions: fieldCost(5000)`). */
export function fieldCost(cost: number): { [FIELD_COST_EXTENSION]: number } {
  if (!Number.isInteger(cost) || cost < 1) throw new Error(`A field's cost is a positive integer, not ${cost}`);
  return { [FIELD_COST_EXTENSION]: cost };
}

/** The cost a field declares, if any. */
export function declaredCost(field: { extensions?: Readonly<Record<string, unknown>> | null } | undefined): number | undefined {
  const cost = field?.extensions?.[FIELD_COST_EXTENSION];
  return typeof cost === 'number' ? cost : undefined;
}
