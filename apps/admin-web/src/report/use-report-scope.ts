import { useQuery } from '@apollo/client/react';
import { type IsoDate, isIsoDate } from '@coso/domain';
import type { ReportDirectivesQuery } from '../gql/graphql';
import { useAsOf } from '../lists/use-as-of';
import { useListParams } from '../lists/use-list-params';
import { useSignedInUser } from '../session/session';
import { chosenDirective, defaultReportDate } from './report-defaults';
import { ReportDirectivesDocument } from './report-documents';

export type ReportDirective = ReportDirectivesQuery['directives']['nodes'][number];

export interface ReportScope {
  /** The directives to choose from (loading: empty). */
  directives: ReportDirective[];
  directive: ReportDirective | undefined;
  /** The place reported on: the address's, else the account's territory, else the directive's own place. */
  scopeId: string | undefined;
  /** The report date (as-of), the address's or the latest review conference of the directive. */
  date: IsoDate;
  /** The period's start from the address; null = the server's default (the directive's issue date). */
  from: IsoDate | null;
  loading: boolean;
  error: unknown;
  refetch(): void;
  update(changes: Record<string, string | null>): void;
  params: URLSearchParams;
}

/**
 * Which report a page shows, from the address (?directive=&scope=&from=&<dateParam>=) with
 * defaults: the newest directive, the account's territory (or, for accounts without one, the
 * place the directive was issued for), and the directive's latest review date.
 */
export function useReportScope(dateParam: 'to' | 'asOf'): ReportScope {
  const user = useSignedInUser();
  const { params, update } = useListParams();
  const { fallback, today } = useAsOf(null);
  const { data, loading, error, refetch } = useQuery(ReportDirectivesDocument);
  const directives = data?.directives.nodes ?? [];
  const directive = chosenDirective(directives, params.get('directive'));
  const scopeId = params.get('scope') || user.scopeUnit?.id || directive?.scopeUnit.id;
  const dateValue = params.get(dateParam);
  const fromValue = params.get('from');
  return {
    directives,
    directive,
    scopeId,
    date: dateValue && isIsoDate(dateValue) ? dateValue : defaultReportDate(directive, today, fallback),
    from: fromValue && isIsoDate(fromValue) ? fromValue : null,
    loading,
    error,
    refetch: () => void refetch(),
    update,
    params,
  };
}
