import type { ApolloServer } from '@apollo/server';
import { foldDiacritics, formatViDate, type LocalizedText, todayInVietnam, type UnitKind, unitDisplayName } from '@coso/domain';
import { MAX_PAGE_SIZE, type PrismaClient, viewerFromAuthorization } from '@coso/schema';
import express, { type Request, type Response, Router } from 'express';
import { type DocumentNode, GraphQLError, type GraphQLFormattedError, type GraphQLSchema, parse } from 'graphql';
import { z } from 'zod';
import { contextFor, type GatewayContext } from '../graphql-context.js';
import { HTTP_BODY_LIMIT } from '../graphql-limits.js';
import type { Logger } from '../logger.js';
import { requestRecord } from '../request-log.js';
import { badRequest, type ExportError, sendExportError, unauthenticated } from './export-errors.js';
import { contentDisposition } from './file-names.js';
import { cellOf } from './list-cells.js';
import { csvSink, xlsxSink } from './list-files.js';
import { type ListShape, listShape } from './list-shape.js';

/**
 * `POST /exports/list.xlsx` and `/exports/list.csv` with `{ query, variables, operationName?,
 * title?, filters? }`: any list the API answers, as a file. The gateway runs the GraphQL list query
 * the screen runs — through Apollo, as the signed-in user, with /graphql's limits, cost rules and
 * plugins — page after page (`after: $after`), and writes each page as it comes: masking, party
 * rules and territory are the API's by construction. The columns are the fields the query selects
 * on a row, headed by the domain's Vietnamese labels (list-shape.ts); the file starts with the list's
 * title, its date, the account's scope, the filters on screen and who exported it.
 */
export const LIST_EXPORT_MAX_ROWS = 50_000;

const FORMATS = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
type Format = keyof typeof FORMATS;

const bodySchema = z.object({
  query: z.string().min(1),
  variables: z.record(z.string(), z.unknown()).optional(),
  operationName: z.string().nullish(),
  title: z.string().max(200).optional(),
  filters: z.array(z.string().max(300)).max(20).optional(),
});

interface ListExportDeps {
  prisma: PrismaClient;
  log: Logger;
  apollo: ApolloServer<GatewayContext>;
  schema: GraphQLSchema;
  parseOptions: { maxTokens: number };
}

export function listExportRoutes(deps: ListExportDeps): Router {
  const router = Router();
  for (const format of Object.keys(FORMATS) as Format[]) {
    router.post(`/exports/list.${format}`, express.json({ limit: HTTP_BODY_LIMIT }), (req, res) => exportList(deps, format, req, res));
  }
  return router;
}

const NOT_JSON: ExportError = {
  status: 400,
  code: 'BAD_USER_INPUT',
  message: {
    vi: 'Gửi yêu cầu xuất danh sách dưới dạng JSON (Content-Type: application/json) với query và variables.',
    en: 'Send the list export as JSON (Content-Type: application/json) with query and variables.',
  },
};

const TOO_MANY_ROWS = (total: number): ExportError => ({
  status: 400,
  code: 'BAD_USER_INPUT',
  message: {
    vi: `Danh sách có ${total} dòng, quá ${LIST_EXPORT_MAX_ROWS} dòng một tệp: thu hẹp điều kiện lọc.`,
    en: `The list has ${total} rows, more than ${LIST_EXPORT_MAX_ROWS} per file: narrow the filters.`,
  },
});

type Page = { ok: true; rows: Record<string, unknown>[]; total?: number; next: string | null } | { ok: false; error: ExportError };

async function exportList(deps: ListExportDeps, format: Format, req: Request, res: Response): Promise<void> {
  const record = requestRecord(req);
  const viewer = await viewerFromAuthorization(deps.prisma, req.headers.authorization);
  if (viewer.kind !== 'account') return sendExportError(req, res, unauthenticated(viewer));
  record.actor = viewer.username;
  if (!req.is('application/json')) return sendExportError(req, res, NOT_JSON);
  const body = bodySchema.safeParse(req.body);
  if (!body.success) return sendExportError(req, res, NOT_JSON);
  const { query, operationName, title, filters } = body.data;
  const variables = body.data.variables ?? {};

  let document: DocumentNode;
  try {
    document = parse(query, deps.parseOptions);
  } catch (error) {
    const text = error instanceof GraphQLError ? error.message : String(error);
    return sendExportError(req, res, {
      ...NOT_JSON,
      message: { vi: `Truy vấn không đọc được: ${text}`, en: `The query cannot be read: ${text}` },
    });
  }
  const shape = listShape(deps.schema, document, operationName);
  if (!shape.ok) return sendExportError(req, res, badRequest('params', shape.violations));
  const list = shape.value;
  if (operationName) record.operationName = operationName;

  // One context for the whole export (one viewer, one abort signal when the client goes away), as for one request.
  const contextValue = await contextFor(deps.prisma)({ req, res });
  const run = (after: string | null) => runPage(deps, contextValue, list, { query, operationName, variables }, after);
  const first = await run(null);
  if (!first.ok) return sendExportError(req, res, first.error);
  if (first.total !== undefined && first.total > LIST_EXPORT_MAX_ROWS) return sendExportError(req, res, TOO_MANY_ROWS(first.total));

  const asOf = dateOf(variables);
  const heading = (title ?? 'Danh sách').normalize('NFC');
  const lines = [
    heading,
    `Ngày số liệu: ${formatViDate(asOf)}`,
    `Phạm vi: ${await scopeText(deps.prisma, viewer.scopeUnitId, asOf)}`,
    ...(filters && filters.length > 0 ? [`Điều kiện lọc: ${filters.join('; ')}`] : []),
    ...(first.total !== undefined ? [`Tổng số: ${first.total}`] : []),
    `Người xuất: ${viewer.username}, ngày ${formatViDate(todayInVietnam())}`,
  ];
  res.set({
    'content-type': FORMATS[format],
    'content-disposition': contentDisposition(fileName(heading, asOf, format)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  const sink = format === 'xlsx' ? xlsxSink(res, heading) : csvSink(res);
  let rows = 0;
  try {
    for (const line of lines) sink.row([line]);
    sink.row([]);
    sink.header(list.columns.map((c) => c.header.vi));
    let page: Page = first;
    for (;;) {
      if (!page.ok) throw new Error(`${page.error.code}: ${page.error.message.en}`);
      for (const node of page.rows) {
        if (rows >= LIST_EXPORT_MAX_ROWS) break;
        sink.row(list.columns.map((c) => cellOf(c.type, node[c.key])));
        rows += 1;
      }
      if (!page.next || rows >= LIST_EXPORT_MAX_ROWS || res.destroyed) break;
      page = await run(page.next);
    }
    await sink.end();
    deps.log.info(
      {
        reqId: record.id,
        actor: viewer.username,
        role: viewer.role,
        export: `list.${format}`,
        operationName,
        list: list.path.join('.'),
        rows,
      },
      'export',
    );
  } catch (error) {
    // Headers are gone: the download is cut short rather than ending as a file that looks whole.
    deps.log.warn({ reqId: record.id, err: error, rows }, 'list export stopped');
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

/** One page of the list, run through Apollo like a request to /graphql from the same client. */
async function runPage(
  deps: ListExportDeps,
  contextValue: GatewayContext,
  list: ListShape,
  request: { query: string; operationName?: string | null | undefined; variables: Record<string, unknown> },
  after: string | null,
): Promise<Page> {
  const response = await deps.apollo.executeOperation(
    {
      query: request.query,
      ...(request.operationName ? { operationName: request.operationName } : {}),
      variables: { ...request.variables, first: MAX_PAGE_SIZE, after },
    },
    { contextValue },
  );
  if (response.body.kind !== 'single') return { ok: false, error: NOT_JSON };
  const { data, errors } = response.body.singleResult;
  let connection: unknown = data;
  for (const key of list.path) {
    // A list inside a list of one (a report's `figures(keys: [$key])`) is that one's.
    const one = Array.isArray(connection) ? connection[0] : connection;
    connection = one && typeof one === 'object' ? (one as Record<string, unknown>)[key] : undefined;
  }
  if (!connection || typeof connection !== 'object') {
    // No list and no error: the API answers nothing there (a party figure's ward share for an analyst): an empty list.
    if (!errors?.length && data) return { ok: true, rows: [], next: null };
    return { ok: false, error: refusal(errors) };
  }
  const c = connection as {
    totalCount?: number;
    pageInfo?: { endCursor?: string | null; hasNextPage?: boolean };
    nodes?: Record<string, unknown>[];
    edges?: Array<{ node?: Record<string, unknown> }>;
  };
  const rows = list.rows === 'nodes' ? (c.nodes ?? []) : (c.edges ?? []).flatMap((e) => (e.node ? [e.node] : []));
  const next = c.pageInfo?.hasNextPage && c.pageInfo.endCursor ? c.pageInfo.endCursor : null;
  return { ok: true, rows, next, ...(typeof c.totalCount === 'number' ? { total: c.totalCount } : {}) };
}

/** Why the API gave no list: its own errors' code and words (FORBIDDEN, BAD_USER_INPUT, TOO_MANY_REQUESTS…). */
function refusal(errors: readonly GraphQLFormattedError[] | undefined): ExportError {
  const first = errors?.[0];
  const code = first?.extensions?.code;
  const localized = first?.extensions?.localizedMessage as LocalizedText | undefined;
  const message = localized ?? { vi: first?.message ?? 'Không đọc được danh sách.', en: first?.message ?? 'The list could not be read.' };
  if (code === 'FORBIDDEN') return { status: 403, code, message };
  if (code === 'UNAUTHENTICATED') return { status: 401, code, message };
  if (code === 'TOO_MANY_REQUESTS') return { status: 429, code, message };
  return { status: 400, code: 'BAD_USER_INPUT', message };
}

/** The list's date: the query's `asOf` (or a report's `to`), else today in Vietnam. */
function dateOf(variables: Record<string, unknown>): string {
  for (const name of ['asOf', 'to', 'on']) {
    const value = variables[name];
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  }
  return todayInVietnam();
}

async function scopeText(prisma: PrismaClient, scopeUnitId: string | null, _asOf: string): Promise<string> {
  if (!scopeUnitId) return 'Toàn bộ dữ liệu';
  const unit = await prisma.administrativeUnit.findUnique({ where: { id: scopeUnitId } });
  return unit ? unitDisplayName({ name: unit.name, kind: unit.kind as UnitKind, kindLabel: unit.kindLabel }) : 'Toàn bộ dữ liệu';
}

function fileName(title: string, asOf: string, format: Format) {
  const utf8 = `${title} ${asOf}.${format}`.normalize('NFC').replace(/[\\/:*?"<>|]/g, '-');
  const ascii = `${foldDiacritics(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')}-${asOf}.${format}`;
  return { ascii, utf8 };
}
