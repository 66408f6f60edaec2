import type { GraphQLFormattedError } from 'graphql';

/**
 * Vietnamese first for the messages Apollo and graphql-js write in English only: the limits the
 * gateway sets, CSRF refusals, syntax and validation errors. The English original follows, so
 * nothing is lost. Messages written by coso itself are already bilingual and pass unchanged.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = vietnameseFirst(formatted.message, formatted.extensions?.code);
  return message === formatted.message ? formatted : { ...formatted, message };
}

function vietnameseFirst(message: string, code: unknown): string {
  if (message.includes(' / ')) return message; // already bilingual (coso's own messages)
  // graphql-js 16 writes "more that N tokens".
  const tokens = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/.exec(message);
  if (tokens) return `Truy vấn quá dài: hơn ${tokens[1]} token. / Query is too long: more than ${tokens[1]} tokens.`;
  if (message.startsWith('This operation has been blocked as a potential Cross-Site Request Forgery')) {
    return `Yêu cầu bị chặn để phòng giả mạo yêu cầu liên trang (CSRF): gửi với Content-Type: application/json, hoặc thêm header apollo-require-preflight. / ${message.trim()}`;
  }
  if (code === 'GRAPHQL_PARSE_FAILED') return `Lỗi cú pháp GraphQL. / ${message}`;
  if (code === 'GRAPHQL_VALIDATION_FAILED') return `Truy vấn không khớp với lược đồ GraphQL. / ${message}`;
  if (code === 'BAD_USER_INPUT') return `Giá trị đầu vào không hợp lệ. / ${message}`;
  if (code === 'PERSISTED_QUERY_NOT_SUPPORTED') return `Không hỗ trợ persisted query. / ${message}`;
  if (code === 'BAD_REQUEST') return `Yêu cầu không hợp lệ. / ${message}`;
  return message;
}
