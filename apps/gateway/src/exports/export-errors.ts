import type { LocalizedText, Violation } from '@coso/domain';
import { SIGN_IN, signInMessage, type Viewer } from '@coso/schema';
import type { Request, Response } from 'express';
import type { Refusal } from '../expensive-work.js';
import { requestRecord } from '../request-log.js';

/** An export refused, answered as the GraphQL-style JSON error the rest of the gateway uses. */
export interface ExportError {
  status: 400 | 401 | 403 | 429 | 503;
  code: 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'TOO_MANY_REQUESTS';
  message: LocalizedText;
  violations?: Violation<string>[];
  retryAfterSeconds?: number;
  /** More for the client to act on (UNAUTHENTICATED: `credential` and `signIn`). */
  extensions?: Record<string, unknown>;
}

/** No session: why (the credential's problem) and how to sign in, as the GraphQL UNAUTHENTICATED error says it. */
export function unauthenticated(viewer: Viewer): ExportError {
  const credential = (viewer.kind === 'anonymous' ? viewer.credential : undefined) ?? 'MISSING';
  return { status: 401, code: 'UNAUTHENTICATED', message: signInMessage(credential), extensions: { credential, signIn: SIGN_IN } };
}

export const FORBIDDEN: ExportError = {
  status: 403,
  code: 'FORBIDDEN',
  message: { vi: 'Bạn chỉ được xuất báo cáo trong địa bàn của mình.', en: 'You may export reports for your own territory only.' },
};

/** Too much expensive work in flight (expensive-work.ts): 429 for the viewer's own bound, 503 for the gateway's. */
export function tooManyRequests(refusal: Refusal): ExportError {
  const status = refusal.reason === 'viewer' ? 429 : 503;
  return { status, code: 'TOO_MANY_REQUESTS', message: refusal.message, retryAfterSeconds: refusal.retryAfterSeconds };
}

/** Bad parameters, or a report the domain refuses: every violation, Vietnamese first, then English. */
export function badRequest(what: 'params' | 'report', violations: Violation<string>[]): ExportError {
  const vi = violations.map((v) => v.message.vi).join('; ');
  const en = violations.map((v) => v.message.en).join('; ');
  const [headVi, headEn] =
    what === 'params' ? ['Tham số không hợp lệ', 'Invalid parameters'] : ['Không lập được báo cáo', 'The report cannot be made'];
  return { status: 400, code: 'BAD_USER_INPUT', message: { vi: `${headVi}: ${vi}.`, en: `${headEn}: ${en}.` }, violations };
}

export function sendExportError(req: Request, res: Response, error: ExportError): void {
  requestRecord(req).errorCodes.push(error.code);
  res.set('cache-control', 'no-store');
  if (error.status === 401) res.set('www-authenticate', 'Bearer');
  if (error.retryAfterSeconds !== undefined) res.set('retry-after', String(error.retryAfterSeconds));
  res.status(error.status).json({
    errors: [
      {
        message: `${error.message.vi} / ${error.message.en}`,
        extensions: {
          code: error.code,
          ...error.extensions,
          localizedMessage: error.message,
          ...(error.violations ? { violations: error.violations } : {}),
          ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
        },
      },
    ],
  });
}
