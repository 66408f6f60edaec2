import {
  canWrite,
  createRequestContext,
  importKind,
  importTemplate,
  mayDownloadTemplates,
  type PrismaClient,
  UnreadableFile,
  uploadImport,
  ValidationError,
  viewerFromAuthorization,
} from '@coso/schema';
import express, { type Request, type Response, Router } from 'express';
import { badRequest, FORBIDDEN as EXPORT_FORBIDDEN, sendExportError, unauthenticated } from '../exports/export-errors.js';
import { contentDisposition } from '../exports/file-names.js';
import { HTTP_BODY_LIMIT } from '../graphql-limits.js';
import type { Logger } from '../logger.js';
import { requestRecord } from '../request-log.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Bulk import over HTTP (issue #14): `GET /imports/templates/<kind>.xlsx` downloads a kind's
 * template; `POST /imports?kind=<kind>&fileName=<name>[&source=<source>]` with the file as the
 * body uploads it and answers the batch's id — then GraphQL reads its preview (`importBatch`) and
 * commits it (`commitImport`). The upload has `/graphql`'s limits: the same body size
 * (HTTP_BODY_LIMIT) and Apollo's CSRF rule — a body a browser form could send ("simple" content
 * types) is refused unless a preflight-forcing header is present.
 */
const SIMPLE_CONTENT_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

/** Apollo Server's csrfPrevention, applied to the upload: true when a foreign page could have sent it. */
export function looksLikeCsrf(req: Request): boolean {
  if (PREFLIGHT_HEADERS.some((h) => (req.get(h) ?? '') !== '')) return false;
  const type = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' || SIMPLE_CONTENT_TYPES.has(type);
}

const CSRF_REFUSED = {
  status: 400 as const,
  code: 'BAD_USER_INPUT' as const,
  message: {
    vi: 'Yêu cầu bị chặn (chống CSRF): gửi tệp với Content-Type của nó (ví dụ application/octet-stream, text/csv) hoặc kèm tiêu đề "apollo-require-preflight: true".',
    en: 'Request blocked (CSRF prevention): send the file with its Content-Type (e.g. application/octet-stream, text/csv) or with the header "apollo-require-preflight: true".',
  },
};

const WRITERS_ONLY = {
  ...EXPORT_FORBIDDEN,
  message: { vi: 'Chỉ cán bộ được ghi dữ liệu mới nhập được tệp.', en: 'Only staff who may write data can import files.' },
};

export function importRoutes(deps: { prisma: PrismaClient; log: Logger }): Router {
  const router = Router();
  router.get('/imports/templates/:file', (req, res) => template(deps, req, res));
  router.post('/imports', (req, res, next) => {
    if (looksLikeCsrf(req)) return sendExportError(req, res, CSRF_REFUSED);
    next();
  });
  router.post('/imports', express.raw({ limit: HTTP_BODY_LIMIT, type: () => true }), (req, res) => upload(deps, req, res));
  return router;
}

async function template(deps: { prisma: PrismaClient }, req: Request, res: Response): Promise<void> {
  const viewer = await viewerFromAuthorization(deps.prisma, req.headers.authorization);
  if (!mayDownloadTemplates(viewer)) return sendExportError(req, res, unauthenticated(viewer));
  const name = String(req.params.file ?? '').replace(/\.xlsx$/u, '');
  const kind = importKind(name);
  if (!kind) return sendExportError(req, res, badRequest('params', unknownKind(name)));
  res.set({
    'content-type': XLSX,
    'content-disposition': contentDisposition({
      ascii: `mau-nhap-${kind.name}.xlsx`,
      utf8: `Mẫu nhập ${kind.label.vi.toLowerCase()}.xlsx`,
    }),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.send(await importTemplate(kind));
}

async function upload(deps: { prisma: PrismaClient; log: Logger }, req: Request, res: Response): Promise<void> {
  const record = requestRecord(req);
  const viewer = await viewerFromAuthorization(deps.prisma, req.headers.authorization);
  if (viewer.kind !== 'account') return sendExportError(req, res, unauthenticated(viewer));
  record.actor = viewer.username;
  if (!canWrite(viewer)) return sendExportError(req, res, WRITERS_ONLY);
  const kind = typeof req.query.kind === 'string' ? req.query.kind : '';
  const fileName = typeof req.query.fileName === 'string' ? req.query.fileName : '';
  const source = typeof req.query.source === 'string' ? req.query.source : undefined;
  const bytes: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const problems = [
    ...(importKind(kind) ? [] : unknownKind(kind)),
    ...(fileName.trim() === '' ? [missing('fileName', 'Tên tệp (fileName)', 'The file name (fileName)')] : []),
    ...(bytes.length === 0 ? [missing('body', 'Nội dung tệp', 'The file itself (the request body)')] : []),
  ];
  if (problems.length) return sendExportError(req, res, badRequest('params', problems));
  const ctx = await createRequestContext({ prisma: deps.prisma, viewer, requestId: record.id });
  try {
    const batch = await uploadImport(ctx, { kind, fileName, bytes, source });
    deps.log.info(
      { reqId: record.id, actor: viewer.username, import: batch.id, kind, bytes: bytes.length, sha256: batch.sha256 },
      'import uploaded',
    );
    res
      .status(201)
      .set('cache-control', 'no-store')
      .json({ id: batch.id, kind: batch.kind, fileName: batch.fileName, sha256: batch.sha256, rowCount: batch.rowCount });
  } catch (error) {
    if (error instanceof UnreadableFile) {
      return sendExportError(req, res, { status: 400, code: 'BAD_USER_INPUT', message: error.localized });
    }
    if (error instanceof ValidationError) return sendExportError(req, res, badRequest('params', error.violations));
    throw error;
  }
}

function unknownKind(name: string) {
  return [
    {
      code: 'INVALID_VALUE',
      severity: 'error' as const,
      path: ['kind'],
      message: { vi: `không có loại nhập "${name}"`, en: `there is no import kind "${name}"` },
    },
  ];
}

function missing(path: string, vi: string, en: string) {
  return {
    code: 'REQUIRED_FIELD',
    severity: 'error' as const,
    path: [path],
    message: { vi: `thiếu ${vi.toLowerCase()}`, en: `${en} is missing` },
  };
}
