import type { ApolloServerPlugin } from '@apollo/server';
import { type Context, operationAsOf, type PrismaClient, todayInVietnam } from '@coso/schema';
import type { Request } from 'express';
import type { Logger } from './logger.js';
import { type RequestRecord, requestRecord } from './request-log.js';

/** The schema's per-request context, plus the request's log record (never seen by resolvers). */
export interface GatewayContext extends Context {
  request: RequestRecord;
}

/** Per request: the database, the viewer (system until accounts land: issue #4), today in Vietnam. */
export function contextFor(prisma: PrismaClient) {
  return async ({ req }: { req: Request }): Promise<GatewayContext> => ({
    prisma,
    viewer: { kind: 'system' },
    today: todayInVietnam(),
    request: requestRecord(req),
  });
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
export function operationContextPlugin(log: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      if (request.operationName) contextValue.request.operationName = request.operationName;
      return {
        async didResolveOperation({ contextValue: ctx, document, request: req, operationName }) {
          if (operationName) ctx.request.operationName = operationName;
          const asOf = operationAsOf(document, req.variables, req.operationName);
          if (asOf) ctx.defaultAsOf = asOf;
        },
        async didEncounterErrors({ contextValue: ctx, errors }) {
          for (const error of errors) {
            const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
            ctx.request.errorCodes.push(code);
            if (code === 'INTERNAL_SERVER_ERROR') {
              // The first line only: Prisma's messages go on to quote the query's arguments (personal data).
              const cause = error.originalError ?? error;
              log.error(
                { reqId: ctx.request.id, path: error.path, error: cause.name, message: cause.message.split('\n')[0]?.slice(0, 200) },
                'resolver error',
              );
            }
          }
        },
      };
    },
  };
}
