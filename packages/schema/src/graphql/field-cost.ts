/**
 * What a field costs beyond the rows it returns, declared where the field is defined
 * (`extensions: fieldCost(n)`), read by the gateway's cost limit and its bound on concurrent
 * expensive work (apps/gateway/src/query-cost.ts). The unit is the cost limit's: one field of the
 * response. A field that computes a whole report, or scans every record of a place, declares what
 * it costs in those units; fields without a declaration cost 1 (times their page size).
 *
 * The numbers were measured (apps/gateway/README.md, "Limits"): the time one call takes against
 * the time of a page of 100 units with code, parent and ancestors (cost ≈ 2000), on the sample data.
 */
export const FIELD_COST_EXTENSION = 'cost';

/** Costs of the expensive fields, by what they do (one place to compare them). */
export const FIELD_COSTS = {
  /** The whole review report of a directive for a place: every figure over every record of the scope. */
  report: 5000,
  /** The report's rules over every record of the place (as costly as the report: the same evaluation). */
  findings: 5000,
  /** One SQL statement that counts every record of a place, grouped. */
  counts: 1000,
  /** Every audit entry of one record. */
  history: 200,
} as const;

/** The field extension that declares a field's cost (`extensions: fieldCost(FIELD_COSTS.report)`). */
export function fieldCost(cost: number): { [FIELD_COST_EXTENSION]: number } {
  if (!Number.isInteger(cost) || cost < 1) throw new Error(`A field's cost is a positive integer, not ${cost}`);
  return { [FIELD_COST_EXTENSION]: cost };
}

/** The cost a field declares, if any. */
export function declaredCost(field: { extensions?: Readonly<Record<string, unknown>> | null } | undefined): number | undefined {
  const cost = field?.extensions?.[FIELD_COST_EXTENSION];
  return typeof cost === 'number' ? cost : undefined;
}
