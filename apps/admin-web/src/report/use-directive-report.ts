import { skipToken, useQuery } from '@apollo/client/react';
import type { ReportVariables } from './records-drawer';
import { DirectiveReportDocument } from './report-documents';
import type { ReportScope } from './use-report-scope';

/** The report for the page's directive, place and period (once the directive is known). */
export function useDirectiveReport(scope: ReportScope) {
  const variables: ReportVariables | null =
    scope.directive && scope.scopeId ? { directiveId: scope.directive.id, scopeId: scope.scopeId, from: scope.from, to: scope.date } : null;
  const result = useQuery(DirectiveReportDocument, variables ? { variables } : skipToken);
  // While another place or period loads, the previous report stays on screen (marked as refreshing).
  const report = (result.data ?? result.previousData)?.directiveReport;
  return { ...result, variables, report, stale: report !== undefined && result.data === undefined };
}
