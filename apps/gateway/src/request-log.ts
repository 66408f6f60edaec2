import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from './logger.js';

/** What the log line of one HTTP request says; GraphQL fills in the operation and error codes. */
export interface RequestRecord {
  /** Made by the gateway: what the audit trail and the personal-data read log store. */
  id: string;
  /** The caller's own `x-request-id` (a proxy's), when it looks like one: logged beside ours, never stored as ours. */
  clientId?: string;
  operationName?: string;
  /** The signed-in username (never personal data of the people in the records). */
  actor?: string;
  errorCodes: string[];
}

const records = new WeakMap<Request, RequestRecord>();

/** The record of a request that went through `requestLog` (a fresh one otherwise). */
export function requestRecord(req: Request): RequestRecord {
  let record = records.get(req);
  if (!record) {
    record = { id: randomUUID(), errorCodes: [] };
    records.set(req, record);
  }
  return record;
}

const scope = new AsyncLocalStorage<RequestRecord>();

/**
 * Runs the rest of a request's handling with its record at hand, for code that is given no
 * request (Apollo's formatError): mounted just before the GraphQL handler, after the body is read.
 */
export function requestScope() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    scope.run(requestRecord(req), next);
  };
}

/** The record of the request being handled, where `requestScope` runs. */
export function currentRequest(): RequestRecord | undefined {
  return scope.getStore();
}

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller's id is logged beside ours when it looks like an id (a proxy's or a client's); anything else is dropped.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

// Probes hit these every few seconds: log them at debug so they do not drown real traffic.
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

/**
 * Request id (always the gateway's own, sent back as `x-request-id`; a caller's `x-request-id` is
 * logged beside it as `clientRequestId`, so a proxy's traces still join, but no caller chooses the id
 * the audit trail records) and one JSON log line per
 * request when the response is finished: id, method, path (never the query string: GET requests
 * carry GraphQL variables there), client address (`req.ip`, see trust-proxy.ts), status, duration,
 * operation name and error codes.
 */
export function requestLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const path = req.path; // routers rewrite req.url on the way; keep what the client asked for
    const given = req.get(REQUEST_ID_HEADER);
    const record: RequestRecord = { id: randomUUID(), ...(given && ACCEPTABLE_ID.test(given) ? { clientId: given } : {}), errorCodes: [] };
    records.set(req, record);
    res.setHeader(REQUEST_ID_HEADER, record.id);
    let logged = false;
    const write = (aborted: boolean) => {
      if (logged) return;
      logged = true;
      const line = {
        reqId: record.id,
        ...(record.clientId ? { clientRequestId: record.clientId } : {}),
        // The client's address as the sign-in throttle counts it: the peer's, or what a proxy TRUST_PROXY names says.
        ...(req.ip ? { clientAddress: req.ip } : {}),
        method: req.method,
        path,
        status: res.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        ...(record.operationName ? { operationName: record.operationName } : {}),
        ...(record.actor ? { actor: record.actor } : {}),
        ...(record.errorCodes.length ? { errorCodes: [...new Set(record.errorCodes)] } : {}),
        ...(aborted ? { aborted: true } : {}),
      };
      if (QUIET_PATHS.has(path) && res.statusCode < 500) log.debug(line, 'request');
      else if (res.statusCode >= 500) log.error(line, 'request');
      else log.info(line, 'request');
    };
    res.on('finish', () => write(false));
    res.on('close', () => write(!res.writableFinished));
    next();
  };
}
