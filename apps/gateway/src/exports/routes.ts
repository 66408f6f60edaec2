import { type DirectiveReport, kindWord, type UnitKind } from '@coso/domain';
import {
  createRequestContext,
  directiveReportFor,
  findingsFor,
  mayListFigureRecords,
  mayReportOn,
  type PrismaClient,
  reportTasksFor,
  type UseCaseContext,
  viewerFromAuthorization,
} from '@coso/schema';
import { type Request, type Response, Router } from 'express';
import { type ExpensiveWork, viewerKey } from '../expensive-work.js';
import type { Logger } from '../logger.js';
import { requestRecord } from '../request-log.js';
import { type DocxContent, directiveReportDocx } from './docx-report.js';
import { badRequest, FORBIDDEN, sendExportError, tooManyRequests, unauthenticated } from './export-errors.js';
import { contentDisposition, exportFileName } from './file-names.js';
import { issuingCommittee, type PartyDocumentParams } from './party-document.js';
import { parseDocumentParams, parseReportParams } from './report-params.js';
import { directiveReportXlsx } from './xlsx-report.js';

type Format = 'docx' | 'xlsx';

interface ExportDeps {
  prisma: PrismaClient;
  log: Logger;
  /** An export computes a whole report: it counts as expensive work of its viewer (expensive-work.ts). */
  expensiveWork: ExpensiveWork;
}

const CONTENT_TYPES: Record<Format, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * `GET /exports/directive-report.docx` and `.xlsx` `?directiveId=&scopeId=&to=[&from=]`: the review
 * report as a Word document or a workbook, for a bearer token's viewer (401 without one, 403 outside
 * a territorial viewer's territory, 400 listing every problem with the parameters or the report).
 * Files hold names of people: never cached. One log line per export: who, which report, no content.
 */
export function exportRoutes(deps: ExportDeps): Router {
  const router = Router();
  router.get('/exports/directive-report.docx', (req, res) => exportReport(deps, 'docx', req, res));
  router.get('/exports/directive-report.xlsx', (req, res) => exportReport(deps, 'xlsx', req, res));
  return router;
}

async function exportReport(deps: ExportDeps, format: Format, req: Request, res: Response): Promise<void> {
  const { prisma, log } = deps;
  const record = requestRecord(req);
  const viewer = await viewerFromAuthorization(prisma, req.headers.authorization);
  if (viewer.kind !== 'account') return sendExportError(req, res, unauthenticated(viewer));
  record.actor = viewer.username;

  const params = parseReportParams(req.query);
  const document = parseDocumentParams(req.query);
  if (!params.ok || !document.ok) {
    const violations = [...(params.ok ? [] : params.violations), ...(document.ok ? [] : document.violations)];
    return sendExportError(req, res, badRequest('params', violations));
  }
  const query = params.value;
  // The same use-case as the GraphQL directiveReport: its scope rule, its party rule.
  const ctx = await createRequestContext({ prisma, viewer, requestId: record.id });
  if (!(await mayReportOn(ctx.access, query.scopeUnitId))) return sendExportError(req, res, FORBIDDEN);

  const admission = await deps.expensiveWork.admit(viewerKey(viewer, req.ip ?? req.socket.remoteAddress));
  if (!admission.ok) return sendExportError(req, res, tooManyRequests(admission));
  try {
    const result = await directiveReportFor(ctx, query);
    if (!result.ok) return sendExportError(req, res, badRequest('report', result.violations));
    const report = result.value;
    const listsRecordsOf = (key: string) => mayListFigureRecords(ctx.access, key);
    const partyRecords = report.figures.every((f) => listsRecordsOf(f.key));
    const body =
      format === 'docx'
        ? await directiveReportDocx(report, await docxContent(ctx, report, document.value))
        : await directiveReportXlsx(report, { listsRecordsOf });

    res.set({
      'content-type': CONTENT_TYPES[format],
      'content-disposition': contentDisposition(exportFileName(report, format)),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.send(body);
    log.info(
      exportLine(record.id, viewer.username, viewer.role, format, report, format === 'xlsx' ? !partyRecords : undefined, body.length),
      'export',
    );
  } finally {
    admission.release();
  }
}

/** What the Word export adds to the report: the issuing committee, the findings on its date, the saved tasks. */
async function docxContent(ctx: UseCaseContext, report: DirectiveReport, params: PartyDocumentParams): Promise<DocxContent> {
  const findings = await findingsFor(ctx, { scopeUnitId: report.scope.id, on: report.asOf });
  const tasks = await reportTasksFor(ctx, {
    directiveId: report.directive.id,
    scopeUnitId: report.scope.id,
    from: report.period.from,
    to: report.period.to,
  });
  return {
    committee: issuingCommittee(report.scope, await parentUnit(ctx.prisma, report.scope.id, report.asOf)),
    params,
    findings: findings.ok ? findings.value : [],
    tasks: tasks?.text,
  };
}

/** The unit directly above the scope on the date (its party organisation heads the document). */
async function parentUnit(
  prisma: PrismaClient,
  unitId: string,
  on: string,
): Promise<{ name: string; kind: UnitKind; kindLabel: string } | undefined> {
  const day = new Date(`${on}T00:00:00Z`);
  const link = await prisma.unitParent.findFirst({
    where: { unitId, validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gt: day } }] },
    include: { parent: true },
  });
  if (!link) return undefined;
  const kind = link.parent.kind as UnitKind;
  return { name: link.parent.name, kind, kindLabel: kindWord({ kind, kindLabel: link.parent.kindLabel }) };
}

/** Who exported which report: ids, dates and sizes only, never a figure's records. */
function exportLine(
  reqId: string,
  actor: string,
  role: string,
  format: Format,
  report: DirectiveReport,
  partyRecordsOmitted: boolean | undefined,
  bytes: number,
): Record<string, unknown> {
  return {
    reqId,
    actor,
    role,
    export: `directive-report.${format}`,
    directiveId: report.directive.id,
    directiveCode: report.directive.code,
    scopeId: report.scope.id,
    from: report.period.from,
    to: report.period.to,
    bytes,
    ...(partyRecordsOmitted === undefined ? {} : { partyRecordsOmitted }),
  };
}
