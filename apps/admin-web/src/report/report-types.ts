import type { DirectiveReportQuery } from '../gql/graphql';

export type Report = DirectiveReportQuery['directiveReport'];
export type ReportFigure = Report['figures'][number];
export type WardFigure = ReportFigure['byWard'][number];
