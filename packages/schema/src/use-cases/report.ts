import type { DirectiveReport, DirectiveReportQuery, Finding, FindingsQuery, Result } from '@coso/domain';
import { type Access, forbidden } from '../auth/access.js';
import { PARTY_FIGURES, storedDirectiveReport, storedFindings } from '../report/compute.js';
import type { UseCaseContext } from './context.js';

/**
 * The directive report and the findings for a viewer: one scope rule and one party rule for every
 * caller (the GraphQL queries, the Word/Excel exports). A viewer reports on a place they may read
 * and, when bound to a territory, on their own territory only (their unit and those below: the
 * units above theirs are readable for breadcrumbs but not theirs to report on).
 */
export async function mayReportOn(access: Access, scopeUnitId: string): Promise<boolean> {
  if (!access.signedIn) return false;
  if (!(await access.canRead('AdministrativeUnit', scopeUnitId))) return false;
  const territory = access.territoryUnits(); // null: not bound to a territory
  return territory === null || territory.has(scopeUnitId);
}

/** FORBIDDEN for a place the viewer may not report on; otherwise the report (or the violations of the query). */
export async function directiveReportFor(ctx: UseCaseContext, query: DirectiveReportQuery): Promise<Result<DirectiveReport>> {
  if (!(await mayReportOn(ctx.access, query.scopeUnitId))) throw forbidden();
  return storedDirectiveReport(ctx.prisma, query);
}

export async function findingsFor(ctx: UseCaseContext, query: FindingsQuery): Promise<Result<Finding[]>> {
  if (!(await mayReportOn(ctx.access, query.scopeUnitId))) throw forbidden();
  return storedFindings(ctx.prisma, query);
}

/** May the viewer list the records a figure counts? Those of party figures reveal who is a party member. */
export function mayListFigureRecords(access: Access, figureKey: string): boolean {
  return !PARTY_FIGURES.has(figureKey) || access.seesParty;
}
