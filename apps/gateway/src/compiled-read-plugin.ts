import type { ApolloServerPlugin } from '@apollo/server';
import { compiledResponse } from '@coso/schema';
import type { GatewayContext } from './graphql-context.js';
import { objectOfJsonTexts } from './json-splice.js';

/**
 * Answers a query whose every root field is one generated statement (the explorer's nested read)
 * with the statements' JSON, without graphql-js walking it (`compiledResponse`); any other
 * operation, or one whose statement failed, is executed as always. After the operation is resolved,
 * so the limits, the cost (and its dry run: the last plugin's `responseForOperation` is asked last)
 * and the bound on expensive work apply first; `willSendResponse` (read logs, `extensions.hidden`)
 * runs for its response as for any other.
 *
 * Over HTTP (`contextValue.jsonSplice`, graphql-http.ts) the statements' JSON is not parsed: `data`
 * is a placeholder for its text, which the handler puts in the body as PostgreSQL sent it. Called
 * from elsewhere (`executeOperation`: the list exports read `data`), the answer is objects.
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
            asText: contextValue.jsonSplice !== undefined,
          });
          if (!answer) return null;
          const splice = contextValue.jsonSplice;
          // A string where Apollo expects the object: only the handler that made the placeholder reads this body.
          const data = splice ? (splice.put(objectOfJsonTexts(answer.data)) as unknown as Record<string, unknown>) : answer.data;
          return { http: response.http, body: { kind: 'single', singleResult: { data } } };
        },
      };
    },
  };
}
