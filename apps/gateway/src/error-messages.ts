import type { LocalizedText } from '@coso/domain';
import type { GraphQLFormattedError } from 'graphql';
import { limitMessage } from './graphql-limits.js';

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
