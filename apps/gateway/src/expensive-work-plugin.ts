import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { type FragmentDefinitionNode, GraphQLError, Kind } from 'graphql';
import type { ExpensiveWork, Refusal } from './expensive-work.js';
import type { GatewayContext } from './graphql-context.js';
import { operationCost } from './query-cost.js';

/**
 * Puts a GraphQL operation that selects an expensive field (one declaring a cost) under the
 * gateway's bound on expensive work (expensive-work.ts), once Apollo has validated it and before it
 * runs; its place is given back when the response is sent. Cheap operations are never held.
 */
export function expensiveWorkPlugin(work: ExpensiveWork): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async didResolveOperation({ contextValue: ctx, document, operation, schema }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
          const { expensive } = operationCost(schema, operation, (name) => fragments.get(name));
          if (expensive.length === 0) return;
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
