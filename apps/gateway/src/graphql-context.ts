import type { ApolloServerPlugin } from '@apollo/server';
import {
  type Context,
  createRequestContext,
  hiddenRecords,
  operationAsOf,
  type PrismaClient,
  sessionFromAuthorization,
} from '@coso/schema';
import type { Request, Response } from 'express';
import { viewerKey } from './expensive-work.js';
import type { JsonSplice } from './json-splice.js';
import { type RequestRecord, requestRecord } from './request-log.js';

/** The schema's per-request context, plus the request's log record (never seen by resolvers). */
export interface GatewayContext extends Context {
  request: RequestRecord;
  /** Whose expensive work this request's is (expensive-work.ts): the account, or the address of an anonymous caller. */
  expensiveWorkKey: string;
  /** Over HTTP: where a compiled read's JSON text waits to be put in the body as it is (graphql-http.ts). */
  jsonSplice?: JsonSplice;
}

/**
 * Per request: the viewer behind the session token (anonymous without one), their access
 * decisions (territory loaded before execution) and the audit trail, through the schema's one
 * context factory.
 */
export function contextFor(prisma: PrismaClient) {
  return async ({ req, res, splice }: { req: Request; res?: Response; splice?: JsonSplice }): Promise<GatewayContext> => {
    const request = requestRecord(req);
    // The scope unit comes with the session (one statement): the territory's day and `me { scopeUnit }` need no other.
    const { viewer, scopeUnit } = await sessionFromAuthorization(prisma, req.headers.authorization);
    if (viewer.kind === 'account') request.actor = viewer.username;
    const clientAddress = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    // A client that goes away before its answer (the response closes unfinished) aborts the request's long reads.
    const abandoned = new AbortController();
    res?.on('close', () => {
      if (!res.writableFinished) abandoned.abort();
    });
    const context = await createRequestContext({
      prisma,
      viewer,
      scopeUnit,
      requestId: request.id,
      clientAddress,
      signal: abandoned.signal,
    });
    return { ...context, request, expensiveWorkKey: viewerKey(viewer, clientAddress), ...(splice ? { jsonSplice: splice } : {}) };
  };
}

/**
 * Completes the context once Apollo has parsed and validated the operation.
 *
 * `defaultAsOf` is set in `didResolveOperation` rather than in the context function: Apollo
 * builds the context before it parses, so the context function would have to parse the document a
 * second time (and before the depth/token limits have looked at it). Here Apollo's own parsed (and
 * cached) document is used, the operation is the one Apollo will execute, and resolvers have not
 * started yet, so every field sees the same value.
 *
 * It also records the operation name and the error codes for the request's log line.
 */
export function operationContextPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      if (request.operationName) contextValue.request.operationName = request.operationName;
      return {
        async didResolveOperation({ contextValue: ctx, document, request: req, operationName }) {
          if (operationName) ctx.request.operationName = operationName;
          const asOf = operationAsOf(document, req.variables, req.operationName);
          if (asOf) ctx.defaultAsOf = asOf;
        },
        async willSendResponse({ contextValue: ctx, response }) {
          // Unmasked personal-data reads are logged before the answer leaves.
          await ctx.access.settled();
          // What the viewer's role left out of the answer is said with it (issue #17).
          const hidden = hiddenRecords(ctx);
          if (hidden && response.body.kind === 'single')
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, hidden };
        },
        async didEncounterErrors({ contextValue: ctx, errors }) {
          for (const error of errors) {
            const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
            ctx.request.errorCodes.push(code);
            // Internal errors are logged, with their detail, where they are masked (error-messages.ts).
          }
        },
      };
    },
  };
}
