import type { LocalizedText } from '@coso/domain';
import type { GraphQLFormattedError } from 'graphql';
import { limitMessage } from './graphql-limits.js';
import type { Logger } from './logger.js';
import { currentRequest } from './request-log.js';

/**
 * The codes whose messages are the caller's to read: coso's own refusals (bilingualError) and the
 * library's answers about the request itself. Anything else — INTERNAL_SERVER_ERROR, no code, a
 * code no one here chose — may carry Prisma's, PostgreSQL's or Node's text (issue #12) and is
 * replaced by an opaque message naming the request id; the original goes to the log.
 */
const CALLERS_CODES = new Set([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'TOO_MANY_REQUESTS',
]);

/** What a client is told of an error that is not its doing. */
export function internalMessage(requestId: string | undefined): LocalizedText {
  const id = requestId ?? 'unknown';
  return {
    vi: `Lỗi máy chủ; mã yêu cầu ${id} (báo mã này cho quản trị viên).`,
    en: `Internal server error; request id ${id} (give this id to the administrator).`,
  };
}

/**
 * Apollo's formatError for the gateway: errors the caller can act on are put in `{ vi, en }`
 * (formatError below), every other error is masked and logged with the request id.
 */
export function gatewayFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CALLERS_CODES.has(code)) return formatError(formatted);
    const requestId = currentRequest()?.id;
    const cause = (error as { originalError?: unknown })?.originalError ?? error;
    const err = cause instanceof Error ? cause : new Error(String(cause));
    // The first and last lines only: Prisma's messages quote the query's arguments (personal data)
    // in between; the last line is the database's own word ("Can't reach database server at …").
    const lines = err.message.split('\n').filter((l) => l.trim() !== '');
    const prismaCode = (err as { code?: unknown; errorCode?: unknown }).code ?? (err as { errorCode?: unknown }).errorCode;
    log.error(
      {
        reqId: requestId,
        path: formatted.path,
        code,
        error: err.name,
        ...(typeof prismaCode === 'string' ? { prismaCode } : {}),
        message: (lines[0] ?? '').slice(0, 300),
        ...(lines.length > 1 ? { detail: (lines.at(-1) ?? '').slice(0, 300) } : {}),
      },
      'internal error',
    );
    const localized = internalMessage(requestId);
    return {
      message: `${localized.vi} / ${localized.en}`,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}), localizedMessage: localized },
    };
  };
}

/**
 * Every error reaches the client with `extensions.localizedMessage: { vi, en }` (what the admin
 * web shows, in the user's language) and `message` as "vi / en". coso's own errors carry the pair
 * from where they are made (`bilingualError`, the limits); for the messages Apollo and graphql-js
 * write in English only — CSRF refusals, syntax and validation errors — a Vietnamese text is put
 * first here and the English original kept, so nothing is lost.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const own = localizedOf(formatted.extensions) ?? limitMessage(formatted.message);
  const localized = own ?? libraryMessage(formatted.message, formatted.extensions?.code);
  return {
    ...formatted,
    message: own ? formatted.message : `${localized.vi} / ${localized.en}`,
    extensions: { ...formatted.extensions, localizedMessage: localized },
  };
}

function localizedOf(extensions: unknown): LocalizedText | undefined {
  const pair = (extensions as { localizedMessage?: Partial<LocalizedText> } | undefined)?.localizedMessage;
  return typeof pair?.vi === 'string' && typeof pair.en === 'string' ? { vi: pair.vi, en: pair.en } : undefined;
}

function libraryMessage(message: string, code: unknown): LocalizedText {
  // graphql-js 16 writes "more that N tokens".
  const tokens = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/.exec(message);
  if (tokens) return { vi: `Truy vấn quá dài: hơn ${tokens[1]} token.`, en: `Query is too long: more than ${tokens[1]} tokens.` };
  return { vi: vietnamese(message, code), en: message.trim() };
}

function vietnamese(message: string, code: unknown): string {
  if (message.startsWith('This operation has been blocked as a potential Cross-Site Request Forgery')) {
    return 'Yêu cầu bị chặn để phòng giả mạo yêu cầu liên trang (CSRF): gửi với Content-Type: application/json, hoặc thêm header apollo-require-preflight.';
  }
  if (code === 'GRAPHQL_PARSE_FAILED') return 'Lỗi cú pháp GraphQL.';
  if (code === 'GRAPHQL_VALIDATION_FAILED') return 'Truy vấn không khớp với lược đồ GraphQL.';
  if (code === 'BAD_USER_INPUT') return 'Giá trị đầu vào không hợp lệ.';
  if (code === 'PERSISTED_QUERY_NOT_SUPPORTED') return 'Không hỗ trợ persisted query.';
  if (code === 'PERSISTED_QUERY_NOT_FOUND') return 'Không tìm thấy persisted query.';
  if (code === 'BAD_REQUEST') return 'Yêu cầu không hợp lệ.';
  return 'Không xử lý được yêu cầu.';
}
