import type { DirectiveReport, DirectiveReportQuery, Figure, Finding, FindingsQuery, Result } from '@coso/domain';
import { type Access, forbidden, partyDataForbidden } from '../auth/access.js';
import {
  PARTY_FIGURES,
  PARTY_FIGURES_PUBLISHED_BY_WARD,
  PARTY_FINDINGS,
  storedDirectiveReport,
  storedFindings,
} from '../report/compute.js';
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
  const territory = await access.territoryUnits(); // null: not bound to a territory
  return territory === null || territory.has(scopeUnitId);
}

/**
 * FORBIDDEN for a place the viewer may not report on; otherwise the report as the viewer may see it
 * (party figures: see `partyView`), or the violations of the query.
 */
export async function directiveReportFor(ctx: UseCaseContext, query: DirectiveReportQuery): Promise<Result<DirectiveReport>> {
  if (!(await mayReportOn(ctx.access, query.scopeUnitId))) throw forbidden();
  const result = await storedDirectiveReport(ctx.prisma, query, ctx.signal);
  return result.ok ? { ...result, value: partyView(result.value, ctx.access) } : result;
}

/** The findings as the viewer may see them: party findings are for party-organisation roles (asked by code: FORBIDDEN). */
export async function findingsFor(ctx: UseCaseContext, query: FindingsQuery): Promise<Result<Finding[]>> {
  if (!(await mayReportOn(ctx.access, query.scopeUnitId))) throw forbidden();
  const party = ctx.access.seesParty;
  if (!party && query.codes?.some((c) => PARTY_FINDINGS.has(c))) throw partyDataForbidden();
  const result = await storedFindings(ctx.prisma, query, ctx.signal);
  return result.ok && !party ? { ...result, value: result.value.filter((f) => !PARTY_FINDINGS.has(f.code)) } : result;
}

/** May the viewer list the records a figure counts? Those of party figures reveal who is a party member. */
export function mayListFigureRecords(access: Access, figureKey: string): boolean {
  return !PARTY_FIGURES.has(figureKey) || access.seesParty;
}

/** Scopes at which the article publishes party figures' totals (a district; a city after 2025). */
const PUBLISHED_TOTAL_SCOPES = new Set(['DISTRICT', 'PROVINCE']);
/** Figures whose per-ward values were withheld from their reader (so the API can say so). */
const withheldByWard = new WeakSet<Figure>();

/** Were this figure's ward values withheld from the viewer it was made for? */
export function isWithheldByWard(figure: Figure): boolean {
  return withheldByWard.has(figure);
}

/**
 * The report as a reader without party rights may see it: a party figure's total only at a district
 * or city scope, its per-ward values only where the article publishes them (nominations by ward
 * committee); at ward scope the figure is left out (its total would be one ward's value). The
 * narrative is written from what remains. See API.md, "Party data and personal data".
 */
function partyView(report: DirectiveReport, access: Access): DirectiveReport {
  if (access.seesParty) return report;
  const totals = PUBLISHED_TOTAL_SCOPES.has(report.scope.kind);
  const figures = report.figures.flatMap((f): Figure[] => {
    if (!PARTY_FIGURES.has(f.key) || PARTY_FIGURES_PUBLISHED_BY_WARD.has(f.key)) return [f];
    if (!totals) return [];
    const shown = { ...f, byWard: [] };
    withheldByWard.add(shown);
    return [shown];
  });
  return { ...report, figures };
}
