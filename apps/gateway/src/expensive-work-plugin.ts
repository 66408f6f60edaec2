import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { ExpensiveWork, Refusal } from './expensive-work.js';
import type { GatewayContext } from './graphql-context.js';
import { overCostLimit } from './graphql-limits.js';
import { requestCost } from './query-cost.js';

/**
 * Puts a GraphQL operation that selects an expensive field (one declaring a cost) under the
 * gateway's bound on expensive work (expensive-work.ts), once Apollo has validated it and before it
 * runs; its place is given back when the response is sent. Cheap operations are never held, nor
 * one over the cost limit (graphql-limits.ts refuses it in the same hook).
 */
export function expensiveWorkPlugin(work: ExpensiveWork): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async didResolveOperation(request) {
          const cost = requestCost(request);
          if (!cost || cost.expensive.length === 0 || overCostLimit(cost)) return;
          const ctx = request.contextValue;
          const admission = await work.admit(ctx.expensiveWorkKey);
          if (!admission.ok) throw tooManyRequests(admission);
          release = admission.release;
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
}

/** A refusal as the client gets it: 429 (its own bound) or 503 (the gateway's), `Retry-After`, vi / en. */
export function tooManyRequests(refusal: Refusal): GraphQLError {
  const headers = new HeaderMap([['retry-after', String(refusal.retryAfterSeconds)]]);
  return new GraphQLError(`${refusal.message.vi} / ${refusal.message.en}`, {
    extensions: {
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: refusal.retryAfterSeconds,
      localizedMessage: refusal.message,
      http: { status: refusal.reason === 'viewer' ? 429 : 503, headers },
    },
  });
}
