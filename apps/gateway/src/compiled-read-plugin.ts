import type { ApolloServerPlugin } from '@apollo/server';
import { compiledResponse } from '@coso/schema';
import type { GatewayContext } from './graphql-context.js';

/**
 * Answers a query whose every root field is one generated statement (the explorer's nested read)
 * with the statements' JSON, without graphql-js walking it (`compiledResponse`); any other
 * operation, or one whose statement failed, is executed as always. After the operation is resolved,
 * so the limits, the cost (and its dry run: the last plugin's `responseForOperation` is asked last)
 * and the bound on expensive work apply first; `willSendResponse` (read logs, `extensions.hidden`)
 * runs for its response as for any other.
 */
export function compiledReadPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, document, request, contextValue, response }) {
          const answer = await compiledResponse({
            schema,
            document,
            operationName: request.operationName,
            variables: request.variables,
            context: contextValue,
          });
          if (!answer) return null;
          return { http: response.http, body: { kind: 'single', singleResult: { data: answer.data } } };
        },
      };
    },
  };
}
