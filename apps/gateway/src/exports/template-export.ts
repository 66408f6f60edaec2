import { isIsoDate, todayInVietnam } from '@coso/domain';
import {
  createRequestContext,
  exportKindFile,
  importKind,
  mayDownloadTemplates,
  type PrismaClient,
  viewerFromAuthorization,
} from '@coso/schema';
import { type Request, type Response, Router } from 'express';
import { type ExpensiveWork, viewerKey } from '../expensive-work.js';
import type { Logger } from '../logger.js';
import { requestRecord } from '../request-log.js';
import { badRequest, sendExportError, tooManyRequests, unauthenticated } from './export-errors.js';
import { contentDisposition } from './file-names.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `GET /exports/templates/<kind>.xlsx[?asOf=YYYY-MM-DD]`: a kind's records in its import template
 * (issue #14), for a bearer token's viewer, as the API would read them: its territory, its party
 * rights, personal details masked as the API masks them (packages/schema/src/import/export.ts asks
 * the same `Access` the resolvers ask). A file with anything withheld says so and cannot be
 * imported back. Reads a whole kind: expensive work of its viewer, like a report export.
 */
interface TemplateExportDeps {
  prisma: PrismaClient;
  log: Logger;
  expensiveWork: ExpensiveWork;
}

export function templateExportRoutes(deps: TemplateExportDeps): Router {
  const router = Router();
  router.get('/exports/templates/:file', (req, res) => exportTemplate(deps, req, res));
  return router;
}

async function exportTemplate(deps: TemplateExportDeps, req: Request, res: Response): Promise<void> {
  const record = requestRecord(req);
  const viewer = await viewerFromAuthorization(deps.prisma, req.headers.authorization);
  if (!mayDownloadTemplates(viewer)) return sendExportError(req, res, unauthenticated(viewer));
  record.actor = viewer.username;
  const name = String(req.params.file ?? '').replace(/\.xlsx$/u, '');
  const kind = importKind(name);
  const asOf = typeof req.query.asOf === 'string' ? req.query.asOf : todayInVietnam();
  const problems = [
    ...(kind ? [] : [param('kind', `Không có loại dữ liệu "${name}"`, `No kind "${name}"`)]),
    ...(isIsoDate(asOf) ? [] : [param('asOf', 'Ngày số liệu (asOf) phải có dạng YYYY-MM-DD', 'asOf must be a date, YYYY-MM-DD')]),
  ];
  if (!kind || problems.length) return sendExportError(req, res, badRequest('params', problems));
  const admission = await deps.expensiveWork.admit(viewerKey(viewer, req.ip ?? req.socket.remoteAddress));
  if (!admission.ok) return sendExportError(req, res, tooManyRequests(admission));
  try {
    const ctx = await createRequestContext({ prisma: deps.prisma, viewer, requestId: record.id });
    const file = await exportKindFile(ctx, kind, asOf);
    res.set({
      'content-type': XLSX,
      'content-disposition': contentDisposition({
        ascii: `du-lieu-${kind.name}-${asOf}.xlsx`,
        utf8: `${kind.label.vi} ${asOf}.xlsx`.replace(/[\\/:*?"<>|]/g, '-'),
      }),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.send(Buffer.from(file.bytes));
    // Who exported what: counts only, never a record.
    deps.log.info(
      {
        reqId: record.id,
        actor: viewer.username,
        role: viewer.role,
        export: `templates/${kind.name}.xlsx`,
        asOf,
        rows: file.rows,
        ...file.withheld,
      },
      'export',
    );
  } finally {
    admission.release();
  }
}

function param(field: string, vi: string, en: string) {
  return { code: 'EXPORT_PARAMS', severity: 'error' as const, path: [field], message: { vi, en } };
}
