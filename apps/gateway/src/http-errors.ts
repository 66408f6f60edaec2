import type { LocalizedText } from '@coso/domain';
import type { NextFunction, Request, Response } from 'express';
import { HTTP_BODY_LIMIT } from './graphql-limits.js';
import type { Logger } from './logger.js';
import { requestRecord } from './request-log.js';

interface BodyParserError {
  status?: number;
  type?: string;
}

/** Body-parser failures (bad JSON, too large, wrong charset) and anything unexpected, answered as GraphQL-style JSON errors. */
export function httpErrorHandler(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const e = (typeof error === 'object' && error !== null ? error : {}) as BodyParserError;
    const [status, code, message] = describe(e);
    const record = requestRecord(req);
    record.errorCodes.push(code);
    if (status >= 500) log.error({ reqId: record.id, err: error }, 'unexpected error');
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status).json({ errors: [{ message: `${message.vi} / ${message.en}`, extensions: { code, localizedMessage: message } }] });
  };
}

function describe(e: BodyParserError): [number, string, LocalizedText] {
  switch (e.type) {
    case 'entity.too.large':
      return [
        413,
        'PAYLOAD_TOO_LARGE',
        { vi: `Yêu cầu quá lớn (tối đa ${HTTP_BODY_LIMIT}).`, en: `The request body is too large (at most ${HTTP_BODY_LIMIT}).` },
      ];
    case 'entity.parse.failed':
      return [400, 'BAD_REQUEST', { vi: 'Nội dung JSON không hợp lệ.', en: 'The request body is not valid JSON.' }];
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return [415, 'BAD_REQUEST', { vi: 'Bảng mã không được hỗ trợ; dùng UTF-8.', en: 'Unsupported charset or encoding; use UTF-8.' }];
    default:
      if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
        return [e.status, 'BAD_REQUEST', { vi: 'Yêu cầu không hợp lệ.', en: 'Bad request.' }];
      }
      return [500, 'INTERNAL_SERVER_ERROR', { vi: 'Lỗi máy chủ.', en: 'Internal server error.' }];
  }
}
